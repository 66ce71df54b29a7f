"""The window's writer of scans and imports the history could not take at once.

Scans and imports that could not be written at once (the history locked, the disk
full; a large import always) wait in order in flxdesk.sending.queue_writer's thread
and are reported here, as signals the window's thread receives, when written.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.sending.queue_writer import Pending

log = logging.getLogger(__name__)


class StoreWriter(QObject):
    """``QueueWriter`` for the window: its reports arrive as signals, on the window's
    thread: a scan written later as if just queued (``scanWritten``), an import
    (``importWritten``), and why writing waits with how many scans are kept meanwhile
    (``waiting``)."""

    written = Signal(object, object)  # the pending update or import, its id or QueuedImport
    problem = Signal(str)  # why writing waits; "" once everything is written
    progressed = Signal(object, int)  # the import being written, percent written
    scanWritten = Signal(int, str, str)  # the update's id, its order, its status
    importWritten = Signal(object)  # the QueuedImport
    waiting = Signal(str)  # why writing waits, and how many scans are kept meanwhile

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        from flxdesk.sending.queue_writer import QueueWriter  # after the first paint

        super().__init__(parent)
        self.writer = QueueWriter(
            store_path, self.written.emit, self.problem.emit, self.progressed.emit
        )
        # Emitted on the writer's thread, received here on the window's.
        self.written.connect(self._on_written)
        self.problem.connect(self._on_problem)

    @Slot(object, object)
    def _on_written(self, pending: Pending, written: object) -> None:
        from flxdesk.sending.queue_writer import PendingImport

        if isinstance(pending, PendingImport):
            self.importWritten.emit(written)
        else:
            self.scanWritten.emit(written, pending.order_id, pending.status)

    @Slot(str)
    def _on_problem(self, problem: str) -> None:
        if problem:
            waiting = self.writer.pending
            # The catalogue's context for these words is the window's, where they are shown.
            kept = translate("MainWindow", "%n scan(s) kept here meanwhile.", None, waiting)
            self.waiting.emit(f"{problem} {kept}")

    def close(self, timeout: float = 1.5) -> list[Pending]:
        """One last try within ``timeout``; what still could not be written is returned."""
        from flxdesk.sending.queue_writer import describe_pending

        left = self.writer.close(timeout)
        for pending in left:
            log.error(
                "Not written to the history before closing: %s",
                describe_pending(pending, for_log=True),
            )
        return left
