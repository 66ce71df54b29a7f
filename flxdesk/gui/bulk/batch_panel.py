"""Progress of a bulk run: bar, counts, time left, Pause/Resume, Cancel, Export results.

The counts are read off the GUI thread (``store.count_batch_by_state``): counting a
batch reads the whole history, 30 ms or more at 200,000 rows, every refresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from flxdesk.gui.common.background_job import BackgroundJob
from flxdesk.gui.common.file_choice import ask_save_path
from flxdesk.gui.common.history_change import change_history
from flxdesk.history.store import HistoryStore, State, count_batch_by_state
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.reports.export import export_rows
from flxdesk.sending.events import EngineState

REFRESH_MS = 300

# While sending waits, a time left at the current pace would be a guess: words instead.
WAITING_WORDS = {
    EngineState.NOT_ANSWERING: QT_TRANSLATE_NOOP("BatchPanel", "waiting for Flxpoint"),
    EngineState.OFFLINE: QT_TRANSLATE_NOOP("BatchPanel", "waiting for the connection"),
    EngineState.STORAGE_PROBLEM: QT_TRANSLATE_NOOP("BatchPanel", "waiting for the history file"),
    EngineState.NEEDS_TOKEN: QT_TRANSLATE_NOOP("BatchPanel", "waiting for an API token"),
}

if TYPE_CHECKING:
    from flxdesk.gui.sending.engine_thread import EngineThread


def describe_seconds(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return translate("BatchPanel", "{s} s").format(s=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return translate("BatchPanel", "{m} min {s} s").format(m=minutes, s=f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return translate("BatchPanel", "{h} h {m} min").format(h=hours, m=f"{minutes:02d}")


class BatchPanel(QWidget):
    def __init__(
        self,
        store: HistoryStore,
        engine: EngineThread,
        on_cancelled: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchPanel")
        self._store = store
        self._engine = engine
        self._on_cancelled = on_cancelled
        self.batch_id: int | None = None
        self._paused = False
        self._counting: BackgroundJob | None = None  # the count being read, if any
        self._count_again = False  # something changed while it was read
        self._writing = False  # a bulk update is being written: show_writing shows that

        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName(self.tr("Bulk progress"))
        self.counts = QLabel()
        self.counts.setObjectName("batchCounts")
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(self.tr("Cancel rest"))
        self.cancel_button.setObjectName("cancelBatchButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(self.tr("Export results…"))
        self.export_button.setObjectName("exportResultsButton")
        self.export_button.clicked.connect(self._choose_export_file)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeBatchButton")
        self.close_button.setAccessibleName(self.tr("Close the finished bulk run's panel"))
        self.close_button.clicked.connect(self.hide)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress, stretch=1)
        layout.addWidget(self.counts, stretch=2)
        for button in (
            self.pause_button,
            self.cancel_button,
            self.export_button,
            self.close_button,
        ):
            layout.addWidget(button)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def show_writing(self, rows: int, percent: int) -> None:
        """A bulk update being written to the history, before any of it is sent."""
        self._writing = True
        self._timer.stop()
        for button in (
            self.pause_button,
            self.cancel_button,
            self.export_button,
            self.close_button,
        ):
            button.hide()
        self.progress.setMaximum(100)
        self.progress.setValue(percent)
        self.counts.setText(
            translate(
                "BatchPanel",
                "Queueing %Ln row(s): writing them to the history ({percent}%)…",
                None,
                rows,
            ).format(percent=percent)
        )
        self.show()

    def start(self, batch_id: int, written: tuple[int, int] | None = None) -> None:
        """Follow batch ``batch_id``. ``written``: its rows (queued, failed) as just written;
        shown at once, and the history is first counted one refresh later (counting
        200,000 rows right after they were written took a core from the window as it
        redrew)."""
        self._writing = False
        self.batch_id = batch_id
        self.pause_button.show()
        self.cancel_button.show()
        self.export_button.show()
        self.close_button.hide()
        self.show()
        if written is None:
            self.refresh()
        else:
            queued, failed = written
            self.show_counts(
                {**dict.fromkeys(State, 0), State.QUEUED: queued, State.FAILED: failed}
            )
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def counts_now(self) -> dict[State, int]:
        return self._store.count_by_state(self.batch_id)

    @Slot()
    def refresh(self) -> None:
        """Count the batch's rows by state off the GUI thread, then show them."""
        if self.batch_id is None:
            return
        if self._counting is not None:
            self._count_again = True
            return
        path, batch_id = self._store.path, self.batch_id
        job = BackgroundJob(
            lambda _progress: (batch_id, count_batch_by_state(path, batch_id)),
            expected=(sqlite3.Error,),
        )
        job.succeeded.connect(self._on_counted)
        job.failed.connect(self._on_count_failed)
        self._counting = job
        job.start()

    @Slot(object, object)
    def _on_counted(self, job: BackgroundJob, counted: tuple[int, dict[State, int]]) -> None:
        self._counting = None
        batch_id, counts = counted
        again, self._count_again = self._count_again, False
        if self._writing:
            return
        if batch_id == self.batch_id:
            self.show_counts(counts)  # at most one refresh old: shown even when busy
        if again or batch_id != self.batch_id:
            self.refresh()

    @Slot(object, str)
    def _on_count_failed(self, job: BackgroundJob, problem: str) -> None:
        self._counting = None  # the history is busy: the next tick counts again

    def show_counts(self, counts: dict[State, int]) -> None:
        total = sum(counts.values())
        done = counts[State.SENT] + counts[State.FAILED] + counts[State.CANCELLED]
        waiting = counts[State.QUEUED] + counts[State.SENDING]
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        summary = self.tr("{sent} sent, {failed} failed").format(
            sent=counts[State.SENT], failed=counts[State.FAILED]
        )
        if counts[State.CANCELLED]:
            summary += self.tr(", {cancelled} cancelled").format(cancelled=counts[State.CANCELLED])
        if not waiting:
            self.counts.setText(self.tr("Bulk run finished: {summary}.").format(summary=summary))
            self.pause_button.hide()
            self.cancel_button.hide()
            self.close_button.show()
            self._timer.stop()
            return
        if self._paused:
            left = self.tr("paused")
        elif self._engine.state in WAITING_WORDS:
            left = self.tr(WAITING_WORDS[self._engine.state])
        else:
            rate = max(self._engine.rate, 0.1)
            left = self.tr("about {time} left").format(time=describe_seconds(waiting / rate))
        self.counts.setText(
            self.tr("{done} of {total} done ({summary}), {waiting} waiting, {left}").format(
                done=done, total=total, summary=summary, waiting=waiting, left=left
            )
        )

    @Slot()
    def toggle_pause(self) -> None:
        self._paused = not self._paused
        if self._paused:
            self._engine.pause()
        else:
            self._engine.resume()
        self.pause_button.setText(self.tr("Resume") if self._paused else self.tr("Pause"))
        self.refresh()

    @Slot()
    def cancel(self) -> None:
        """Cancel what of this batch has not been sent; it is recorded as cancelled."""
        if self.batch_id is None:
            return
        batch_id = self.batch_id
        cancelled = change_history(
            self,
            self.tr("Not cancelled"),
            self._store.path,
            lambda: self._store.cancel_queued(batch_id),
        )
        if cancelled is None:
            return
        self._engine.wake()
        self._on_cancelled()
        self.refresh()

    def export_results(self, path: Path) -> None:
        # No batch followed yet: the CSV has only its heading (batch_id=NULL matches no row).
        batch_id = self.batch_id
        export_rows(path, self._store.rows_of_batch(batch_id) if batch_id is not None else [])

    @Slot()
    def _choose_export_file(self) -> None:
        ask_save_path(
            self,
            "exportResultsDialog",
            self.tr("Export results"),
            "flxdesk-results.csv",
            self.export_results,
        )
