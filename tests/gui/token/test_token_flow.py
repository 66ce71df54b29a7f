"""Token handling in the real window: keychain, first run, no keychain, 401, secrecy."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from flxdesk.flxpoint.demo_api import DemoApi
from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.token.dialog import TokenDialog
from flxdesk.history.store import State
from flxdesk.host.logging_setup import setup_file_logging
from flxdesk.host.paths import AppPaths
from support.keychain import MemoryKeyring
from support.window import scan

TOKEN = "Zq8-secret-token-value-4711"


@pytest.fixture
def api() -> Iterator[DemoApi]:
    with DemoApi(token=TOKEN) as server:
        yield server


@pytest.fixture
def start_window(start_app, api: DemoApi):
    """Start the real window (not the demo) against this file's API."""
    return lambda: start_app(demo=False, api_url=api.url)


def first_state(running: RunningApp) -> State:
    return running.window.model.row_at(0).state


def visible_dialog(running: RunningApp, kind: type, name: str):
    for dialog in running.window.findChildren(kind, name):
        if dialog.isVisible():
            return dialog
    return None


def status_texts(running: RunningApp) -> str:
    return " | ".join(label.text() for label in running.window.statusBar().findChildren(QLabel))


def enter_token(qtbot: QtBot, running: RunningApp, token: str) -> None:
    qtbot.waitUntil(lambda: visible_dialog(running, TokenDialog, "tokenDialog") is not None)
    dialog = visible_dialog(running, TokenDialog, "tokenDialog")
    edit = dialog.findChild(QLineEdit, "tokenEdit")
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(edit, token)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_stored_token_starts_straight_into_the_window(
    qtbot: QtBot, start_window, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password("flxdesk", "default", TOKEN)
    running = start_window()
    qtbot.waitUntil(lambda: "system keychain" in status_texts(running))
    assert visible_dialog(running, TokenDialog, "tokenDialog") is None
    scan(qtbot, running.window, "1500")
    qtbot.waitUntil(lambda: first_state(running) is State.SENT, timeout=10_000)
    assert "DEMO" not in running.window.windowTitle()


def test_first_run_asks_for_the_token_and_saves_it_in_the_keychain(
    qtbot: QtBot, start_window, memory_keyring: MemoryKeyring, api: DemoApi
) -> None:
    running = start_window()
    scan(qtbot, running.window, "1501")  # scanned before a token exists: waits, is not lost
    enter_token(qtbot, running, f"  {TOKEN} ")
    qtbot.waitUntil(lambda: first_state(running) is State.SENT, timeout=10_000)
    assert memory_keyring.passwords == {("flxdesk", "default"): TOKEN}
    assert api.requests[0].headers["x-api-token"] == TOKEN


def test_a_keychain_token_with_a_line_break_is_refused_and_asked_for_again(
    qtbot: QtBot, start_window, memory_keyring: MemoryKeyring, api: DemoApi, app_log: Path
) -> None:
    memory_keyring.set_password("flxdesk", "default", f"{TOKEN}\r\nX-Other: 1")
    running = start_window()
    qtbot.waitUntil(lambda: visible_dialog(running, TokenDialog, "tokenDialog") is not None)
    result = running.window.findChild(QLabel, "resultLabel").text()
    assert result.startswith("The API token saved in the keychain cannot be used.")
    qtbot.waitUntil(lambda: "No API token" in status_texts(running))
    scan(qtbot, running.window, "1502")  # waits for the new token
    enter_token(qtbot, running, TOKEN)
    qtbot.waitUntil(lambda: first_state(running) is State.SENT, timeout=10_000)
    assert [seen.headers["x-api-token"] for seen in api.requests] == [TOKEN]
    assert memory_keyring.passwords == {("flxdesk", "default"): TOKEN}
    assert "cannot be used" in app_log.read_text()
    assert "Zq8" not in app_log.read_text()


def test_bad_token_text_is_refused_in_the_dialog(qtbot: QtBot, start_window) -> None:
    running = start_window()
    enter_token(qtbot, running, "two words")
    dialog = visible_dialog(running, TokenDialog, "tokenDialog")
    assert dialog is not None
    assert "spaces" in dialog.findChild(QLabel, "tokenError").text()


@pytest.mark.usefixtures("broken_keyring")
def test_without_a_keychain_the_token_can_be_kept_for_this_session_only(
    qtbot: QtBot, start_window, flxdesk_home: Path
) -> None:
    running = start_window()
    qtbot.waitUntil(
        lambda: visible_dialog(running, QMessageBox, "keychainUnavailableBox") is not None
    )
    box = visible_dialog(running, QMessageBox, "keychainUnavailableBox")
    assert "No system keychain" in box.text()
    assert "never saves the token in a file" in box.informativeText()
    keep = next(b for b in box.findChildren(QPushButton) if "session only" in b.text())
    keep.click()
    enter_token(qtbot, running, TOKEN)
    qtbot.waitUntil(lambda: "this session only" in status_texts(running))
    scan(qtbot, running.window, "1502")
    qtbot.waitUntil(lambda: first_state(running) is State.SENT, timeout=10_000)


@pytest.mark.usefixtures("no_logon_session_keyring")
def test_a_windows_keychain_without_a_logon_session_is_explained_and_the_state_known(
    qtbot: QtBot, start_window
) -> None:
    """keyring's Windows backend lets pywintypes.error 1312 through; the window still knows
    there is no token (before, it said "checking the keychain" for ever)."""
    running = start_window()
    qtbot.waitUntil(
        lambda: visible_dialog(running, QMessageBox, "keychainUnavailableBox") is not None
    )
    box = visible_dialog(running, QMessageBox, "keychainUnavailableBox")
    assert "Windows error 1312" in box.text() and "scheduled task" in box.text()
    qtbot.waitUntil(lambda: "No API token" in status_texts(running))
    assert "checking the keychain" not in status_texts(running)


def test_rejected_token_holds_the_queue_and_asks_again(
    qtbot: QtBot, start_window, memory_keyring: MemoryKeyring, api: DemoApi
) -> None:
    memory_keyring.set_password("flxdesk", "default", "an-old-token")
    running = start_window()
    qtbot.waitUntil(lambda: "system keychain" in status_texts(running))
    scan(qtbot, running.window, "1503")
    qtbot.waitUntil(lambda: "Account, Source and Channel" in running.window.result_label.text())
    row = running.window.model.row_at(0)
    assert (row.state, row.http_code) == (State.QUEUED, 401)  # waits; not failed, not lost
    # The status bar hears the engine's state, which may come a moment after the row's.
    qtbot.waitUntil(lambda: "No API token: 1 waiting" in status_texts(running))
    tried = len(api.requests)
    enter_token(qtbot, running, TOKEN)
    qtbot.waitUntil(lambda: memory_keyring.passwords[("flxdesk", "default")] == TOKEN)
    # Queued under the refused token: sent with the new one after one click, never silently.
    # The panel is made when the held rows are counted: looked for until it is shown.
    qtbot.waitUntil(lambda: visible_held_panel(running) is not None)
    panel = visible_held_panel(running)
    assert panel is not None
    assert "Send them with the new token?" in panel.findChild(QLabel, "heldText").text()
    assert len(api.requests) == tried and first_state(running) is State.QUEUED
    panel.findChild(QPushButton, "sendHeldButton").click()
    qtbot.waitUntil(lambda: first_state(running) is State.SENT, timeout=10_000)
    assert not panel.isVisible()


def visible_held_panel(running: RunningApp) -> QFrame | None:
    panel = running.window.findChild(QFrame, "heldPanel")
    return panel if panel is not None and panel.isVisible() else None


def test_forget_token_removes_it_from_the_keychain(
    qtbot: QtBot, start_window, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password("flxdesk", "default", TOKEN)
    running = start_window()
    qtbot.waitUntil(lambda: running.window.menus.forget_token_action.isEnabled())
    running.window.menus.forget_token_action.trigger()
    box = visible_dialog(running, QMessageBox, "forgetTokenBox")
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: memory_keyring.passwords == {})
    qtbot.waitUntil(lambda: "No API token" in status_texts(running))


@pytest.fixture
def app_log(paths: AppPaths) -> Iterator[Path]:
    """The app's own file log, as main() sets it up, for this test only."""
    handler = setup_file_logging(paths.log_file, logging.DEBUG)
    yield paths.log_file
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_token_is_in_no_file_title_or_history_after_a_session(
    qtbot: QtBot, start_window, flxdesk_home: Path, app_log: Path
) -> None:
    running = start_window()
    enter_token(qtbot, running, TOKEN)
    for order_id in ("1600", "404404"):
        scan(qtbot, running.window, order_id)
    qtbot.waitUntil(
        lambda: (
            {running.window.model.row_at(n).state for n in range(2)} == {State.SENT, State.FAILED}
        ),
        timeout=10_000,
    )
    assert TOKEN not in running.window.windowTitle()
    running.close()
    files = [path for path in flxdesk_home.rglob("*") if path.is_file()]
    assert any(path.name == "history.sqlite3" for path in files)
    assert app_log in files
    assert "404404" in app_log.read_text()  # the log was written during the session
    for path in files:
        assert TOKEN.encode() not in path.read_bytes(), path
