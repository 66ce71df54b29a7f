"""The real window through faults: a locked history, an engine that stops, a hanging
request at quit, Flxpoint not answering. Nothing is lost and nothing fails silently."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from flxdesk.bulk.reading import parse_import_text
from flxdesk.flxpoint.demo_api import DEMO_TOKEN
from flxdesk.gui.start.startup import GUI_BUSY_TIMEOUT_SECONDS, RunningApp, build_app
from flxdesk.history.store import HistoryStore, State
from flxdesk.host.instance_lock import InstanceLock
from flxdesk.host.paths import AppPaths
from flxdesk.sending.engine import QueueEngine
from support.drip_server import DripServer
from support.fault_api import FaultyApi
from support.quit_driver import start_window
from support.window import scan, status_texts


def rows_by_order(running: RunningApp) -> dict[str, list]:
    found: dict[str, list] = {}
    for row in running.store.newest(100):
        found.setdefault(row.order_id, []).append(row)
    return found


def test_a_locked_history_never_blocks_the_window_and_no_scan_is_lost(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    window = demo_app.window
    scan(qtbot, window, "1000")
    qtbot.waitUntil(lambda: rows_by_order(demo_app)["1000"][0].state is State.SENT, timeout=10_000)
    # Another program (a backup tool, antivirus) takes the history's write lock.
    other = sqlite3.connect(demo_app.store.path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        # The window's thread waits for the lock only as long as its connection's busy
        # timeout, then hands the scan to a thread of its own: milliseconds, not the 10 s
        # of a plain connect. (How long a scan takes is bench/hangs.py's figure.)
        (busy_ms,) = demo_app.store.connection.execute("PRAGMA busy_timeout").fetchone()
        assert busy_ms == GUI_BUSY_TIMEOUT_SECONDS * 1000
        scan(qtbot, window, "1001")
        scan(qtbot, window, "1002")
        # Both scans were taken while the lock is still held: nothing waited for it.
        assert window.order_id_edit.text() == ""  # ready for the next scan
        qtbot.waitUntil(lambda: "is locked by another program" in window.result_label.text())
        assert "2 scans kept here meanwhile" in window.result_label.text()
        assert "1001" not in rows_by_order(demo_app)  # not written yet, so not sent yet
    finally:
        other.execute("COMMIT")
        other.close()
    qtbot.waitUntil(
        lambda: all(
            order in rows_by_order(demo_app)
            and rows_by_order(demo_app)[order][0].state is State.SENT
            for order in ("1001", "1002")
        ),
        timeout=20_000,
    )
    written = rows_by_order(demo_app)
    assert written["1001"][0].id < written["1002"][0].id  # in the order scanned
    assert len(written["1001"]) == len(written["1002"]) == 1  # each once


def test_an_engine_that_stops_is_shown_scans_are_refused_and_restart_sends_them(
    qtbot: QtBot, paths: AppPaths, monkeypatch
) -> None:
    real_run = QueueEngine.run
    runs = []

    def dies_the_first_time(self: QueueEngine, **kwargs) -> None:
        runs.append(self)
        if len(runs) == 1:
            raise RuntimeError("a bug the engine could not survive")
        real_run(self, **kwargs)

    monkeypatch.setattr(QueueEngine, "run", dies_the_first_time)
    running = build_app(paths, demo=True)
    try:
        window = running.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: "Sending has stopped unexpectedly" in window.result_label.text())
        restart = window.findChild(QPushButton, "restartEngineButton")
        assert restart.isVisible()
        qtbot.waitUntil(lambda: "Stopped: 0 waiting" in status_texts(window))
        scan(qtbot, window, "1005")
        assert window.result_label.text().startswith("Not taken: sending has stopped")
        assert window.order_id_edit.text() == "1005"  # the scan is kept in its field
        assert running.store.count() == 0
        restart.click()
        qtbot.waitUntil(running.engine_thread.isRunning)
        assert not restart.isVisible()
        window.scan_desk.submit()  # the same scan, now taken
        qtbot.waitUntil(
            lambda: running.store.count() == 1 and running.store.newest(1)[0].state is State.SENT,
            timeout=10_000,
        )
        assert len(runs) == 2
    finally:
        running.close()


def test_while_flxpoint_is_not_answering_the_time_left_says_so(
    qtbot: QtBot, paths: AppPaths
) -> None:
    with FaultyApi(lambda n: (503, {"message": "maintenance"})) as api:
        running = build_app(paths, demo=False, api_url=api.url)
        try:
            window = running.window
            qtbot.addWidget(window)
            window.show()
            qtbot.waitUntil(running.engine_thread.isRunning)
            window.token_watch.tokens.use_for_session(DEMO_TOKEN)
            window.bulk.queue(parse_import_text("1001\n1002", "Closed"), "test")
            counts = window.bulk.batch_panel.counts
            qtbot.waitUntil(lambda: "waiting for Flxpoint" in counts.text(), timeout=10_000)
            assert "left" not in counts.text()  # no number of seconds while held
            # The status bar hears the engine's own report, which may come a moment after
            # the batch panel's.
            qtbot.waitUntil(
                lambda: any(
                    label.text().startswith("Flxpoint is not answering since ")
                    and label.text().endswith(", 2 waiting")
                    for label in window.statusBar().findChildren(QLabel)
                )
            )
            assert running.store.count_by_state()[State.FAILED] == 0
        finally:
            running.close()


def test_quitting_while_a_request_hangs_ends_the_process_and_frees_the_folder(
    tmp_path: Path, flxdesk_home: Path
) -> None:
    """How soon it ends is bench/hangs.py's figure; here, that the quit ends it."""
    flag = tmp_path / "quit-now"
    token = "quit-test-token-0123"
    with DripServer.never_answering() as server:
        window = start_window(flag, flxdesk_home, server.url, token)
        try:
            assert server.request_received.wait(60), window.stderr.read()
            flag.touch()
            code = window.wait(timeout=30)  # a guard against a hang only
        finally:
            if window.poll() is None:
                window.kill()
            out, err = window.communicate(timeout=10)
    assert code == 0, err
    assert "quitting" in out
    InstanceLock(flxdesk_home, "a test").release()  # the folder is free for the next start
    store = HistoryStore(flxdesk_home / "history.sqlite3")
    try:
        (row,) = store.newest(10)
    finally:
        store.close()
    assert (row.order_id, row.state, row.resent) == ("1234", State.QUEUED, 1)
    # No answer and no timeout recorded: the quit ended the request, not its deadline.
    assert (row.attempts, row.outcome) == (0, None)
