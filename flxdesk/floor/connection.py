"""Where the floor is, with what password, and how a connection to it is opened.

The floor is a libpq connection URI (``postgresql://user@host:5432/flxdesk?sslmode=...``)
from ``FLXDESK_FLOOR_URL`` or ``floor_url`` in the settings. It never carries the
password: ``flxdesk floor login`` keeps it in the keychain, or libpq finds it by its own
means (``PGPASSWORD``, the password file, a service file). TLS is what the URI asks for
(``sslmode=verify-full``, ``sslrootcert=system`` for the OS trust store where libpq can).

Every connection gets short limits so that nothing waits long on a floor that is away:
a connect timeout, TCP keepalives and a user timeout, and a statement timeout on the
server; callers add a watchdog for a server that hangs (flxdesk.floor.link).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, NamedTuple

from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

FLOOR_URL_ENV = "FLXDESK_FLOOR_URL"
KEYCHAIN_SERVICE = "flxdesk-floor"
CONNECT_TIMEOUT_SECONDS = 2  # libpq's smallest
STATEMENT_TIMEOUT_MS = 2_000
LOCK_TIMEOUT_MS = 1_000
KEEPALIVE_IDLE_SECONDS = 5
KEEPALIVE_INTERVAL_SECONDS = 2
KEEPALIVE_COUNT = 2
TCP_USER_TIMEOUT_MS = 3_000


class FloorAddressError(ValueError):
    """The floor's address cannot be used; ``str(error)`` names where it came from and why."""


class FloorAddress(NamedTuple):
    """A checked floor URI, and where it came from (for messages)."""

    url: str
    source: str
    user: str
    host: str
    port: str
    dbname: str

    @property
    def keychain_user(self) -> str:
        """The keychain entry's name for this floor's password (never the password)."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    def describe(self) -> str:
        """'flxdesk_station@db.example:5432/flxdesk', for people."""
        return self.keychain_user


def configured_url(settings_floor_url: str) -> tuple[str, str] | None:
    """(URI, where it came from), or None when no floor is configured."""
    from_env = os.environ.get(FLOOR_URL_ENV, "").strip()
    if from_env:
        return from_env, FLOOR_URL_ENV
    if settings_floor_url.strip():
        return settings_floor_url.strip(), "floor_url in settings.json"
    return None


def parse_address(url: str, source: str) -> FloorAddress:
    """Check a floor URI; FloorAddressError in words when it cannot be used."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(url)
    except ProgrammingError as error:
        raise FloorAddressError(
            translate(
                "FloorAddress",
                "The floor address in {source} cannot be used ({error}). Give a PostgreSQL "
                "URI such as postgresql://flxdesk_station@server:5432/flxdesk.",
            ).format(source=source, error=_first_line(str(error)))
        ) from None
    if "password" in params:
        raise FloorAddressError(
            translate(
                "FloorAddress",
                "The floor address in {source} holds a password: remove it from there. "
                "'flxdesk floor login' keeps the password in this computer's keychain.",
            ).format(source=source)
        )
    host = str(params.get("host") or params.get("hostaddr") or "")
    if not host:
        raise FloorAddressError(
            translate(
                "FloorAddress",
                "The floor address in {source} names no server: give one, as in "
                "postgresql://flxdesk_station@server:5432/flxdesk.",
            ).format(source=source)
        )
    port = str(params.get("port") or "5432")
    if not all(part.isdigit() and 0 < int(part) < 65536 for part in port.split(",")):
        raise FloorAddressError(
            translate(
                "FloorAddress",
                "The floor address in {source} cannot be used: its port {port} is not a "
                "number from 1 to 65535.",
            ).format(source=source, port=port)
        )
    user = str(params.get("user") or os.environ.get("PGUSER") or _login_name())
    return FloorAddress(
        url,
        source,
        user,
        host,
        port,
        str(params.get("dbname") or user),
    )


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in a service account's environment
        return "postgres"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def stored_password(address: FloorAddress) -> str | None:
    """The password ``flxdesk floor login`` kept, or None (libpq's own means then)."""
    from flxdesk.host.credentials import KeychainUnavailable, load_secret

    try:
        password = load_secret(KEYCHAIN_SERVICE, address.keychain_user)
    except KeychainUnavailable:
        log.info("No keychain for the floor's password; libpq's own means are used")
        return None
    if password:
        from flxdesk.host.logging_setup import register_secret

        register_secret(password)
    return password or None


def store_password(address: FloorAddress, password: str) -> None:
    """Keep the floor's password in the keychain; KeychainUnavailable when there is none."""
    from flxdesk.host.credentials import save_secret
    from flxdesk.host.logging_setup import register_secret

    register_secret(password)
    save_secret(KEYCHAIN_SERVICE, address.keychain_user, password)


def conninfo(address: FloorAddress, password: str | None, application_name: str) -> str:
    """The libpq connection string: the URI, the password, and the short limits."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    given = conninfo_to_dict(address.url)
    options = " ".join(
        part
        for part in (
            str(given.get("options") or ""),
            f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
            f"-c lock_timeout={LOCK_TIMEOUT_MS}",
            "-c idle_in_transaction_session_timeout=10000",
        )
        if part
    )
    extra: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_SECONDS,
        "keepalives_interval": KEEPALIVE_INTERVAL_SECONDS,
        "keepalives_count": KEEPALIVE_COUNT,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        "options": options,
    }
    if "application_name" not in given:
        extra["application_name"] = application_name[:63]
    if password is not None:
        extra["password"] = password
    return make_conninfo(address.url, **extra)


def connect(address: FloorAddress, password: str | None, application_name: str):
    """An autocommit connection to the floor; psycopg.OperationalError when there is none."""
    import psycopg

    return psycopg.connect(conninfo(address, password, application_name), autocommit=True)


def describe_error(error: BaseException, address: FloorAddress) -> str:
    """Why the floor could not be used, in one sentence for people (never a password)."""
    import psycopg

    text = _first_line(str(error))
    lowered = str(error).lower()
    where = address.describe()
    if isinstance(error, psycopg.OperationalError):
        if "password authentication failed" in lowered or "no password supplied" in lowered:
            return translate(
                "FloorAddress",
                "the floor refused the password of {where}: run 'flxdesk floor login' "
                "with the right one",
            ).format(where=where)
        if "does not exist" in lowered and "database" in lowered:
            return translate(
                "FloorAddress", "the floor database of {where} does not exist: ask IT"
            ).format(where=where)
        if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
            return translate(
                "FloorAddress",
                "the floor's TLS connection to {where} failed ({text}): ask IT which "
                "certificate to trust",
            ).format(where=where, text=text)
        return translate("FloorAddress", "the floor at {where} does not answer ({text})").format(
            where=where, text=text
        )
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return translate(
            "FloorAddress",
            "the floor's role {user} may not do this ({text}): ask IT to grant the "
            "station role's privileges (README, 'The floor')",
        ).format(user=address.user, text=text)
    return translate("FloorAddress", "the floor at {where} failed ({text})").format(
        where=where, text=text
    )


def connection_note(connection: psycopg.Connection) -> str:
    """'TLS' or 'no TLS', for the self-test and ``floor init``."""
    return "TLS" if connection.pgconn.ssl_in_use else "no TLS"
