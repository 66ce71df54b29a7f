"""``flxdesk --self-test``: one line per check of what a frozen install depends on.

IT runs it after installing (and CI runs it on the frozen build) to see at once
whether the Qt platform plugin, the keychain backend, the TLS trust store, the data
folder, a full PATCH round trip and the floor (its driver; the floor itself when one
is configured) work. Exit code 0 when every check passes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple, TextIO

from flxdesk.host.paths import AppPaths


class CheckResult(NamedTuple):
    name: str
    passed: bool
    detail: str


def check_keyring() -> CheckResult:
    """The backend in use; the ``fail`` backend means the token could never be stored."""
    name = "Keychain backend"
    try:
        import keyring
        import keyring.backends.fail

        backend = keyring.get_keyring()
        label = f"{type(backend).__module__}.{type(backend).__name__}"
        if isinstance(backend, keyring.backends.fail.Keyring):
            return CheckResult(
                name,
                False,
                f"{label}: NO working keychain. Tokens could only be kept for one session "
                "(on Linux, start a Secret Service such as GNOME Keyring).",
            )
        backend.get_password("flxdesk-self-test", "probe")  # reads, never writes
        return CheckResult(name, True, label)
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")


def check_tls() -> CheckResult:
    name = "TLS trust store"
    try:
        import ssl

        from flxdesk.flxpoint.tls import OS_TRUST_STORE, use_os_trust_store

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


def check_sqlite(paths: AppPaths) -> CheckResult:
    """Open the real history file and write inside a transaction that is rolled back."""
    name = "SQLite in the data folder"
    try:
        from flxdesk.history.store import HistoryStore

        store = HistoryStore(paths.history_db)
        try:
            store.check_writable()
            rows = store.count()
        finally:
            store.close()
        return CheckResult(name, True, f"{paths.history_db} ({rows} updates in the history)")
    except Exception as error:
        return CheckResult(name, False, f"{paths.history_db}: {type(error).__name__}: {error}")


def check_round_trip() -> CheckResult:
    name = "PATCH round trip (embedded demo API)"
    try:
        from flxdesk.flxpoint.client import FlxpointClient
        from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi

        with DemoApi() as api:
            client = FlxpointClient(api.url, DEMO_TOKEN)
            try:
                result = client.update_status("1000", "On Hold", "flxdesk self-test")
            finally:
                client.close()
        if result.ok:
            return CheckResult(name, True, f"{api.url} answered {result.http_code}")
        return CheckResult(name, False, f"{result.message} {result.detail}")
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")


def check_floor(paths: AppPaths) -> CheckResult:
    """The floor's driver loads from the install; the floor, when one is configured,
    answers and can be used by this flxdesk."""
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
        from flxdesk.config.settings import load_settings
        from flxdesk.floor.connection import (
            FloorAddressError,
            configured_url,
            connect,
            connection_note,
            describe_error,
            parse_address,
            stored_password,
        )
        from flxdesk.floor.login_check import login_warnings
        from flxdesk.floor.schema import FloorSchemaError, check_floor
        from flxdesk.host.station_name import station_name

        settings = load_settings(paths.settings_file)
        configured = configured_url(settings.floor_url, settings.is_locked("floor_url"))
        if configured is None:
            return CheckResult(name, True, f"not configured ({driver} loads)")
        station = station_name(settings.station_name, settings.is_locked("station_name"))
        try:
            address = parse_address(*configured, settings.floor_tls)
        except FloorAddressError as problem:
            return CheckResult(name, False, str(problem))
        tls = f"TLS {address.tls}"
        try:
            with connect(address, stored_password(address), "flxdesk self-test") as connection:
                note = connection_note(connection)
                info = check_floor(connection)
                warnings = login_warnings(connection, station)
        except FloorSchemaError as problem:
            return CheckResult(name, False, f"{address.describe()}: {problem} ({tls})")
        except psycopg.Error as error:
            return CheckResult(name, False, f"{describe_error(error, address)} ({tls})")
        reached = (
            f"reachable: {address.describe()}, floor version {info.version}, {tls} ({note}), "
            f"station {station} ({driver})"
        )
        if warnings:
            return CheckResult(name, False, f"{reached}; unsafe: " + "; ".join(warnings))
        return CheckResult(name, True, reached)
    except Exception as error:  # never libpq's text: it may quote the address
        return CheckResult(name, False, f"the floor check failed ({type(error).__name__})")


def _libpq_version(number: int) -> str:
    major, minor = divmod(number, 10000)
    return f"{major}.{minor % 100}" if major >= 10 else str(number)


def run_self_test(
    paths: AppPaths,
    out: TextIO = sys.stdout,
    extra_checks: Sequence[Callable[[], CheckResult]] = (),
) -> int:
    """The core checks, then ``extra_checks`` (the window's Qt checks, which run last)."""
    from flxdesk import __version__

    checks: list[Callable[[], CheckResult]] = [
        check_keyring,
        check_tls,
        lambda: check_sqlite(paths),
        check_round_trip,
        lambda: check_floor(paths),
        *extra_checks,
    ]
    print(f"flxdesk {__version__} self-test (frozen: {getattr(sys, 'frozen', False)})", file=out)
    failures = 0
    for check in checks:
        result = check()
        failures += not result.passed
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.name}: {result.detail}", file=out)
        out.flush()
    print("All checks passed." if not failures else f"{failures} check(s) failed.", file=out)
    return 0 if not failures else 1
