"""A stand-in for the Flxpoint API on 127.0.0.1, for demo mode, screenshots and tests.

It answers ``PATCH /orders/{id}/status`` like the real endpoint: orders 1000-1999
exist, other IDs get 404, an unknown status gets 400, a missing or wrong token gets
401, and more than 2 requests per second for one token get 429 with Retry-After.
The limit is a token bucket per API token (2 per second, bursts of 2), the usual
way "2 requests per second" is enforced; Flxpoint does not document its own. With
``limit="window"`` it is stricter: at most 2 requests answered in any 1.0 s sliding
window per token (requests answered 429 do not count), for the shared-token tests.
With ``jitter`` (seconds) each request is counted against the limit a random
0-``jitter`` s after it arrives (uniform, from an RNG seeded with ``seed``), as requests
reach Flxpoint over network paths of varying delay; demo mode uses none.
Times (arrivals, the limit, ``latency``) are on ``clock``, waited with ``sleep``: real
monotonic time unless a test passes a virtual clock's, so that latency costs it nothing.
Standard library only, so it starts in milliseconds and ships inside the app.
"""

from __future__ import annotations

import collections
import contextlib
import json
import random
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from flxdesk.orders.statuses import ORDER_STATUSES

if TYPE_CHECKING:
    from flxdesk.host.install_check import CheckResult

DEMO_TOKEN = "demo-token-not-secret"
DEMO_ORDER_IDS = range(1000, 2000)
REQUESTS_PER_SECOND = 2
# A demo left running all shift must not grow without end: past this many, the older
# half of the seen requests is forgotten.
MAX_SEEN_REQUESTS = 1_000
STOP_POLL_SECONDS = 0.05  # how soon ``stop`` ends the server (the library's default: 0.5)

# An answer: (code, JSON body) or (code, JSON body, extra headers).
Reply = tuple[int, object] | tuple[int, object, dict[str, str]]


@dataclass(frozen=True)
class SeenRequest:
    """One request as it arrived, for tests: raw path and decoded parts."""

    arrived: float  # on the API's clock
    method: str
    raw_path: str
    order_id: str | None
    query: dict[str, list[str]]
    headers: dict[str, str]
    answer: int
    counted: float  # when the rate limit counted it: arrival + jitter (the API's clock)


