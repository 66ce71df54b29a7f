"""The API client against real loopback servers: every outcome, headers, hostile IDs."""

from __future__ import annotations

import socket
import ssl
import struct
import threading
import time
from pathlib import Path

import pytest
import trustme
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flxdesk import __version__
from flxdesk.flxpoint.client import FlxpointClient, encode_path_segment
from flxdesk.flxpoint.demo_api import DemoApi
from flxdesk.flxpoint.results import Outcome, UpdateResult
from support.drip_server import DripServer
from support.network import closed_port
from support.sim_clock import SimClock

TOKEN = "test-token-123"


@pytest.fixture
def company_ca() -> trustme.CA:
    return trustme.CA()


def trust_only(ca: trustme.CA, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make ``ca`` the OS (OpenSSL) trust store's only root, with no requests bundle."""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    bundle = tmp_path / "os-trust-store.pem"
    bundle.write_bytes(ca.cert_pem.bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))


def client_for(server: HTTPServer, **kwargs) -> FlxpointClient:
    return FlxpointClient(server.url_for("").rstrip("/"), TOKEN, **kwargs)


def test_success_sends_query_and_headers(httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        "/orders/1234/status",
        method="PATCH",
        query_string={"status": "On Hold", "updateNote": "left at dock 3"},
        headers={
            "X-API-TOKEN": TOKEN,
            "Accept": "application/json",
            "User-Agent": f"flxdesk/{__version__}",
        },
    ).respond_with_data("", status=201)
    result = client_for(httpserver).update_status("1234", "On Hold", "left at dock 3")
    assert result.ok
    assert result.http_code == 201
    assert result.message == "Order 1234 set to On Hold."
    request, _ = httpserver.log[0]
    assert "Authorization" not in request.headers
    assert request.get_data() == b""


