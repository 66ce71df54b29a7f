"""Request slots granted by the floor: one budget per token for every station that uses it.

The protocol, one round trip per request (``flxdesk.reserve_slot`` in the floor, see
flxdesk.floor.boundary): in one short transaction, locked on the token key's row and on
the database's clock (never the caller's), the floor grants the start

    T = max(now + earliest, not_before, last start, second last start + window + margin)

records it, and answers ``T - now``: a duration, so the stations' own clocks never
matter. ``earliest`` is the station's own limit (its recent starts while it paced
alone). The margin absorbs arrival jitter (requests take different paths to Flxpoint):
a base margin, plus an extra that every 429 grows (once per second at most) and quiet
time shrinks again. A 429 seen by any station also sets ``not_before`` to now plus its
Retry-After, for every station of the token. The floor fixes the window, the margins
and the bounds itself and clamps what a station gives (earliest, Retry-After).

Scans before bulk: a request says its kind. A bulk row's start is granted only when it
is at most a quarter of a second away, and half a window after the last start; until
then the floor answers "ask again in ..." (``granted`` false), so a scan asking
meanwhile takes the next free start.

``FloorPacer`` is the engine's pacer with a floor (flxdesk.sending.pacing): it asks the
floor for each start and waits at most ``PATIENCE_SECONDS`` for the answer; past that,
or while the floor is away, the station paces alone with its own limiter, which also
knows every start the floor granted it. It believes no answer a healthy floor cannot
give (a wait longer than ``DOUBT_SECONDS`` past its own limiter's earliest start, a
negative or non-finite one, a locked budget): then it paces alone at once, says "the
floor's answer is not believable", asks again once a second, and rejoins when the
answer is sane.
"""

from __future__ import annotations

import collections
import logging
import math
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

from flxdesk.floor.link import DOUBT_REASON, FloorAway, FloorLink
from flxdesk.sending.pacing import INTERACTIVE, Limiter, LimiterFor, Wait, wait_in_real_time

log = logging.getLogger(__name__)

PATIENCE_SECONDS = 1.0  # sending never waits longer than this for the floor
BASE_MARGIN_SECONDS = 0.03  # above the server's 0-20 ms arrival jitter, and our own
MARGIN_STEP_SECONDS = 0.01  # added by a 429
MAX_EXTRA_MARGIN_SECONDS = 0.07
MARGIN_DECAY_PER_SECOND = 0.0005  # a step fades in 20 s without a 429
BULK_LEAD_SECONDS = 0.25  # a bulk start is granted this close to it, no sooner
DOUBT_SECONDS = 5.0  # a floor's wait this much past our own earliest start is a fault
PROBE_SECONDS = 1.0  # while in doubt, the floor is asked again this often


class Slot(NamedTuple):
    wait: float  # seconds from the floor's now to the start (or to asking again)
    granted: bool  # False: a bulk row asks again after ``wait``


def reserve(connection: Any, key: str, earliest: float = 0.0, kind: str = INTERACTIVE) -> Slot:
    """The floor's answer on its own clock: seconds until the start it granted."""
    wait, granted = connection.execute(
        "SELECT * FROM flxdesk.reserve_slot(%s, %s, %s)", (key, earliest, kind)
    ).fetchone()
    return Slot(float(wait), bool(granted))


def grant_at(
    connection: Any, key: str, now: datetime, earliest: float = 0.0, kind: str = INTERACTIVE
) -> Slot:
    """``reserve`` on a given clock: the owner's function for tests (stations may not)."""
    wait, granted = connection.execute(
        "SELECT * FROM flxdesk.grant_slot(%s, %s, %s, %s)", (key, earliest, kind, now)
    ).fetchone()
    return Slot(float(wait), bool(granted))


def report_throttled(connection: Any, key: str, retry_after: float) -> float:
    """A 429 for ``key``: no slot for anyone before ``retry_after``; returns the extra margin."""
    (extra,) = connection.execute(
        "SELECT flxdesk.report_throttled(%s, %s)", (key, retry_after)
    ).fetchone()
    return float(extra)


