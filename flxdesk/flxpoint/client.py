"""HTTP client for the one Flxpoint endpoint flxdesk uses: PATCH /orders/{id}/status.

Knows nothing of Qt or pacing; it turns one call into one typed UpdateResult. Every
call ends: a deadline bounds the whole request (see ``request_deadline``), and at most
``MAX_BODY_BYTES`` of an answer are read; the rest is discarded unread.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode, urlsplit

from flxdesk import __version__
from flxdesk.flxpoint.rate_limit import Wait, parse_retry_after, wait_in_real_time
from flxdesk.flxpoint.results import (
    UpdateResult,
    certificate_result,
    connection_result,
    excerpt_of_body,
    name_lookup_result,
    offline_result,
    result_for_response,
    timeout_result,
)
from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    import requests
    from urllib3.response import BaseHTTPResponse

    from flxdesk.flxpoint.account_check import AccountCheck
    from flxdesk.flxpoint.deadline import Deadline

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_SECONDS = 5.0
READ_TIMEOUT_SECONDS = 15.0
REQUEST_DEADLINE_SECONDS = 30.0  # connect + the whole answer, however slowly it comes
MAX_BODY_BYTES = 64 * 1024  # only an excerpt is ever shown
USER_AGENT = f"flxdesk/{__version__}"


def encode_path_segment(value: str) -> str:
    """Percent-encode ``value`` so it is exactly one path segment, whatever it contains.

    ``quote`` leaves dots alone, so an ID of ``.`` or ``..`` would become a dot-segment
    that servers and proxies collapse; those dots are encoded too.
    """
    segment = quote(value, safe="")
    if set(value) == {"."}:
        segment = "%2E" * len(value)
    return segment


def status_update_url(base_url: str, order_id: str, status: str, note: str) -> str:
    params = {"status": status}
    if note:
        params["updateNote"] = note
    query = urlencode(params, quote_via=quote)
    return f"{base_url}/orders/{encode_path_segment(order_id)}/status?{query}"


def proxies_for(url: str, configured: dict[str, str]) -> dict[str, str]:
    """The proxies ``url`` goes through: none for this computer itself (the demo API, the
    self-test's round trip), whatever the environment or the OS settings say. requests
    would send ``http://127.0.0.1`` to an HTTP(S)_PROXY or ALL_PROXY, and Windows' own
    ``<local>`` bypass does not cover loopback addresses."""
    from flxdesk.flxpoint.endpoint import is_loopback_host

    return {} if is_loopback_host(urlsplit(url).hostname or "") else configured


def _causes(error: BaseException) -> Iterator[BaseException]:
    """``error`` and everything it wraps: requests and urllib3 nest the real reason."""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [*current.args, getattr(current, "reason", None)]
        wrapped += [current.__cause__, current.__context__]
        pending.extend(item for item in wrapped if isinstance(item, BaseException))


def _never_connected(error: Exception) -> bool:
    """True when the request never reached a server (refused, unreachable, no DNS)."""
    from urllib3.exceptions import NewConnectionError

    return any(isinstance(cause, NewConnectionError) for cause in _causes(error))


def _name_not_found(error: Exception) -> bool:
    """True when the server's name could not be looked up (DNS)."""
    import socket

    return any(isinstance(cause, socket.gaierror) for cause in _causes(error)) or any(
        type(cause).__name__ == "NameResolutionError" for cause in _causes(error)
    )


def _certificate_refused(error: Exception) -> bool:
    return any(isinstance(cause, ssl.SSLCertVerificationError) for cause in _causes(error))


def read_capped(raw: BaseHTTPResponse, limit: int) -> bytes:
    """At most ``limit`` bytes of a streamed body; a broken or ended read keeps what came."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size < limit:
            chunk = raw.read(min(16 * 1024, limit - size), decode_content=True)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except Exception as error:  # the answer's code and headers already arrived
        log.info("Reading an answer's body stopped: %s", type(error).__name__)
    return b"".join(chunks)[:limit]


class FlxpointClient:
    """One ``requests.Session`` bound to one API base URL and one token."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        session: requests.Session | None = None,
        connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
        read_timeout: float = READ_TIMEOUT_SECONDS,
        deadline: float = REQUEST_DEADLINE_SECONDS,
        max_body_bytes: int = MAX_BODY_BYTES,
        wait: Wait = wait_in_real_time,
    ) -> None:
        """``wait``: how the deadline waits (a test's virtual clock; the socket timeouts
        stay real)."""
        import requests

        from flxdesk.flxpoint.deadline import DeadlineAdapter
        from flxdesk.flxpoint.tls import use_os_trust_store

        use_os_trust_store()
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._timeout = (connect_timeout, read_timeout)
        self._deadline = deadline
        self._wait = wait
        self._max_body_bytes = max_body_bytes
        self._session = session or requests.Session()
        for prefix in ("http://", "https://"):
            self._session.mount(prefix, DeadlineAdapter())
        self._session.headers.update(
            {"Accept": "application/json", "User-Agent": USER_AGENT, "X-API-TOKEN": token}
        )
        self._session.headers.pop("Authorization", None)
        self._deadline_in_use: Deadline | None = None
        self._aborted = False

    def __repr__(self) -> str:  # never show the token
        return f"FlxpointClient(base_url={self.base_url!r})"

    def close(self) -> None:
        self._session.close()

    def abort(self) -> None:
        """End the request in progress at once, from another thread (flxdesk is quitting).

        The call in progress returns a timeout result; whether the server applied the
        update is unknown, so the caller treats it as possibly sent. Later calls end at
        once too: an aborted client is done.
        """
        self._aborted = True
        deadline = self._deadline_in_use
        if deadline is not None:
            deadline.cancel()

    def update_status(self, order_id: str, status: str, note: str = "") -> UpdateResult:
        import requests

        from flxdesk.flxpoint.deadline import Deadline

        with Deadline(self._deadline, self._wait) as deadline:
            self._deadline_in_use = deadline
            if self._aborted:  # aborted before this request began: it ends at once
                deadline.cancel()
            try:
                response = self._send(status_update_url(self.base_url, order_id, status, note))
            except requests.exceptions.RequestException as error:
                self._deadline_in_use = None
                if deadline.expired:
                    return self._deadline_result(order_id, deadline)
                return self._failure_result(order_id, error)
            try:
                with response:
                    # A 2xx with a body that breaks off is still done: the code is what counts.
                    body = read_capped(response.raw, self._max_body_bytes)
            finally:
                self._deadline_in_use = None
        encoding = response.encoding or "utf-8"
        server_text = self._redact(
            excerpt_of_body(
                body.decode(encoding, errors="replace"), response.headers.get("Content-Type", "")
            )
        )
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return result_for_response(response.status_code, server_text, order_id, status, retry_after)

    def check_account(self) -> AccountCheck:
        """``GET /account``: which kind of token this is (``flxdesk token check``)."""
        import requests

        from flxdesk.flxpoint.account_check import account_check_for, no_answer
        from flxdesk.flxpoint.deadline import Deadline

        with Deadline(self._deadline, self._wait):
            try:
                response = self._send(f"{self.base_url}/account", "GET")
                with response:
                    body = read_capped(response.raw, self._max_body_bytes)
            except requests.exceptions.RequestException as error:
                return no_answer(self._describe(error))
        encoding = response.encoding or "utf-8"
        server_text = self._redact(
            excerpt_of_body(
                body.decode(encoding, errors="replace"), response.headers.get("Content-Type", "")
            )
        )
        return account_check_for(response.status_code, server_text)

    def _send(self, url: str, method: str = "PATCH") -> requests.Response:
        """Send the request; returns once the status line and headers have arrived."""
        import requests

        request = self._session.prepare_request(requests.Request(method, url))
        # prepare_request re-quotes the URL and would turn %2E back into "."; the URL
        # built above is already exact, so put it back unchanged.
        request.url = url
        # Proxies from the environment and the OS settings, and a CA bundle named by
        # REQUESTS_CA_BUNDLE, as Session.request would apply them; verify stays on.
        environment = self._session.merge_environment_settings(url, {}, False, True, None)
        return self._session.send(
            request,
            timeout=self._timeout,
            verify=environment["verify"] or True,
            proxies=proxies_for(url, environment["proxies"]),
            # A redirect would carry X-API-TOKEN to wherever it points.
            allow_redirects=False,
            stream=True,  # the body is read here, capped and under the deadline
        )

    def _deadline_result(self, order_id: str, deadline: Deadline) -> UpdateResult:
        return timeout_result(
            order_id,
            translate(
                "ApiClient", "No complete answer within {seconds} s; the request was ended."
            ).format(seconds=f"{deadline.seconds:g}"),
        )

    def _failure_result(self, order_id: str, error: requests.RequestException) -> UpdateResult:
        """The result for a request that got no answer at all."""
        import requests

        detail = self._describe(error)
        if isinstance(error, requests.exceptions.ConnectTimeout):
            return offline_result(order_id, detail)
        if isinstance(error, requests.exceptions.Timeout):
            return timeout_result(order_id, detail)
        if isinstance(error, requests.exceptions.ProxyError):
            return connection_result(
                order_id,
                detail,
                translate(
                    "ApiClient",
                    "The proxy server refused or failed the connection. Check the proxy "
                    "settings, or ask IT whether the proxy is working.",
                ),
            )
        if isinstance(error, requests.exceptions.SSLError):
            if _certificate_refused(error):
                return certificate_result(order_id, detail)
            return connection_result(
                order_id,
                detail,
                translate(
                    "ApiClient",
                    "The secure (TLS) connection failed. If this keeps happening, ask IT to "
                    "check the network's proxy or firewall.",
                ),
            )
        if isinstance(error, requests.exceptions.ConnectionError):
            if _name_not_found(error):
                host = urlsplit(self.base_url).hostname or self.base_url
                return name_lookup_result(order_id, host, detail)
            if _never_connected(error):
                return offline_result(order_id, detail)
            return connection_result(order_id, detail)
        return connection_result(order_id, detail)

    def _redact(self, text: str) -> str:
        from flxdesk.host.logging_setup import mask_text

        return mask_text(text, [self._token]) if self._token else text

    def _describe(self, error: Exception) -> str:
        return self._redact(f"{type(error).__name__}: {error}")[:300]
