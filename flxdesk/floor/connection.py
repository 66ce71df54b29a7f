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
    from psycopg.abc import ConnDict
    from psycopg.rows import TupleRow

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


VERIFIED = "verify-full"
UNVERIFIED_SETTING = "unverified"  # the machine file's floor_tls that allows weaker modes
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
REQUIRE_AUTH_FROM_LIBPQ = 160000


class FloorAddress(NamedTuple):
    """A checked floor URI, and where it came from (for messages)."""

    url: str
    source: str
    user: str
    host: str
    port: str
    dbname: str
    tls: str = ""  # the TLS mode in force, for people ("verify-full", ...)
    extra: tuple[tuple[str, str], ...] = ()  # what flxdesk adds to the URI (sslmode, ...)

    @property
    def keychain_user(self) -> str:
        """The keychain entry's name for this floor's password (never the password)."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    def describe(self) -> str:
        """'flxdesk_station@db.example:5432/flxdesk', for people."""
        return self.keychain_user


def configured_url(settings_floor_url: str, locked: bool = False) -> tuple[str, str] | None:
    """(URI, where it came from), or None when no floor is configured. The environment
    wins over the setting, unless IT locked the setting (then it wins, even empty)."""
    from_env = os.environ.get(FLOOR_URL_ENV, "").strip()
    if locked:
        value = settings_floor_url.strip()
        return (value, "floor_url in this computer's settings (locked)") if value else None
    if from_env:
        return from_env, FLOOR_URL_ENV
    if settings_floor_url.strip():
        return settings_floor_url.strip(), "floor_url in settings.json"
    return None


def parse_address(url: str, source: str, tls_setting: str = "") -> FloorAddress:
    """Check a floor URI; FloorAddressError in words when it cannot be used.

    ``tls_setting``: the machine file's ``floor_tls`` ("unverified" allows a weaker
    sslmode than verify-full on a floor beyond loopback)."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(url)
    except ProgrammingError:  # its message quotes the address: never shown
        raise FloorAddressError(
            translate(
                "FloorAddress",
                "The floor address in {source} cannot be used: {part} is not valid. Give a "
                "PostgreSQL URI such as postgresql://flxdesk_station@server:5432/flxdesk.",
            ).format(source=source, part=_wrong_part(url))
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
                "The floor address in {source} cannot be used: its port is not a "
                "number from 1 to 65535.",
            ).format(source=source)
        )
    tls, extra = _tls(params, host, source, tls_setting)
    user = str(params.get("user") or os.environ.get("PGUSER") or _login_name())
    return FloorAddress(
        url, source, user, host, port, str(params.get("dbname") or user), tls, extra
    )


def is_loopback(host: str) -> bool:
    """Whether every host of a libpq host list is this computer (or a Unix socket)."""
    import ipaddress

    def one(name: str) -> bool:
        name = name.strip().strip("[]")
        if name.startswith(("/", "@")) or name.lower() == "localhost":
            return True
        try:
            return ipaddress.ip_address(name).is_loopback
        except ValueError:
            return False

    return all(one(name) for name in host.split(","))


