"""Run one piece of work on Qt's thread pool and report back to the GUI thread by signal.

The work gets a ``progress(share)`` callable (0.0 to 1.0). Each signal carries the job
itself, so a receiver can ignore a job it has replaced since; connect the signals to
``@Slot`` methods of GUI objects (a lambda would run in the worker thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[Callable[[float], None]], object]


class BackgroundJob(QObject):
    progressed = Signal(object, int)  # job, percent done
    succeeded = Signal(object, object)  # job, what the work returned
    failed = Signal(object, str)  # job, plain-language reason

    def __init__(self, work: Work, expected: tuple[type[Exception], ...] = ()) -> None:
        super().__init__()
        self._work = work
        self._expected = expected  # exceptions whose text is the plain reason
        self._percent = -1

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _report(self, share: float) -> None:
        percent = int(share * 100)
        if percent != self._percent:  # at most 101 signals, however many rows
            self._percent = percent
            self.progressed.emit(self, percent)

    def _run(self) -> None:
        try:
            result = self._work(self._report)
        except self._expected as problem:
            self.failed.emit(self, str(problem))
        except Exception as error:
            log.exception("Background work failed")
            text = self.tr("Unexpected error: {error}. See the log.")
            self.failed.emit(self, text.format(error=type(error).__name__))
        else:
            self.succeeded.emit(self, result)
