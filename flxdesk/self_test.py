"""``flxdesk --self-test``: one line per check of what a frozen install depends on.

IT runs it after installing (and CI runs it on the frozen build) to see at once
whether the Qt platform plugin, the keychain backend, the TLS trust store, the data
folder, a full PATCH round trip and the floor (its driver; the floor itself when one
is configured) work. Exit code 0 when every check passes.

Each check lives with what it checks (``flxdesk.host.install_check`` names them all);
this module only collects them, gives each what it needs of this computer (the data
folder, the floor's settings), and prints a line each.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from flxdesk.host.install_check import CheckResult
from flxdesk.host.paths import AppPaths


def floor_check(paths: AppPaths) -> CheckResult:
    """The floor's check (flxdesk.floor.login_check) with this computer's settings."""
    try:
        from flxdesk.config.settings import load_settings
        from flxdesk.floor.login_check import floor_check as check
        from flxdesk.host.station_name import station_name

        settings = load_settings(paths.settings_file)
        return check(
            settings.floor_url,
            settings.is_locked("floor_url"),
            settings.floor_tls,
            lambda: station_name(settings.station_name, settings.is_locked("station_name")),
        )
    except Exception as error:  # never the error's text: it may quote the floor's address
        return CheckResult("Floor", False, f"the floor check failed ({type(error).__name__})")


def core_checks(paths: AppPaths) -> list[Callable[[], CheckResult]]:
    """Each core package's check, in the order they are printed. Each is imported when
    it runs: a module that does not load from the install is a failed line, not a crash."""

    def keychain() -> CheckResult:
        from flxdesk.host.credentials import keychain_check

        return keychain_check()

    def trust_store() -> CheckResult:
        from flxdesk.flxpoint.tls import trust_store_check

        return trust_store_check()

    def history() -> CheckResult:
        from flxdesk.history.store import history_check

        return history_check(paths.history_db)

    def round_trip() -> CheckResult:
        from flxdesk.flxpoint.demo_api import round_trip_check

        return round_trip_check()

    return [
        _loaded("Keychain backend", keychain),
        _loaded("TLS trust store", trust_store),
        _loaded("SQLite in the data folder", history),
        _loaded("PATCH round trip (embedded demo API)", round_trip),
        lambda: floor_check(paths),  # which says no more than the error's type
    ]


def _loaded(name: str, check: Callable[[], CheckResult]) -> Callable[[], CheckResult]:
    def run() -> CheckResult:
        try:
            return check()
        except Exception as error:  # the check's module did not load
            return CheckResult(name, False, f"{type(error).__name__}: {error}")

    return run


def run_self_test(
    paths: AppPaths,
    out: TextIO = sys.stdout,
    extra_checks: Sequence[Callable[[], CheckResult]] = (),
) -> int:
    """The core checks, then ``extra_checks`` (the window's Qt checks, which run last)."""
    from flxdesk import __version__

    checks = [*core_checks(paths), *extra_checks]
    print(f"flxdesk {__version__} self-test (frozen: {getattr(sys, 'frozen', False)})", file=out)
    failures = 0
    for check in checks:
        result = check()
        failures += not result.passed
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.name}: {result.detail}", file=out)
        out.flush()
    print("All checks passed." if not failures else f"{failures} check(s) failed.", file=out)
    return 0 if not failures else 1