def test_empty_note_sends_no_update_note(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/7/status", method="PATCH").respond_with_data(status=201)
    client_for(httpserver).update_status("7", "Closed", "")
    request, _ = httpserver.log[0]
    assert dict(request.args) == {"status": "Closed"}


@pytest.mark.parametrize("code", [200, 201, 204])
def test_any_2xx_is_success(httpserver: HTTPServer, code: int) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_data("", status=code)
    assert client_for(httpserver).update_status("1", "Open").outcome is Outcome.SUCCESS


def test_400_shows_the_servers_message(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_json(
        {"message": "Order is already shipped"}, status=400
    )
    result = client_for(httpserver).update_status("1", "Canceled")
    assert result.outcome is Outcome.BAD_REQUEST
    assert "Order is already shipped" in result.message
    assert result.detail == "HTTP 400: Order is already shipped"


def test_401_explains_token_types(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_data("Unauthorized", status=401)
    result = client_for(httpserver).update_status("1", "Open")
    assert result.outcome is Outcome.UNAUTHORIZED
    for word in ("Account", "Source", "Channel", "token"):
        assert word in result.message


def test_403_is_forbidden(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_data("nope", status=403)
    result = client_for(httpserver).update_status("1", "Open")
    assert result.outcome is Outcome.FORBIDDEN
    assert "403" in result.message


def test_404_names_the_order(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/A-77/status").respond_with_data("", status=404)
    result = client_for(httpserver).update_status("A-77", "Open")
    assert result.outcome is Outcome.NOT_FOUND
    assert "A-77" in result.message
    assert "not found" in result.message


def test_429_carries_retry_after(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3"}
    )
    result = client_for(httpserver).update_status("1", "Open")
    assert result.outcome is Outcome.RATE_LIMITED
    assert result.retry_after == 3.0


def test_5xx_html_maintenance_page_gets_a_readable_excerpt(httpserver: HTTPServer) -> None:
    page = (
        "<html><head><title>Scheduled maintenance</title></head>"
        "<body><h1>Back soon</h1>" + "x" * 5000 + "</body></html>"
    )
    httpserver.expect_request("/orders/1/status").respond_with_data(
        page, status=503, content_type="text/html"
    )
    result = client_for(httpserver).update_status("1", "Open")
    assert result.outcome is Outcome.SERVER_ERROR
    assert result.http_code == 503
    assert "Scheduled maintenance" in result.message
    assert "<" not in result.detail
    assert len(result.detail) < 300


def test_unexpected_redirect_is_not_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_data(
        "", status=307, headers={"Location": "http://127.0.0.1:9/elsewhere"}
    )
    result = client_for(httpserver).update_status("1", "Open")
    assert result.outcome is Outcome.UNEXPECTED
    assert len(httpserver.log) == 1


def test_timeout(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response("", status=201)

    httpserver.expect_request("/orders/1/status").respond_with_handler(slow)
    result = client_for(httpserver, read_timeout=0.2).update_status("1", "Open")
    assert result.outcome is Outcome.TIMEOUT
    assert "may or may not" in result.message


def test_connection_refused_means_offline() -> None:
    result = FlxpointClient(f"http://127.0.0.1:{closed_port()}", TOKEN).update_status("1", "Open")
    assert result.outcome is Outcome.OFFLINE
    assert "offline" in result.message
    assert TOKEN not in result.detail


def test_connection_reset_after_sending_is_a_broken_connection() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]

        def reset_first_client() -> None:
            connection, _ = listener.accept()
            connection.recv(65536)
            # SO_LINGER 0: close with a TCP reset instead of a clean shutdown
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            connection.close()

        thread = threading.Thread(target=reset_first_client)
        thread.start()
        result = FlxpointClient(f"http://127.0.0.1:{port}", TOKEN).update_status("1", "Open")
        thread.join(timeout=10)
    assert result.outcome is Outcome.CONNECTION_FAILED
    assert "Could not reach Flxpoint" in result.message


def test_server_echoing_the_token_is_masked(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_json(
        {"message": f"bad token {TOKEN}"}, status=400
    )
    result = client_for(httpserver).update_status("1", "Open")
    assert TOKEN not in result.message
    assert TOKEN not in result.detail


HOSTILE_IDS = [
    "12/34",
    "../admin",
    "..",
    ".",
    "a?status=Open",
    "x#frag",
    "100%",
    "%2F",
    "order 17",
    "Bestellung-ü-東京",
    "a&b=c",
    "+plus+",
]


@pytest.mark.parametrize("order_id", HOSTILE_IDS)
def test_hostile_ids_arrive_whole_as_one_segment(order_id: str) -> None:
    with DemoApi(token=TOKEN) as api:
        FlxpointClient(api.url, TOKEN).update_status(order_id, "On Hold", "n?o#te&x=1")
    (seen,) = api.requests
    assert seen.order_id == order_id
    assert seen.raw_path.startswith(f"/orders/{encode_path_segment(order_id)}/status?")
    assert seen.query == {"status": ["On Hold"], "updateNote": ["n?o#te&x=1"]}


def test_token_is_not_in_repr() -> None:
    assert TOKEN not in repr(FlxpointClient("https://api.flxpoint.com", TOKEN))


# --- every request ends ---------------------------------------------------------------

DRIPPED_ANSWER = b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"


def timed_update(client: FlxpointClient, clock: SimClock) -> tuple[UpdateResult, float, float]:
    """One update, and when it began and ended in ``clock``'s time (which waits for the
    request to reach the server: ``in_flight``)."""
    began = clock.now()
    with clock.in_flight():
        result = client.update_status("1", "Open")
    return result, began, clock.now()


def dripped(server: DripServer, began: float, ended: float) -> list[float]:
    """When the server sent each byte the client was there for, from ``began``."""
    return [round(at - began, 6) for at in server.dripped_at if at < ended]


def test_a_server_dripping_its_answer_is_ended_at_the_deadline() -> None:
    # One byte each 0.4 s: no socket read ever waits long, so only the deadline ends it.
    # In virtual time: the deadline's 1.5 s and the drip's pauses take none (the real
    # figure is bench/hangs.py's).
    clock = SimClock()
    with DripServer(b"", DRIPPED_ANSWER, interval=0.4, clock=clock) as server:
        client = FlxpointClient(server.url, TOKEN, read_timeout=5, deadline=1.5, wait=clock.wait)
        result, began, ended = timed_update(client, clock)
    assert result.outcome is Outcome.TIMEOUT
    assert "No complete answer within 1.5 s" in result.detail
    assert ended - began == pytest.approx(1.5)  # at the deadline: the drip takes 18 s
    assert dripped(server, began, ended) == [0.4, 0.8, 1.2]  # read until then
    assert server.bytes_sent < len(DRIPPED_ANSWER)


def test_a_dripped_body_after_a_201_is_cut_off_and_the_update_counts_as_done() -> None:
    head = b"HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
    clock = SimClock()
    with DripServer(head, b"y" * 100, interval=0.3, clock=clock) as server:
        client = FlxpointClient(server.url, TOKEN, read_timeout=5, deadline=1.0, wait=clock.wait)
        result, began, ended = timed_update(client, clock)
    assert result.outcome is Outcome.SUCCESS
    assert ended - began == pytest.approx(1.0)  # cut off at the deadline: the drip takes 30 s
    assert dripped(server, began, ended) == [0.3, 0.6, 0.9]


def test_the_deadline_also_ends_a_dripping_tls_answer(
    company_ca: trustme.CA, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    trust_only(company_ca, monkeypatch, tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    company_ca.issue_cert("127.0.0.1").configure_cert(context)
    clock = SimClock()
    with DripServer(b"", DRIPPED_ANSWER, interval=0.4, tls=context, clock=clock) as server:
        client = FlxpointClient(server.url, TOKEN, read_timeout=5, deadline=1.5, wait=clock.wait)
        result, began, ended = timed_update(client, clock)
    assert result.outcome is Outcome.TIMEOUT
    assert ended - began == pytest.approx(1.5)
    assert dripped(server, began, ended) == [0.4, 0.8, 1.2]


def test_a_50_mb_answer_is_not_read_whole() -> None:
    size = 50 * 1024 * 1024
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {size}\r\n\r\n"
    with DripServer(head.encode(), flood=size) as server:
        result = FlxpointClient(server.url, TOKEN).update_status("1", "Open")
        assert server.finished.wait(10)
    assert result.outcome is Outcome.SUCCESS
    assert server.client_hung_up.is_set()
    assert server.bytes_sent < size // 4  # what the socket buffers held, not the body


def test_only_the_first_64_kib_of_an_error_page_are_read(httpserver: HTTPServer) -> None:
    body = "Flxpoint is down " + "z" * (5 * 1024 * 1024)
    httpserver.expect_request("/orders/1/status").respond_with_data(body, status=503)
    client = FlxpointClient(httpserver.url_for("").rstrip("/"), TOKEN, max_body_bytes=1024)
    result = client.update_status("1", "Open")
    assert result.outcome is Outcome.SERVER_ERROR
    assert "Flxpoint is down" in result.message
    assert len(result.detail) < 300


def test_the_next_request_works_after_one_was_ended() -> None:
    with DripServer(b"", DRIPPED_ANSWER, interval=0.3) as server:
        client = FlxpointClient(server.url, TOKEN, read_timeout=5, deadline=1.0)
        assert client.update_status("1", "Open").outcome is Outcome.TIMEOUT
    with DripServer(DRIPPED_ANSWER) as server:
        client.base_url = server.url
        assert client.update_status("2", "Open").outcome is Outcome.SUCCESS


# --- faults with words of their own ---------------------------------------------------


def test_a_name_that_cannot_be_looked_up_is_not_called_offline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    real_getaddrinfo = socket.getaddrinfo

    def no_such_name(host, *args, **kwargs):
        if host == "api.flxpoint.invalid":  # as the resolver answers for an unknown name
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    result = FlxpointClient("https://api.flxpoint.invalid", TOKEN).update_status("1", "Open")
    assert result.outcome is Outcome.OFFLINE  # never sent: it waits like offline
    assert "Could not look up the address api.flxpoint.invalid" in result.message
    assert "DNS" in result.message
    assert "seems to be offline" not in result.message


def test_414_says_the_note_is_too_long(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/orders/1/status").respond_with_data("URI Too Long", status=414)
    result = client_for(httpserver).update_status("1", "Open", "n" * 400)
    assert result.outcome is Outcome.BAD_REQUEST
    assert "The note is too long" in result.message
    assert result.http_code == 414


def test_a_token_broken_by_a_line_break_never_shows_in_the_result() -> None:
    token = "Zq8-secret\r\ntoken-4711"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = FlxpointClient(f"http://127.0.0.1:{port}", token).update_status("1", "Open")
    assert result.outcome is Outcome.CONNECTION_FAILED  # refused before anything is sent
    for text in (result.message, result.detail):
        assert "Zq8-secret" not in text and "token-4711" not in text
