"""What a sending run (``update``, ``bulk``, ``resume``) is made of: the result lines and
progress, what an earlier run left, held updates, the results file, Ctrl-C."""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from flxdesk.cli import sending_floor
from flxdesk.cli.common import SetupError
from flxdesk.sending.events import (
    EngineEvent,
    EngineState,
    FloorChanged,
    RowFinished,
    StateChanged,
)

if TYPE_CHECKING:
    from flxdesk.history.store import HistoryStore
    from flxdesk.orders.destination import Destination
    from flxdesk.sending.engine import QueueEngine

log = logging.getLogger(__name__)

PROGRESS_EVERY_SECONDS = 2.0


class Reporter:
    """Prints a line per finished update, and progress now and then."""

    def __init__(self, store: HistoryStore) -> None:
        self._store = store
        self.finished: list[int] = []
        self._last_progress = 0.0
        self.rate: Callable[[], float] = lambda: 2.0  # requests per second, for the time left
        self.token_problem = ""
        self._last_state: EngineState | None = None
        self._floor_lines = sending_floor.FloorLines()

    def __call__(self, event: EngineEvent) -> None:
        match event:
            case FloorChanged():
                self._floor_lines(event)
            case RowFinished(update_id, ok, message):  # also one an earlier run left queued
                row = self._store.get(update_id)
                self.finished.append(update_id)
                outcome = "sent" if ok else "failed"
                # Just recorded, so only another program could have removed it: the line
                # still says how it ended, with the columns kept.
                order_id, status = (row.order_id, row.status) if row is not None else ("", "")
                print(f"{outcome}\t{order_id}\t{status}\t{message}", flush=True)
            case StateChanged(state, waiting, _held, token_problem, since, problem):
                if token_problem:
                    self.token_problem = token_problem
                held = state in (EngineState.OFFLINE, EngineState.NOT_ANSWERING)
                urgent = held or state is EngineState.NEEDS_TOKEN
                self._progress(waiting, force=urgent and state is not self._last_state, held=held)
                if state is not self._last_state:
                    if state is EngineState.OFFLINE:
                        print("flxdesk: offline; updates wait and are retried.", file=sys.stderr)
                    elif state is EngineState.NOT_ANSWERING:
                        began = time.strftime("%H:%M", time.localtime(since or time.time()))
                        print(
                            f"flxdesk: Flxpoint is not answering since {began}; updates wait "
                            "and are retried (none fails because of it).",
                            file=sys.stderr,
                        )
                    elif state is EngineState.STORAGE_PROBLEM:
                        print(f"flxdesk: {problem} Sending waits.", file=sys.stderr)
                self._last_state = state

    def _progress(self, waiting: int, force: bool = False, held: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_progress < PROGRESS_EVERY_SECONDS:
            return
        self._last_progress = now
        if held and waiting:
            left = "waiting for Flxpoint"
        else:
            eta = waiting / max(self.rate(), 0.1) if waiting else 0
            left = f"about {eta:.0f} s left"
        print(
            f"flxdesk: {len(self.finished)} done, {waiting} waiting, {left}",
            file=sys.stderr,
            flush=True,
        )


def has_queued(history_db: Path) -> bool:
    from flxdesk.history.store import HistoryStore, State

    store = HistoryStore(history_db)
    try:
        counts = store.count_by_state()
    finally:
        store.close()
    return bool(counts[State.QUEUED] or counts[State.SENDING])


def handle_held(store: HistoryStore, current: Destination, to_current: bool) -> int:
    """Say what is held and why; with ``to_current`` send it here. Returns how many wait."""
    from flxdesk.orders.destination import describe_url

    here = describe_url(current.api_url)
    held = 0
    for group in store.held_groups(current):
        if to_current:
            store.redirect_held(group, current)
            print(
                f"flxdesk: --to-current: {group.describe(current)} Sending them to {here}.",
                file=sys.stderr,
            )
            continue
        held += group.updates
        print(f"flxdesk: {group.describe(current)}", file=sys.stderr)
    if held:
        print(
            f"flxdesk: {held} held update(s) are not sent. 'flxdesk resume --to-current' sends "
            f"them to {here} with the current token; the flxdesk window can also discard them.",
            file=sys.stderr,
        )
    return held


def check_results_path(path: Path) -> None:
    """Refuse, before anything is sent, a --results file that cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SetupError(
            f"The results file {path} cannot be written: the folder {folder} does not exist. "
            "Create it, or give --results a file in an existing folder."
        )
    if path.is_dir():
        raise SetupError(
            f"The results file {path} cannot be written: it is a folder. Give --results a "
            "file name."
        )
    existed = path.exists()
    try:
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as error:
        raise SetupError(
            f"The results file {path} cannot be written ({error.strerror or error}): choose "
            "a folder you may write to for --results."
        ) from error
    if not existed:
        path.unlink(missing_ok=True)


def stop_on_interrupt(engine: QueueEngine) -> Callable[[], None]:
    """Ctrl-C, a scheduler's SIGTERM and, on Windows, Ctrl-Break (SIGBREAK, which would
    otherwise end the process on the spot) stop the engine: requests on the wire end, their
    rows stay queued. Returns the function that puts the previous handlers back."""
    import signal
    import threading

    def handle(number: int, frame: object) -> None:
        print("flxdesk: interrupted; what is not sent stays queued.", file=sys.stderr)
        # In a thread: the handler may interrupt code holding a lock stop() needs.
        threading.Thread(target=engine.stop, name="flxdesk-interrupt", daemon=True).start()
        signal.signal(number, previous[number])  # a second Ctrl-C ends at once

    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGBREAK"):  # each where the platform has it
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError):  # not the main thread: no handler
                previous[number] = signal.signal(number, handle)

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore
