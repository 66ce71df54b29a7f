"""Holding back: when the queue engine may start a request, and what it says meanwhile.

Pure rules: no threads, no clock of their own, nothing written but the log. The engine
(flxdesk.sending.engine) tells a ``Backoff`` how each answer ended and the time on its
clock, and asks it what may start and how long to wait; a ``StorageHold`` does the same
for a history that cannot be written. Tests drive both with plain numbers.

- Outages wait, errors fail. 5xx answers, timeouts and broken connections mean Flxpoint
  is not answering: the update stays queued and waits (``RetryPolicy``), and only one
  probe at a time may start, with growing gaps (capped), until an answer comes; nothing
  fails because of an outage, however long (NOT_ANSWERING, "since" when it began).
- No connection at all means offline: the same one probe at a time with growing gaps,
  no try used up; any answer ends it.
- A 429 waits out its ``Retry-After`` (bounded by the caller) and never uses up a try. A
  long or repeated 429 hold is shown like an outage.
- Any answer from Flxpoint (a final one, a 401) ends the outage and the offline wait.
- The history: a lock shorter than ``LOCK_PATIENCE_SECONDS`` is waited out without a
  word; other faults are said at once; a run that ends when idle (the command line)
  gives up at once on a fault that does not pass by itself, after its patience on one
  that does.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from flxdesk.history.faults import (
    PASSING,
    StorageFault,
    StorageKind,
    fault_from,
    is_storage_error,
)
from flxdesk.history.schema import HistoryFileError

OFFLINE_PROBE_MAX_SECONDS = 30.0
OUTAGE_PROBE_MAX_SECONDS = 30.0
# A 429 asking to wait this long, or this many 429s in a row, show as a hold.
RATE_LIMIT_HOLD_SECONDS = 5.0
RATE_LIMIT_HOLD_STREAK = 3
IDLE_POLL_SECONDS = 1.0  # the longest the engine waits without looking at the queue
SHORTEST_WAIT_SECONDS = 0.01
STORAGE_RETRY_FIRST_SECONDS = 0.1
STORAGE_RETRY_MAX_SECONDS = 2.0
LOCK_PATIENCE_SECONDS = 3.0  # a lock shorter than this is waited out without a word

log = logging.getLogger(__name__)


class RetryPolicy(NamedTuple):
    """Backoff for an update that waits because Flxpoint did not answer it."""

    base_delay: float = 1.0  # seconds before the 2nd attempt; doubles each time
    max_delay: float = 60.0

    def delay(self, attempts: int, jitter: Callable[[], float] = random.random) -> float:
        """Backoff before the next attempt, jittered so stations do not retry in step."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** min(attempts - 1, 30))
        return ceiling * (0.5 + 0.5 * jitter())


def _doubled(gap: float, cap: float) -> float:
    return min(cap, max(1.0, gap * 2))


class Backoff:
    """The hold state of the Flxpoint side: offline, not answering, 429s, rows to retry.

    Times are on the engine's clock (``now`` arguments); ``holding_since`` is wall-clock
    time (``wall``), for the person ("since 09:14").
    """

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        wall: Callable[[], float] = time.time,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._policy = policy or RetryPolicy()
        self._wall = wall
        self._jitter = jitter
        self._offline_gap = 0.0  # > 0 while offline
        self._offline_until = 0.0
        self._outage_gap = 0.0  # > 0 while Flxpoint is not answering
        self._outage_until = 0.0
        self._holding_since: float | None = None  # not answering, or held by 429s
        self._throttled_in_a_row = 0
        self._retry_at: dict[int, float] = {}  # row id -> not before

    # --- what happened ---------------------------------------------------------------
    def answered(self) -> None:
        """Flxpoint gave an answer: neither offline nor an outage any more."""
        self._offline_gap = self._offline_until = 0.0
        self._outage_gap = self._outage_until = 0.0
        self._holding_since = None
        self._throttled_in_a_row = 0

    def offline(self, now: float) -> None:
        """A request found no connection at all: the next probe after a longer gap."""
        self._offline_gap = _doubled(self._offline_gap, OFFLINE_PROBE_MAX_SECONDS)
        self._offline_until = now + self._offline_gap

    def rate_limited(self, row_id: int, now: float, delay: float) -> None:
        """A 429 for ``row_id`` asked to wait ``delay`` (already bounded) seconds."""
        self._offline_gap = self._offline_until = 0.0
        self._retry_at[row_id] = now + delay
        self._throttled_in_a_row += 1
        if delay >= RATE_LIMIT_HOLD_SECONDS or self._throttled_in_a_row >= RATE_LIMIT_HOLD_STREAK:
            self._holding_since = self._holding_since or self._wall()

    def not_answering(self, row_id: int, now: float, tried: int) -> None:
        """A 5xx, a timeout or a broken connection on ``row_id``'s ``tried``-th try."""
        self._offline_gap = self._offline_until = 0.0
        self._outage_gap = _doubled(self._outage_gap, OUTAGE_PROBE_MAX_SECONDS)
        self._outage_until = now + self._outage_gap
        self._holding_since = self._holding_since or self._wall()
        self._retry_at[row_id] = now + self._policy.delay(tried, self._jitter)

    def started(self, row_id: int) -> None:
        """``row_id`` left (or was picked and turned out cancelled): its wait is over."""
        self._retry_at.pop(row_id, None)

    # --- what may happen -------------------------------------------------------------
    @property
    def is_offline(self) -> bool:
        return bool(self._offline_gap)

    @property
    def holding_since(self) -> float | None:
        """Wall-clock time since when Flxpoint does not answer or 429s hold the queue."""
        return self._holding_since

    @property
    def rows_waiting(self) -> int:
        """Rows that wait for their retry time (the engine looks past them)."""
        return len(self._retry_at)

    def may_probe(self, now: float, in_flight: bool) -> bool:
        """Whether a request may start now, as far as an offline wait or an outage go:
        one probe at a time, after its gap."""
        for gap, until in (
            (self._offline_gap, self._offline_until),
            (self._outage_gap, self._outage_until),
        ):
            if gap and (in_flight or now < until):
                return False
        return True

    def due(self, row_id: int, now: float) -> bool:
        """Whether ``row_id``'s own wait (a 429 or a retry) is over."""
        return self._retry_at.get(row_id, 0.0) <= now

    def seconds_to_next(self, now: float) -> float:
        """How long the engine may wait before something could start (at most a poll)."""
        gate = 0.0  # while offline or not answering, nothing may start before the probe
        if self._offline_gap:
            gate = max(gate, self._offline_until)
        if self._outage_gap:
            gate = max(gate, self._outage_until)
        due = [max(when, gate) for when in self._retry_at.values()]
        if gate:
            due.append(gate)
        soonest = min(due, default=now + IDLE_POLL_SECONDS)
        return min(IDLE_POLL_SECONDS, max(SHORTEST_WAIT_SECONDS, soonest - now))


