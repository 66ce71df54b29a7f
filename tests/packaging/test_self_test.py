"""``flxdesk --self-test``: in-process checks, and the real command under a real keychain."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.qt_checks import CHECKS as QT_CHECKS
from flxdesk.gui.start.qt_checks import check_translations
from flxdesk.history.store import HistoryStore
from flxdesk.host.paths import AppPaths
from flxdesk.self_test import run_self_test
from support.keychain import SECRET_SERVICE_TOOLS, run_with_secret_service


def test_all_checks_pass_with_a_working_keychain(qtbot: QtBot, paths: AppPaths) -> None:
    out = io.StringIO()
    assert run_self_test(paths, out, QT_CHECKS) == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    for check in (
        "Keychain backend",
        "TLS trust store",
        "SQLite in the data folder",
        "PATCH round trip",
        "Qt platform plugin",
        "Qt binding reference counts",
        "Translations",
        "Floor",
    ):
        assert any(line.startswith(f"PASS  {check}") for line in lines), check
    assert lines[-1] == "All checks passed."
    assert HistoryStore(paths.history_db).count() == 0  # the write check leaves no row


def test_each_check_lives_with_what_it_checks() -> None:
    """self_test only collects: every check it runs is a ``*_check`` of the package that
    knows the thing checked, and it reads nothing else of flxdesk but the settings."""
    import ast

    from support.paths import ROOT

    tree = ast.parse((ROOT / "flxdesk" / "self_test.py").read_text(encoding="utf-8"))
    imported = {
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("flxdesk.")
        for alias in node.names
    }
    setting_up = {
        "flxdesk.host.install_check.CheckResult",
        "flxdesk.host.paths.AppPaths",
        "flxdesk.config.settings.load_settings",
        "flxdesk.host.station_name.station_name",
    }
    assert imported - setting_up == {
        "flxdesk.host.credentials.keychain_check",
        "flxdesk.flxpoint.tls.trust_store_check",
        "flxdesk.history.store.history_check",
        "flxdesk.flxpoint.demo_api.round_trip_check",
        "flxdesk.floor.login_check.floor_check",
    }
    defined = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert defined == ["floor_check", "core_checks", "_loaded", "run_self_test"]


def test_a_check_whose_module_does_not_load_is_a_failed_line(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frozen build that lost a module still prints every line (and fails), no crash."""
    monkeypatch.setitem(sys.modules, "flxdesk.host.credentials", None)  # import raises
    out = io.StringIO()
    assert run_self_test(paths, out) == 1
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("FAIL  Keychain backend: ModuleNotFoundError: ")
    names = [line.split(":")[0] for line in lines[2:-1]]  # the checks after it still ran
    assert names == [
        "PASS  TLS trust store",
        "PASS  SQLite in the data folder",
        "PASS  PATCH round trip (embedded demo API)",
        "PASS  Floor",
    ]
    assert lines[-1] == "1 check(s) failed."


def test_a_missing_translation_is_named(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A build that lost its Spanish files says so, instead of silently staying English."""
    from flxdesk.host import resources

    empty = tmp_path / "resources"
    (empty / "i18n").mkdir(parents=True)
    monkeypatch.setattr(resources, "_resources_root", lambda: empty)
    result = check_translations()
    assert not result.passed
    assert "missing: flxdesk_es.qm" in result.detail


@pytest.mark.usefixtures("broken_keyring")
def test_the_fail_backend_is_reported_plainly(qtbot: QtBot, paths: AppPaths) -> None:
    out = io.StringIO()
    assert run_self_test(paths, out, QT_CHECKS) == 1
    assert "FAIL  Keychain backend: keyring.backends.fail.Keyring: NO working keychain" in (
        out.getvalue()
    )
    assert out.getvalue().splitlines()[-1] == "1 check(s) failed."


KEYCHAIN_ROUND_TRIP = """
from flxdesk.host import credentials
assert credentials.load_token("itest") is None
credentials.save_token("itest-token-value", "itest")
assert credentials.load_token("itest") == "itest-token-value"
credentials.forget_token("itest")
assert credentials.load_token("itest") is None
print("keychain round trip ok")
"""


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in SECRET_SERVICE_TOOLS),
    reason="needs gnome-keyring and dbus (installed by .ci/run)",
)
def test_real_secret_service_keychain_and_self_test(tmp_path: Path) -> None:
    stored = run_with_secret_service(tmp_path, sys.executable, "-c", KEYCHAIN_ROUND_TRIP)
    assert stored.returncode == 0, stored.stderr
    assert "keychain round trip ok" in stored.stdout

    checked = run_with_secret_service(tmp_path, sys.executable, "-m", "flxdesk", "--self-test")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "PASS  Keychain backend: keyring.backends.SecretService.Keyring" in checked.stdout


def test_the_floor_line_says_not_configured_reachable_or_why_not(
    paths: AppPaths, floor_db: str, monkeypatch: pytest.MonkeyPatch, postgres, memory_keyring
) -> None:
    import psycopg

    from flxdesk.floor.schema import FLOOR_SCHEMA_VERSION
    from flxdesk.self_test import floor_check as check_floor
    from support.floor import floor_with_stations, init_floor, remember_password

    monkeypatch.delenv("FLXDESK_FLOOR_URL", raising=False)
    alone = check_floor(paths)
    assert alone.passed and alone.detail.startswith("not configured (psycopg 3.")
    assert "libpq" in alone.detail
    monkeypatch.setenv("FLXDESK_FLOOR_URL", floor_db)
    monkeypatch.setenv("FLXDESK_STATION", "PACK-4")
    missing = check_floor(paths)
    assert not missing.passed and "no flxdesk floor yet" in missing.detail
    init_floor(floor_db)
    unsafe = check_floor(paths)  # the superuser: more than a station needs
    assert not unsafe.passed and "unsafe: the floor login postgres is a superuser" in (
        unsafe.detail
    )
    owner, urls = floor_with_stations(postgres, "pack_selftest")
    remember_password(memory_keyring, urls["pack_selftest"], "pack_selftest")
    monkeypatch.setenv("FLXDESK_FLOOR_URL", urls["pack_selftest"])
    reachable = check_floor(paths)
    assert reachable.passed, reachable.detail
    assert (
        f"floor version {FLOOR_SCHEMA_VERSION}, TLS disable (loopback) (no TLS), station PACK-4"
    ) in reachable.detail
    with psycopg.connect(owner, autocommit=True) as db:
        db.execute("UPDATE flxdesk.meta SET value = '99' WHERE key = 'serves_from'")
    newer = check_floor(paths)
    assert not newer.passed
    assert f"newer flxdesk (floor version {FLOOR_SCHEMA_VERSION}," in newer.detail
    monkeypatch.setenv("FLXDESK_FLOOR_URL", floor_db.replace("postgres@", "nobody@"))
    refused = check_floor(paths)
    assert not refused.passed and "refused the password" in refused.detail
