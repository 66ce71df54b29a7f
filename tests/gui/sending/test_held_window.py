"""Updates queued for another destination are held in the real window until the person chooses."""

from __future__ import annotations

import shutil
from collections import Counter

from PySide6.QtWidgets import QDialogButtonBox, QFrame, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from flxdesk.flxpoint.demo_api import DemoApi
from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.token.dialog import TokenDialog
from flxdesk.history.store import HistoryStore, State
from flxdesk.host.paths import AppPaths
from support.keychain import MemoryKeyring
from support.paths import FIXTURES
from support.window import scan, status_texts, visible_child, wait_until_idle_with_a_token

TOKEN = "Zq8-test-token-value-4711"  # not a real token
NEW_TOKEN = "Zq8-rotated-test-token-0815"
FIXTURE = FIXTURES / "history-v1.sqlite3"


def waiting(running: RunningApp) -> int:
    counts = running.store.count_by_state()
    return counts[State.QUEUED] + counts[State.SENDING]


def held_panel(running: RunningApp) -> QFrame | None:
    return visible_child(running.window, QFrame, "heldPanel")


def wait_for_panel(qtbot: QtBot, running: RunningApp) -> QFrame:
    qtbot.waitUntil(lambda: held_panel(running) is not None)
    return held_panel(running)


def answer_box(qtbot: QtBot, running: RunningApp, name: str, button) -> QMessageBox:
    qtbot.waitUntil(lambda: visible_child(running.window, QMessageBox, name) is not None)
    box = visible_child(running.window, QMessageBox, name)
    text = box.text()
    box.button(button).click()
    return text


def queue_without_sending(qtbot: QtBot, start_app, api_url: str, orders: list[str]) -> None:
    """Scan with no token yet (first run), then close: the updates stay queued for api_url."""
    first = start_app(demo=False, api_url=api_url)
    for order_id in orders:
        scan(qtbot, first.window, order_id)
    assert [row.state for row in first.store.newest(100)] == [State.QUEUED] * len(orders)
    first.close()


def test_queued_for_url_a_reaches_url_b_only_after_confirmation_exactly_once(
    qtbot: QtBot, start_app, memory_keyring: MemoryKeyring
) -> None:
    orders = [str(n) for n in range(1400, 1406)]
    with DemoApi(token=TOKEN) as server_a, DemoApi(token=TOKEN) as server_b:
        queue_without_sending(qtbot, start_app, server_a.url, orders)
        memory_keyring.set_password("flxdesk", "default", TOKEN)
        # The API address setting changed to B since.
        running = start_app(demo=False, api_url=server_b.url)
        wait_until_idle_with_a_token(qtbot, running)
        panel = wait_for_panel(qtbot, running)
        text = panel.findChild(QLabel, "heldText").text()
        assert text.startswith(f"6 updates were queued for {server_a.url}; they are held.")
        assert f"flxdesk now sends to {server_b.url}." in text
        qtbot.waitUntil(lambda: "6 held for another destination" in status_texts(running.window))
        assert server_b.requests == [] and server_a.requests == []

        send = panel.findChild(QPushButton, "sendHeldButton")
        assert send.text() == f"Send to {server_b.url}…"
        send.click()
        question = answer_box(qtbot, running, "sendHeldBox", QMessageBox.StandardButton.Cancel)
        assert (
            question == f"Send the 6 updates queued for {server_a.url} to {server_b.url} instead?"
        )
        assert held_panel(running) is not None and server_b.requests == []

        panel.findChild(QPushButton, "sendHeldButton").click()
        answer_box(qtbot, running, "sendHeldBox", QMessageBox.StandardButton.Yes)
        qtbot.waitUntil(
            lambda: {row.state for row in running.store.newest(100)} == {State.SENT},
            timeout=15_000,
        )
        assert held_panel(running) is None
    assert Counter(seen.order_id for seen in server_b.requests) == dict.fromkeys(orders, 1)
    assert server_a.requests == []


