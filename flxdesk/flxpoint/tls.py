"""HTTPS trust: the operating system's certificate store, so a company root CA just works.

Warehouse networks often inspect TLS with a root certificate that IT installs in
Windows or macOS; Python's bundled certifi list does not know it. ``truststore`` makes
Python verify against the OS store instead. If it cannot be used, requests falls back
to certifi. Verification itself is never turned off, whatever the settings say.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flxdesk.host.install_check import CheckResult


log = logging.getLogger(__name__)

OS_TRUST_STORE = "operating system trust store (truststore)"
CERTIFI_STORE = "bundled certifi certificates"

_source: str | None = None
_lock = threading.Lock()


def use_os_trust_store() -> str:
    """Make every new TLS connection verify against the OS store; returns what is in use.

    Safe to call many times and from any thread; the switch happens once, before the
    first request, and applies process-wide (flxdesk is an application, not a library).
    """
    global _source
    with _lock:
        if _source is None:
            try:
                import truststore

                truststore.inject_into_ssl()
                _source = OS_TRUST_STORE
            except Exception as error:  # ImportError, or an OS truststore cannot serve
                log.warning("OS trust store unavailable (%s); using certifi", error)
                _source = CERTIFI_STORE
        return _source


def trust_store_check() -> CheckResult:
    """``--self-test``: which certificates verify HTTPS, and that verification is on."""
    from flxdesk.host.install_check import CheckResult

    name = "TLS trust store"
    try:
        import ssl

        source = use_os_trust_store()
        context = ssl.create_default_context()
        if source != OS_TRUST_STORE:
            import certifi

            context.load_verify_locations(certifi.where())
        detail = source
        stats = getattr(context, "cert_store_stats", None)
        if source == OS_TRUST_STORE and type(context).__module__.startswith("truststore"):
            detail += f", verifying with {type(context).__module__}"
        elif stats is not None:
            detail += f", {stats().get('x509_ca', 0)} CA certificates"
        if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
            return CheckResult(name, False, "certificate verification is not enforced")
        return CheckResult(name, True, detail)
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")
