"""Bulk mode in the real window: paste, import, preview, run, pause, cancel, export."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from flxdesk.bulk.reading import parse_import_text
from flxdesk.flxpoint.demo_api import DEMO_TOKEN
from flxdesk.gui.start.startup import RunningApp, build_app
from flxdesk.history.store import State
from flxdesk.host.paths import AppPaths
from flxdesk.sending.queueing import QueuedImport
from support.network import closed_port
from support.window import open_bulk, scan, visible_child


def batch_states(running: RunningApp) -> dict[str, State]:
    rows = running.store.rows_of_batch(running.window.bulk.batch_panel.batch_id)
    return {row.order_id: row.state for row in rows}


def test_pasted_ids_are_checked_queued_and_sent(qtbot: QtBot, demo_app: RunningApp) -> None:
    dialog = open_bulk(qtbot, demo_app)
    dialog.status_combo.setCurrentText("On Hold")
    dialog.findChild(QPlainTextEdit, "bulkTextEdit").setPlainText("1001\n1002\n\n77\n1001\n")
    qtbot.waitUntil(lambda: dialog.preview_model.rowCount() == 4)
    checks = [dialog.preview_model.index(n, 4).data() for n in range(4)]
    assert checks[:3] == ["Ready", "Ready", "Ready"]
    assert checks[3].startswith("Duplicate: order 1001 is already on line 1")
    summary = dialog.findChild(QLabel, "bulkSummary").text()
    assert summary.startswith("4 rows: 3 ready, 1 with a problem")
    assert dialog.queue_button.text() == "Queue 3 updates"
    dialog.findChild(QPushButton, "queueBulkButton").click()

    batch = demo_app.window.bulk.batch_panel.batch_id
    qtbot.waitUntil(
        lambda: (
            demo_app.store.count_by_state(batch)
            == {**dict.fromkeys(State, 0), State.SENT: 2, State.FAILED: 2}
        ),
        timeout=15_000,
    )
    rows = {(r.order_id, r.outcome): r for r in demo_app.store.rows_of_batch(batch)}
    assert rows[("77", "not_found")].http_code == 404
    assert "already on line 1" in rows[("1001", "invalid")].message  # kept, with why
    assert all(r.status == "On Hold" for r in rows.values())
    qtbot.waitUntil(
        lambda: (
            demo_app.window.bulk.batch_panel.counts.text() == "Bulk run finished: 2 sent, 2 failed."
        )
    )
    assert demo_app.window.bulk.batch_panel.progress.value() == 4


def test_imported_file_shows_every_row_in_the_preview(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path
) -> None:
    source = tmp_path / "export.csv"
    source.write_bytes(
        b'\xef\xbb\xbforder_id;status;note\r\n1001;Closed;"two\nlines"\r\n;Open;\r\n'
    )
    dialog = open_bulk(qtbot, demo_app)
    qtbot.mouseClick(dialog.findChild(QPushButton, "importFileButton"), Qt.MouseButton.LeftButton)
    chooser = visible_child(dialog, QFileDialog, "importFileDialog")  # open: nothing waits on it
    chooser.selectFile(str(source))
    chooser.accept()
    model = dialog.preview_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert [model.index(0, c).data() for c in range(5)] == [
        "2",
        "1001",
        "Closed",
        "two\nlines",
        "Ready",
    ]
    assert model.index(1, 4).data() == "Scan or type an order ID first."
    dialog.import_file(tmp_path / "missing.csv")
    summary = dialog.findChild(QLabel, "bulkSummary")
    qtbot.waitUntil(lambda: "There is no file" in summary.text())
    assert model.rowCount() == 2  # the preview keeps what it showed
    dialog.reject()


def test_pause_cancel_and_export(qtbot: QtBot, demo_app: RunningApp, tmp_path: Path) -> None:
    panel = demo_app.window.bulk.batch_panel
    orders = [str(n) for n in range(1300, 1312)]
    demo_app.engine_thread.pause()  # nothing leaves before the panel resumes
    batch = demo_app.window.bulk.queue(parse_import_text("\n".join(orders), "Closed"), "test")
    panel.toggle_pause()  # the panel's own Pause
    assert panel.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: "paused" in panel.counts.text())
    panel.toggle_pause()
    qtbot.waitUntil(lambda: State.SENT in batch_states(demo_app).values(), timeout=10_000)
    panel.findChild(QPushButton, "cancelBatchButton").click()
    qtbot.waitUntil(
        lambda: (
            State.QUEUED not in batch_states(demo_app).values()
            and State.SENDING not in batch_states(demo_app).values()
        ),
        timeout=10_000,
    )
    final = batch_states(demo_app)
    assert set(final) == set(orders)  # every row accounted for
    assert State.CANCELLED in final.values()
    sent_to_api = {seen.order_id for seen in demo_app.demo_api.requests}
    assert sent_to_api == {o for o, state in final.items() if state is State.SENT}

    out = tmp_path / "results.csv"
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    chooser = visible_child(demo_app.window, QFileDialog, "exportResultsDialog")
    assert chooser.selectedFiles()[0].endswith("flxdesk-results.csv")  # the name suggested
    chooser.selectFile(str(out))
    chooser.accept()
    assert visible_child(demo_app.window, QFileDialog, "exportResultsDialog") is None
    with out.open(encoding="utf-8-sig") as exported:
        rows = list(csv.DictReader(exported))
    assert [r["order_id"] for r in rows] == orders
    assert {r["result"] for r in rows} <= {"sent", "cancelled"}
    assert panel.batch_id == batch


def test_offline_is_shown_with_the_count_waiting(qtbot: QtBot, paths: AppPaths) -> None:
    port = closed_port()
    running = build_app(paths, demo=False, api_url=f"http://127.0.0.1:{port}")
    try:
        qtbot.addWidget(running.window)
        running.window.show()
        qtbot.waitUntil(lambda: running.engine_thread.isRunning())
        running.window.token_watch.tokens.use_for_session(DEMO_TOKEN)
        running.window.bulk.queue(parse_import_text("1001\n1002", "Closed"), "test")
        labels = running.window.statusBar().findChildren(QLabel)
        qtbot.waitUntil(
            lambda: any(label.text().startswith("Offline: 2 waiting") for label in labels),
            timeout=10_000,
        )
    finally:
        running.close()


class ProgressSeen(QObject):
    """Records, on the GUI thread, what the bulk panel shows at each progress report."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[int, int, str]] = []  # percent, bar value, panel text
        self.written_after = -1  # how many reports the GUI thread had taken by then
        self.queued: QueuedImport | None = None  # the import, once the window took it
        self.panel_then: tuple[str, bool] = ("", False)  # its text, and whether it counted
        window.store_writer.progressed.connect(self.on_progress)
        window.store_writer.written.connect(self.on_written)

    @Slot(object, int)
    def on_progress(self, _pending, percent: int) -> None:
        panel = self.window.bulk.batch_panel
        self.seen.append((percent, panel.progress.value(), panel.counts.text()))

    @Slot(object, object)
    def on_written(self, _pending, written) -> None:
        if isinstance(written, QueuedImport):  # not a scan written after it
            self.queued = written
            self.written_after = len(self.seen)
            panel = self.window.bulk.batch_panel
            self.panel_then = (panel.counts.text(), panel._counting is not None)


