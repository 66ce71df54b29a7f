"""The bulk dialog queues exactly what its preview shows, and reads big files off the GUI
thread: real window, real files, the demo API.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from flxdesk.gui.bulk import dialog as bulk_dialog
from flxdesk.gui.bulk.dialog import BulkDialog
from flxdesk.gui.start.startup import RunningApp
from support.window import open_bulk


@pytest.fixture
def demo_app(demo_app: RunningApp) -> RunningApp:
    """The demo window with sending paused: these tests look at what is queued, not sent."""
    demo_app.engine_thread.pause()
    return demo_app


def preview(dialog: BulkDialog) -> list[tuple[str, str]]:
    model = dialog.preview_model
    return [(model.index(n, 1).data(), model.index(n, 2).data()) for n in range(model.rowCount())]


def queued(running: RunningApp) -> list[tuple[str, str]]:
    rows = running.store.rows_of_batch(running.window.bulk.batch_panel.batch_id)
    return [(row.order_id, row.status) for row in rows]


def import_and_wait(qtbot: QtBot, dialog: BulkDialog, path: Path, rows: int) -> None:
    dialog.import_file(path)
    qtbot.waitUntil(lambda: dialog.preview_is_current and dialog.preview_model.rowCount() == rows)


def test_a_file_changed_after_the_preview_is_reported_and_the_preview_is_queued(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path
) -> None:
    source = tmp_path / "orders.csv"
    source.write_text("1001\n1002\n", encoding="utf-8")
    dialog = open_bulk(qtbot, demo_app)
    dialog.status_combo.setCurrentText("Closed")
    import_and_wait(qtbot, dialog, source, 2)
    assert preview(dialog) == [("1001", "Closed"), ("1002", "Closed")]
    source.write_text("9001,Canceled\n9002,Canceled\n9003,Canceled\n", encoding="utf-8")

    dialog.queue_button.click()
    summary = dialog.findChild(QLabel, "bulkSummary").text()
    assert "orders.csv has changed since it was read at" in summary
    assert "only those rows are queued" in summary
    assert dialog.isVisible() and demo_app.store.count_by_state() == {
        state: 0 for state in demo_app.store.count_by_state()
    }
    assert dialog.queue_button.text() == "Queue the 2 updates shown anyway"

    dialog.queue_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert queued(demo_app) == [("1001", "Closed"), ("1002", "Closed")]


def test_an_unchanged_file_is_queued_at_once(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path
) -> None:
    source = tmp_path / "orders.csv"
    source.write_text("order_id,status\n1001,Open\n", encoding="utf-8")
    dialog = open_bulk(qtbot, demo_app)
    import_and_wait(qtbot, dialog, source, 1)
    source.touch()  # saved again with the same content: not a change
    dialog.queue_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert queued(demo_app) == [("1001", "Open")]


def test_new_defaults_apply_to_the_rows_read_without_reading_the_file_again(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path
) -> None:
    source = tmp_path / "orders.csv"
    source.write_text("1001\n1002,On Hold\n", encoding="utf-8")
    dialog = open_bulk(qtbot, demo_app)
    dialog.status_combo.setCurrentText("Closed")
    import_and_wait(qtbot, dialog, source, 2)
    source.write_text("7777\n", encoding="utf-8")  # not read again
    dialog.status_combo.setCurrentText("Failed")
    assert not dialog.queue_button.isEnabled()  # the preview is being checked again
    qtbot.waitUntil(lambda: dialog.preview_is_current)
    assert preview(dialog) == [("1001", "Failed"), ("1002", "On Hold")]
    assert dialog.queue_button.isEnabled()


def test_queue_waits_for_the_check_of_what_was_typed(qtbot: QtBot, demo_app: RunningApp) -> None:
    dialog = open_bulk(qtbot, demo_app)
    dialog.status_combo.setCurrentText("Open")
    qtbot.waitUntil(lambda: dialog.preview_is_current)
    dialog.findChild(QPlainTextEdit, "bulkTextEdit").setPlainText("1001\n1002\n")
    assert not dialog.queue_button.isEnabled()
    dialog.accept()  # Enter while the check is pending queues nothing
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.queue_button.isEnabled())
    dialog.queue_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert queued(demo_app) == [("1001", "Open"), ("1002", "Open")]


def test_a_large_file_is_read_off_the_gui_thread_with_progress(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader stops part-way until the window's thread has shown how far it got: the
    window goes on while the file is read. (How smoothly is bench/bulk_import.py's figure.)"""
    rows = 100_000
    source = tmp_path / "big.csv"
    source.write_text(
        "order_id,status,note\n" + "".join(f"{n},Closed,batch 7\n" for n in range(rows)),
        encoding="utf-8",
    )
    dialog = open_bulk(qtbot, demo_app)
    qtbot.waitUntil(lambda: dialog.preview_is_current)
    seen: list[int] = []
    shown_part_way = threading.Event()

    def on_progress(percent: int) -> None:
        seen.append(percent)
        if 0 < percent < 100:
            shown_part_way.set()

    dialog.progress.valueChanged.connect(on_progress)
    let_go: list[bool] = []  # whether the window's thread let the stopped reader go on
    real_check_file = bulk_dialog.check_file

    def check_file_stopping_part_way(path: Path, status: str, note: str, progress) -> object:
        def report(share: float) -> None:
            progress(share)
            if share >= 0.01 and not let_go:  # a whole percent the bar shows
                let_go.append(shown_part_way.wait(10))  # the guard only ends a hang

        return real_check_file(path, status, note, report)

    monkeypatch.setattr(bulk_dialog, "check_file", check_file_stopping_part_way)
    dialog.import_file(source)
    assert not dialog.preview_is_current  # it returned before the file was read
    qtbot.waitUntil(lambda: dialog.preview_model.rowCount() == rows, timeout=60_000)
    assert let_go == [True]
    assert len(seen) >= 5 and seen == sorted(seen)  # the bar moved forward
    assert not dialog.progress.isVisible()
    assert dialog.findChild(QLabel, "bulkSummary").text() == f"{rows} rows: {rows} ready."
    dialog.reject()