class DemoApi:
    """Run with ``start()`` / ``stop()`` or as a context manager; ``url`` is the base URL."""

    def __init__(
        self,
        token: str = DEMO_TOKEN,
        latency: float = 0.0,
        port: int = 0,
        limit: str = "bucket",
        jitter: float = 0.0,
        seed: int | None = None,
        order_ids: range = DEMO_ORDER_IDS,
        keep_requests: int = MAX_SEEN_REQUESTS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """``order_ids``: the orders that exist; ``keep_requests``: how many seen requests
        are kept before the older half is forgotten (a long benchmark keeps them all);
        ``clock`` and ``sleep``: the time requests arrive and wait in (see above)."""
        if limit not in ("bucket", "window"):
            raise ValueError(f"limit must be 'bucket' or 'window', not {limit!r}")
        if not jitter >= 0.0:
            raise ValueError(f"jitter must be 0 or more seconds, not {jitter!r}")
        self.token = token
        self.clock = clock
        self.sleep = sleep
        self.latency = latency
        self.limit = limit
        self.jitter = jitter
        self._jitter_rng = random.Random(seed)
        self.order_ids = order_ids
        self._keep_requests = keep_requests
        # None: no rate limit (benchmarks that measure something other than pace).
        self.requests_per_second: float | None = REQUESTS_PER_SECOND
        self.requests: list[SeenRequest] = []
        # per API token: (tokens left in the bucket, time of last refill on ``clock``)
        self._buckets: dict[str, tuple[float, float]] = {}
        # per API token, limit="window": arrival times of the requests let through
        self._windows: dict[str, collections.deque[float]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"  # bound to 127.0.0.1 above

    def start(self) -> DemoApi:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            args=(STOP_POLL_SECONDS,),
            name="flxdesk-demo-api",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> DemoApi:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _over_rate(self, token: str, now: float) -> bool:
        """Take one request from ``token``'s bucket; True when the bucket is empty."""
        rate = self.requests_per_second
        if rate is None:
            return False
        if self.limit == "window":
            return self._over_window(token, now, int(rate))
        with self._lock:
            left, last = self._buckets.get(token, (rate, now))
            left = min(rate, left + (now - last) * rate)
            over = left < 1.0
            self._buckets[token] = (left if over else left - 1.0, now)
            return over

    def _over_window(self, token: str, now: float, allowed: int) -> bool:
        """True when ``allowed`` requests were let through in the last 1.0 s (strict)."""
        with self._lock:
            passed = self._windows.setdefault(token, collections.deque())
            while passed and passed[0] <= now - 1.0:
                passed.popleft()
            if len(passed) >= allowed:
                return True
            passed.append(now)
            return False

    def _count_delay(self) -> float:
        """How long after its arrival the next request is counted: uniform 0-``jitter`` s."""
        if not self.jitter:
            return 0.0
        with self._lock:
            return self._jitter_rng.uniform(0.0, self.jitter)

    def _counted_at(self, arrived: float) -> float:
        """Hold the request until its path delay has passed; the moment it is counted.

        Held, not just stamped later, so the limit decides in the order requests reach
        it, as a real one does: a request that arrived later may be counted first.
        """
        delay = self._count_delay()
        if not delay:
            return arrived
        due = arrived + delay
        self.sleep(max(0.0, due - self.clock()))
        return max(due, self.clock())

    def _answer(self, method: str, raw_path: str, headers: dict[str, str]) -> Reply | None:
        """(code, body) or (code, body, headers); None drops the connection (subclasses)."""
        arrived = self.clock()
        counted = self._counted_at(arrived)
        parts = urlsplit(raw_path)
        segments = parts.path.split("/")
        order_id = None
        query = parse_qs(parts.query, keep_blank_values=True)
        if len(segments) == 4 and segments[1] == "orders" and segments[3] == "status":
            order_id = unquote(segments[2], errors="strict")
        token = headers.get("x-api-token", "")
        answer: Reply
        if method == "GET" and parts.path == "/account":  # flxdesk token check
            answer = (200, {"name": "flxdesk demo"}) if token == self.token else (401, {})
        elif method != "PATCH" or order_id is None:
            answer = (404, {"message": "No such endpoint."})
        elif token != self.token:
            answer = (401, {"message": "Invalid or missing X-API-TOKEN."})
        elif self._over_rate(token, counted):
            answer = (
                429,
                {"message": "Rate limit exceeded: 2 requests per second."},
                {"Retry-After": "1"},
            )
        elif query.get("status", [""])[0] not in ORDER_STATUSES:
            answer = (400, {"message": f"Invalid status {query.get('status', [''])[0]!r}."})
        elif not (order_id.isdigit() and int(order_id) in self.order_ids):
            answer = (404, {"message": f"Order {order_id} not found."})
        else:
            answer = (201, {"id": order_id, "status": query["status"][0]})
        with self._lock:
            if len(self.requests) >= self._keep_requests:
                del self.requests[: self._keep_requests // 2]
            self.requests.append(
                SeenRequest(arrived, method, raw_path, order_id, query, headers, answer[0], counted)
            )
        if self.latency:
            self.sleep(self.latency)
        return answer

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "flxdesk-demo-api"

            def _respond(self) -> None:
                headers = {name.lower(): value for name, value in self.headers.items()}
                length = int(headers.get("content-length") or 0)
                if length:
                    self.rfile.read(length)
                answer = api._answer(self.command, self.path, headers)
                if answer is None:  # a fault-injecting subclass asked for a reset
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.close_connection = True
                    return
                code, body, *extra = answer
                payload = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in (extra[0] if extra else {}).items():
                    self.send_header(name, value)
                self.end_headers()
                # The client may have given up waiting (a timeout): nothing to tell it.
                with contextlib.suppress(ConnectionError):
                    self.wfile.write(payload)

            do_PATCH = do_GET = do_POST = do_PUT = do_DELETE = _respond

            def log_message(self, format: str, *args: object) -> None:
                """Silent: the app's log is for the app."""

        return Handler


def round_trip_check() -> CheckResult:
    """``--self-test``: one PATCH through flxdesk's client to this stand-in, on loopback."""
    from flxdesk.host.install_check import CheckResult

    name = "PATCH round trip (embedded demo API)"
    try:
        from flxdesk.flxpoint.client import FlxpointClient

        with DemoApi() as api:
            client = FlxpointClient(api.url, DEMO_TOKEN)
            try:
                result = client.update_status("1000", "On Hold", "flxdesk self-test")
            finally:
                client.close()
        if result.ok:
            return CheckResult(name, True, f"{api.url} answered {result.http_code}")
        return CheckResult(name, False, f"{result.message} {result.detail}")
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")
