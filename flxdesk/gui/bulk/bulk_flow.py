"""Bulk → Bulk update… from start to finish: the dialog, the question, the queueing, the panel.

A bulk run that sets a destructive status asks first, naming it; one that sets a status
in ``supervisor_for`` then needs a supervisor's badge, and every row names the operator
signed in (and the approver); with sign-in required and nobody signed in, nothing is
queued. Queueing goes to the
writer's thread when the history is busy or the import is large (the panel shows the
percentage written); one bulk update is written at a time. Rows that can never be sent
go to the failure panel; the rest are followed in the batch panel until done.

What it has to say goes out by signals (the band's words, rows for the failure panel),
which the composer (``flxdesk.gui.window.wiring``) connects; ``BulkWindow`` names what
it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from flxdesk.gui.station.armed_status import Approver
from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from flxdesk.bulk.reading import ImportResult
    from flxdesk.gui.bulk.batch_panel import BatchPanel
    from flxdesk.gui.history.model import HistoryModel
    from flxdesk.gui.sending.engine_thread import EngineThread
    from flxdesk.gui.sending.store_writer import StoreWriter
    from flxdesk.gui.window.notices import WindowStack
    from flxdesk.history.store import AskedBy, HistoryStore
    from flxdesk.sending.queue_writer import PendingImport
    from flxdesk.sending.queueing import QueuedImport


class BulkOperators(Approver, Protocol):
    """Who asks for the bulk run, and who approves it (gui.station.operator_part)."""

    @property
    def badge_needed(self) -> bool: ...

    def asked_by(self, approved_by: str = ...) -> AskedBy: ...


class BulkWindow(Protocol):
    """What a bulk run reads of the window (and the stack its batch panel goes in)."""

    store_writer: StoreWriter | None
    engine_thread: EngineThread
    stack: WindowStack
    status_combo: QComboBox
    note_edit: QLineEdit

    @property
    def operators(self) -> BulkOperators: ...

    @property
    def sending_refusal(self) -> str: ...

    # Read only: properties of the window (the history once open, its pane made on use).
    @property
    def store(self) -> HistoryStore: ...

    @property
    def model(self) -> HistoryModel: ...


class BulkFlow(QObject):
    result = Signal(str, object)  # for the band: the words, ok (True, False; None: news)
    info = Signal(str)  # for the band: a question answered no
    refused = Signal(str)  # for the band, with the refused sound: nobody signed in
    rowsRejected = Signal(list)  # [(order ID, problem)]: rows that can never be sent

    def __init__(self, window: BulkWindow, parent: QWidget) -> None:
        """``parent``: the window, over which the dialog and question open."""
        super().__init__(parent)
        self._window = window
        self._parent = parent
        self._batch_panel: BatchPanel | None = None

    @property
    def batch_panel(self) -> BatchPanel:
        """Made with the first bulk run: a window that only scans never needs it."""
        if self._batch_panel is None:
            from flxdesk.gui.bulk.batch_panel import BatchPanel

            window = self._window
            self._batch_panel = BatchPanel(
                window.store, window.engine_thread, window.model.reload, self._parent
            )
            window.stack.place("batch_panel", self._batch_panel)
        return self._batch_panel

    def stop(self) -> None:
        if self._batch_panel is not None:
            self._batch_panel.stop()

    @Slot()
    def open_dialog(self) -> None:
        from flxdesk.gui.bulk.dialog import BulkDialog
        from flxdesk.gui.common.status_combo import chosen_status

        window = self._window
        if self._badge_first():
            return
        dialog = BulkDialog(
            self._parent, chosen_status(window.status_combo), window.note_edit.text().strip()
        )

        def done(result: int) -> None:
            if result == BulkDialog.DialogCode.Accepted:
                self.confirm_and_queue(dialog.import_result, dialog.source)
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def confirm_and_queue(self, imported: ImportResult, source: str) -> None:
        """Queue a bulk run; one that sets a destructive status asks first, naming it, and
        one that sets a status in ``supervisor_for`` then asks for a supervisor's badge."""
        from flxdesk.orders.statuses import DESTRUCTIVE_STATUSES, status_label

        ready = imported.ready_by_status()
        operators = self._window.operators
        supervised = [status for status in ready if operators.needs_supervisor(status)]

        def go_on() -> None:
            if not supervised:
                self.queue(imported, source)
                return
            operators.ask_approval(
                supervised[0],
                lambda name: self.queue(imported, source, approved_by=name),
                lambda: self.info.emit(self.tr("Bulk update not queued.")),
            )

        destructive = {s: n for s, n in ready.items() if s in DESTRUCTIVE_STATUSES}
        if not destructive:
            go_on()
            return
        from PySide6.QtWidgets import QMessageBox

        from flxdesk.gui.common.question import ask

        what = self.tr(" and ").join(
            translate("BulkFlow", "%n order(s) to {status}", None, count).format(
                status=status_label(status)
            )
            for status, count in destructive.items()
        )
        rows = ready.total()
        ask(
            self._parent,
            "confirmBulkDestructiveBox",
            self.tr("Confirm bulk update"),
            self.tr("Set {what}?").format(what=what),
            translate(
                "BulkFlow", "%n row(s) in all. This cannot be undone from flxdesk.", None, rows
            ),
            go_on,
            on_other=lambda: self.info.emit(self.tr("Bulk update not queued.")),
            warning=True,
            safe=QMessageBox.StandardButton.No,
        )

    def queue(self, imported: ImportResult, source: str, approved_by: str = "") -> int | None:
        """Queue the valid rows and record the others with their reasons; returns the batch
        (None while the writer's thread writes it: a large import, or the history is busy;
        ``store_writer.written`` reports it then). One bulk update is written at a time.
        ``approved_by``: the supervisor who approved its statuses."""
        window = self._window
        if self._badge_first():
            return None
        if window.sending_refusal:
            self.result.emit(window.sending_refusal, False)
            return None
        if window.store_writer is None:  # the history opens just after the first paint
            return None
        writer = window.store_writer.writer
        if writer.importing:  # a second Queue must not queue it twice
            self.result.emit(
                self.tr(
                    "Not queued: a bulk update is still being written to the history. "
                    "Queue this one when it is done."
                ),
                False,
            )
            return None
        queued = writer.queue_import(
            window.store,
            imported.rows,
            source,
            destination=window.engine_thread.destination,
            asked_by=window.operators.asked_by(approved_by),
        )
        if queued is None:
            rows = len(imported.rows)
            self.batch_panel.show_writing(rows, 0)
            self.result.emit(translate("BulkFlow", "Queueing %Ln row(s)…", None, rows), None)
            return None
        return self.queued(queued)

    def _badge_first(self) -> bool:
        """Sign-in is required and nobody is signed in: refused, and said."""
        if not self._window.operators.badge_needed:
            return False
        self.refused.emit(self.tr("Scan your badge first: the bulk update was not queued."))
        return True

    @Slot(object, int)
    def on_progress(self, pending: PendingImport, percent: int) -> None:
        self.batch_panel.show_writing(len(pending.rows), percent)

    def queued(self, queued: QueuedImport) -> int:
        """Written to the history (now, or later by the writer): followed, and sent."""
        window = self._window
        window.model.reload()
        window.engine_thread.wake()
        self.batch_panel.start(queued.batch_id, (queued.queued, queued.rejected))
        if queued.rejected:  # rows that could not be sent at all: the failure panel shows them
            self.rowsRejected.emit(list(queued.problems))
        count, rejected = queued.queued, queued.rejected
        message = translate("BulkFlow", "Queued %n update(s)", None, count)
        if rejected:
            message += translate(
                "BulkFlow",
                "; %n row(s) with a problem kept in the history as failed",
                None,
                rejected,
            )
        self.result.emit(message + ".", None)
        return queued.batch_id