def _tls(
    params: ConnDict, host: str, source: str, tls_setting: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(the TLS mode in force for people, what flxdesk adds to the URI)."""
    import psycopg

    asked = str(params.get("sslmode") or "")
    if asked and asked not in SSL_MODES:
        raise FloorAddressError(
            translate(
                "FloorAddress",
                "The floor address in {source} cannot be used: its sslmode is not one "
                "libpq knows (verify-full, the safe one).",
            ).format(source=source)
        )
    if is_loopback(host):
        return (asked or "prefer") + " (loopback)", ()
    extra: list[tuple[str, str]] = []
    if not asked:
        extra.append(("sslmode", VERIFIED))
        if "sslrootcert" not in params:
            extra.append(("sslrootcert", "system"))
        asked = VERIFIED
    if asked != VERIFIED and tls_setting != UNVERIFIED_SETTING:
        raise FloorAddressError(
            translate(
                "FloorAddress",
                "The floor address in {source} asks for sslmode={mode}: TLS not verified "
                "(the server's certificate and name are not checked). Use "
                'sslmode=verify-full, or IT sets "floor_tls": "unverified" in this '
                "computer's settings file.",
            ).format(source=source, mode=asked)
        )
    required = str(params.get("require_auth") or "")
    if not required and psycopg.pq.version() >= REQUIRE_AUTH_FROM_LIBPQ:
        extra.append(("require_auth", "scram-sha-256"))
        required = "scram-sha-256"
    words = asked if asked == VERIFIED else f"{asked}, not verified (floor_tls)"
    if required:
        words += f", require_auth={required}"
    return words, tuple(extra)


def _wrong_part(url: str) -> str:
    """Which part of an address libpq cannot read (its name, never its text)."""
    import re
    from urllib.parse import urlsplit

    bad_escape = re.compile(r"%(?![0-9A-Fa-f]{2})")
    if not url.startswith(("postgresql://", "postgres://")):
        return translate("FloorAddress", "its form")
    try:
        parts = urlsplit(url)
    except ValueError:
        return translate("FloorAddress", "its form")
    userinfo, _, hostport = parts.netloc.rpartition("@")
    for text, name in (
        (userinfo, translate("FloorAddress", "its user and password part")),
        (hostport, translate("FloorAddress", "its server part")),
        (parts.path, translate("FloorAddress", "its database name")),
        (parts.query, translate("FloorAddress", "its parameters (after ?)")),
    ):
        if bad_escape.search(text):
            return name + translate("FloorAddress", " (a % not followed by two hex digits)")
    if parts.query:
        return translate("FloorAddress", "its parameters (after ?)")
    return translate("FloorAddress", "its form")


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in a service account's environment
        return "postgres"


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
    extra: dict[str, str | int | None] = {  # make_conninfo's value types
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_SECONDS,
        "keepalives_interval": KEEPALIVE_INTERVAL_SECONDS,
        "keepalives_count": KEEPALIVE_COUNT,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        "options": options,
    }
    extra.update(dict(address.extra))
    if "application_name" not in given:
        extra["application_name"] = application_name[:63]
    if password is not None:
        extra["password"] = password
    return make_conninfo(address.url, **extra)


def connect(
    address: FloorAddress, password: str | None, application_name: str
) -> psycopg.Connection[TupleRow]:
    """An autocommit connection to the floor; psycopg.OperationalError when there is none."""
    import psycopg

    return psycopg.connect(conninfo(address, password, application_name), autocommit=True)


def describe_error(error: BaseException, address: FloorAddress) -> str:
    """Why the floor could not be used, in one sentence for people: the kind of failure,
    never libpq's text (it may quote the address, or what the server said)."""
    import psycopg

    lowered = str(error).lower()
    where = address.describe()
    if isinstance(error, psycopg.OperationalError):
        if "password authentication failed" in lowered or "no password supplied" in lowered:
            return translate(
                "FloorAddress",
                "the floor refused the password of {where}: run 'flxdesk floor login' "
                "with the right one",
            ).format(where=where)
        if "require_auth" in lowered or "authentication method requirement" in lowered:
            return translate(
                "FloorAddress",
                "the floor at {where} did not ask for a scram-sha-256 password: ask IT for "
                "a 'hostssl ... scram-sha-256' line in pg_hba.conf (README, 'The floor')",
            ).format(where=where)
        if "does not exist" in lowered and "database" in lowered:
            return translate(
                "FloorAddress", "the floor database of {where} does not exist: ask IT"
            ).format(where=where)
        if "does not exist" in lowered and "role" in lowered:
            return translate(
                "FloorAddress", "the floor has no login {user}: ask IT (README, 'The floor')"
            ).format(user=address.user)
        if "does not match host name" in lowered:
            return translate(
                "FloorAddress",
                "the floor's TLS connection to {where} failed: its certificate names another "
                "server: ask IT",
            ).format(where=where)
        if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
            return translate(
                "FloorAddress",
                "the floor's TLS connection to {where} failed (its certificate is not "
                "trusted, or it offers no TLS): ask IT which certificate to trust",
            ).format(where=where)
        if "timeout" in lowered or "timed out" in lowered:
            return translate(
                "FloorAddress", "the floor at {where} does not answer (timed out)"
            ).format(where=where)
        return translate(
            "FloorAddress", "the floor at {where} does not answer (no connection)"
        ).format(where=where)
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return translate(
            "FloorAddress",
            "the floor's login {user} may not do this: ask IT to grant the station "
            "role's privileges (README, 'The floor')",
        ).format(user=address.user)
    code = getattr(getattr(error, "diag", None), "sqlstate", None) or type(error).__name__
    return translate("FloorAddress", "the floor at {where} failed ({code})").format(
        where=where, code=code
    )


def connection_note(connection: psycopg.Connection) -> str:
    """'TLS' or 'no TLS', for the self-test and ``floor init``."""
    return "TLS" if connection.pgconn.ssl_in_use else "no TLS"
