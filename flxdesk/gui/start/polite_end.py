"""A polite end is not a crash: SIGTERM (a Linux desktop's logout, systemd, ``kill``, a
macOS shutdown's last word) ends the window as File → Quit does.

Qt's event loop runs in C++, so a Python signal handler alone would wait for the next
Python code to run. ``signal.set_wakeup_fd`` writes a byte to a socket the moment the
signal arrives; a ``QSocketNotifier`` on the other end wakes the loop, which quits:
``aboutToQuit`` then writes what waits, gives back the lock and the crash record, so the
next start does not say the last run "did not close normally". Windows has no SIGTERM
to send a GUI program (its logoff is ``aboutToQuit`` already).
"""

from __future__ import annotations

import logging
import signal
import socket
import sys

from PySide6.QtCore import QObject, QSocketNotifier, Slot
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

POLITE_SIGNALS = ("SIGTERM", "SIGHUP")  # those a session or a service manager sends


class PoliteEnd(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {}
        for name in POLITE_SIGNALS:
            number = getattr(signal, name)
            self._previous[number] = signal.signal(number, _noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)

    @Slot()
    def _on_signal(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        names = [signal.Signals(number).name for number in received if number]
        log.info("Ended by %s: closing as File → Quit does", ", ".join(names) or "a signal")
        self._app.quit()

    def close(self) -> None:
        """The loop has ended: the signals back as they were."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._reader.close()
        self._writer.close()


def _noted(_number: int, _frame: object) -> None:
    """The Python side of the signal: nothing; the wakeup byte has already told Qt."""


def end_politely_on_signals(app: QApplication) -> PoliteEnd | None:
    if sys.platform == "win32":
        return None
    return PoliteEnd(app)
