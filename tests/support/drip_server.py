"""A raw loopback HTTP server that answers slowly or at length, for the client's deadline tests.

It reads one request, sends ``head`` at once, then ``drip`` one byte per ``interval``
(or, with ``flood``, as many bytes as the client will take), and records how many
bytes it managed to send before the client hung up. ``request_received`` is set once
the request has arrived; ``never_answering()`` is a server that keeps the connection
open and says nothing until the test ends, watching for the client to close it
(``client_hung_up``). With ``clock`` (``support.sim_clock.SimClock``) it drips in that
clock's time, each pause a wait on the request's behalf, and ``dripped_at`` holds when
each byte left.
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
from types import TracebackType
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float: ...

    def serve(self, seconds: float, event: threading.Event | None = None) -> bool: ...


class RealTime:
    def now(self) -> float:
        import time

        return time.monotonic()

    def serve(self, seconds: float, event: threading.Event | None = None) -> bool:
        return (event or threading.Event()).wait(seconds)


class DripServer:
    def __init__(
        self,
        head: bytes,
        drip: bytes = b"",
        *,
        interval: float = 0.5,
        flood: int = 0,
        tls: ssl.SSLContext | None = None,
        clock: Clock | None = None,
        silent: bool = False,
    ) -> None:
        self.head, self.drip, self.interval, self.flood = head, drip, interval, flood
        self.tls = tls
        self.silent = silent
        self.clock: Clock = clock or RealTime()
        self.dripped_at: list[float] = []  # when each byte of ``drip`` was sent
        self.bytes_sent = 0
        self.client_hung_up = threading.Event()
        self.finished = threading.Event()
        self.request_received = threading.Event()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @classmethod
    def never_answering(cls) -> DripServer:
        """Reads the request, then says nothing until the client hangs up or the test ends."""
        return cls(b"", silent=True)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def __enter__(self) -> DripServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(timeout=10)

    def _serve(self) -> None:
        try:
            connection, _ = self._listener.accept()
        except OSError:
            return
        try:
            if self.tls is not None:
                connection = self.tls.wrap_socket(connection, server_side=True)
            with connection:
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    request += chunk
                self.request_received.set()
                self._send(connection, self.head)
                if self.silent:
                    self._watch_for_hang_up(connection)
                    return
                for byte in self.drip:
                    if self.clock.serve(self.interval, self._stop):
                        return
                    self._send(connection, bytes([byte]))
                    self.dripped_at.append(self.clock.now())
                block = b"x" * 65536
                while self.bytes_sent - len(self.head) < self.flood:
                    self._send(connection, block)
        except OSError:
            self.client_hung_up.set()
        finally:
            self.finished.set()

    def _watch_for_hang_up(self, connection: socket.socket) -> None:
        """Until the test ends: the client closing its end sets ``client_hung_up``."""
        while not self._stop.is_set():
            readable, _, _ = select.select([connection], [], [], 0.02)
            if readable and not connection.recv(65536):
                self.client_hung_up.set()
                return

    def _send(self, connection: socket.socket, data: bytes) -> None:
        connection.sendall(data)
        self.bytes_sent += len(data)
