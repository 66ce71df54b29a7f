"""The window and a history it cannot use: words and a dialog, never a silent exit;
a history that is not a database is set aside only when the person agrees."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.startup import ask_to_set_aside, open_app
from flxdesk.history.schema import HistoryNotADatabase
from flxdesk.history.store import HistoryStore, State
from flxdesk.host.paths import AppPaths, demo_paths
from support.process import first_error_line_of_window
from support.tmpfs import fill_disk, make_read_only, small_tmpfs
from support.window import scan

GARBAGE = b"this is a shopping list, not a history\n" * 200


def garbage_demo_history(paths: AppPaths) -> Path:
    history = demo_paths(paths).history_db
    history.write_bytes(GARBAGE)
    return history


def test_a_history_that_is_not_a_database_is_left_alone_when_the_person_says_no(
    qapp: QApplication, paths: AppPaths
) -> None:
    history = garbage_demo_history(paths)
    asked = []
    with pytest.raises(HistoryNotADatabase) as refused:
        open_app(paths, demo=True, ask=lambda problem: asked.append(problem) or False)
    assert asked and str(history) in str(asked[0])
    assert history.read_bytes() == GARBAGE
    assert sorted(p.name for p in history.parent.iterdir()) == ["history.sqlite3"]
    assert "is not a flxdesk history" in str(refused.value)


def test_a_history_that_is_not_a_database_is_set_aside_after_the_person_agrees(
    qtbot: QtBot, paths: AppPaths
) -> None:
    history = garbage_demo_history(paths)
    told: list[str] = []
    running = open_app(paths, demo=True, ask=lambda problem: True, tell=told.append)
    try:
        qtbot.addWidget(running.window)
        running.window.show()
        (kept,) = history.parent.glob("history.sqlite3.unreadable-*")
        assert kept.read_bytes() == GARBAGE  # renamed, never deleted
        assert told and str(kept) in told[0]  # the message says where it went
        qtbot.waitUntil(running.engine_thread.isRunning)
        scan(qtbot, running.window, "1001")  # a new history works
        qtbot.waitUntil(lambda: running.store.newest(1)[0].state is State.SENT, timeout=10_000)
    finally:
        running.close()


@pytest.mark.parametrize(("button", "agreed"), [("Set it aside and start", True), ("Quit", False)])
def test_the_question_is_a_dialog_with_both_choices(
    qtbot: QtBot, tmp_path: Path, button: str, agreed: bool
) -> None:
    problem = HistoryNotADatabase("The history file X is not a flxdesk history.", tmp_path)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "setAsideQuestion"
        assert "nothing is deleted" in box.text()
        (choice,) = [b for b in box.buttons() if b.text() == button]
        choice.click()

    QTimer.singleShot(0, answer)
    assert ask_to_set_aside(problem) is agreed


@pytest.mark.tmpfs
def test_a_read_only_data_folder_is_refused_with_words_not_a_silent_exit(
    tmp_path: Path,
) -> None:
    with small_tmpfs(tmp_path / "disk") as disk:
        home = disk / "flxdesk"
        HistoryStore(home / "history.sqlite3").close()
        (home / "logs").mkdir()
        make_read_only(disk)
        env = dict(os.environ, FLXDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        first_line = first_error_line_of_window(env=env)
    assert first_line.startswith("flxdesk: The history file ")
    assert "is read-only" in first_line and str(home) in first_line


@pytest.mark.tmpfs
def test_a_full_disk_keeps_the_scan_says_so_and_sends_it_when_space_returns(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from flxdesk.gui.start.startup import build_app

    with small_tmpfs(tmp_path / "disk", size_kib=4096) as disk:
        paths = AppPaths(disk, disk, disk / "logs").ensure()
        running = build_app(paths, demo=True)
        try:
            window = running.window
            qtbot.addWidget(window)
            window.show()
            qtbot.waitUntil(running.engine_thread.isRunning)
            running.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            filler = fill_disk(disk)
            scan(qtbot, window, "1001")
            qtbot.waitUntil(lambda: "is full" in window.result_label.text(), timeout=10_000)
            assert "1 scan kept here meanwhile" in window.result_label.text()
            filler.unlink()
            qtbot.waitUntil(
                lambda: (
                    running.store.count() == 1 and running.store.newest(1)[0].state is State.SENT
                ),
                timeout=20_000,
            )
        finally:
            running.close()


def test_a_scan_entered_before_the_history_is_open_is_kept_and_sent(
    qtbot: QtBot, paths: AppPaths
) -> None:
    """The app opens the history just after the first paint; Enter before that waits."""
    from flxdesk.gui.start.startup import build_app, open_history

    running = build_app(paths, demo=True, open_history=False)
    try:
        window = running.window
        qtbot.addWidget(window)
        scan(qtbot, window, "1001")  # not on screen yet, history not open
        assert not window.history_is_open
        assert window.order_id_edit.text() == "1001"  # kept in the field, not lost
        window.show()
        qtbot.waitExposed(window)
        running.attach_history(
            open_history(running.history_path, ask=lambda problem: False, tell=print)
        )
        qtbot.waitUntil(running.engine_thread.isRunning)
        qtbot.waitUntil(lambda: window.order_id_edit.text() == "")
        qtbot.waitUntil(
            lambda: (
                [(r.order_id, r.state) for r in running.store.newest(5)] == [("1001", State.SENT)]
            ),
            timeout=10_000,
        )
    finally:
        running.close()


def test_a_history_that_cannot_be_opened_after_the_first_paint_ends_the_window(
    qtbot: QtBot, paths: AppPaths
) -> None:
    from flxdesk.gui.start.startup import build_app, open_history_after_paint

    history = garbage_demo_history(paths)
    running = build_app(paths, demo=True, open_history=False)
    refused: list[Exception] = []
    try:
        window = running.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        open_history_after_paint(running, ask=lambda problem: False, refuse=refused.append)
        assert running.refused  # run_window returns exit code 2
        assert not window.isVisible()
        assert [type(problem) for problem in refused] == [HistoryNotADatabase]
        assert str(history) in str(refused[0])
        assert not running.engine_thread.isRunning()  # nothing is sent from a broken start
        assert history.read_bytes() == GARBAGE  # the person said no: left as it was
    finally:
        running.close()
    # Refused outside an event loop (as here), it leaves later windows able to paint.
    from PySide6.QtWidgets import QWidget

    class Painted(QWidget):
        painted = False

        def paintEvent(self, event: object) -> None:
            self.painted = True

    later = Painted()
    qtbot.addWidget(later)
    later.show()
    qtbot.waitUntil(lambda: later.painted)
