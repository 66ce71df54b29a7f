"""A deadline for a whole HTTP request: connect, headers and body together.

``requests`` timeouts apply to each socket operation, so a server that sends one byte
every few seconds never times out. Here a timer shuts the request's socket down when
the deadline passes; the blocked read then fails at once and the caller sees
``Deadline.expired``. Sockets are found through connection classes that report each
socket they open or wait on to the deadline of the calling thread. The deadline waits
with ``wait`` (real time unless a test passes a virtual clock's).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from types import TracebackType

from requests.adapters import DEFAULT_POOLBLOCK, HTTPAdapter
from urllib3 import PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import pool_classes_by_scheme as DEFAULT_POOL_CLASSES
from urllib3.response import HTTPResponse

from flxdesk.flxpoint.rate_limit import Wait, wait_in_real_time

log = logging.getLogger(__name__)

_current = threading.local()


class Deadline:
    """``with Deadline(30):`` bounds every request this thread makes inside the block."""

    def __init__(self, seconds: float, wait: Wait = wait_in_real_time) -> None:
        self.seconds = seconds
        self.expired = False
        self.cancelled = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._active = False
        self._wait = wait
        self._over = threading.Event()  # the block ended: the timer has nothing to do
        self._timer = threading.Thread(target=self._time, name="flxdesk-deadline", daemon=True)
        self._started = 0.0

    def __enter__(self) -> Deadline:
        self._active = True
        self._started = time.monotonic()
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with self._lock:
            self._active = False
            self._sockets.clear()
        self._over.set()
        _current.deadline = None

    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it already has)."""
        with self._lock:
            if not self._active:
                return
            if self.expired:
                _shut_down(sock)
            else:
                self._sockets.append(sock)

    def _time(self) -> None:
        if not self._wait(self._over, self.seconds):
            self._expire()

    def cancel(self) -> None:
        """End the request now, from any thread (flxdesk is stopping): as if expired."""
        with self._lock:
            self.cancelled = True
        self._expire(quiet=True)

    def _expire(self, quiet: bool = False) -> None:
        with self._lock:
            if not self._active:
                return
            self.expired = True
            sockets = list(self._sockets)
            for sock in sockets:
                _shut_down(sock)
        if not quiet:
            log.info("A request passed its %.0f s deadline and was ended", self.seconds)


def _shut_down(sock: socket.socket) -> None:
    """End every blocked read on ``sock`` from another thread.

    The plain socket's shutdown is used even for a TLS socket: it acts on the file
    descriptor only, never on the TLS state another thread may be using.
    """
    # OSError: already closed, or a plain socket that TLS has taken over (detached).
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watch(sock: socket.socket | None) -> None:
    deadline: Deadline | None = getattr(_current, "deadline", None)
    if deadline is not None and sock is not None:
        deadline.watch(sock)


class WatchedHTTPConnection(HTTPConnection):
    """An urllib3 connection that reports its socket while it is opened and used."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch(sock)  # covers the TLS handshake and a proxy's CONNECT answer
        return sock

    # urllib3's own getresponse returns its HTTPResponse, not http.client's, and says so
    # with the same ignore.
    def getresponse(self) -> HTTPResponse:  # type: ignore[override]
        _watch(self.sock)  # a kept-alive connection opened by an earlier request
        return super().getresponse()


class WatchedHTTPSConnection(WatchedHTTPConnection, HTTPSConnection):
    """The same for HTTPS: its own parts come after the watching ones."""


class WatchedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


WATCHED_POOL_CLASSES = {"http": WatchedHTTPConnectionPool, "https": WatchedHTTPSConnectionPool}


def _use_watched_pools(manager: PoolManager) -> None:
    # Only the standard pools are replaced; a SOCKS proxy keeps its own (unwatched).
    if manager.pool_classes_by_scheme == DEFAULT_POOL_CLASSES:
        manager.pool_classes_by_scheme = dict(WATCHED_POOL_CLASSES)


class DeadlineAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections obey the calling thread's ``Deadline``."""

    def init_poolmanager(
        self,
        connections: int,
        maxsize: int,
        block: bool = DEFAULT_POOLBLOCK,
        **pool_kwargs: object,
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        _use_watched_pools(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: object) -> PoolManager:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not isinstance(manager, PoolManager):  # requests gives it untyped
            raise TypeError(f"requests made a {type(manager).__name__} for a proxy")
        _use_watched_pools(manager)
        return manager
