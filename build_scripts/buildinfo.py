"""Facts every build step shares, read from pyproject.toml so the version lives in one place.

Used by flxdesk.spec (imported), by the platform build scripts and CI (run):
    python build_scripts/buildinfo.py version      -> 0.1.0
    python build_scripts/buildinfo.py platform     -> linux-x86_64 / windows-x64 / macos-arm64
    python build_scripts/buildinfo.py numeric      -> 0.1.0.0 (Windows file version)
"""

from __future__ import annotations

import platform
import re
import string
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "flxdesk"
BUNDLE_ID = "com.flxdesk.app"
VERSION_TEMPLATE = Path(__file__).with_name("win_version_info.txt.in")
# Installers are built on Python 3.12+: None/True/False are immortal there (PEP 683), so
# a C extension that loses references to them (PySide6 6.12.0 did) cannot abort the app.
RELEASE_PYTHON = (3, 12)
# The oldest macOS the app starts on: the locked PySide6-Essentials wheels (6.10 and later)
# are built for macOS 13, and without this key in Info.plist macOS 12 would start the app
# only to crash in Qt instead of saying which macOS it needs.
MACOS_MINIMUM = "13.0"


def release_python_warning() -> str | None:
    """A warning for a build on an older Python (allowed: CI checks the build on 3.11)."""
    if sys.version_info[:2] >= RELEASE_PYTHON:
        return None
    return (
        f"WARNING: building on Python {sys.version.split()[0]}; release installers are "
        f"built on Python {'.'.join(map(str, RELEASE_PYTHON))} or newer (see README)."
    )


def project_metadata() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]


def project_version() -> str:
    return project_metadata()["version"]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Windows wants four integers: "1.2.3rc1" -> (1, 2, 3, 0)."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with a number")
    major, minor, micro = (int(part or 0) for part in match.groups())
    return major, minor, micro, 0


def platform_tag() -> str:
    """The suffix of release artifact names, e.g. flxdesk-0.1.0-linux-x86_64.tar.gz."""
    machine = platform.machine().lower()
    if sys.platform == "win32":
        return "windows-" + ("arm64" if machine == "arm64" else "x64")
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"linux-{machine}"


def write_windows_version_file(directory: str | Path) -> Path:
    """Fill the version resource template into ``directory``; return the file's path."""
    version = project_version()
    text = string.Template(VERSION_TEMPLATE.read_text(encoding="utf-8")).substitute(
        version=version,
        version_tuple=repr(version_tuple(version)),
        description=project_metadata()["description"].replace("'", ""),
    )
    target = Path(directory) / "win_version_info.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    commands = {
        "version": project_version,
        "platform": platform_tag,
        "numeric": lambda: ".".join(map(str, version_tuple(project_version()))),
    }
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: buildinfo.py {{{','.join(commands)}}}", file=sys.stderr)
        return 2
    print(commands[argv[0]]())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
