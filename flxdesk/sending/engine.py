"""The queue engine: sends every queued update at the token's pace, through faults.

No Qt here: the window's worker thread and the command line both run it. The store
is the queue. Updates are written there as queued before the engine sees them; the
engine marks each one ``sending`` before its request starts and records the outcome
after. A run that is killed leaves ``sending`` rows, which the next run sends again,
marked ``resent`` (setting the same status twice is harmless).

Pacing and answers: up to two requests are in flight, so a slow API (0.5 s or more
per answer) still gets two request starts per second; the rate limiter caps the starts.
What is final and what waits for what is each outcome's ``Finality``
(flxdesk.orders.outcomes): final (400, 403, 404, an unexpected answer, an untrusted
certificate) is recorded after one try; a 429 tells the pacer, which shares the token's
budget with other stations; 401 stops all sending until a new token is given
(``set_token``); outages, offline waits and 429 holds follow the rules of
flxdesk.sending.backoff, which this engine only consults.

The engine survives: an error in one cycle of the loop is logged and the loop goes on.
The history being locked by another program is waited out with backoff; a full or
read-only disk holds the queue with a plain sentence (STORAGE_PROBLEM) and sending
resumes by itself once the history can be written again (``backoff.StorageHold``). An
outcome that could not be recorded is kept and recorded later, never sent again.

Stopping is quick: ``stop`` ends the requests on the wire at once (their rows go back
to the queue, marked resent, since Flxpoint may have applied them), and the sending
threads are daemons, so a request that still hangs never keeps the process alive.

The floor (flxdesk.floor), when the station has one: every request start is asked of
the floor, which shares the token's budget with the other stations (``floor.pacer``);
a floor that does not answer within about a second leaves the station pacing alone with
its own limiter, and it rejoins by itself. The engine tells the floor's publisher about
every change it records, and forwards the floor's state as FloorChanged events.

Destinations: the engine sends a row only to the destination it was queued for (its
API URL and token fingerprint, flxdesk.orders.destination). Rows queued for another URL or
under another token are *held*: counted in the state events, never sent, until the
person redirects or discards them through the store.
"""

from __future__ import annotations

import collections
import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from flxdesk.flxpoint.rate_limit import RateLimiter, bounded_retry_after, limiter_for_token
from flxdesk.flxpoint.results import UpdateResult
from flxdesk.history.store import Answer, HistoryStore, State, UpdateRow
from flxdesk.orders.destination import Destination, token_fingerprint
from flxdesk.orders.outcomes import Finality, Outcome
from flxdesk.sending.backoff import Backoff, RetryPolicy, StorageHold
from flxdesk.sending.events import (
    EngineEvent,
    EngineState,
    FloorChanged,
    RowChanged,
    RowFinished,
    StateChanged,
)
from flxdesk.sending.pacing import LocalPacer, Pacer, StationFloor, kind_of
from flxdesk.sending.senders import (
    ABANDONED,
    Abandoned,
    Senders,
    SendingClient,
    ThreadClients,
    Wire,
    flxpoint_client,
)

log = logging.getLogger(__name__)

MAX_IN_FLIGHT = 2
# The engine's own store waits this long for a lock, then the loop backs off and retries.
STORE_BUSY_TIMEOUT_SECONDS = 0.25
STOP_GRACE_SECONDS = 0.5  # for answers already on their way when stop is asked

# How a request ended: Flxpoint's answer (or the client's word for no answer), None when
# it was not sent after all (paused, stopped or the token changed before it left), or
# ABANDONED when a stop ended it on the wire.
Ending: TypeAlias = UpdateResult | Abandoned | None
# A request that ended, waiting to be recorded: its row, its ending, its token generation.
Finished: TypeAlias = tuple[UpdateRow, Ending, int]


