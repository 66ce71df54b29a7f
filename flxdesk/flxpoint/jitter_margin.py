"""Whether a 429 came from arrival jitter or from sharing the token, and the margin it buys.

A station keeps its own request starts a little more than the limit's window apart (a
margin). Requests reach Flxpoint over network paths whose delay varies, so the server may
count two starts closer together than they left and answer 429 although the station kept
to the limit. Halving the pace for that, as for a token shared with other stations, costs
a lone station a quarter of its rate for half a minute; widening the margin a little costs
it a few hundredths. The rules, pure functions of the station's own starts and the clock:

- **Jitter** explains a 429 when the station ran at its full pace, its own starts came
  within ``most`` of breaching the window (only a delay of at most that much could make
  the server count one start too many), and no 429 came in the ``isolated`` seconds
  before: arrival jitter shows as a rare, lone 429. The margin then grows by ``step``
  (up to ``most``) and shrinks back by ``decay_per_second`` while no 429 comes.
- **Sharing** explains every other 429: a station already backing off, starts too far
  apart for jitter to matter, or 429s that come one after another.

Jitter is also learned before any 429: a request's path delay is part of its round trip,
so the spread of the recent round trips bounds the arrival jitter from above. The margin
is at least that spread (``spread_of``: from the range of the last ``round_trips``
answers, the widest uniform spread they make likely: ``most`` until ``known`` answers
came, then wide while few are known), and at most ``most``, so a
station keeps every pair of its starts a window apart at arrival without waiting to be
told by a 429. A round trip's spread that is not path delay (the server's own time)
only widens the margin, never past ``most``.
"""

from __future__ import annotations

import enum
import functools
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class JitterPolicy:
    base: float = 0.02  # the margin a station starts with, seconds
    step: float = 0.02  # added for each 429 that jitter explains
    most: float = 0.1  # the widest margin, and the most jitter a 429 may be put down to
    isolated: float = 10.0  # seconds without a 429 before one may be put down to jitter
    decay_per_second: float = 0.02 / 300  # a step given back over five quiet minutes
    round_trips: int = 32  # recent answers whose spread the margin keeps at least (0: none)
    known: int = 4  # round trips weighed before their spread is believed (``most`` till then)


JITTER = JitterPolicy()


class Cause(enum.Enum):
    JITTER = "jitter"  # the station's own starts, counted closer together than they left
    SHARING = "sharing"  # other starts for the same token that this station cannot see


def cause_of_429(
    starts: Sequence[float],
    now: float,
    *,
    window: float,
    max_starts: int,
    full_pace: bool,
    last_429: float,
    policy: JitterPolicy = JITTER,
) -> Cause:
    """Why a 429 answered at ``now`` came, from the station's own ``starts`` (oldest first).

    The 429 answers the latest start not after ``now`` (or one just before it: they are
    as close to the window). Its own starts alone could have been counted ``max_starts``
    + 1 in one ``window`` only if that start came less than ``window`` + ``policy.most``
    after the start ``max_starts`` before it.
    """
    if not full_pace or now - last_429 < policy.isolated:
        return Cause.SHARING
    started = [start for start in starts if start <= now]
    if len(started) <= max_starts:
        return Cause.SHARING
    gap = started[-1] - started[-1 - max_starts]
    return Cause.JITTER if gap < window + policy.most else Cause.SHARING


def spread_of(round_trips: Sequence[float], likely: float = 0.15) -> float:
    """How widely ``round_trips`` (seconds) may vary: the widest uniform spread whose
    samples would show a range this small at least ``likely`` of the time (a few samples
    allow a wide one; many, about their range); 0 for fewer than two."""
    count = len(round_trips)
    if count < 2:
        return 0.0
    return (max(round_trips) - min(round_trips)) / _range_share(count, likely)


@functools.cache
def _range_share(count: int, likely: float) -> float:
    """The share ``x`` of a uniform spread that ``count`` samples' range stays under with
    probability ``likely``: n x^(n-1) - (n-1) x^n = likely, solved by bisection."""
    low, high = 0.0, 1.0
    for _ in range(50):
        middle = (low + high) / 2
        below = count * middle ** (count - 1) - (count - 1) * middle**count
        low, high = (middle, high) if below < likely else (low, middle)
    return (low + high) / 2


class JitterMargin:
    """The margin this station keeps over the window: ``base``, widened by jitter's 429s.

    Not thread-safe on its own; the rate limiter calls it with its lock held.
    """

    def __init__(self, policy: JitterPolicy = JITTER, base: float | None = None) -> None:
        self._policy = policy
        self._base = policy.base if base is None else base
        self._widened = self._base
        self._widened_at = 0.0
        self._round_trips: deque[float] = deque(maxlen=policy.round_trips)
        self._learned = 0.0

    def at(self, now: float) -> float:
        """The margin in force at ``now``: the last widening, less what has decayed since,
        and never less than the learned spread of the round trips."""
        decayed = self._policy.decay_per_second * max(0.0, now - self._widened_at)
        return max(self._base, self._learned, self._widened - decayed)

    def observe(self, round_trip: float) -> float:
        """An answer came ``round_trip`` s after its request left; the learned margin."""
        if not self._policy.round_trips:  # learning by round trips is off
            return self._learned
        self._round_trips.append(round_trip)
        if len(self._round_trips) < self._policy.known:  # two alike say nothing yet
            self._learned = self._policy.most
        else:
            self._learned = min(self._policy.most, spread_of(self._round_trips))
        return self._learned

    def widen(self, now: float) -> float:
        """A 429 jitter explains: one ``step`` more, at most ``most``; the new margin."""
        policy = self._policy
        self._widened = min(max(self._base, policy.most), self.at(now) + policy.step)
        self._widened_at = now
        return self._widened