def throttled_at(connection: Any, key: str, retry_after: float, now: datetime) -> float:
    """``report_throttled`` on a given clock: the owner's function for tests."""
    (extra,) = connection.execute(
        "SELECT flxdesk.note_throttled(%s, %s, %s)", (key, retry_after, now)
    ).fetchone()
    return float(extra)


def believable(slot: Slot, own_earliest: float) -> bool:
    """Whether a healthy floor could give ``slot`` to a station whose own limiter would
    start in ``own_earliest`` seconds."""
    return math.isfinite(slot.wait) and -0.001 <= slot.wait <= own_earliest + DOUBT_SECONDS


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
        wait: Wait = wait_in_real_time,
    ) -> None:
        """``key_for(token, learned)``: the token's floor key from what the link's opener
        learned (the floor's secret); computed on the link's thread, kept by the caller.
        ``clock`` and ``wait`` are the station's time: ``wait(stop, seconds)`` waits for a
        granted start as ``stop.wait(seconds)`` does (True: ``stop`` was set); tests pass
        ones that record each wait and skip it. The patience is the link's, in real time."""
        self._link = link
        self._limiter_for = limiter_for
        self._key_for = key_for
        self._patience = patience
        self._clock = clock
        self._wait = wait
        self._keys: dict[str, str] = {}
        self._keys_lock = threading.Lock()
        # Seconds each answered reservation took (the floor's cost per request).
        self.floor_waits: collections.deque[float] = collections.deque(maxlen=10_000)
        self._doubt_since: float | None = None  # when an answer was last not believable
        self._probe_at = 0.0

    def wait_for_slot(self, token: str, stop: threading.Event, kind: str = INTERACTIVE) -> bool:
        limiter = self._limiter_for(token)
        while True:
            answer = self._floor_start(token, limiter, kind)
            if answer is None:
                return limiter.wait_for_slot(stop)
            start, granted = answer
            delay = start - self._clock()
            if delay > 0 and self._wait(stop, delay):
                return False
            if stop.is_set():
                return False
            if granted:
                return True

    def _floor_start(self, token: str, limiter: Limiter, kind: str) -> tuple[float, bool] | None:
        """The start the floor grants (this process's clock) and whether it is granted
        (else: when to ask again), or None: pace alone."""
        if self._link.connected_state == "away":
            return None  # "connecting": the call waits for the first connection
        asked = self._clock()
        if self._doubt_since is not None and asked < self._probe_at:
            return None  # in doubt: alone until the next probe

        def ask(connection: Any, learned: Any) -> tuple[float, float, float, Slot]:
            key = self._key(token, learned)
            sent = self._clock()
            own = max(0.0, limiter.earliest_start() - sent)
            return sent, self._clock(), own, reserve(connection, key, own, kind)

        try:
            sent, answered, own, slot = self._link.call(ask, self._patience)
        except FloorAway as away:
            log.info("This request is paced alone: %s", away)
            return None
        except Exception as error:
            log.warning("The floor could not grant a slot (%s); pacing alone", type(error).__name__)
            self._doubt(asked)
            return None
        self.floor_waits.append(self._clock() - asked)
        if not believable(slot, own):
            log.warning("The floor answered a wait of %r s: not believable", slot.wait)
            self._doubt(asked)
            return None
        if self._doubt_since is not None:
            log.info("The floor's answers are believable again: pacing with it")
            self._doubt_since = None
            self._link.set_doubt(None)
        # The floor's "now" fell somewhere in the query's round trip: take its middle
        # (measured on the link's thread: the time the call waited in line is not in it).
        start = sent + (answered - sent) / 2 + max(0.0, slot.wait)
        if slot.granted:
            limiter.record_start(start)
        return start, slot.granted

    def _doubt(self, now: float) -> None:
        self._probe_at = now + PROBE_SECONDS
        if self._doubt_since is None:
            self._doubt_since = now
            self._link.set_doubt(DOUBT_REASON)

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
        if self._link.status.state != "up" or self._doubt_since is not None:
            limiter.on_throttled()  # alone: slow this station down, as without a floor
            return
        self._link.submit(
            lambda connection, learned: report_throttled(
                connection, self._key(token, learned), retry_after
            )
        )
