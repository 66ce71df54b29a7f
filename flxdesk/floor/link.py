"""One connection to the floor, on a thread of its own, that nobody ever waits on for long.

Callers hand the link a job (a function of the connection) and wait for its answer at
most as long as they can afford (``call``); a job that is not answered in time is
given up, and the caller goes on without the floor. The link's thread connects (in
the background: nothing waits for it), runs jobs one at a time, and after any
failure reconnects by itself with growing gaps; while it is away, calls fail at once
(``FloorAway``) instead of waiting. A watchdog cuts the connection of a job that runs
past its deadline, because a server that hangs (or a network that swallows packets)
answers nothing, not even a timeout.

``status`` says whether the floor can be used, since when it cannot, and why, in
words for people; ``on_status`` is called on each change (from the link's thread or
a caller's). A caller that doubts the floor's answers (``set_doubt``) makes the status
"away" while the connection stays up for its probes (``connected_state``).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

log = logging.getLogger(__name__)

RECONNECT_FIRST_SECONDS = 1.0
RECONNECT_MAX_SECONDS = 30.0
JOB_DEADLINE_SECONDS = 3.0  # the watchdog cuts a job's connection after this
# The reason of a floor that answers what no healthy floor could (flxdesk.floor.slots):
# the link stays up, but the station paces alone (flxdesk.floor.session.floor_words).
DOUBT_REASON = "not believable"

Job = Callable[[Any, Any], Any]  # (connection, what the opener learned) -> answer
Opener = Callable[[], tuple[Any, Any]]  # () -> (connection, what it learned)
_Answer = TypeVar("_Answer")


class FloorAway(RuntimeError):
    """The floor cannot be used now; ``str(error)`` says why. Go on without it."""


class LinkStatus(NamedTuple):
    state: str  # "connecting" (first attempt), "up", "away"
    since: float | None = None  # wall clock (time.time()) it went away
    reason: str = ""  # why it is away, for people
    refused: bool = False  # away for a reason someone must fix (password, schema, address)


class Refused(Exception):
    """Raised by an opener when the floor answers but cannot be used (``str`` says why)."""


class TooSlow(Exception):
    """Raised by an opener when the floor answers, but too slowly to pace with it."""


class _Call:
    def __init__(self, job: Job, budget: float) -> None:
        self.job = job
        self.budget = budget  # seconds it may run before the watchdog cuts it
        self.deadline = float("inf")
        self.done = threading.Event()
        self.given_up = False
        self.started = False
        self.answer: Any = None
        self.error: BaseException | None = None


class FloorLink:
    def __init__(
        self,
        opener: Opener,
        describe_error: Callable[[BaseException], str],
        *,
        name: str = "floor",
        on_status: Callable[[LinkStatus], None] | None = None,
        job_deadline: float = JOB_DEADLINE_SECONDS,
    ) -> None:
        self._opener = opener
        self._describe = describe_error
        self._name = name
        self._on_status = on_status or (lambda status: None)
        self._job_deadline = job_deadline
        self._lock = threading.Lock()
        self._status = LinkStatus("connecting")
        self._doubt: tuple[str, float] | None = None  # (reason, since) set by a caller
        self._calls: queue.Queue[_Call | None] = queue.Queue()
        self._closed = threading.Event()
        self._retry = threading.Event()  # wakes the thread from a reconnect gap
        self._settled = threading.Event()  # the first connection attempt has ended
        self._connection: Any = None
        self._learned: Any = None
        self._running: _Call | None = None
        self._watch = threading.Condition(self._lock)
        self._thread = threading.Thread(target=self._work, name=f"flxdesk-{name}", daemon=True)
        self._watchdog = threading.Thread(
            target=self._watch_deadlines, name=f"flxdesk-{name}-watchdog", daemon=True
        )

    def start(self) -> FloorLink:
        self._thread.start()
        self._watchdog.start()
        return self

    @property
    def status(self) -> LinkStatus:
        with self._lock:
            return self._combined()

    def _combined(self) -> LinkStatus:
        status, doubt = self._status, self._doubt
        if doubt is not None and status.state == "up":
            return LinkStatus("away", doubt[1], doubt[0])
        return status

    @property
    def connected_state(self) -> str:
        """The connection's own state, whatever a caller doubts: connecting, up, away."""
        with self._lock:
            return self._status.state

    def set_doubt(self, reason: str | None) -> None:
        """A caller no longer believes the floor's answers (``reason``), or does again
        (None): the status says so; calls still run."""
        with self._lock:
            before = self._combined()
            if reason is None:
                self._doubt = None
            elif self._doubt is None:
                self._doubt = (reason, time.time())
            after = self._combined()
        if after != before:
            log.warning("The floor (%s): %s", self._name, after.reason or after.state)
            self._on_status(after)

    @property
    def learned(self) -> Any:
        """What the opener learned on the last connection (None before the first)."""
        with self._lock:
            return self._learned

    def wait_settled(self, timeout: float) -> LinkStatus:
        """Wait up to ``timeout`` for the first connection attempt to end; the status."""
        self._settled.wait(timeout)
        return self.status

    def call(self, job: Callable[[Any, Any], _Answer], timeout: float) -> _Answer:
        """``job(connection, learned)`` on the link's thread; its answer within ``timeout``
        seconds, else FloorAway (and the job is given up). Fails at once while away."""
        with self._lock:
            status = self._status
        if self._closed.is_set():
            raise FloorAway("closed")
        if status.state == "away":
            raise FloorAway(status.reason)
        pending = _Call(job, max(timeout, self._job_deadline))
        self._calls.put(pending)
        if not pending.done.wait(timeout):
            with self._lock:
                pending.given_up = True
                started = pending.started
            if started:  # the floor is slow or hangs: no more waiting on it for now
                self._went_away(f"no answer within {timeout:.1f} s")
                self._cut(pending)
            raise FloorAway(self._status.reason or f"no answer within {timeout:.1f} s")
        if pending.error is not None:
            raise pending.error
        answer: _Answer = pending.answer  # what ``job`` returned, on the link's thread
        return answer

    def submit(self, job: Job) -> None:
        """Run ``job`` when the link can, without waiting; dropped while the floor is away."""
        if self.connected_state == "away" or self._closed.is_set():
            return
        self._calls.put(_Call(job, self._job_deadline))

    def retry_now(self) -> None:
        """Away: try to connect now rather than at the end of the current gap."""
        self._retry.set()

    def close(self) -> None:
        self._closed.set()
        self._settled.set()
        self._retry.set()
        self._calls.put(None)
        with self._lock:
            self._watch.notify_all()
        self._thread.join(timeout=2.0)
        self._watchdog.join(timeout=1.0)
        self._close_connection()

    # --- the link's thread -------------------------------------------------------------
    def _work(self) -> None:
        gap = 0.0
        while not self._closed.is_set():
            if self._connection is None:
                if not self._connect():
                    gap = min(RECONNECT_MAX_SECONDS, max(RECONNECT_FIRST_SECONDS, gap * 2))
                    self._fail_waiting(self._status.reason)
                    self._retry.wait(gap)
                    self._retry.clear()
                    continue
                gap = 0.0
            try:
                pending = self._calls.get(timeout=0.5)
            except queue.Empty:
                continue
            if pending is None:
                break
            self._run(pending)

    def _connect(self) -> bool:
        began = time.monotonic()
        try:
            connection, learned = self._opener()
        except Refused as refusal:
            self._went_away(str(refusal), refused=True)
            return False
        except Exception as error:
            self._went_away(self._describe(error), refused=_is_refusal(error))
            return False
        with self._lock:
            self._connection, self._learned = connection, learned
        log.info("Connected to the floor (%s) in %.3f s", self._name, time.monotonic() - began)
        self._set_status(LinkStatus("up"))
        return True

    def _run(self, pending: _Call) -> None:
        with self._lock:
            if pending.given_up:
                return
            pending.started = True
            pending.deadline = time.monotonic() + pending.budget
            self._running = pending
            self._watch.notify_all()
        try:
            pending.answer = pending.job(self._connection, self._learned)
        except Refused as refusal:  # the floor changed under us: away until it is usable
            self._close_connection()
            self._went_away(str(refusal), refused=True)
            pending.error = FloorAway(str(refusal))
        except Exception as error:
            pending.error = error
            if self._connection_lost(error) or pending.given_up:
                reason = self._describe(error) if not pending.given_up else self._status.reason
                self._close_connection()
                self._went_away(reason)
                pending.error = FloorAway(reason)
        finally:
            with self._lock:
                self._running = None
            pending.done.set()
        if pending.given_up and self._connection is not None:
            # Answered, but too late for its caller: reconnect, and measure again.
            self._close_connection()

    def _connection_lost(self, error: BaseException) -> bool:
        import psycopg

        connection = self._connection
        broken = connection is None or getattr(connection, "broken", False) or connection.closed
        # A function or table gone: the floor was changed meanwhile; connect and check again.
        changed = psycopg.errors.UndefinedFunction | psycopg.errors.UndefinedTable
        return broken or isinstance(
            error, psycopg.OperationalError | psycopg.InterfaceError | changed
        )

    def _fail_waiting(self, reason: str) -> None:
        while True:
            try:
                pending = self._calls.get_nowait()
            except queue.Empty:
                return
            if pending is None:
                self._calls.put(None)
                return
            pending.error = FloorAway(reason)
            pending.done.set()

    def _close_connection(self) -> None:
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()

    # --- status ------------------------------------------------------------------------
    def _went_away(self, reason: str, refused: bool = False) -> None:
        with self._lock:
            since = self._status.since if self._status.state == "away" else None
        self._set_status(LinkStatus("away", since or time.time(), reason, refused))

    def _set_status(self, status: LinkStatus) -> None:
        with self._lock:
            previous = self._combined()
            self._status = status
            status = self._combined()
        if status.state != "connecting":
            self._settled.set()
        if previous != status:
            if status.state == "away" and previous.state != "away":
                log.warning("The floor (%s) is away: %s", self._name, status.reason)
            elif status.state == "up" and previous.state == "away":
                log.info("The floor (%s) is back", self._name)
            self._on_status(status)

    # --- the watchdog ------------------------------------------------------------------
    def _watch_deadlines(self) -> None:
        with self._lock:
            while not self._closed.is_set():
                running = self._running
                if running is None:
                    self._watch.wait(1.0)
                    continue
                left = running.deadline - time.monotonic()
                if left > 0:
                    self._watch.wait(left)
                    continue
                if self._running is running:
                    self._lock.release()
                    try:
                        log.warning("A floor request ran past its deadline; cutting it off")
                        self._cut(running)
                    finally:
                        self._lock.acquire()
                    self._watch.wait(1.0)

    def _cut(self, pending: _Call) -> None:
        """Shut the socket of the job still running, so that its wait ends now."""
        with self._lock:
            if self._running is not pending or self._connection is None:
                return
            connection = self._connection
        try:
            descriptor = connection.pgconn.socket
            with socket.fromfd(descriptor, socket.AF_INET, socket.SOCK_STREAM) as duplicate:
                duplicate.shutdown(socket.SHUT_RDWR)
        except Exception:  # already closed, or no socket any more
            log.debug("Could not cut the floor connection", exc_info=True)


def _is_refusal(error: BaseException) -> bool:
    """A password refused, a database missing, no privilege: away until someone fixes it."""
    text = str(error).lower()
    return any(
        words in text
        for words in ("password authentication failed", "does not exist", "permission denied")
    )
