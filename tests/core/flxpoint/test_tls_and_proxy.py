"""HTTPS verification uses the OS trust store and is never off; proxy errors are named."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme

from flxdesk.flxpoint.client import FlxpointClient
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi, round_trip_check
from flxdesk.flxpoint.results import Outcome
from flxdesk.flxpoint.tls import OS_TRUST_STORE, use_os_trust_store

TOKEN = "tls-test-token"


class Created(BaseHTTPRequestHandler):
    def do_PATCH(self) -> None:
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def company_ca() -> trustme.CA:
    """A root CA like the one a company's TLS-inspecting proxy uses."""
    return trustme.CA()


@pytest.fixture
def https_api(company_ca: trustme.CA) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Created)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    company_ca.issue_cert("127.0.0.1").configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def os_trusts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Point the OS (OpenSSL) trust store at given CAs, with no requests-specific bundle."""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)

    def trust(*cas: trustme.CA) -> None:
        bundle = tmp_path / "os-trust-store.pem"
        bundle.write_bytes(b"".join(ca.cert_pem.bytes() for ca in cas))
        monkeypatch.setenv("SSL_CERT_FILE", str(bundle))

    return trust


def test_the_os_trust_store_is_used() -> None:
    assert use_os_trust_store() == OS_TRUST_STORE


def test_a_company_root_ca_in_the_os_store_just_works(
    https_api: str, company_ca: trustme.CA, os_trusts
) -> None:
    os_trusts(company_ca)
    result = FlxpointClient(https_api, TOKEN).update_status("1", "Open")
    assert result.outcome is Outcome.SUCCESS, result.detail


@pytest.mark.parametrize("bundle_env", [None, ""])
def test_an_untrusted_certificate_is_refused_with_a_plain_message(
    https_api: str, os_trusts, monkeypatch: pytest.MonkeyPatch, bundle_env: str | None
) -> None:
    os_trusts(trustme.CA())  # some other CA: the server's is not trusted
    if bundle_env is not None:
        # An empty CA-bundle variable once meant "no verification" to some tools.
        monkeypatch.setenv("CURL_CA_BUNDLE", bundle_env)
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", bundle_env)
    result = FlxpointClient(https_api, TOKEN).update_status("1", "Open")
    # Final: sending again cannot help until IT installs the certificate.
    assert result.outcome is Outcome.CERTIFICATE_UNTRUSTED
    assert "does not trust the server's certificate" in result.message
    assert "Sending again cannot help" in result.message
    assert "SSLCertVerificationError" in result.detail


def test_a_failing_proxy_gets_its_own_message(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{closed_port}")
    # The .invalid name is never resolved: the request stops at the (loopback) proxy.
    result = FlxpointClient("https://api.flxpoint.invalid", TOKEN).update_status("1", "Open")
    assert result.outcome is Outcome.CONNECTION_FAILED
    assert "proxy" in result.message
    assert "ProxyError" in result.detail


@pytest.fixture
def dead_proxy_everywhere(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every proxy variable requests reads points at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, dead)
        monkeypatch.setenv(name.lower(), dead)
    return dead


def test_loopback_is_never_sent_to_a_proxy(dead_proxy_everywhere: str) -> None:
    """The demo API and the self-test's round trip are on this computer: a proxy (from the
    environment, or Windows' settings, whose <local> bypass misses 127.0.0.1) is skipped."""
    with DemoApi() as api:
        client = FlxpointClient(api.url, DEMO_TOKEN)
        try:
            result = client.update_status("1001", "Closed")
        finally:
            client.close()
    assert result.outcome is Outcome.SUCCESS, result.detail
    assert [seen.order_id for seen in api.requests] == ["1001"]
    assert round_trip_check().passed


def test_other_addresses_still_go_through_the_proxy(dead_proxy_everywhere: str) -> None:
    result = FlxpointClient("https://api.flxpoint.invalid", TOKEN).update_status("1", "Open")
    assert result.outcome is Outcome.CONNECTION_FAILED
    assert "ProxyError" in result.detail