def test_a_large_import_is_written_off_the_gui_thread_with_progress(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    window = demo_app.window
    demo_app.engine_thread.pause()  # every row stays queued, to be counted
    orders = [str(500_000 + n) for n in range(20_000)]
    imported = parse_import_text("\n".join([*orders, *orders[:3]]), "Closed")
    progress = ProgressSeen(window)
    assert window.bulk.queue(imported, "test") is None  # not on the GUI thread
    scan(qtbot, window, "1500")  # the window takes a scan meanwhile
    assert window.order_id_edit.text() == ""
    qtbot.waitUntil(lambda: progress.queued is not None, timeout=30_000)
    queued = progress.queued
    assert (queued.queued, queued.rejected) == (20_000, 3)
    # The GUI thread showed the progress as the rows were written, before they all were.
    percents = [percent for percent, _bar, _text in progress.seen]
    assert percents == sorted(percents) and percents[-1] == 100
    assert any(0 < percent < 100 for percent in percents)
    assert all(bar == percent for percent, bar, _text in progress.seen)
    assert all("writing them to the history" in text for _p, _b, text in progress.seen)
    assert progress.written_after == len(progress.seen)
    # Every row is in the history: queued, or failed with why; the scan after them.
    counts = demo_app.store.count_by_state(queued.batch_id)
    assert counts == {**dict.fromkeys(State, 0), State.QUEUED: 20_000, State.FAILED: 3}
    rows = demo_app.store.rows_of_batch(queued.batch_id)
    assert all("Duplicate" in row.message for row in rows if row.state is State.FAILED)
    qtbot.waitUntil(lambda: demo_app.store.newest(1)[0].order_id == "1500")
    assert demo_app.store.newest(1)[0].id > rows[-1].id  # kept in the order asked for
    # The window took the report: the panel showed the rows just written without counting
    # the history (beside the engine, while the window redraws), then counts the batch.
    assert progress.panel_then[0].startswith("3 of 20003 done")
    assert progress.panel_then[1] is False
    panel = window.bulk.batch_panel
    assert panel.batch_id == queued.batch_id
    qtbot.waitUntil(lambda: panel.counts.text().startswith("3 of 20003 done"))
    model = window.model
    shown = {
        model.index(row, column).data()
        for row in range(min(model.rowCount(), 3))
        for column in range(model.columnCount())
    }
    assert "519999" in shown  # the history reloaded: the import's last row near the top


def test_a_second_queue_while_one_is_written_is_refused(qtbot: QtBot, demo_app: RunningApp) -> None:
    window = demo_app.window
    demo_app.engine_thread.pause()
    imported = parse_import_text("\n".join(str(600_000 + n) for n in range(2_000)), "Closed")
    other = sqlite3.connect(demo_app.store.path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the writer until the test lets it go
    try:
        assert window.bulk.queue(imported, "first click") is None
        assert window.bulk.queue(imported, "second click") is None
        assert "Not queued: a bulk update is still being written" in window.result_label.text()
    finally:
        other.execute("COMMIT")
        other.close()
    with qtbot.waitSignal(window.store_writer.written, timeout=30_000) as written:
        pass
    batches = demo_app.store.connection.execute("SELECT source FROM batches").fetchall()
    assert batches == [("first click",)]
    assert demo_app.store.count_by_state(written.args[1].batch_id)[State.QUEUED] == 2_000


def test_the_window_gets_the_gil_quickly_and_leaves_its_start_up_objects_out_of_collections(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    import gc
    import sys

    from flxdesk.gui.start.gil_sharing import SWITCH_INTERVAL_SECONDS

    qtbot.waitUntil(lambda: demo_app.engine_thread.isRunning())  # set up after the paint
    assert sys.getswitchinterval() == SWITCH_INTERVAL_SECONDS == 0.001
    assert gc.get_freeze_count() > 0
