"""The queue engine on its own QThread, reporting through Qt signals.

The engine's loop blocks, so it runs in ``QThread.run``; its events are re-emitted as
signals, which Qt delivers to the window in the GUI thread (queued connections). This
class is the window's only handle on the engine: its control methods (wake, pause,
resume, set_token, shutdown) call the engine's thread-safe methods from the GUI thread.
The engine itself is made on first use, after the window's first paint, because its
imports (requests and friends) are not small.

If the engine's loop ever ends without being asked (a bug it could not survive),
``engineStopped`` says so at once, and ``restart`` runs a new engine with the same
token. ``shutdown`` waits a bounded time: requests on the wire are ended by the
engine's stop, so quitting never waits for a server that does not answer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal

from flxdesk.sending.events import (
    EngineEvent,
    EngineState,
    FloorChanged,
    RowChanged,
    RowFinished,
    StateChanged,
)

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession
    from flxdesk.orders.destination import Destination
    from flxdesk.sending.engine import QueueEngine

log = logging.getLogger(__name__)

SHUTDOWN_WAIT_SECONDS = 4.0
ANSWER_GRACE_SECONDS = 1.0  # of SHUTDOWN_WAIT_SECONDS: an answer on its way is recorded


class EngineThread(QThread):
    updateChanged = Signal(int)  # re-read this row
    updateFinished = Signal(int, bool, str)  # update id, succeeded, message for the person
    stateChanged = Signal(object, int, str)  # EngineState, updates waiting, token problem
    heldChanged = Signal(int)  # updates queued for another destination, held
    engineStopped = Signal(str)  # the engine ended without being asked; why, in words
    floorChanged = Signal(object)  # FloorChanged: the floor reachable, or pacing alone

    def __init__(
        self,
        store_path: Path,
        api_url: str,
        destination: str | None = None,
        token_salt: str | None = None,
        floor_opener: Callable[[], FloorSession | None] | None = None,
    ) -> None:
        """``floor_opener``: gives the station's floor session (not started), or None; called
        once, when the engine is made (after the first paint), and never waits. The
        session is this thread's: started with the engine, closed by ``shutdown``."""
        super().__init__()
        self.setObjectName("flxdesk-queue")
        self._store_path = store_path
        self._api_url = api_url
        self._destination_url = destination
        self._token_salt = token_salt
        self._held = 0
        self._floor_opener = floor_opener
        self._floor: FloorSession | None = None
        self._engine: QueueEngine | None = None
        self._shutting_down = False
        self.down_reason = ""  # not empty while the engine has stopped unexpectedly
        self.last_report = StateChanged(EngineState.IDLE)

    # --- control, from the GUI thread ------------------------------------------------
    def set_token_salt(self, salt: str) -> None:
        """The history's salt for the token fingerprint, read when the history opens
        (after the window's first paint); needed before ``start``."""
        self._token_salt = salt

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        self._get_engine()  # made here, in the GUI thread, before the thread runs
        self._shutting_down = False
        super().start(priority)

    def restart(self) -> None:
        """Run a new engine after this one stopped unexpectedly (same token and pause)."""
        if self.isRunning():
            return
        if self._engine is not None:
            self._engine = self._engine.renewed()
        self.down_reason = ""
        self.start()

    @property
    def state(self) -> EngineState:
        return self._engine.state if self._engine is not None else EngineState.IDLE

    def set_token(self, token: str | None) -> None:
        self._get_engine().set_token(token)

    def wake(self) -> None:
        """Look at the queue now (something was queued, cancelled or redirected)."""
        self._get_engine().wake()

    def pause(self) -> None:
        self._get_engine().pause()

    def resume(self) -> None:
        self._get_engine().resume()

    @property
    def rate(self) -> float:
        """Requests per second the engine allows itself now."""
        return self._get_engine().rate

    @property
    def destination(self) -> Destination:
        """Where updates queued now are meant to go (the current URL and token)."""
        return self._get_engine().destination

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_SECONDS) -> bool:
        """Stop the engine and wait at most ``timeout`` seconds; True when it ended.

        What is still queued stays queued in the store; a request on the wire gets
        ``ANSWER_GRACE_SECONDS`` to bring its answer, then it is ended by the engine's
        stop and its row queued again.
        """
        self._shutting_down = True
        started = time.monotonic()
        if self._engine is not None:
            self._engine.stop(grace=min(ANSWER_GRACE_SECONDS, timeout / 2))
        left = max(0.0, timeout - (time.monotonic() - started))
        if self.isRunning() and not self.wait(int(left * 1000)):
            log.error("The queue engine did not stop within %.0f s", timeout)
            return False
        self._close_floor()
        return True

    def _close_floor(self) -> None:
        """What waits in the outbox stays there: the next start publishes it."""
        floor, self._floor = self._floor, None
        if floor is not None:
            try:
                floor.close()
            except Exception:
                log.exception("Closing the floor session failed")

    # --- the thread ------------------------------------------------------------------
    def run(self) -> None:
        reason = ""
        try:
            self._get_engine().run()
        except Exception as error:
            log.exception("The queue engine stopped unexpectedly")
            reason = self.tr("an internal error ({error}; details are in the log)").format(
                error=type(error).__name__
            )
        if not self._shutting_down:
            if not reason:
                log.error("The queue engine stopped unexpectedly")
            if self.last_report.state is not EngineState.STOPPED:
                self._forward(StateChanged(EngineState.STOPPED, *self._count_waiting()))
            self.down_reason = reason or self.tr("it ended without an error")
            self.engineStopped.emit(self.down_reason)

    def _count_waiting(self) -> tuple[int, int]:
        """(waiting, held) read from the history, for a status bar that tells the truth."""
        from flxdesk.history.store import HistoryStore, State

        try:
            store = HistoryStore(self._store_path, busy_timeout=0.5)
            try:
                counts = store.count_by_state()
                destination = self._engine.destination if self._engine else None
                held = store.count_held(destination) if destination else 0
            finally:
                store.close()
        except Exception:
            log.exception("Could not count the updates waiting")
            return self.last_report.waiting, self.last_report.held
        return counts[State.QUEUED] + counts[State.SENDING] - held, held

    @property
    def floor(self) -> FloorSession | None:
        """The station's floor session once the engine is made; None without a floor."""
        return self._floor

    def _get_engine(self) -> QueueEngine:
        if self._engine is None:
            from flxdesk.sending.engine import QueueEngine

            if self._floor_opener is not None:
                self._floor = self._open_floor(self._floor_opener)

            self._engine = QueueEngine(
                self._store_path,
                self._api_url,
                on_event=self._forward,
                destination=self._destination_url,
                token_salt=self._token_salt,
                floor=self._floor,
            )
        return self._engine

    @staticmethod
    def _open_floor(opener: Callable[[], FloorSession | None]) -> FloorSession | None:
        """The floor session, started; a floor that cannot even be set up is logged and
        the station paces alone (the floor never stops a station)."""
        try:
            floor = opener()
            return floor.start() if floor is not None else None
        except Exception:
            log.exception("The floor could not be set up; this station paces alone")
            return None

    def _forward(self, event: EngineEvent) -> None:
        """In the engine's thread: re-emit as signals, which Qt queues to the window."""
        match event:
            case RowChanged(update_id):
                self.updateChanged.emit(update_id)
            case RowFinished(update_id, ok, message):
                self.updateFinished.emit(update_id, ok, message)
            case FloorChanged():
                self.floorChanged.emit(event)
            case StateChanged(state, waiting, held, token_problem):
                self.last_report = event  # since and problem, for the window's words
                self.stateChanged.emit(state, waiting, token_problem)
                if held != self._held and state is not EngineState.STOPPED:
                    self._held = held
                    self.heldChanged.emit(held)
