"""A loopback TCP proxy that can make a server slow, hang, or cut its connections.

Stands between flxdesk and the test PostgreSQL server as a network between a station
and IT's server would: ``delay`` seconds are added to every chunk the server sends
back (a slow or distant database); ``freeze()`` stops forwarding without closing
anything (a server that hangs: connections stay open, nothing answers);
``drop_connections()`` resets every open connection (a restart of a router, a
firewall's idle timeout); ``refuse()`` stops listening (the server's host is gone).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time

CHUNK = 65536


class LatencyProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.delay = 0.0
        self._frozen = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._closed = False
        self._accepting = threading.Thread(target=self._accept, name="proxy-accept", daemon=True)
        self._accepting.start()

    def __enter__(self) -> LatencyProxy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def freeze(self) -> None:
        self._frozen.set()

    def thaw(self) -> None:
        self._frozen.clear()

    def drop_connections(self) -> None:
        """Reset every open connection (RST), as a broken network path does."""
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            with contextlib.suppress(OSError):
                sock.close()

    @property
    def connections(self) -> int:
        with self._lock:
            return len(self._sockets) // 2

    def refuse(self) -> None:
        """Stop listening: new connections are refused."""
        with contextlib.suppress(OSError):
            self._listener.close()

    def close(self) -> None:
        self._closed = True
        self._frozen.clear()
        self.refuse()
        self.drop_connections()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets |= {client, server}
            for source, sink, delayed in ((client, server, False), (server, client, True)):
                threading.Thread(
                    target=self._pump, args=(source, sink, delayed), name="proxy-pump", daemon=True
                ).start()

    def _pump(self, source: socket.socket, sink: socket.socket, delayed: bool) -> None:
        try:
            while True:
                data = source.recv(CHUNK)
                if not data:
                    break
                while self._frozen.is_set() and not self._closed:
                    time.sleep(0.01)
                if delayed and self.delay:
                    time.sleep(self.delay)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