def test_discarding_held_updates_cancels_them_with_the_reason(
    qtbot: QtBot, start_app, memory_keyring: MemoryKeyring
) -> None:
    with DemoApi(token=TOKEN) as server_a, DemoApi(token=TOKEN) as server_b:
        queue_without_sending(qtbot, start_app, server_a.url, ["1410", "1411"])
        memory_keyring.set_password("flxdesk", "default", TOKEN)
        running = start_app(demo=False, api_url=server_b.url)
        wait_until_idle_with_a_token(qtbot, running)
        panel = wait_for_panel(qtbot, running)
        panel.findChild(QPushButton, "discardHeldButton").click()
        question = answer_box(qtbot, running, "discardHeldBox", QMessageBox.StandardButton.Yes)
        assert question == f"Discard the 2 updates held for {server_a.url}?"
        qtbot.waitUntil(lambda: held_panel(running) is None)
        rows = running.store.newest(100)
        assert len(rows) == 2  # nothing deleted
        for row in rows:
            assert row.state is State.CANCELLED
            assert row.message == (
                f"Discarded by the person: it was queued for {server_a.url}, "
                f"not for {server_b.url}."
            )
        assert running.window.model.row_at(0).state is State.CANCELLED  # the view shows it
    assert server_a.requests == [] and server_b.requests == []


def set_token_in_window(qtbot: QtBot, running: RunningApp, token: str) -> None:
    running.window.menus.set_token_action.trigger()
    qtbot.waitUntil(lambda: visible_child(running.window, TokenDialog, "tokenDialog") is not None)
    dialog = visible_child(running.window, TokenDialog, "tokenDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "tokenEdit"), token)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_queued_under_one_token_is_sent_with_the_new_one_after_one_click(
    qtbot: QtBot, start_app, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password("flxdesk", "default", TOKEN)
    orders = ["1420", "1421", "1422", "1423"]
    with DemoApi(token=NEW_TOKEN) as api:
        running = start_app(demo=False, api_url=api.url)
        wait_until_idle_with_a_token(qtbot, running)
        engine = running.engine_thread
        engine.pause()  # as the bulk panel's Pause: the updates wait under the first token
        qtbot.waitUntil(lambda: "Paused" in status_texts(running.window))
        for order_id in orders:
            scan(qtbot, running.window, order_id)
        set_token_in_window(qtbot, running, NEW_TOKEN)  # Token → Set or replace token…
        qtbot.waitUntil(lambda: memory_keyring.passwords[("flxdesk", "default")] == NEW_TOKEN)
        engine.resume()
        panel = wait_for_panel(qtbot, running)
        assert panel.findChild(QLabel, "heldText").text() == (
            "4 updates were queued under a different API token; they are held. "
            "Send them with the new token?"
        )
        qtbot.waitUntil(lambda: "Nothing waiting; 4 held" in status_texts(running.window))
        assert api.requests == []
        panel.findChild(QPushButton, "sendHeldButton").click()  # the one click
        qtbot.waitUntil(
            lambda: {row.state for row in running.store.newest(100)} == {State.SENT},
            timeout=15_000,
        )
    assert Counter(seen.order_id for seen in api.requests) == dict.fromkeys(orders, 1)
    assert {seen.headers["x-api-token"] for seen in api.requests} == {NEW_TOKEN}
    assert {seen.answer for seen in api.requests} == {201}


def test_a_history_from_before_destinations_is_held_until_the_person_chooses(
    qtbot: QtBot, start_app, paths: AppPaths, memory_keyring: MemoryKeyring
) -> None:
    """The shared file of older versions may hold demo practice: nothing leaves by itself."""
    shutil.copyfile(FIXTURE, paths.history_db)
    memory_keyring.set_password("flxdesk", "default", TOKEN)
    with DemoApi(token=TOKEN) as api:
        running = start_app(demo=False, api_url=api.url)
        wait_until_idle_with_a_token(qtbot, running)
        panel = wait_for_panel(qtbot, running)
        text = panel.findChild(QLabel, "heldText").text()
        assert text.startswith("6 updates were queued before flxdesk recorded where each")
        assert api.requests == []
        panel.findChild(QPushButton, "sendHeldButton").click()
        answer_box(qtbot, running, "sendHeldBox", QMessageBox.StandardButton.Yes)
        qtbot.waitUntil(lambda: held_panel(running) is None)
        qtbot.waitUntil(lambda: not waiting(running), timeout=15_000)
    assert sorted(seen.order_id for seen in api.requests) == [
        "1002",
        "1003",
        "1004",
        "1005",
        "1200",
        "1201",
    ]
    assert HistoryStore(paths.history_db).count() == 15  # every row still there
