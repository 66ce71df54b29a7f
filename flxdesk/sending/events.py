"""What the queue engine reports, as small typed events (standard library only).

Cheap enough for the window's first-paint path; consumers ``match`` on the class:

    match event:
        case RowChanged(update_id): ...
        case RowFinished(update_id, ok, message): ...
        case StateChanged(state, waiting, held, token_problem): ...
        case FloorChanged(state, since, reason): ...

(``StateChanged`` also carries ``since`` and ``problem``; patterns may leave them out.)
"""

from enum import StrEnum
from typing import NamedTuple


class EngineState(StrEnum):
    IDLE = "idle"  # nothing queued
    SENDING = "sending"
    PAUSED = "paused"
    OFFLINE = "offline"
    # 5xx, timeouts, broken connections or a long 429 hold: updates wait, none fails.
    NOT_ANSWERING = "not_answering"
    # The history cannot be written (locked long, disk full, read-only): sending is held.
    STORAGE_PROBLEM = "storage_problem"
    NEEDS_TOKEN = "needs_token"  # no token yet, or Flxpoint refused it (401)
    STOPPED = "stopped"


class RowChanged(NamedTuple):
    """A row's state changed (queued, sending, retrying): re-read it."""

    update_id: int


class RowFinished(NamedTuple):
    """A row ended, sent or failed, with the words for the person."""

    update_id: int
    ok: bool
    message: str


class StateChanged(NamedTuple):
    """The engine's state, with counts.

    ``waiting``: updates for this destination not yet finished (queued or being sent);
    ``held``: updates queued for another destination, not sent until the person says;
    ``token_problem``: why Flxpoint refused the token (NEEDS_TOKEN), else empty;
    ``since``: wall-clock time (``time.time()``) the waiting began (NOT_ANSWERING,
    STORAGE_PROBLEM), else None;
    ``problem``: the plain sentence about the history file (STORAGE_PROBLEM), else empty;
    ``storage_kind``: its storage_faults.StorageKind value (words may be translated).
    """

    state: EngineState
    waiting: int = 0
    held: int = 0
    token_problem: str = ""
    since: float | None = None
    problem: str = ""
    storage_kind: str = ""


class FloorState(StrEnum):
    REACHABLE = "reachable"  # starts are granted by the floor, shared with the other stations
    AWAY = "away"  # the floor does not answer or cannot be used: this station paces alone


class FloorChanged(NamedTuple):
    """The floor (flxdesk.floor) became reachable, or this station went on alone.

    Only sent by an engine that has a floor. ``since``: wall-clock time the floor went
    away (AWAY), else None; ``reason``: why, in words for people (AWAY), else empty.
    flxdesk.floor.session.floor_words says it all in one sentence.
    """

    state: FloorState
    since: float | None = None
    reason: str = ""


EngineEvent = RowChanged | RowFinished | StateChanged | FloorChanged