class EngineClock:
    """Monotonic time and interruptible waits; tests pass a clock that skips ahead."""

    def now(self) -> float:
        return time.monotonic()

    def wait(self, event: threading.Event, seconds: float) -> bool:
        return event.wait(seconds)


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
        client_factory: Callable[[str, str], SendingClient] = flxpoint_client,
        max_in_flight: int = MAX_IN_FLIGHT,
        destination: str | None = None,
        token_salt: str | None = None,
        clock: EngineClock | None = None,
        floor: StationFloor | None = None,
    ) -> None:
        """``destination`` is the URL recorded in rows, when not ``api_url`` (the demo's
        port changes each start, so its rows record DEMO_DESTINATION instead).
        ``token_salt`` is the history's salt for token fingerprints; without it the
        history is opened here to read it (which may wait on a lock). ``floor``: the
        station's started floor session (its owner closes it), or None to pace alone."""
        self._store_path = store_path
        self._api_url = api_url
        self._destination_url = destination or api_url
        if token_salt is None:
            store = HistoryStore(store_path)
            try:
                token_salt = store.token_salt
            finally:
                store.close()
        self._token_salt = token_salt
        self._policy = policy or RetryPolicy()
        self._fixed_limiter = limiter
        self._on_event = on_event or (lambda event: None)
        self._client_factory = client_factory
        self._max_in_flight = max_in_flight
        self._clock = clock or EngineClock()
        self._floor = floor
        self._pacer: Pacer = floor.pacer(self._limiter) if floor else LocalPacer(self._limiter)
        self._floor_said: FloorChanged | None = None
        if floor is not None:
            floor.add_listener(self._floor_changed)
            if token:
                floor.prepare(token)

        self._lock = threading.RLock()
        self._token = token
        self._token_fp = self._fingerprint(token)
        self._token_generation = 0
        self._paused = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._finished: queue.Queue[Finished] = queue.Queue()
        self._clients = ThreadClients(lambda token: client_factory(api_url, token))
        self._wire = Wire(self._lock)  # the clients in a request, for stop

        # Owned by the run thread (the store: opened by the first cycle, closed at the end):
        self._store: HistoryStore | None = None
        self._in_flight: set[int] = set()
        self._unrecorded: collections.deque[Finished] = collections.deque()
        self._backoff = Backoff(self._policy)
        self._storage = StorageHold()
        self._counts = (0, 0)  # (waiting, held), the last that could be read
        self._published: StateChanged | None = None
        self._token_problem = ""  # why the last token was refused, for the person
        self._state = EngineState.IDLE

    # --- control, from any thread ------------------------------------------------------
    def set_token(self, token: str | None) -> None:
        fingerprint = self._fingerprint(token)
        if token and self._floor is not None:
            self._floor.prepare(token)
        with self._lock:
            self._token = token or None
            self._token_fp = fingerprint
            self._token_generation += 1
            self._token_problem = ""
        self.wake()

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
        self.wake()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
        self.wake()

    def wake(self) -> None:
        """Call after queueing or cancelling rows, so the engine looks at once."""
        self._wake.set()

    def stop(self, grace: float = 0.0) -> None:
        """End ``run`` soon: no new request starts. A request on the wire gets up to
        ``grace`` seconds to bring its answer (recorded as usual), then it is ended and
        its row stays queued, to be sent again: a normal quit waits a moment rather than
        leave an update Flxpoint may have taken marked as not sent."""
        self._wire.allow_answers_for(grace)
        self._stop.set()
        self.wake()
        self._wire.end()
        self.wake()

    def renewed(self) -> QueueEngine:
        """A new engine like this one (same token, pause and settings), to run again
        after this one's ``run`` ended."""
        with self._lock:
            token, paused = self._token, self._paused
        engine = QueueEngine(
            self._store_path,
            self._api_url,
            token,
            policy=self._policy,
            limiter=self._fixed_limiter,
            on_event=self._on_event,
            client_factory=self._client_factory,
            max_in_flight=self._max_in_flight,
            destination=self._destination_url,
            token_salt=self._token_salt,
            clock=self._clock,
            floor=self._floor,
        )
        engine._paused = paused
        return engine

    @property
    def state(self) -> EngineState:
        return self._state

    @property
    def rate(self) -> float:
        """Requests per second this station currently allows itself."""
        with self._lock:
            token = self._token
        return self._limiter(token).rate if token else 0.0

    def _floor_changed(self, status: FloorChanged) -> None:
        """From a floor thread: the run thread says it (``_publish_floor``) at once."""
        self.wake()

    # --- the loop ------------------------------------------------------------------
    def run(
        self,
        *,
        until_idle: bool = False,
        offline_give_up: float | None = None,
        storage_give_up: float | None = None,
    ) -> None:
        """Send queued updates until ``stop``; with ``until_idle`` also end when done.

        An ``until_idle`` run (the command line) also ends when the token is refused,
        or after ``offline_give_up`` seconds offline or with Flxpoint not answering;
        unsent updates stay queued. Such a run raises StorageFault when the history
        cannot be written: at once when the fault does not pass by itself (read-only,
        damaged), after ``storage_give_up`` seconds for a lock or a full disk. A run
        without ``until_idle`` never gives up: it holds and tries again.
        """
        senders = Senders(self._max_in_flight)
        waiting_since: float | None = None  # offline or not answering, on self._clock
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    wait = self._cycle(senders)
                except Exception as error:  # the loop must survive anything
                    pause, said = self._storage.cycle_failed(
                        error, self._store_path, self._clock.now(), until_idle, storage_give_up
                    )
                    if said:
                        self._publish_state()
                    self._clock.wait(self._stop, pause)
                    continue
                if self._storage.troubled:
                    if self._storage.cleared():
                        log.info("The history can be written again; sending resumes")
                    self._publish_state()
                if wait is None:
                    continue  # a request was started: look for the next one at once
                now = self._clock.now()
                if self._state in (EngineState.OFFLINE, EngineState.NOT_ANSWERING):
                    waiting_since = waiting_since if waiting_since is not None else now
                else:
                    waiting_since = None
                if until_idle and not self._in_flight and not self._unrecorded:
                    waiting, _held = self._counts
                    gave_up = (
                        offline_give_up is not None
                        and waiting_since is not None
                        and now - waiting_since >= offline_give_up
                    )
                    if waiting == 0 or self._state is EngineState.NEEDS_TOKEN or gave_up:
                        break
                self._clock.wait(self._wake, wait)
        finally:
            self._shut_down(senders)

    def _cycle(self, senders: Senders) -> float | None:
        """One look at the queue: None when a request was started, else seconds to wait."""
        store = self._store if self._store is not None else self._open_store()
        self._collect_finished(store)
        self._publish_floor()
        row = self._next_startable(store)
        if row is not None:
            self._start(store, row, senders)
            return None
        self._read_counts(store)
        self._publish_state()
        return self._backoff.seconds_to_next(self._clock.now())

    def _open_store(self) -> HistoryStore:
        """The run's own connection to the history, kept until ``_shut_down`` closes it."""
        store = HistoryStore(self._store_path, busy_timeout=STORE_BUSY_TIMEOUT_SECONDS)
        self._store = store
        # One flxdesk per data folder: a row still 'sending' was cut off by a crash.
        interrupted = store.requeue_interrupted()
        if interrupted:
            log.warning("%d updates interrupted earlier are queued again", interrupted)
        return store

    def _read_counts(self, store: HistoryStore) -> None:
        counts = store.count_by_state()
        held = store.count_held(self.destination)
        self._counts = (counts[State.QUEUED] - held + counts[State.SENDING], held)

    def _shut_down(self, senders: Senders) -> None:
        """Stop sending: abort what is on the wire, record what came back, requeue the rest.

        Bounded in time: a request that still hangs is abandoned to its daemon thread.
        """
        self._stop.set()
        self._wire.end()
        senders.close()
        grace_ends = time.monotonic() + STOP_GRACE_SECONDS
        answered = {row.id for row, _result, _generation in self._unrecorded}
        while self._in_flight - answered:
            left = grace_ends - time.monotonic()
            if left <= 0:
                break
            try:
                finished = self._finished.get(timeout=left)
            except queue.Empty:
                break
            self._unrecorded.append(finished)
            answered.add(finished[0].id)
        store = self._store
        try:
            if store is not None:
                try:
                    self._collect_finished(store)
                except Exception:
                    log.exception("Could not record every answer while stopping")
                if self._in_flight:
                    store.requeue_abandoned(sorted(self._in_flight))
                    log.info("%d requests were still on the wire at stop", len(self._in_flight))
                    self._in_flight.clear()
                self._read_counts(store)
        except Exception:
            log.exception("Could not tidy the queue while stopping; the next start will")
        finally:
            if self._floor is not None:
                self._floor.remove_listener(self._floor_changed)
            self._state = EngineState.STOPPED
            waiting, held = self._counts
            self._on_event(StateChanged(EngineState.STOPPED, waiting, held))
            if store is not None:
                store.close()
                self._store = None

    def _next_startable(self, store: HistoryStore) -> UpdateRow | None:
        with self._lock:
            blocked = self._paused or self._token is None
        if blocked or self._storage.fault is not None:
            return None
        if len(self._in_flight) >= self._max_in_flight:
            return None
        now = self._clock.now()
        if not self._backoff.may_probe(now, in_flight=bool(self._in_flight)):
            return None  # offline or not answering: one probe at a time, growing gaps
        skip = len(self._in_flight) + self._backoff.rows_waiting
        for row in store.queued(self.destination, limit=skip + 1):
            if row.id not in self._in_flight and self._backoff.due(row.id, now):
                return row
        return None

    def _start(self, store: HistoryStore, row: UpdateRow, senders: Senders) -> None:
        with self._lock:
            token, generation = self._token, self._token_generation
            destination = Destination(self._destination_url, self._token_fp)
        self._backoff.started(row.id)
        if token is None or not store.mark_sending(row.id, destination):
            return  # cancelled meanwhile, or the token changed since it was picked
        self._in_flight.add(row.id)
        self._on_event(RowChanged(row.id))
        senders.submit(self._send, row, token, generation)

    def _send(self, row: UpdateRow, token: str, generation: int) -> None:
        """In a sending thread: wait for the token's next slot, then one request.

        The client is made before the wait, so that the request leaves as soon as the
        slot opens and the server sees the pace the limiter keeps.
        """
        result: Ending = None
        try:
            client = self._clients.get(token, generation)
            if self._pacer.wait_for_slot(token, self._stop, kind_of(row.batch_id)):
                with self._lock:
                    still_wanted = (
                        not self._paused
                        and generation == self._token_generation
                        and not self._stop.is_set()
                    )
                    if still_wanted:
                        self._wire.enter(client)
                if still_wanted:
                    try:
                        left = time.monotonic()
                        result = client.update_status(row.order_id, row.status, row.note)
                        if result.http_code is not None:  # an answer: its round trip
                            self._limiter(token).observe_round_trip(time.monotonic() - left)
                    finally:
                        self._wire.leave(client)
                    if self._stop.is_set() and not result.ok:
                        result = ABANDONED  # ended by stop: not an answer from Flxpoint
        except Exception as error:  # a bug must not leave the row 'sending' forever
            log.exception("Sending update %s failed unexpectedly", row.id)
            result = UpdateResult(Outcome.UNEXPECTED, f"Internal error: {type(error).__name__}")
        self._finished.put((row, result, generation))
        self._wake.set()

    def _limiter(self, token: str) -> RateLimiter:
        return self._fixed_limiter or limiter_for_token(token)

    def _collect_finished(self, store: HistoryStore) -> None:
        """Record the answers that came back; one that cannot be recorded yet is kept."""
        while True:
            try:
                self._unrecorded.append(self._finished.get_nowait())
            except queue.Empty:
                break
        if self._unrecorded and self._floor is not None:
            self._floor.publisher.wake()
        while self._unrecorded:
            row, result, generation = self._unrecorded[0]
            if result is None:  # paused, stopped or token changed before it left
                store.mark_queued(row.id)
            elif result is ABANDONED:
                store.requeue_abandoned([row.id])
            else:
                self._record(store, row, result, generation)
            self._unrecorded.popleft()
            self._in_flight.discard(row.id)
            if result is None or result is ABANDONED:
                self._on_event(RowChanged(row.id))

    def _record(
        self, store: HistoryStore, row: UpdateRow, result: UpdateResult, generation: int
    ) -> None:
        """Write the outcome first; change the engine's state only once it is written."""
        tried = row.attempts + 1
        answer = Answer(
            http_code=result.http_code,
            outcome=result.outcome.value,
            message=result.message,
            detail=result.detail,
        )
        now = self._clock.now()
        finality = result.outcome.finality
        if finality.final:
            store.complete(row.id, ok=result.ok, attempts=tried, **answer)
            self._backoff.answered()
            self._on_event(RowFinished(row.id, result.ok, result.message))
            return
        # The update waits; only Flxpoint not answering (5xx, a timeout, a broken
        # connection) uses up a try.
        used = tried if finality is Finality.WAITS_FOR_FLXPOINT else row.attempts
        store.retry_later(row.id, attempts=used, **answer)
        if finality is Finality.WAITS_FOR_CONNECTION:
            self._backoff.offline(now)
        elif finality is Finality.WAITS_FOR_TOKEN:
            self._backoff.answered()
            with self._lock:
                if generation == self._token_generation:
                    self._token = None  # stop sending until a new token is set
                    self._token_problem = result.message
        elif finality is Finality.WAITS_FOR_PACE:
            delay = bounded_retry_after(result.retry_after)
            with self._lock:
                token = self._token
            if token:
                self._pacer.throttled(token, delay)
            self._backoff.rate_limited(row.id, now, delay)
        else:
            self._backoff.not_answering(row.id, now, tried)
        self._on_event(RowChanged(row.id))

    def _publish_floor(self) -> None:
        """Say the floor's state when it changed (the first attempt's outcome included)."""
        if self._floor is None:
            return
        status = self._floor.status
        if status is not None and status != self._floor_said:
            self._floor_said = status
            self._on_event(status)

    def _publish_state(self) -> EngineState:
        waiting, held = self._counts
        with self._lock:
            needs_token, paused = self._token is None, self._paused
            token_problem = self._token_problem if needs_token else ""
        since, problem, kind = None, "", ""
        if self._storage.fault is not None:
            state = EngineState.STORAGE_PROBLEM
            since, problem = self._storage.since, str(self._storage.fault)
            kind = str(self._storage.fault.kind)
        elif needs_token:
            state = EngineState.NEEDS_TOKEN
        elif paused:
            state = EngineState.PAUSED
        elif self._backoff.is_offline:
            state = EngineState.OFFLINE
        elif self._backoff.holding_since is not None and (waiting or self._in_flight):
            state = EngineState.NOT_ANSWERING
            since = self._backoff.holding_since
        elif waiting or self._in_flight:
            state = EngineState.SENDING
        else:
            state = EngineState.IDLE
        self._state = state
        event = StateChanged(state, waiting, held, token_problem, since, problem, kind)
        if event != self._published:
            self._published = event
            self._on_event(event)
        return state
