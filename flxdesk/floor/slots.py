"""Request slots granted by the floor: one budget per token for every station that uses it.

The protocol, one round trip per request (``flxdesk.reserve_slot`` in the floor, see
flxdesk.floor.schema): in one short transaction, locked on the token key's row and on
the database's clock, the floor grants the start

    T = max(now + earliest, not_before, last start, second last start + window + margin)

records it, and answers ``T - now``: a duration, so the stations' own clocks never
matter. ``earliest`` is the station's own limit (its recent starts while it paced
alone). The margin absorbs arrival jitter (requests take different paths to Flxpoint):
a base margin, plus an extra that every 429 grows (once per second at most) and quiet
time shrinks again. A 429 seen by any station also sets ``not_before`` to now plus its
Retry-After, for every station of the token.

``FloorPacer`` is the engine's pacer with a floor (flxdesk.sending.pacing): it asks the
floor for each start and waits at most ``PATIENCE_SECONDS`` for the answer; past that,
or while the floor is away, the station paces alone with its own limiter, which also
knows every start the floor granted it.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from flxdesk.floor.link import FloorAway, FloorLink
from flxdesk.flxpoint.rate_limit import REQUESTS_PER_WINDOW, WINDOW_SECONDS
from flxdesk.sending.pacing import LimiterFor

log = logging.getLogger(__name__)

PATIENCE_SECONDS = 1.0  # sending never waits longer than this for the floor
BASE_MARGIN_SECONDS = 0.03  # above the server's 0-20 ms arrival jitter, and our own
MARGIN_STEP_SECONDS = 0.01  # added by a 429
MAX_EXTRA_MARGIN_SECONDS = 0.07
MARGIN_DECAY_PER_SECOND = 0.0005  # a step fades in 20 s without a 429


def reserve(
    connection: Any,
    key: str,
    earliest: float = 0.0,
    *,
    now: datetime | None = None,
    margin: float = BASE_MARGIN_SECONDS,
    max_starts: int = REQUESTS_PER_WINDOW,
    window: float = WINDOW_SECONDS,
) -> float:
    """Seconds from now (the floor's clock, or ``now``) until the start the floor granted."""
    (wait,) = connection.execute(
        "SELECT flxdesk.reserve_slot(%s, %s, %s, %s, %s, %s, %s)",
        (key, max_starts, window, margin, earliest, MARGIN_DECAY_PER_SECOND, now),
    ).fetchone()
    return float(wait)


def report_throttled(
    connection: Any, key: str, retry_after: float, *, now: datetime | None = None
) -> float:
    """A 429 for ``key``: no slot for anyone before ``retry_after``; returns the extra margin."""
    (extra,) = connection.execute(
        "SELECT flxdesk.report_throttled(%s, %s, %s, %s, %s, %s)",
        (
            key,
            retry_after,
            MARGIN_STEP_SECONDS,
            MAX_EXTRA_MARGIN_SECONDS,
            MARGIN_DECAY_PER_SECOND,
            now,
        ),
    ).fetchone()
    return float(extra)


class FloorPacer:
    """Starts granted by the floor; the station's own limiter when the floor is away."""

    def __init__(
        self,
        link: FloorLink,
        limiter_for: LimiterFor,
        key_for: Callable[[str, Any], str],
        *,
        patience: float = PATIENCE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``key_for(token, learned)``: the token's floor key from what the link's opener
        learned (the floor's secret); computed on the link's thread, kept by the caller."""
        self._link = link
        self._limiter_for = limiter_for
        self._key_for = key_for
        self._patience = patience
        self._clock = clock
        self._keys: dict[str, str] = {}
        self._keys_lock = threading.Lock()
        # Seconds each answered reservation took (the floor's cost per request).
        self.floor_waits: collections.deque[float] = collections.deque(maxlen=10_000)

    def wait_for_slot(self, token: str, stop: threading.Event) -> bool:
        limiter = self._limiter_for(token)
        start = self._floor_start(token, limiter)
        if start is None:
            return limiter.wait_for_slot(stop)
        delay = start - self._clock()
        if delay > 0 and stop.wait(delay):
            return False
        return not stop.is_set()

    def _floor_start(self, token: str, limiter) -> float | None:
        """The start the floor grants (this process's clock), or None: pace alone."""
        if self._link.status.state == "away":
            return None
        asked = self._clock()

        def ask(connection: Any, learned: Any) -> tuple[float, float, float]:
            key = self._key(token, learned)
            sent = self._clock()
            wait = reserve(connection, key, max(0.0, limiter.earliest_start() - sent))
            return sent, self._clock(), wait

        try:
            sent, answered, wait = self._link.call(ask, self._patience)
        except FloorAway as away:
            log.info("This request is paced alone: %s", away)
            return None
        except Exception:
            log.exception("The floor could not grant a slot; pacing alone for this request")
            return None
        self.floor_waits.append(self._clock() - asked)
        # The floor's "now" fell somewhere in the query's round trip: take its middle
        # (measured on the link's thread: the time the call waited in line is not in it).
        start = sent + (answered - sent) / 2 + wait
        limiter.record_start(start)
        return start

    def _key(self, token: str, learned: Any) -> str:
        with self._keys_lock:
            key = self._keys.get(token)
        if key is None:
            key = self._key_for(token, learned)
            with self._keys_lock:
                self._keys[token] = key
        return key

    def throttled(self, token: str, retry_after: float) -> None:
        limiter = self._limiter_for(token)
        limiter.pause(retry_after)
        if self._link.status.state != "up":
            limiter.on_throttled()  # alone: slow this station down, as without a floor
            return
        self._link.submit(
            lambda connection, learned: report_throttled(
                connection, self._key(token, learned), retry_after
            )
        )
