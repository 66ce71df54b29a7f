"""The floor on the command line: ``flxdesk floor init|login`` and ``flxdesk report --floor``.

    flxdesk floor init     create or upgrade the floor's tables (IT, once per floor)
    flxdesk floor login    keep the floor's password in this computer's keychain
    flxdesk floor prune --older-than DAYS
                           delete updates queued more than DAYS ago (the owner's login)
    flxdesk report --floor --since ... [--until ...] [--csv F] [--pdf F]

The floor is ``FLXDESK_FLOOR_URL`` or ``floor_url`` in settings.json (flxdesk.floor.
connection). Exit codes: 0 done; 1 the floor refused the password given to ``login``;
2 no floor configured, an address that cannot be used, a floor that cannot be reached
or used, or a report that cannot be written; each with one plain line on stderr.

The sending commands (bulk, resume, update) open the floor beside their run through
flxdesk.cli.sending_floor, which ``report --floor`` also uses to publish this station's
latest changes before it reads the floor.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from flxdesk.cli.common import Exit, Parser

if TYPE_CHECKING:
    from pathlib import Path

    import psycopg
    from psycopg.rows import TupleRow

    from flxdesk.cli.report import PdfWriter
    from flxdesk.config.settings import Settings
    from flxdesk.floor.connection import FloorAddress
    from flxdesk.host.paths import AppPaths


def add_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    floor = commands.add_parser(
        "floor", help="the floor database the stations share (IT): init, login"
    )
    actions = floor.add_subparsers(dest="floor_command", required=True)
    actions.add_parser(
        "init", help="create or upgrade the floor's tables and grant the station roles"
    )
    actions.add_parser(
        "login", help="keep the floor's password in this computer's keychain (asked, or stdin)"
    )
    prune = actions.add_parser(
        "prune", help="delete the floor's updates older than DAYS (the floor owner's login)"
    )
    prune.add_argument(
        "--older-than",
        dest="older_than",
        type=int,
        required=True,
        metavar="DAYS",
        help="keep the updates of the last DAYS days (1 or more)",
    )


class NoFloor(RuntimeError):
    """No floor is configured, or its address cannot be used: exit 2 with this sentence."""


def _address(settings: Settings) -> FloorAddress:
    from flxdesk.floor.connection import (
        FLOOR_URL_ENV,
        FloorAddressError,
        configured_url,
        parse_address,
    )

    configured = configured_url(settings.floor_url, settings.is_locked("floor_url"))
    if configured is None:
        raise NoFloor(
            f"no floor is configured: set {FLOOR_URL_ENV} or floor_url in settings.json "
            "to the floor's PostgreSQL URI (README, 'The floor')."
        )
    try:
        return parse_address(*configured, settings.floor_tls)
    except FloorAddressError as problem:
        raise NoFloor(str(problem)) from None


def connect_floor(address: FloorAddress) -> psycopg.Connection[TupleRow]:
    from flxdesk.floor.connection import connect, stored_password
    from flxdesk.host.station_name import station_name

    return connect(address, stored_password(address), f"flxdesk {station_name()} (command line)")


def run_floor(args: argparse.Namespace) -> int:
    try:
        _paths, _settings, address = configured_floor()
    except NoFloor as problem:
        return _fail(str(problem))
    if args.floor_command == "init":
        return _init(address)
    if args.floor_command == "prune":
        return _prune(address, args.older_than)
    return _login(address)


def _prune(address: FloorAddress, older_than: int) -> int:
    import psycopg

    from flxdesk.floor.connection import describe_error
    from flxdesk.floor.schema import prune

    if older_than < 1:
        return _fail("--older-than must be 1 day or more; nothing was deleted.")
    try:
        with connect_floor(address) as connection:
            gone = prune(connection, older_than)
    except psycopg.errors.InsufficientPrivilege:
        return _fail(
            f"only the floor's owner may prune: {address.user} may not delete the floor's "
            "updates (a station's login never can). Nothing was deleted."
        )
    except psycopg.Error as error:
        return _fail(describe_error(error, address) + ". Nothing more was deleted.")
    print(
        f"flxdesk floor prune: deleted {gone} update(s) queued more than {older_than} day(s) "
        f"ago from {address.describe()}."
    )
    return Exit.OK


def _init(address: FloorAddress) -> int:
    import psycopg

    from flxdesk.floor.connection import connection_note, describe_error
    from flxdesk.floor.schema import FloorSchemaError, initialize

    try:
        with connect_floor(address) as connection:
            note = connection_note(connection)
            done = initialize(connection)
    except FloorSchemaError as problem:
        return _fail(f"{problem} Nothing was changed.")
    except psycopg.Error as error:
        return _fail(describe_error(error, address) + ". Nothing was changed.")
    print(f"flxdesk floor init: {address.describe()} ({note})")
    for sentence in done:
        print(f"flxdesk floor init: {sentence}")
    return Exit.OK


def _read_password(address: FloorAddress) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Password of the floor's role {address.describe()}: ")
    return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")


def _login(address: FloorAddress) -> int:
    import psycopg

    from flxdesk.floor.connection import connect, describe_error, store_password
    from flxdesk.host.credentials import KeychainUnavailable
    from flxdesk.host.logging_setup import register_secret

    password = _read_password(address)
    if not password:
        return _fail("no password given; nothing was stored.")
    register_secret(password)
    checked = ""
    try:
        with connect(address, password, "flxdesk floor login"):
            pass
    except psycopg.OperationalError as error:
        words = describe_error(error, address)
        if "password" in str(error).lower():
            print(f"flxdesk: {words}; it was not stored.", file=sys.stderr)
            return Exit.FAILED
        checked = f" It could not be checked now: {words}."
    try:
        store_password(address, password)
    except KeychainUnavailable as problem:
        return _fail(
            f"{problem} The password was not stored: give it through libpq instead "
            "(PGPASSWORD or a password file, README 'The floor')."
        )
    print(f"flxdesk: the floor's password for {address.describe()} is in the keychain.{checked}")
    return Exit.OK


def run_floor_report(args: argparse.Namespace, pdf_writer: PdfWriter | None) -> int:
    """``flxdesk report --floor``: the floor's totals, a line per station and per operator
    (``--by-operator``: the operators' lines alone)."""
    import psycopg

    from flxdesk.cli.report import FAILURES_PRINTED, by_operator_lines, write_report_files
    from flxdesk.cli.sending_floor import finish_floor, start_floor
    from flxdesk.floor.connection import describe_error
    from flxdesk.floor.report import floor_report, report_lines, write_floor_csv
    from flxdesk.floor.schema import FloorSchemaError, check_floor
    from flxdesk.history.periods import InvalidPeriod, parse_period

    if args.demo:
        return _fail("the demo has no floor: --floor and --demo do not go together.")
    try:
        period = parse_period(args.since, args.until)
    except InvalidPeriod as problem:
        return _fail(str(problem))
    try:
        paths, settings, address = configured_floor()
    except NoFloor as problem:
        return _fail(str(problem))
    if _has_unpublished(paths.history_db):  # this station's latest first
        finish_floor(start_floor(settings, paths), quiet=True)
    try:
        with connect_floor(address) as connection:
            check_floor(connection)
            report = floor_report(connection, period)
    except FloorSchemaError as problem:
        return _fail(str(problem))
    except psycopg.Error as error:
        return _fail(describe_error(error, address) + ".")
    if args.by_operator:
        lines = by_operator_lines(report.summary)
    else:
        lines = report_lines(report, FAILURES_PRINTED)
    print("\n".join(lines), flush=True)
    return write_report_files(
        args, lambda path: write_floor_csv(report, path), report.summary, pdf_writer
    )


def configured_floor() -> tuple[AppPaths, Settings, FloorAddress]:
    """This computer's data folder, settings and floor address; NoFloor when none."""
    from flxdesk.config.settings import load_settings
    from flxdesk.host.paths import app_paths

    paths = app_paths().ensure()
    settings = load_settings(paths.settings_file)
    return paths, settings, _address(settings)


def _has_unpublished(history_db: Path) -> bool:
    """Whether this computer's history holds changes not yet published to the floor (a
    supervisor's PC without a history does not become a station by reporting)."""
    from flxdesk.floor.outbox import outbox_size
    from flxdesk.history.store import HistoryStore

    if not history_db.exists():
        return False
    try:
        store = HistoryStore(history_db, busy_timeout=1.0)
    except Exception:  # the report needs the floor, not this history
        return False
    try:
        return outbox_size(store.connection) > 0
    finally:
        store.close()


def _fail(sentence: str) -> int:
    print(f"flxdesk: {sentence}", file=sys.stderr)
    return Exit.USAGE
