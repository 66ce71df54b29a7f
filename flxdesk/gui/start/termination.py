"""A polite end is not a crash: SIGTERM, SIGHUP and SIGINT end the window as a quit does.

A Linux desktop's logout, systemd, ``kill``, a macOS shutdown's last word and Ctrl-C in
the terminal that started flxdesk ask the process to end. Python's default would let the
first three kill it on the spot (what waits unwritten, the instance lock and the crash
record left behind, so the next start says "did not close normally") and the last raise
KeyboardInterrupt in whatever slot runs next.

Qt's event loop runs in C++, where Python's own signal handlers never get a turn, so the
signal's number is written to a pipe (``signal.set_wakeup_fd``) that a QSocketNotifier
watches; its slot, on the GUI thread in the event loop, calls ``end``. The Python handler
itself does nothing: it only keeps the default action away. After the first signal the
defaults are back, so a second one ends the process at once if the end hangs.

Windows sends none of these to a window (its logoff is ``aboutToQuit``, see startup):
nothing is installed there.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, Slot

log = logging.getLogger(__name__)

POLITE_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")


class PoliteEnd(QObject):
    """While it lives (until ``close``), a polite signal calls ``end`` from the event loop."""

    def __init__(self, end: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._end = end
        self._previous: dict[int, signal._HANDLER] = {}
        self._read_fd, self._write_fd = os.pipe()
        for fd in (self._read_fd, self._write_fd):
            os.set_blocking(fd, False)
        self._previous_wakeup = signal.set_wakeup_fd(self._write_fd)
        for name in POLITE_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, _keep_default_away)
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    @Slot()
    def _woken(self) -> None:
        try:
            numbers = os.read(self._read_fd, 64)
        except BlockingIOError:
            return
        asked = [number for number in numbers if number in self._previous]
        if not asked:
            return
        log.info("Asked to end (%s): closing as a quit does", signal.Signals(asked[0]).name)
        self._restore()  # a second signal ends the process at once
        self._end()

    def _restore(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous.clear()

    def close(self) -> None:
        """Give the signals back to their previous handlers (the end of the run)."""
        self._notifier.setEnabled(False)
        self._restore()
        signal.set_wakeup_fd(self._previous_wakeup)
        for fd in (self._read_fd, self._write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)


def _keep_default_away(number: int, frame: object) -> None:
    """Python's handler: the notifier's slot does the work, in the event loop."""


def end_politely(end: Callable[[], None], parent: QObject | None = None) -> PoliteEnd | None:
    """Install ``PoliteEnd`` where the platform sends such signals (None on Windows, or
    off the main thread, where Python cannot set handlers)."""
    if os.name == "nt" or threading.current_thread() is not threading.main_thread():
        return None
    return PoliteEnd(end, parent)
