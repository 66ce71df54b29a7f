"""The Windows installer, built and installed for real under Wine (x86-64 Linux).

Inno Setup's own compiler compiles build_scripts/flxdesk.iss unchanged against a stand-in
one-folder app; the installer runs silently for all users, as IT deploys it; the
uninstaller removes the program and leaves the data. One Wine prefix serves the module: its
first start is the slow part. support/wine.py says what is needed and when it is skipped.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from flxdesk import __version__
from support.paths import ROOT, build_script
from support.wine import ISCC, WinePrefix, require_wine, windows_path, wine_prefix

APP_ID = "{DD3B4A90-4467-4A38-86DD-2CE52A4AA048}"  # flxdesk.iss; never changes
UNINSTALL_KEY = rf"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}_is1"
PROGRAM_FOLDER = r"C:\Program Files\flxdesk"
START_MENU_ENTRY = r"C:\ProgramData\Microsoft\Windows\Start Menu\Programs\flxdesk.lnk"
SILENT = ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
# What a one-folder build holds, in miniature: both programs and a library folder.
STAND_IN_APP = {
    "flxdesk.exe": b"stand-in for the windowed flxdesk\n",
    "flxdesk-cli.exe": b"stand-in for the console twin\n",
    "_internal/python312.dll": b"stand-in library\n",
    "_internal/PySide6/plugins/platforms/qwindows.dll": b"stand-in Qt plugin\n",
}
pytestmark = pytest.mark.timeout(900)  # a new Wine prefix starts in up to a few minutes


def numeric_version(version: str) -> str:
    buildinfo = build_script("buildinfo")
    return ".".join(map(str, buildinfo.version_tuple(version)))


@pytest.fixture(scope="module")
def wine() -> Iterator[WinePrefix]:
    require_wine()
    with wine_prefix() as prefix:
        yield prefix


@pytest.fixture(scope="module")
def installer(wine: WinePrefix, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """flxdesk.iss compiled as build_windows.ps1 does it, beside a stand-in dist/flxdesk."""
    tree = tmp_path_factory.mktemp("checkout")
    (tree / "build_scripts").mkdir()
    shutil.copy(ROOT / "build_scripts" / "flxdesk.iss", tree / "build_scripts")
    (tree / "resources").mkdir()
    shutil.copy(ROOT / "resources" / "flxdesk.ico", tree / "resources")
    for name, content in STAND_IN_APP.items():
        (tree / "dist" / "flxdesk" / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / "dist" / "flxdesk" / name).write_bytes(content)
    compiled = wine.run(
        str(ISCC),
        "/Q",
        f"/DAppVersion={__version__}",
        f"/DAppVersionNumeric={numeric_version(__version__)}",
        windows_path(tree / "build_scripts" / "flxdesk.iss"),
    )
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    return tree / "dist" / f"flxdesk-{__version__}-windows-x64-setup.exe"


def install(wine: WinePrefix, installer: Path, log: Path) -> subprocess.CompletedProcess:
    done = wine.run(str(installer), *SILENT, "/ALLUSERS", f"/LOG={windows_path(log)}")
    wine.wait_until_idle()
    return done


def test_the_installer_refuses_a_windows_older_than_qt_needs(
    wine: WinePrefix, installer: Path, tmp_path: Path
) -> None:
    wine.set_windows_version("win7")
    done = install(wine, installer, tmp_path / "setup.log")
    assert done.returncode != 0
    assert "does not support the version of Windows" in (tmp_path / "setup.log").read_text(
        encoding="utf-8", errors="replace"
    )
    assert not wine.unix_path(PROGRAM_FOLDER).exists()
    assert wine.registry_values(UNINSTALL_KEY) is None


def test_installed_for_all_users_then_uninstalled_keeping_the_data(
    wine: WinePrefix, installer: Path, tmp_path: Path
) -> None:
    wine.set_windows_version("win10")
    done = install(wine, installer, tmp_path / "setup.log")
    assert done.returncode == 0, (tmp_path / "setup.log").read_text(errors="replace")

    program = wine.unix_path(PROGRAM_FOLDER)
    for name, content in STAND_IN_APP.items():
        assert (program / name).read_bytes() == content, name
    assert (program / "unins000.exe").is_file()
    assert wine.unix_path(START_MENU_ENTRY).is_file()
    assert not wine.unix_path(r"C:\users\Public\Desktop\flxdesk.lnk").exists()  # unticked
    entry = wine.registry_values(UNINSTALL_KEY)
    assert entry is not None, "no uninstall entry in Apps & features"
    assert entry["DisplayName"] == "flxdesk"
    assert entry["DisplayVersion"] == __version__
    assert entry["DisplayIcon"] == rf"{PROGRAM_FOLDER}\flxdesk.exe"
    assert entry["InstallLocation"].rstrip("\\") == PROGRAM_FOLDER
    uninstaller = entry["UninstallString"].strip('"')
    assert uninstaller == rf"{PROGRAM_FOLDER}\unins000.exe"

    # What flxdesk keeps per user: the history, settings and logs.
    local = wine.run("cmd", "/c", "echo", "%LOCALAPPDATA%").stdout.strip()
    data = wine.unix_path(rf"{local}\flxdesk")
    (data / "Logs").mkdir(parents=True)
    kept = {data / "history.sqlite3": b"SQLite format 3\0", data / "Logs" / "flxdesk.log": b"ok"}
    for path, content in kept.items():
        path.write_bytes(content)

    removed = wine.run(uninstaller, *SILENT)
    wine.wait_until_idle()
    assert removed.returncode == 0, removed.stderr
    assert not program.exists()
    assert not wine.unix_path(START_MENU_ENTRY).exists()
    assert wine.registry_values(UNINSTALL_KEY) is None
    for path, content in kept.items():
        assert path.read_bytes() == content, path
