"""A clock for the queue engine that skips ahead, so minutes of backoff take milliseconds.

A wait that nothing cuts short ends almost at once, with the clock moved on by the whole
wait; a wait that an event ends (an answer came back, the engine was woken) moves it
by nothing. Fault servers can read the same clock to decide what to answer when.

For minutes of waiting where only what ends and what is recorded matters (an outage, a
run that gives up). Where the order and the exact time of each start matter, use
``support.sim_clock.SimClock``: it steps from one deadline to the next, so it pays a
moment of real time per step (five virtual minutes of the engine's one-second looks
would take seconds there).
"""

from __future__ import annotations

import threading

from flxdesk.sending.engine import EngineClock

REAL_SLICE_SECONDS = 0.002  # how long a wait really waits before the clock skips


class VirtualClock(EngineClock):
    def __init__(self, start: float = 10_000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += max(0.0, seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        if event.wait(min(seconds, REAL_SLICE_SECONDS)):
            return True
        self.advance(seconds)
        return event.is_set()
