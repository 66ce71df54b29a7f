"""Per-token pacing: at most N request starts in any sliding window, on a monotonic clock.

Flxpoint allows 2 requests per second per token, and every station using the same
token shares that budget, so the limiter also accepts a pause from a ``429`` answer.
A 429 is put down to arrival jitter (a slightly wider spacing) or to sharing (a slower
pace) by the rules of ``jitter_margin``.
"""

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from flxdesk.flxpoint.jitter_margin import JITTER, Cause, JitterMargin, JitterPolicy, cause_of_429

REQUESTS_PER_WINDOW = 2
WINDOW_SECONDS = 1.0
# A little slack so that arrival jitter on the server never squeezes three starts
# into one second of its clock; 429s that jitter explains widen it (``jitter_margin``).
SAFETY_MARGIN_SECONDS = JITTER.base

log = logging.getLogger(__name__)

# A start that woke later than this after its slot is counted from when it really left.
LATE_START_SLACK_SECONDS = 0.005
RETRY_AFTER_DEFAULT = 1.0
RETRY_AFTER_MIN = 1.0
RETRY_AFTER_MAX = 60.0

# Waits until ``seconds`` pass or the event is set; True when it was set (Event.wait's
# answer). Tests pass a virtual clock's, so that pacing takes no real time.
Wait = Callable[[threading.Event, float], bool]


def wait_in_real_time(event: threading.Event, seconds: float) -> bool:
    return event.wait(seconds)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), unbounded."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # rarely needed; slow to import

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return (when - now).total_seconds()


def bounded_retry_after(seconds: float | None) -> float:
    """Clamp a server-requested pause: 0 or negative would hammer, a huge one would hang."""
    if seconds is None or seconds != seconds:  # missing or NaN
        return RETRY_AFTER_DEFAULT
    return min(max(seconds, RETRY_AFTER_MIN), RETRY_AFTER_MAX)


@dataclass(frozen=True)
class SharingPolicy:
    """How a station finds its share of a token that other stations may use too (AIMD).

    A 429 that arrival jitter does not explain shows the budget is shared: the pace drops
    by ``decrease`` (at most one 429 per ``hold`` s is weighed: later ones answer requests
    sent before it), then grows by
    ``increase_per_second``, doubling for every ``quiet_doubles_every`` s without a 429,
    so a station left alone again soon uses the whole budget. The 429 also shifts the
    station's rhythm by a random part (at most ``push``) of its new spacing.
    """

    decrease: float = 0.5
    increase_per_second: float = 0.05
    quiet_doubles_every: float = 5.0
    hold: float = 1.0
    floor: float = 0.2
    push: float = 0.2


SHARING = SharingPolicy()


