"""Choosing and checking the Flxpoint API base URL."""

import os
from urllib.parse import urlsplit

from flxdesk.host.i18n import translate

DEFAULT_API_URL = "https://api.flxpoint.com"
API_URL_ENV = "FLXDESK_API_URL"


class InvalidApiUrl(ValueError):
    """The configured API URL cannot be used; ``str(error)`` says why."""


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_api_url(url: str) -> str:
    """Return ``url`` without a trailing slash, or raise InvalidApiUrl.

    HTTPS is required; plain HTTP only reaches this machine (the demo API, tests),
    because the token travels in a header and must never cross a network unencrypted.
    """
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        raise InvalidApiUrl(
            translate(
                "Endpoint", "The API address {url} is not a web address (https://...)."
            ).format(url=repr(url))
        )
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InvalidApiUrl(
            translate(
                "Endpoint",
                "The API address {url} uses plain http. Only https is allowed, so that "
                "the API token is never sent unencrypted.",
            ).format(url=repr(url))
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InvalidApiUrl(
            translate(
                "Endpoint", "The API address {url} must not contain a query, fragment or login."
            ).format(url=repr(url))
        )
    return url.strip().rstrip("/")


def resolve_api_url(setting: str = "", locked: bool = False) -> str:
    """The environment variable wins over the setting, unless IT locked the setting;
    both over the default."""
    chosen = (setting if locked else os.environ.get(API_URL_ENV) or setting) or DEFAULT_API_URL
    return validate_api_url(chosen)
