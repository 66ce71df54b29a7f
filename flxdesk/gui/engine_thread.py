"""The queue engine on its own QThread, reporting through Qt signals.

The engine's loop blocks, so it runs in ``QThread.run``; its events are re-emitted as
signals, which Qt delivers to the window in the GUI thread (queued connections).
Control calls (wake, pause, resume, set_token, stop) are thread-safe methods of the
engine and are made directly from the GUI thread.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal

if TYPE_CHECKING:
    from flxdesk.queue_engine import QueueEngine

log = logging.getLogger(__name__)


class EngineThread(QThread):
    updateChanged = Signal(int)  # re-read this row
    updateFinished = Signal(int, bool, str)  # update id, succeeded, message for the person
    stateChanged = Signal(str, int, str)  # EngineState value, updates waiting, token problem
    heldChanged = Signal(int)  # updates queued for another destination, held

    def __init__(self, store_path: Path, api_url: str, destination: str | None = None) -> None:
        super().__init__()
        self.setObjectName("flxdesk-queue")
        self._store_path = store_path
        self._api_url = api_url
        self._destination = destination
        self._held = 0

    @cached_property
    def engine(self) -> QueueEngine:
        """Made on first use (after the window's first paint): its imports are not small."""
        from flxdesk.queue_engine import QueueEngine

        return QueueEngine(
            self._store_path, self._api_url, on_event=self._forward, destination=self._destination
        )

    def start(self) -> None:
        self.engine  # noqa: B018 - create it here, in the GUI thread, before the thread runs
        super().start()

    def set_token(self, token: str | None) -> None:
        self.engine.set_token(token)

    def run(self) -> None:
        try:
            self.engine.run()
        except Exception:
            log.exception("The queue engine stopped unexpectedly")

    def _forward(self, event) -> None:
        if event.kind == "changed":
            self.updateChanged.emit(event.update_id)
        elif event.kind == "finished":
            self.updateFinished.emit(event.update_id, event.ok, event.message)
        else:
            self.stateChanged.emit(event.state.value, event.waiting, event.message)
            if event.held != self._held and event.state.value != "stopped":
                self._held = event.held
                self.heldChanged.emit(event.held)

    def shutdown(self) -> None:
        """Stop the engine and wait; what is still queued stays queued in the store."""
        if "engine" in self.__dict__:  # never started: nothing to stop
            self.engine.stop()
        if self.isRunning():
            self.wait()
