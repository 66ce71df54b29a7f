"""Keeps the window's mirror of other stations' recent updates fresh, off its thread.

Every ``REFRESH_SECONDS`` a worker reads the floor (flxdesk.floor.duplicates); the duplicate
guard looks scans up in what was last read, at once. While the floor is away the reads
fail quietly (the status bar says the station paces alone) and the last one stays.
``refreshed`` says a read was answered, ``missed`` why one was not.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from flxdesk.floor.duplicates import RecentElsewhere
from flxdesk.gui.floor.floor_question import ask_floor

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.common.background_job import BackgroundJob

log = logging.getLogger(__name__)

REFRESH_SECONDS = 3.0


class FloorMirror(QObject):
    refreshed = Signal()  # the floor answered: ``recent`` is what it holds now
    missed = Signal(str)  # a read the floor did not answer, and why (the last one stays)

    def __init__(
        self,
        floor: FloorSession,
        window_seconds: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        """``window_seconds()``: the duplicate guard's window now (a station setting)."""
        super().__init__(parent)
        self.recent = RecentElsewhere(floor.station)
        self._floor = floor
        self._window_seconds = window_seconds
        self._job: BackgroundJob | None = None
        self.reads = 0  # answered reads, for tests and the log
        self._timer = QTimer(self)
        self._timer.setInterval(int(REFRESH_SECONDS * 1000))
        self._timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self._timer.start()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def refresh(self) -> None:
        """Read the floor again, unless a read is still under way."""
        window = self._window_seconds()
        if self._job is not None or window <= 0:
            return
        recent = self.recent
        self._job = ask_floor(
            self._floor, lambda db: recent.refresh(db, window), self._on_read, self._on_failed
        )

    @Slot(object, object)
    def _on_read(self, job: BackgroundJob, _known: object) -> None:
        if job is self._job:
            self._job = None
            self.reads += 1
            self.refreshed.emit()

    @Slot(object, str)
    def _on_failed(self, job: BackgroundJob, why: str) -> None:
        if job is self._job:
            self._job = None
            log.debug("The floor's recent updates were not read: %s", why)
            self.missed.emit(why)