def storage_fault(error: Exception, path: Path) -> StorageFault | None:
    """The history fault ``error`` is (its file ``path``), or None for any other error."""
    if isinstance(error, StorageFault):
        return error
    if isinstance(error, HistoryFileError):
        return StorageFault(StorageKind(error.kind), path, str(error))
    if is_storage_error(error):
        return fault_from(error, path)
    return None


class StorageHold:
    """The history could not be written: the pause before each try, when to say so, and
    when a run that ends when idle gives up. ``since`` is wall-clock, for the person."""

    def __init__(self, wall: Callable[[], float] = time.time) -> None:
        self._wall = wall
        self._began: float | None = None  # the first failed cycle, on the engine's clock
        self._lasted = 0.0
        self._pause = 0.0
        self.fault: StorageFault | None = None  # what is said, once it is worth saying
        self.since: float | None = None

    @property
    def troubled(self) -> bool:
        """A cycle failed since the last that succeeded."""
        return self._began is not None

    def failed(self, now: float) -> float:
        """A cycle of the engine failed at ``now``: seconds to wait before the next."""
        if self._began is None:
            self._began = now
        self._lasted = now - self._began
        self._pause = min(
            STORAGE_RETRY_MAX_SECONDS, max(STORAGE_RETRY_FIRST_SECONDS, self._pause * 2)
        )
        return self._pause

    def cycle_failed(
        self, error: Exception, path: Path, now: float, until_idle: bool, patience: float | None
    ) -> tuple[float, bool]:
        """A cycle failed at ``now`` with ``error`` (the history ``path``): the seconds to
        wait before the next, and whether the engine should say its state again. A bug is
        logged and waited out; a storage fault is said once it is worth saying, or raised
        when a run that ends when idle (``until_idle``) gives up on it (after ``patience``
        seconds; None waits on)."""
        pause = self.failed(now)
        fault = storage_fault(error, path)
        if fault is None:
            log.exception("A cycle of the queue engine failed; it goes on")
            return pause, False
        if until_idle and self.gives_up(fault.kind, patience):
            raise fault from error
        if not self.worth_saying(fault.kind):
            return pause, False
        if self.hold(fault):
            log.warning("Sending is held: %s", fault)
        return pause, True

    def gives_up(self, kind: StorageKind, patience: float | None) -> bool:
        """Whether a run that ends when idle stops here (``patience``: None waits on)."""
        return kind not in PASSING or (patience is not None and self._lasted >= patience)

    def worth_saying(self, kind: StorageKind) -> bool:
        return kind is not StorageKind.LOCKED or self._lasted >= LOCK_PATIENCE_SECONDS

    def hold(self, fault: StorageFault) -> bool:
        """Say ``fault``; True when it is news (nothing said yet, or another kind)."""
        news = self.fault is None or self.fault.kind is not fault.kind
        self.fault = fault
        if self.since is None:
            self.since = self._wall()
        return news

    def cleared(self) -> bool:
        """A cycle succeeded after failures; True when a fault had been said."""
        said = self.fault is not None
        self._began, self._lasted, self._pause = None, 0.0, 0.0
        self.fault = self.since = None
        return said
