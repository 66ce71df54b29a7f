"""Who decides when the engine's next request may start: this station alone, or the floor.

The queue engine asks a ``Pacer`` before every request and tells it about every 429.
``LocalPacer`` is the station alone: its per-token rate limiter (flxdesk.flxpoint.
rate_limit), which learns of other stations only from 429 answers. With a floor
configured, flxdesk.floor.slots.FloorPacer asks the floor instead and falls back to the
same limiter whenever the floor does not answer in time.

``StationFloor`` names what the engine uses of a station's floor (flxdesk.floor.session.
FloorSession gives it): the floor sits above sending and uses its pacing and events;
sending never imports the floor.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.flxpoint.rate_limit import Wait as Wait  # how a pacer waits, as its limiter does
from flxdesk.flxpoint.rate_limit import wait_in_real_time as wait_in_real_time
from flxdesk.sending.events import FloorChanged

Limiter = RateLimiter  # a token's own limiter, which every pacer falls back on
LimiterFor = Callable[[str], Limiter]

# What a request is, for a floor that gives scans the next start ahead of bulk rows.
INTERACTIVE = "scan"  # a scan, a typed update, a retry: someone is waiting for it
BULK = "bulk"  # a row of a bulk import


def kind_of(batch_id: int | None) -> str:
    """A queued row's kind: rows of an import (a batch) are bulk."""
    return BULK if batch_id is not None else INTERACTIVE


class Pacer(Protocol):
    def wait_for_slot(self, token: str, stop: threading.Event, kind: str = INTERACTIVE) -> bool:
        """Block until a request with ``token`` may start; False if ``stop`` was set first.
        ``kind``: INTERACTIVE or BULK (a floor grants scans first)."""
        ...

    def throttled(self, token: str, retry_after: float) -> None:
        """Flxpoint answered a request with ``token`` 429, asking to wait ``retry_after``."""
        ...


class LocalPacer:
    """The station alone: its own limiter, slowed by every 429 (shared-token AIMD)."""

    def __init__(self, limiter_for: LimiterFor) -> None:
        self._limiter_for = limiter_for

    def wait_for_slot(self, token: str, stop: threading.Event, kind: str = INTERACTIVE) -> bool:
        return self._limiter_for(token).wait_for_slot(stop)

    def throttled(self, token: str, retry_after: float) -> None:
        limiter = self._limiter_for(token)
        limiter.pause(retry_after)
        limiter.on_throttled()


class Waking(Protocol):
    def wake(self) -> None:
        """Something new is in the outbox: publish it now, not at the next gap."""
        ...


class StationFloor(Protocol):
    """What the engine uses of the station's floor, when it has one."""

    @property
    def status(self) -> FloorChanged | None:
        """The floor's state for people; None while the first attempt is under way."""
        ...

    @property
    def publisher(self) -> Waking: ...

    def pacer(self, limiter_for: LimiterFor) -> Pacer:
        """The pacer that asks the floor, falling back to ``limiter_for``'s limiter."""
        ...

    def prepare(self, token: str) -> None:
        """Work out ``token``'s key on the floor before the first request needs it."""
        ...

    def add_listener(self, listener: Callable[[FloorChanged], None]) -> None: ...

    def remove_listener(self, listener: Callable[[FloorChanged], None]) -> None: ...
