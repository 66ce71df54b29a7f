"""A clock that steps from one waiter's deadline to the next, for exact tests in virtual time.

Unlike ``VirtualClock`` (which skips each wait's whole length at once, however many
threads wait), time here only moves to the earliest deadline anyone waits for, so the
waits end in the order they would in real time, and a wait ends at its deadline to the
microsecond. It moves only once the threads have settled:

- no thread that a wait of this clock let go is still at work (until it waits again,
  enters or leaves ``in_flight``, or ends): the engine's loop recording an answer, a
  sender whose slot came on its way to the server;
- no request is on its way between a client and the server (``in_flight`` around a
  client's call; ``serve`` for the server's own wait on a request's behalf), so a request
  arrives at the moment it left and its answer comes back at the moment it was sent: a
  server that sees two requests a virtual second apart saw them a second apart;
- and nothing asked the clock anything for ``settle`` real seconds (a thread woken by
  something else, such as a sender given a job, gets that long to reach the clock).

A thread that the clock let go and that then stops at something else (a sender told to
stop after its wait) holds the clock while it lives: use it where runs end by
themselves.

The engine (``EngineClock``), the rate limiter (``clock=now, wait=wait``), the demo API
(``clock=now, sleep=serve``), the client's deadline (``wait=wait``) and the drip server
(``clock=self``) all take it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.sending.engine import EngineClock

if TYPE_CHECKING:
    from flxdesk.flxpoint.client import FlxpointClient
    from flxdesk.flxpoint.results import UpdateResult

SLICE_SECONDS = 0.001  # how often a waiter looks at its event and the clock, in real time
SETTLE_SECONDS = 0.02  # real quiet before the clock moves on to the next deadline


class SimClock(EngineClock):
    def __init__(self, start: float = 10_000.0, settle: float = SETTLE_SECONDS) -> None:
        self._now = start
        self._settle = settle
        self._lock = threading.Lock()
        self._deadlines: Counter[float] = Counter()
        self._in_flight = 0  # requests between a client and the server, or on the server
        self._served = 0  # of those, the ones the server waits on (``serve``)
        self._touched = time.perf_counter()
        self._at_work: dict[int, threading.Thread] = {}  # let go by a wait, not back yet

    def now(self) -> float:
        with self._lock:
            self._touch()
            return self._now

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Until ``event`` is set (True) or the clock reaches now + ``seconds`` (False)."""
        return self._wait(event, seconds, served=False)

    def serve(self, seconds: float, event: threading.Event | None = None) -> bool:
        """A server's wait while a request waits for its answer (latency, arrival jitter,
        a drip): the request is on the server, no longer on its way, so the clock may
        move on. True when ``event`` was set first."""
        return self._wait(event or threading.Event(), seconds, served=True)

    @contextlib.contextmanager
    def in_flight(self) -> Iterator[None]:
        """Around a client's request: the clock waits for it to reach the server and for
        its answer to come back, except while the server ``serve``\\ s it."""
        with self._lock:
            self._in_flight += 1
            self._back()
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1
                self._back()

    def _wait(self, event: threading.Event, seconds: float, *, served: bool) -> bool:
        if event.is_set():
            return True
        with self._lock:
            deadline = self._now + max(0.0, seconds)
            self._deadlines[deadline] += 1
            self._served += served
            self._back()
        try:
            while True:
                if event.wait(SLICE_SECONDS):
                    return True
                with self._lock:
                    if self._now >= deadline:
                        return event.is_set()
                    self._step_if_settled()
        finally:
            with self._lock:
                self._deadlines[deadline] -= 1
                if not self._deadlines[deadline]:
                    del self._deadlines[deadline]
                self._served -= served
                if not served:  # a served request is counted by ``in_flight``
                    self._at_work[threading.get_ident()] = threading.current_thread()
                self._touch()

    def _step_if_settled(self) -> None:
        """Move to the earliest deadline once nothing has happened for ``settle`` (with
        the lock held)."""
        if self._in_flight > self._served:
            return  # a request or its answer is on its way
        for ident, thread in list(self._at_work.items()):
            if thread.is_alive():
                return
            del self._at_work[ident]
        quiet = time.perf_counter() - self._touched  # real time: the threads' chance to run
        if quiet < self._settle:
            return
        soonest = min(self._deadlines)
        if soonest > self._now:
            self._now = soonest
            self._touch()

    def _touch(self) -> None:
        self._touched = time.perf_counter()

    def _back(self) -> None:
        """The calling thread is back at the clock (with the lock held)."""
        self._at_work.pop(threading.get_ident(), None)
        self._touch()


class ClockedClient:
    """A real ``FlxpointClient`` whose requests the clock waits for (``in_flight``)."""

    def __init__(self, client: FlxpointClient, clock: SimClock) -> None:
        self._client = client
        self._clock = clock

    def update_status(self, order_id: str, status: str, note: str = "") -> UpdateResult:
        with self._clock.in_flight():
            return self._client.update_status(order_id, status, note)

    def close(self) -> None:
        self._client.close()

    def abort(self) -> None:
        self._client.abort()


def clocked_clients(clock: SimClock) -> Callable[[str, str], ClockedClient]:
    """A queue engine's ``client_factory`` whose clients' requests take no virtual time."""
    from flxdesk.flxpoint.client import FlxpointClient

    # Made once here first, so that a sender's first client does not import requests
    # (a fraction of a second) while the clock moves on.
    FlxpointClient("http://127.0.0.1:9", "warm-up").close()
    return lambda api_url, token: ClockedClient(FlxpointClient(api_url, token), clock)


def limiter_on(clock: SimClock, **kwargs: Any) -> RateLimiter:
    """The real rate limiter, pacing in ``clock``'s time."""
    return RateLimiter(clock=clock.now, wait=clock.wait, **kwargs)
