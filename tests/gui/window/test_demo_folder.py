"""The demo keeps its own data folder: practice updates never reach the real API or history."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.startup import RunningApp, build_app
from flxdesk.history.store import HistoryStore, State
from flxdesk.host.paths import AppPaths, DataFolderUnusable, demo_paths
from flxdesk.orders.destination import DEMO_DESTINATION, Destination
from support.keychain import MemoryKeyring
from support.process import first_error_line_of_window
from support.window import scan, status_texts, wait_until_idle_with_a_token

# Looks like a token; is not one. Never a real token in tests.
REAL_LOOKING_TOKEN = "Rl7-not-a-real-token-0042"


@pytest.fixture
def real_api() -> Iterator[HTTPServer]:
    """Stands in for the real Flxpoint API on 127.0.0.1: it records whatever reaches it."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request(re.compile("/orders/.*"), method="PATCH").respond_with_json(
        {"status": "ok"}, status=201
    )
    server.start()
    yield server
    server.clear()
    server.stop()


def base_url(server: HTTPServer) -> str:
    return server.url_for("").rstrip("/")


def states(running: RunningApp) -> list[State]:
    return [row.state for row in running.store.newest(100)]


def test_demo_practice_left_queued_never_reaches_the_real_api_or_history(
    qtbot: QtBot,
    start_app,
    paths: AppPaths,
    flxdesk_home: Path,
    real_api: HTTPServer,
    memory_keyring: MemoryKeyring,
) -> None:
    # A trainee scans a dozen practice IDs in the demo and closes the window at once.
    demo = start_app(demo=True)
    qtbot.waitUntil(lambda: "Demo token" in status_texts(demo.window))
    for order_id in range(1100, 1112):
        scan(qtbot, demo.window, str(order_id))
    demo.close()
    demo_history = flxdesk_home / "demo" / "history.sqlite3"
    assert demo.store.path == demo_history
    left = HistoryStore(demo_history)
    practice_left = left.count_by_state()[State.QUEUED]
    left.close()
    assert practice_left > 0
    assert not paths.history_db.exists() or HistoryStore(paths.history_db).count() == 0

    # Then flxdesk is started for real, with a token in the keychain.
    memory_keyring.set_password("flxdesk", "default", REAL_LOOKING_TOKEN)
    real = start_app(demo=False, api_url=base_url(real_api))
    wait_until_idle_with_a_token(qtbot, real)
    qtbot.waitUntil(lambda: "system keychain" in status_texts(real.window))
    assert real_api.log == []
    assert real.window.model.rowCount() == 0 and real.store.count() == 0
    real.close()

    # And the command line's resume, with the real address and token.
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), FLXDESK_API_URL=base_url(real_api))
    env["FLXDESK_TOKEN"] = REAL_LOOKING_TOKEN
    resumed = subprocess.run(
        [sys.executable, "-m", "flxdesk", "resume"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "nothing is queued" in resumed.stderr
    assert real_api.log == []
    still = HistoryStore(demo_history)
    assert still.count_by_state()[State.QUEUED] == practice_left  # the demo's, untouched
    still.close()


def test_demo_neither_reads_nor_shows_the_real_token(
    qtbot: QtBot, start_app, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory_keyring.set_password("flxdesk", "default", REAL_LOOKING_TOKEN)
    reads: list[tuple[str, str]] = []
    real_get = memory_keyring.get_password

    def counting_get(service: str, username: str) -> str | None:
        reads.append((service, username))
        return real_get(service, username)

    monkeypatch.setattr(memory_keyring, "get_password", counting_get)
    demo = start_app(demo=True)
    scan(qtbot, demo.window, "1500")
    qtbot.waitUntil(lambda: states(demo) == [State.SENT], timeout=10_000)
    assert reads == []
    assert "Demo token: no keychain used" in status_texts(demo.window)
    assert REAL_LOOKING_TOKEN not in status_texts(demo.window)
    assert demo.demo_api.requests[0].headers["x-api-token"] != REAL_LOOKING_TOKEN
    (row,) = demo.store.newest(1)
    assert row.api_url == DEMO_DESTINATION


def test_demo_updates_left_queued_are_sent_by_the_next_demo(
    qtbot: QtBot, start_app, paths: AppPaths
) -> None:
    """The demo API listens on a new port each time; its rows still go to it, not held."""
    practice = HistoryStore(demo_paths(paths).history_db)
    practice.add_many_queued(
        [("1700", "Closed", ""), ("1701", "Open", "")], destination=Destination(DEMO_DESTINATION)
    )
    practice.close()
    demo = start_app(demo=True)
    qtbot.waitUntil(lambda: states(demo) == [State.SENT, State.SENT], timeout=10_000)
    assert sorted(seen.order_id for seen in demo.demo_api.requests) == ["1700", "1701"]


def test_a_demo_folder_that_cannot_be_used_gets_a_plain_message(
    paths: AppPaths, qtbot: QtBot
) -> None:
    real = HistoryStore(paths.history_db)
    real.add_queued("1234", "Closed", "", destination=Destination("https://api.flxpoint.com"))
    real.close()
    (paths.data_dir / "demo").write_text("not a folder", encoding="utf-8")
    with pytest.raises(DataFolderUnusable) as refused:
        build_app(paths, demo=True)
    message = str(refused.value)
    assert message.startswith(f"The demo folder {paths.data_dir / 'demo'} cannot be used")
    assert "apart from the real one" in message
    again = HistoryStore(paths.history_db)
    assert [(r.order_id, r.state) for r in again.newest(10)] == [("1234", State.QUEUED)]
    again.close()


def test_main_refuses_the_demo_when_its_folder_is_unusable(flxdesk_home: Path) -> None:
    """main() says so on stderr and in a dialog (which waits for a click, so kill it)."""
    flxdesk_home.mkdir(parents=True, exist_ok=True)
    (flxdesk_home / "demo").write_text("not a folder", encoding="utf-8")
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home))
    first_line = first_error_line_of_window("--demo", env=env)
    assert first_line.startswith(f"flxdesk: The demo folder {flxdesk_home / 'demo'} cannot be used")
