"""The queue engine: sends every queued update at the token's pace, through faults.

No Qt here: the window's worker thread and the command line both run it. The store
is the queue. Updates are written there as queued before the engine sees them; the
engine marks each one ``sending`` before its request starts and records the outcome
after. A run that is killed leaves ``sending`` rows, which the next run sends again,
marked ``resent`` (setting the same status twice is harmless).

Pacing and faults:
- Up to two requests are in flight, so a slow API (0.5 s or more per answer) still
  gets two request starts per second; the rate limiter caps the starts.
- 429 waits out ``Retry-After`` (bounded) and halves this station's pace; successes
  bring it back gradually, so stations sharing a token share its budget.
- 5xx, timeouts and broken connections retry with exponential backoff and jitter,
  up to ``RetryPolicy.max_attempts``; then the update fails with the reason.
- 400, 403 and 404 are final for the update.
- 401 stops all sending until a new token is given (``set_token``).
- No connection at all means offline: updates wait, one probe at a time with growing
  gaps, and sending resumes by itself once a request gets through.

Destinations: the engine sends a row only to the destination it was queued for (its
API URL and token fingerprint, flxdesk.destination). Rows queued for another URL or
under another token are *held*: counted in the state events, never sent, until the
person redirects or discards them through the store.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from flxdesk.destination import Destination, token_fingerprint
from flxdesk.engine_events import (
    EngineEvent,
    EngineState,
    RowChanged,
    RowFinished,
    StateChanged,
)
from flxdesk.rate_limit import RateLimiter, bounded_retry_after, limiter_for_token
from flxdesk.results import Outcome, UpdateResult
from flxdesk.store import HistoryStore, State, UpdateRow

log = logging.getLogger(__name__)

FINAL_FAILURES = {Outcome.BAD_REQUEST, Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.UNEXPECTED}
MAX_IN_FLIGHT = 2
OFFLINE_PROBE_MAX_SECONDS = 30.0
IDLE_POLL_SECONDS = 1.0


class RetryPolicy(NamedTuple):
    max_attempts: int = 6
    base_delay: float = 1.0  # seconds before the 2nd attempt; doubles each time
    max_delay: float = 60.0

    def delay(self, attempts: int, jitter: Callable[[], float] = random.random) -> float:
        """Backoff before the next attempt, jittered so stations do not retry in step."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (attempts - 1))
        return ceiling * (0.5 + 0.5 * jitter())


def _default_client_factory(api_url: str, token: str):
    from flxdesk.api_client import FlxpointClient

    return FlxpointClient(api_url, token)


