"""What this station's floor login may do beyond what a station needs, in words.

A station needs one login of its own in the ``flxdesk_station`` group: read the floor,
run the station functions (flxdesk.floor.boundary). A login that is a superuser, owns
the floor, may delete or write its tables directly, or is shared with other station
names can do harm no station should be able to do (or lets those stations write as
each other). The station still works; ``--self-test`` fails and the window's floor
tooltip says why, so that IT sees it. Names read from the floor are shown as plain text.

``floor_check`` is the floor's line of ``--self-test`` (collected by flxdesk.self_test):
the driver, the floor's address and version, and these warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.host.install_check import CheckResult

_CHECK = """
SELECT r.rolsuper,
       coalesce(pg_has_role(session_user, n.nspowner, 'MEMBER'), false),
       has_table_privilege('flxdesk.updates', 'DELETE')
           OR has_table_privilege('flxdesk.stations', 'DELETE')
           OR has_table_privilege('flxdesk.token_budgets', 'DELETE'),
       has_table_privilege('flxdesk.updates', 'INSERT, UPDATE')
           OR has_table_privilege('flxdesk.stations', 'INSERT, UPDATE')
           -- the roster (floor version 3): a station that may write it makes supervisors
           OR coalesce(has_table_privilege(to_regclass('flxdesk.operators'),
                                           'INSERT, UPDATE, DELETE'), false),
       (SELECT array_agg(o.name) FROM (SELECT name FROM flxdesk.stations
         WHERE login = session_user AND name <> %s ORDER BY name LIMIT 3) AS o),
       (SELECT login FROM flxdesk.stations WHERE name = %s),
       session_user
  FROM pg_roles r, pg_namespace n
 WHERE r.rolname = session_user AND n.nspname = 'flxdesk'
"""


def login_warnings(connection: Any, station: str) -> list[str]:
    """What is wrong with this login for ``station``, one sentence each; [] when nothing."""
    row = connection.execute(_CHECK, (station, station)).fetchone()
    if row is None:
        return []
    superuser, owner, may_delete, may_write, others, name_owner, login = row
    said = []
    if superuser:
        said.append(
            translate(
                "FloorLogin",
                "the floor login {login} is a superuser: give this station a login of its "
                "own in flxdesk_station (README, 'The floor')",
            ).format(login=login)
        )
    elif owner:
        said.append(
            translate(
                "FloorLogin",
                "the floor login {login} owns the floor: give this station a login of its "
                "own in flxdesk_station (README, 'The floor')",
            ).format(login=login)
        )
    if may_delete and not superuser and not owner:
        said.append(
            translate("FloorLogin", "the floor login {login} may delete the floor's rows").format(
                login=login
            )
        )
    elif may_write and not superuser and not owner:
        said.append(
            translate(
                "FloorLogin", "the floor login {login} may write the floor's tables directly"
            ).format(login=login)
        )
    if others:
        said.append(
            translate(
                "FloorLogin",
                "the floor login {login} is shared with the station(s) {names}: unsafe, "
                "they can write as each other; one login per station",
            ).format(login=login, names=", ".join(plain(name) for name in others))
        )
    if name_owner is not None and name_owner != login:
        said.append(
            translate(
                "FloorLogin",
                "the station name {station} belongs to another floor login: this "
                "station's updates are not published; ask IT",
            ).format(station=plain(station))
        )
    return said


def plain(text: Any, limit: int = 64) -> str:
    """A name read from the floor as one short line of plain characters."""
    value = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return value if len(value) <= limit else value[: limit - 1] + "…"


def floor_check(
    floor_url_setting: str, locked: bool, tls_setting: str, station: Callable[[], str]
) -> CheckResult:
    """``--self-test``'s floor line: the floor's driver loads from the install; the
    floor, when one is configured, answers, can be used by this flxdesk, and this
    station's login may do no more than a station needs. The settings are this
    computer's (``floor_url``, whether IT locked it, ``floor_tls``); ``station()``
    names this station, asked only when a floor is configured."""
    from flxdesk.host.install_check import CheckResult

    name = "Floor"
    try:
        import psycopg

        driver = f"psycopg {psycopg.__version__}, libpq {_libpq_version(psycopg.pq.version())}"
        if psycopg.pq.__impl__ not in ("binary", "c"):
            return CheckResult(
                name, False, f"{driver}: psycopg's own libpq is missing from this install"
            )
    except Exception as error:
        return CheckResult(name, False, f"the floor's driver does not load: {error}")
    try:
        from flxdesk.floor.connection import (
            FloorAddressError,
            configured_url,
            connect,
            connection_note,
            describe_error,
            parse_address,
            stored_password,
        )
        from flxdesk.floor.schema import FloorSchemaError, check_floor

        configured = configured_url(floor_url_setting, locked)
        if configured is None:
            return CheckResult(name, True, f"not configured ({driver} loads)")
        here = station()
        try:
            address = parse_address(*configured, tls_setting)
        except FloorAddressError as problem:
            return CheckResult(name, False, str(problem))
        tls = f"TLS {address.tls}"
        try:
            with connect(address, stored_password(address), "flxdesk self-test") as connection:
                note = connection_note(connection)
                info = check_floor(connection)
                warnings = login_warnings(connection, here)
        except FloorSchemaError as problem:
            return CheckResult(name, False, f"{address.describe()}: {problem} ({tls})")
        except psycopg.Error as error:
            return CheckResult(name, False, f"{describe_error(error, address)} ({tls})")
        reached = (
            f"reachable: {address.describe()}, floor version {info.version}, {tls} ({note}), "
            f"station {here} ({driver})"
        )
        if warnings:
            return CheckResult(name, False, f"{reached}; unsafe: " + "; ".join(warnings))
        return CheckResult(name, True, reached)
    except Exception as error:  # never libpq's text: it may quote the address
        return CheckResult(name, False, f"the floor check failed ({type(error).__name__})")


def _libpq_version(number: int) -> str:
    major, minor = divmod(number, 10000)
    return f"{major}.{minor % 100}" if major >= 10 else str(number)