class RateLimiter:
    """Thread-safe pacing; callers reserve a start time, then wait for it.

    Two rules apply together: never more than ``max_starts`` starts in any window plus
    the margin (a hard cap, bursts included), and, while 429 answers show that other
    stations spend the same token's budget, at least ``1 / rate`` seconds between starts.
    A 429 that arrival jitter explains widens the margin instead (``jitter_margin``). A
    pause (a 429's Retry-After) frees the slots claimed but not started: they are claimed
    again from the end of the pause, so the station resumes exactly when it is told to.
    """

    def __init__(
        self,
        max_starts: int = REQUESTS_PER_WINDOW,
        window: float = WINDOW_SECONDS,
        margin: float = SAFETY_MARGIN_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
        sharing: SharingPolicy = SHARING,
        jitter_policy: JitterPolicy = JITTER,
        wait: Wait = wait_in_real_time,
    ) -> None:
        """``clock`` and ``wait`` are the time the limiter paces on and how it waits for
        a slot there: monotonic real time unless a test passes a virtual clock's."""
        self._window = window
        self._margin = JitterMargin(jitter_policy, base=margin)
        self._jitter_policy = jitter_policy
        self._max_rate = max_starts / window
        self._sharing = sharing
        self._rate = self._max_rate
        self._last_decrease = float("-inf")
        self._last_throttled = float("-inf")
        self._last_growth = 0.0
        self._max_starts = max_starts
        # Recent starts, oldest first; those after now are claimed, not yet started.
        self._starts: deque[float] = deque(maxlen=4 * max_starts)
        self._not_before = 0.0
        self._pause_serial = 0
        self._clock = clock
        self._jitter = jitter
        self._wait = wait
        self._lock = threading.Lock()

    def reserve(self) -> tuple[float, int]:
        """Claim the earliest allowed start; returns (start time, pause serial at claim)."""
        with self._lock:
            now = self._clock()
            self._grow(now)
            start = max(now, self._not_before)
            if len(self._starts) >= self._max_starts:
                spacing = self._window + self._margin.at(now)
                start = max(start, self._starts[-self._max_starts] + spacing)
            if self._starts and self._rate < self._max_rate:
                start = max(start, self._starts[-1] + 1.0 / self._rate)
            self._starts.append(start)
            return start, self._pause_serial

    def earliest_start(self) -> float:
        """The earliest start the hard cap and a pause allow (clock time), claiming nothing.

        For a coordinator that grants the start itself (flxdesk.floor.slots): it must not
        grant one this process's own recent starts forbid.
        """
        with self._lock:
            start = max(self._clock(), self._not_before)
            if len(self._starts) >= self._max_starts:
                start = max(start, self._starts[-self._max_starts] + self._window)
            return start

    def _started_late(self, planned: float) -> None:
        """Count a start that woke late (a busy machine, a long garbage collection) at
        the time it really leaves: the next starts are spaced from that, not from the
        plan, or the server could count them closer together than the window allows.
        Called with the lock held."""
        now = self._clock()
        if now - planned <= LATE_START_SLACK_SECONDS or planned not in self._starts:
            return
        self._starts.remove(planned)
        self._insert_start(now)

    def record_start(self, at: float) -> None:
        """A start granted elsewhere (flxdesk.floor.slots), so that pacing alone later
        counts it."""
        with self._lock:
            if len(self._starts) == self._starts.maxlen:
                self._starts.popleft()
            self._insert_start(at)

    def _insert_start(self, at: float) -> None:
        """Add a start where it belongs: kept oldest first. Called with the lock held."""
        position = len(self._starts)
        while position and self._starts[position - 1] > at:
            position -= 1
        self._starts.insert(position, at)

    def pause(self, seconds: float) -> None:
        """No request may start for ``seconds`` from now (e.g. after a 429).

        Slots claimed for later are freed: their callers claim new ones after the pause
        (``wait_for_slot`` does), instead of queueing behind slots never used.
        """
        with self._lock:
            now = self._clock()
            self._not_before = max(self._not_before, now + seconds)
            self._pause_serial += 1
            while self._starts and self._starts[-1] > now:
                self._starts.pop()

    def observe_round_trip(self, seconds: float) -> None:
        """An answer from Flxpoint came ``seconds`` after its request left: its spread
        teaches the margin the arrival jitter (``jitter_margin``), before any 429."""
        with self._lock:
            self._margin.observe(seconds)

    @property
    def margin(self) -> float:
        """Seconds over the window this station keeps between a start and the Nth before."""
        with self._lock:
            return self._margin.at(self._clock())

    @property
    def rate(self) -> float:
        """Requests per second this process currently allows itself."""
        with self._lock:
            self._grow(self._clock())
            return self._rate

    def _grow(self, now: float) -> None:
        """Additive increase with time since the last 429 (called with the lock held)."""
        policy = self._sharing
        if self._rate < self._max_rate:
            quiet = now - self._last_decrease
            boost = 2 ** min(6, int(quiet // policy.quiet_doubles_every))
            gained = policy.increase_per_second * boost * (now - self._last_growth)
            self._rate = min(self._max_rate, self._rate + gained)
        self._last_growth = now

    def on_throttled(self) -> Cause | None:
        """A 429: widen the margin if arrival jitter explains it, else slow down (sharing).

        Returns what it was put down to; None for one within ``hold`` of the last, which
        answers a request sent before that one was weighed.
        """
        policy = self._sharing
        with self._lock:
            now = self._clock()
            if now - self._last_throttled < policy.hold:
                return None
            self._grow(now)
            cause = cause_of_429(
                self._starts,
                now,
                window=self._window,
                max_starts=self._max_starts,
                full_pace=self._rate >= self._max_rate,
                last_429=self._last_throttled,
                policy=self._jitter_policy,
            )
            self._last_throttled = now
            if cause is Cause.JITTER:
                margin = self._margin.widen(now)
            else:
                self._last_decrease = now
                self._rate = max(policy.floor, self._rate * policy.decrease)
                # Shift this station's rhythm by a random part of its new spacing, so that
                # stations which collided stop reaching the server at the same moments.
                shift = policy.push * self._jitter() / self._rate
                self._not_before = max(self._not_before, now) + shift
            rate = self._rate
        if cause is Cause.JITTER:
            log.info("A 429 put down to arrival jitter: margin now %.0f ms", margin * 1000)
        else:
            log.debug("A 429 put down to a shared token: %.2f requests per second", rate)
        return cause

    def wait_for_slot(self, stop: threading.Event | None = None) -> bool:
        """Block until this caller may start a request; False if ``stop`` was set first."""
        stop = stop or threading.Event()
        while True:
            start, serial = self.reserve()
            delay = start - self._clock()
            if delay > 0 and self._wait(stop, delay):
                return False
            if stop.is_set():
                return False
            with self._lock:
                if serial == self._pause_serial:
                    self._started_late(start)
                    return True
            # A pause arrived while we waited: claim a fresh slot after it.


_limiters: dict[str, RateLimiter] = {}
_limiters_lock = threading.Lock()


def _token_key(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def limiter_for_token(token: str) -> RateLimiter:
    """The one limiter shared by every sender using ``token`` in this process."""
    key = _token_key(token)
    with _limiters_lock:
        if key not in _limiters:
            _limiters[key] = RateLimiter()
        return _limiters[key]


def use_limiter_for_token(token: str, limiter: RateLimiter) -> None:
    """Make ``limiter`` the one for ``token`` (benchmarks that measure something else)."""
    with _limiters_lock:
        _limiters[_token_key(token)] = limiter
