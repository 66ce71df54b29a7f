"""Sending with pacing: 429 answers are waited out and retried, within bounds."""

from __future__ import annotations

import threading
import time

from pytest_httpserver import HTTPServer

from flxdesk.api_client import FlxpointClient
from flxdesk.dispatch import send_paced
from flxdesk.rate_limit import RateLimiter
from flxdesk.results import Outcome


def test_429_is_retried_after_retry_after(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/orders/5/status").respond_with_data(
        "", status=429, headers={"Retry-After": "0"}
    )
    httpserver.expect_ordered_request("/orders/5/status").respond_with_data("", status=201)
    client = FlxpointClient(httpserver.url_for("").rstrip("/"), "t")
    started = time.monotonic()
    result, attempts = send_paced(client, RateLimiter(), "5", "Open", "", threading.Event())
    assert result is not None and result.ok
    assert attempts == 2
    # Retry-After: 0 must not mean "hammer at once": the bounded minimum applies.
    assert time.monotonic() - started >= 1.0


def test_persistent_429_gives_up_with_reason(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/5/status").respond_with_data("", status=429)
    client = FlxpointClient(httpserver.url_for("").rstrip("/"), "t")
    result, attempts = send_paced(
        client, RateLimiter(), "5", "Open", "", threading.Event(), max_attempts=2
    )
    assert result is not None
    assert result.outcome is Outcome.RATE_LIMITED
    assert attempts == 2
    assert "Gave up after 2 tries" in result.message


def test_stop_before_sending_returns_none(httpserver: HTTPServer) -> None:
    stop = threading.Event()
    stop.set()
    client = FlxpointClient(httpserver.url_for("").rstrip("/"), "t")
    assert send_paced(client, RateLimiter(), "5", "Open", "", stop) == (None, 0)
    assert httpserver.log == []
