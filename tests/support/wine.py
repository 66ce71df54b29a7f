"""Windows programs under Debian's Wine, for the installer test: a fresh prefix, a virtual
display of its own, Windows paths and the registry.

What it needs (.ci/run installs all of it): ``wine64`` and ``wine32:i386`` (the launcher is
``/usr/lib/wine/wine``), ``xvfb`` (the installer wants a display even when silent) and
Inno Setup's compiler, which ``build_scripts/get_innosetup.sh`` puts in build/innosetup/.
Where Wine cannot exist (not x86-64 Linux) the test is skipped; in CI on x86-64 Linux a
missing piece fails it, so the installer is never left untested there without a word.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath

import pytest

from support.paths import ROOT
from support.xserver import virtual_display

ISCC = ROOT / "build" / "innosetup" / "ISCC.exe"  # build_scripts/get_innosetup.sh
FIRST_START_SECONDS = 300  # a new prefix's first start: up to a minute here, more on CI
COMMAND_SECONDS = 120


def _first_program(*candidates: str | None) -> str | None:
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def wine_launcher() -> str | None:
    return _first_program("/usr/lib/wine/wine", shutil.which("wine"))


def wineserver() -> str | None:
    return _first_program("/usr/lib/wine/wineserver", shutil.which("wineserver"))


def missing_pieces() -> list[str]:
    missing = []
    if wine_launcher() is None or wineserver() is None:
        missing.append("Wine (apt-get install wine64 wine32:i386)")
    if shutil.which("Xvfb") is None:
        missing.append("Xvfb (apt-get install xvfb)")
    if not ISCC.is_file():
        missing.append(f"Inno Setup's compiler in {ISCC.parent} (build_scripts/get_innosetup.sh)")
    return missing


def require_wine() -> None:
    """Skip where Wine cannot run Windows programs; fail in CI when a piece is missing."""
    if not sys.platform.startswith("linux") or platform.machine().lower() not in {
        "x86_64",
        "amd64",
    }:
        pytest.skip(
            "Wine runs the Windows installer on x86-64 Linux only (the workflow's Windows "
            "job installs it on Windows itself)"
        )
    missing = missing_pieces()
    if not missing:
        return
    message = f"the Windows installer test needs {', '.join(missing)}: .ci/run installs them"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


class WinePrefix:
    """A fresh Wine prefix (a Windows installation in a folder), removed afterwards."""

    def __init__(self, folder: Path, display: str) -> None:
        self.folder = folder
        self.drive_c = folder / "drive_c"
        self.env = {
            **os.environ,
            "WINEPREFIX": str(folder),
            "WINEDEBUG": "-all",
            # No offer to download Wine's .NET and HTML engines: nothing here needs them.
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
            "DISPLAY": display,
        }

    def run(self, *command: str, timeout: float = COMMAND_SECONDS) -> subprocess.CompletedProcess:
        """Run a Windows program (a path or a Wine built-in such as ``reg``) to its end.

        Its output goes through files, not pipes: Wine's own service processes inherit the
        handles and keep a pipe open until the prefix goes idle, seconds later.
        """
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            done = subprocess.run(
                [wine_launcher(), *command], env=self.env, stdout=out, stderr=err, timeout=timeout
            )
            texts = []
            for file in (out, err):
                file.seek(0)
                texts.append(file.read().decode(errors="replace").replace("\r\n", "\n"))
        return subprocess.CompletedProcess(done.args, done.returncode, *texts)

    def wait_until_idle(self, timeout: float = COMMAND_SECONDS) -> None:
        """Wait until every Windows process of this prefix has ended (an uninstaller hands
        its work to a copy of itself and returns at once)."""
        subprocess.run([wineserver(), "-w"], env=self.env, check=True, timeout=timeout)

    def set_windows_version(self, version: str) -> None:
        """``win7``, ``win10``, ...: the version Windows programs see."""
        done = self.run("winecfg", "/v", version)
        assert done.returncode == 0, done.stderr

    def unix_path(self, windows_path: str) -> Path:
        """``C:\\Program Files\\x`` -> this prefix's drive_c/Program Files/x."""
        path = PureWindowsPath(windows_path)
        assert path.drive.upper() == "C:", windows_path
        return self.drive_c.joinpath(*path.parts[1:])

    def registry_values(self, key: str) -> dict[str, str] | None:
        """The values of a registry key in the 64-bit view, or None when there is no key."""
        done = self.run("reg", "query", key, "/reg:64")
        if done.returncode != 0:
            return None
        values = {}
        for line in done.stdout.splitlines():
            name, kind, value = [*line.strip().split("    ", 2), "", ""][:3]
            if kind.startswith("REG_"):
                values[name] = value
        return values

    def stop(self) -> None:
        """End what is left of this prefix's processes (only this prefix's)."""
        subprocess.run([wineserver(), "-k"], env=self.env, timeout=COMMAND_SECONDS)
        subprocess.run([wineserver(), "-w"], env=self.env, timeout=COMMAND_SECONDS)


@contextlib.contextmanager
def wine_prefix() -> Iterator[WinePrefix]:
    """A new prefix, started once (the slow part), on a display of its own."""
    folder = Path(tempfile.mkdtemp(prefix="flxdesk-wine-"))
    try:
        with virtual_display() as display:
            prefix = WinePrefix(folder, display)
            try:
                started = prefix.run("wineboot", "--init", timeout=FIRST_START_SECONDS)
                assert started.returncode == 0, started.stderr
                prefix.wait_until_idle(FIRST_START_SECONDS)
                yield prefix
            finally:
                prefix.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def windows_path(path: Path) -> str:
    """A Linux path as Windows programs under Wine see it (Z: is the root folder)."""
    return "Z:" + str(path).replace("/", "\\")
