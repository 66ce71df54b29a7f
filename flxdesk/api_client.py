"""HTTP client for the one Flxpoint endpoint flxdesk uses: PATCH /orders/{id}/status.

Knows nothing of Qt or pacing; it turns one call into one typed UpdateResult.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode, urlsplit

from flxdesk import __version__
from flxdesk.rate_limit import parse_retry_after
from flxdesk.results import (
    UpdateResult,
    connection_result,
    excerpt_of_body,
    offline_result,
    result_for_response,
    timeout_result,
    unresolved_result,
)

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_SECONDS = 5.0
READ_TIMEOUT_SECONDS = 15.0
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


def _connect_failure(error: Exception) -> Exception | None:
    """urllib3's error when the request never reached a server (refused, unreachable, DNS)."""
    from urllib3.exceptions import MaxRetryError, NewConnectionError

    reason = error.args[0] if error.args else None
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    return reason if isinstance(reason, NewConnectionError) else None


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
    ) -> None:
        import requests

        from flxdesk.tls import use_os_trust_store

        use_os_trust_store()
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._timeout = (connect_timeout, read_timeout)
        self._session = session or requests.Session()
        self._session.headers.update(
            {"Accept": "application/json", "User-Agent": USER_AGENT, "X-API-TOKEN": token}
        )
        self._session.headers.pop("Authorization", None)

    def __repr__(self) -> str:  # never show the token
        return f"FlxpointClient(base_url={self.base_url!r})"

    def close(self) -> None:
        self._session.close()

    def update_status(self, order_id: str, status: str, note: str = "") -> UpdateResult:
        import requests

        url = status_update_url(self.base_url, order_id, status, note)
        request = self._session.prepare_request(requests.Request("PATCH", url))
        # prepare_request re-quotes the URL and would turn %2E back into "."; the URL
        # built above is already exact, so put it back unchanged.
        request.url = url
        # Proxies from the environment and the OS settings, and a CA bundle named by
        # REQUESTS_CA_BUNDLE, as Session.request would apply them; verify stays on.
        environment = self._session.merge_environment_settings(url, {}, False, True, None)
        try:
            response = self._session.send(
                request,
                timeout=self._timeout,
                verify=environment["verify"] or True,
                proxies=environment["proxies"],
                # A redirect would carry X-API-TOKEN to wherever it points.
                allow_redirects=False,
            )
        except requests.exceptions.ConnectTimeout as error:
            return offline_result(order_id, self._describe(error))
        except requests.exceptions.Timeout as error:
            return timeout_result(order_id, self._describe(error))
        except requests.exceptions.ProxyError as error:
            return connection_result(
                order_id,
                self._describe(error),
                "The proxy server refused or failed the connection. Check the proxy "
                "settings, or ask IT whether the proxy is working.",
            )
        except requests.exceptions.SSLError as error:
            return connection_result(
                order_id,
                self._describe(error),
                "The secure connection could not be verified: this computer does not trust "
                "the server's certificate. If your company inspects web traffic, IT must "
                "install its root certificate in the system.",
            )
        except requests.exceptions.ConnectionError as error:
            from urllib3.exceptions import NameResolutionError

            failure = _connect_failure(error)
            if isinstance(failure, NameResolutionError):
                host = urlsplit(self.base_url).hostname or self.base_url
                return unresolved_result(order_id, host, self._describe(error))
            if failure is not None:
                return offline_result(order_id, self._describe(error))
            return connection_result(order_id, self._describe(error))
        except requests.exceptions.RequestException as error:
            return connection_result(order_id, self._describe(error))
        with response:
            server_text = self._redact(
                excerpt_of_body(response.text, response.headers.get("Content-Type", ""))
            )
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return result_for_response(response.status_code, server_text, order_id, status, retry_after)

    def _redact(self, text: str) -> str:
        return text.replace(self._token, "[token]") if self._token else text

    def _describe(self, error: Exception) -> str:
        return self._redact(f"{type(error).__name__}: {error}")[:300]