class QueueEngine:
    """Drains the store's queue. ``run`` blocks; the control methods are thread-safe."""

    def __init__(
        self,
        store_path: Path,
        api_url: str,
        token: str | None = None,
        *,
        policy: RetryPolicy | None = None,
        limiter: RateLimiter | None = None,
        on_event: Callable[[EngineEvent], None] | None = None,
        client_factory: Callable[[str, str], object] = _default_client_factory,
        max_in_flight: int = MAX_IN_FLIGHT,
        destination: str | None = None,
    ) -> None:
        """``destination`` is the URL recorded in rows, when not ``api_url`` (the demo's
        port changes each start, so its rows record DEMO_DESTINATION instead)."""
        self._store_path = store_path
        self._api_url = api_url
        self._destination_url = destination or api_url
        store = HistoryStore(store_path)
        try:
            self._token_salt = store.token_salt
        finally:
            store.close()
        self._policy = policy or RetryPolicy()
        self._fixed_limiter = limiter
        self._on_event = on_event or (lambda event: None)
        self._client_factory = client_factory
        self._max_in_flight = max_in_flight

        self._lock = threading.Lock()
        self._token = token
        self._token_fp = self._fingerprint(token)
        self._token_generation = 0
        self._paused = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        # (row, result or None when it was not sent after all, token generation)
        self._finished: queue.Queue[tuple[UpdateRow, UpdateResult | None, int]] = queue.Queue()
        self._clients = threading.local()

        # Owned by the run thread:
        self._store: HistoryStore | None = None
        self._in_flight: set[int] = set()
        self._retry_at: dict[int, float] = {}
        self._offline_backoff = 0.0  # > 0 while offline
        self._offline_until = 0.0
        self._published: tuple[EngineState, int, str, int] | None = None
        self._token_problem = ""  # why the last token was refused, for the person
        self._state = EngineState.IDLE

    # --- control, from any thread ------------------------------------------------------
    def set_token(self, token: str | None) -> None:
        fingerprint = self._fingerprint(token)
        with self._lock:
            self._token = token or None
            self._token_fp = fingerprint
            self._token_generation += 1
            self._token_problem = ""
        self._poke()

    def _fingerprint(self, token: str | None) -> str:
        return token_fingerprint(token, self._token_salt) if token else ""

    @property
    def destination(self) -> Destination:
        """Where updates queued now are meant to go: record it with each row.

        After Flxpoint refuses a token (401) it stays the destination's token until
        another is given, so updates queued meanwhile are held like the older ones.
        """
        with self._lock:
            return Destination(self._destination_url, self._token_fp)

    def pause(self) -> None:
        with self._lock:
            self._paused = True
        self._poke()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
        self._poke()

    def wake(self) -> None:
        """Call after queueing or cancelling rows, so the engine looks at once."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._poke()

    @property
    def state(self) -> EngineState:
        return self._state

    @property
    def rate(self) -> float:
        """Requests per second this station currently allows itself."""
        with self._lock:
            token = self._token
        return self._limiter(token).rate if token else 0.0

    def _poke(self) -> None:
        self._wake.set()

    # --- the loop ------------------------------------------------------------------
    def run(self, *, until_idle: bool = False, offline_give_up: float | None = None) -> None:
        """Send queued updates until ``stop``; with ``until_idle`` also end when done.

        An ``until_idle`` run (the command line) also ends when the token is refused,
        or after ``offline_give_up`` seconds offline; unsent updates stay queued.
        """
        self._store = HistoryStore(self._store_path)
        offline_since: float | None = None
        try:
            with ThreadPoolExecutor(self._max_in_flight, "flxdesk-send") as pool:
                try:
                    while not self._stop.is_set():
                        self._wake.clear()
                        self._collect_finished()
                        row = self._next_startable()
                        if row is not None:
                            self._start(row, pool)
                            continue
                        counts = self._store.count_by_state()
                        held = self._store.count_held(self.destination)
                        waiting = counts[State.QUEUED] - held + counts[State.SENDING]
                        state = self._publish_state(waiting, held)
                        now = time.monotonic()
                        if state is EngineState.OFFLINE:
                            offline_since = offline_since or now
                        else:
                            offline_since = None
                        if until_idle and not self._in_flight:
                            gave_up = (
                                offline_give_up is not None
                                and offline_since is not None
                                and now - offline_since >= offline_give_up
                            )
                            if waiting == 0 or state is EngineState.NEEDS_TOKEN or gave_up:
                                break
                        self._wake.wait(self._seconds_to_next_due(now))
                finally:
                    self._stop.set()  # also ends the pacing waits in the pool
            self._collect_finished()
        finally:
            self._state = EngineState.STOPPED
            self._on_event(StateChanged(EngineState.STOPPED))
            self._store.close()
            self._store = None

    def _next_startable(self) -> UpdateRow | None:
        with self._lock:
            blocked = self._paused or self._token is None
        if blocked or len(self._in_flight) >= self._max_in_flight:
            return None
        now = time.monotonic()
        if self._offline_backoff and (self._in_flight or now < self._offline_until):
            return None  # offline: one probe at a time, with growing gaps
        skip = len(self._in_flight) + len(self._retry_at)
        for row in self._store.queued(self.destination, limit=skip + 1):
            if row.id not in self._in_flight and self._retry_at.get(row.id, 0.0) <= now:
                return row
        return None

    def _start(self, row: UpdateRow, pool: ThreadPoolExecutor) -> None:
        with self._lock:
            token, generation = self._token, self._token_generation
            destination = Destination(self._destination_url, self._token_fp)
        self._retry_at.pop(row.id, None)
        if token is None or not self._store.mark_sending(row.id, destination):
            return  # cancelled meanwhile, or the token changed since it was picked
        self._in_flight.add(row.id)
        self._on_event(RowChanged(row.id))
        pool.submit(self._send, row, token, generation)

    def _send(self, row: UpdateRow, token: str, generation: int) -> None:
        """In a pool thread: wait for the token's next slot, then one request.

        The client is made before the wait, so that the request leaves as soon as the
        slot opens and the server sees the pace the limiter keeps.
        """
        result = None
        try:
            client = self._client(token, generation)
            if self._limiter(token).wait_for_slot(self._stop):
                with self._lock:
                    still_wanted = not self._paused and generation == self._token_generation
                if still_wanted:
                    result = client.update_status(row.order_id, row.status, row.note)
        except Exception as error:  # a bug must not leave the row 'sending' forever
            log.exception("Sending update %s failed unexpectedly", row.id)
            result = UpdateResult(Outcome.UNEXPECTED, f"Internal error: {type(error).__name__}")
        self._finished.put((row, result, generation))
        self._wake.set()

    def _client(self, token: str, generation: int):
        cached = getattr(self._clients, "entry", None)
        if cached is None or cached[0] != generation:
            if cached is not None:
                cached[1].close()
            cached = (generation, self._client_factory(self._api_url, token))
            self._clients.entry = cached
        return cached[1]

    def _limiter(self, token: str) -> RateLimiter:
        return self._fixed_limiter or limiter_for_token(token)

    def _collect_finished(self) -> None:
        while True:
            try:
                row, result, generation = self._finished.get_nowait()
            except queue.Empty:
                return
            self._in_flight.discard(row.id)
            if result is None:  # paused, stopped or token changed before it left
                self._store.mark_queued(row.id)
                self._on_event(RowChanged(row.id))
            else:
                self._record(row, result, generation)

    def _record(self, row: UpdateRow, result: UpdateResult, generation: int) -> None:
        store = self._store
        attempts = row.attempts + 1
        common = {
            "http_code": result.http_code,
            "outcome": result.outcome.value,
            "message": result.message,
            "detail": result.detail,
        }
        if result.outcome is Outcome.OFFLINE:
            self._offline_backoff = min(
                OFFLINE_PROBE_MAX_SECONDS, max(1.0, self._offline_backoff * 2)
            )
            self._offline_until = time.monotonic() + self._offline_backoff
            store.retry_later(row.id, attempts=row.attempts, **common)
            self._on_event(RowChanged(row.id))
            return
        self._offline_backoff = self._offline_until = 0.0
        with self._lock:
            token = self._token
        limiter = self._limiter(token) if token else None
        if result.outcome is Outcome.UNAUTHORIZED:
            with self._lock:
                if generation == self._token_generation:
                    self._token = None  # stop sending until a new token is set
                    self._token_problem = result.message
            store.retry_later(row.id, attempts=row.attempts, **common)
            self._on_event(RowChanged(row.id))
            return
        if result.ok or result.outcome in FINAL_FAILURES or attempts >= self._policy.max_attempts:
            message = result.message
            if not result.ok and result.outcome not in FINAL_FAILURES:
                message += f" Gave up after {attempts} tries."
            store.complete(
                row.id, ok=result.ok, attempts=attempts, **{**common, "message": message}
            )
            self._on_event(RowFinished(row.id, result.ok, message))
            return
        if result.outcome is Outcome.RATE_LIMITED:
            delay = bounded_retry_after(result.retry_after)
            if limiter:
                limiter.pause(delay)
                limiter.on_throttled()
        else:
            delay = self._policy.delay(attempts)
        self._retry_at[row.id] = time.monotonic() + delay
        store.retry_later(row.id, attempts=attempts, **common)
        self._on_event(RowChanged(row.id))

    def _publish_state(self, waiting: int, held: int) -> EngineState:
        with self._lock:
            needs_token, paused = self._token is None, self._paused
            problem = self._token_problem if needs_token else ""
        if needs_token:
            state = EngineState.NEEDS_TOKEN
        elif paused:
            state = EngineState.PAUSED
        elif self._offline_backoff:
            state = EngineState.OFFLINE
        elif waiting or self._in_flight:
            state = EngineState.SENDING
        else:
            state = EngineState.IDLE
        self._state = state
        if (state, waiting, problem, held) != self._published:
            self._published = (state, waiting, problem, held)
            self._on_event(StateChanged(state, waiting, held, problem))
        return state

    def _seconds_to_next_due(self, now: float) -> float:
        due = list(self._retry_at.values())
        if self._offline_backoff:
            due.append(self._offline_until)
        soonest = min(due, default=now + IDLE_POLL_SECONDS)
        return min(IDLE_POLL_SECONDS, max(0.01, soonest - now))
