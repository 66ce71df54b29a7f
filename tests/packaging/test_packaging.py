"""Fast checks of the packaging files (no build): versions agree, icons have their sizes,
the lock covers every OS, and the scripts, installer and workflow name the same paths.

The builds themselves run in CI (.github/workflows/build.yml) and with
build_scripts/build_linux.sh; bench/frozen.py measures them.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from support.paths import ROOT, build_script

BUILD = ROOT / "build_scripts"
RESOURCES = ROOT / "resources"


load = build_script  # a module of build_scripts/


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# --- version -------------------------------------------------------------------------


def test_build_version_is_the_pyproject_and_package_version() -> None:
    import flxdesk

    buildinfo = load("buildinfo")
    assert buildinfo.project_version() == pyproject()["project"]["version"]
    assert buildinfo.project_version() == flxdesk.__version__


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", (0, 1, 0, 0)), ("2.3", (2, 3, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0))],
)
def test_windows_version_tuple(version: str, expected: tuple[int, ...]) -> None:
    assert load("buildinfo").version_tuple(version) == expected


def test_windows_version_file_is_filled_in(tmp_path: Path) -> None:
    buildinfo = load("buildinfo")
    text = buildinfo.write_windows_version_file(tmp_path).read_text(encoding="utf-8")
    version = buildinfo.project_version()
    assert "$" not in text
    assert f"StringStruct('ProductVersion', '{version}')" in text
    assert f"filevers={buildinfo.version_tuple(version)!r}" in text


def test_spec_is_python_and_names_what_exists() -> None:
    spec = (BUILD / "flxdesk.spec").read_text(encoding="utf-8")
    compile(spec, "flxdesk.spec", "exec")
    assert (BUILD / "flxdesk_main.py").is_file()
    for needed in ("console=False", "exclude_binaries=True", "COLLECT(", "BUNDLE(", "tomllib"):
        assert needed in spec or needed in (BUILD / "buildinfo.py").read_text(encoding="utf-8")
    for key in ("NSHighResolutionCapable", "NSRequiresAquaSystemAppearance", "bundle_identifier"):
        assert key in spec


# --- icons ---------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_icons_have_their_sizes() -> None:
    assert png_size((RESOURCES / "flxdesk.png").read_bytes()) == (1024, 1024)
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (RESOURCES / "icons" / f"flxdesk-{size}.png").read_bytes()
        assert png_size(data) == (size, size)


def test_ico_holds_16_to_256() -> None:
    data = (RESOURCES / "flxdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    # Each 16-byte directory entry starts with width and height; 0 means 256.
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert sizes == {16, 24, 32, 48, 64, 128, 256}


def test_icns_holds_the_retina_sizes() -> None:
    data = (RESOURCES / "flxdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = struct.unpack(">4sI", data[offset : offset + 8])
        kinds.add(kind)
        offset += length
    # ic07..ic10: 128, 256, 512, 1024 px; ic11..ic14: 32, 64, 256, 512 px (@2x).
    assert {b"ic07", b"ic08", b"ic09", b"ic10", b"ic11", b"ic12"} <= kinds


# --- locked build requirements -------------------------------------------------------


def lock_pins() -> dict[str, tuple[str, str]]:
    """name -> (version, marker or '') of each pin in requirements-build.txt."""
    text = (BUILD / "requirements-build.txt").read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)(?: ; (.+?))? \\$", text, re.MULTILINE)
    return {normalise(name): (version, marker) for name, version, marker in pins}


def test_build_requirements_include_every_runtime_dependency() -> None:
    source = (BUILD / "requirements-build.in").read_text(encoding="utf-8")
    listed = {
        normalise(re.split(r"[;<>=!~\[ ]", line, maxsplit=1)[0])
        for line in source.splitlines()
        if line.strip() and not line.startswith("#")
    }
    pins = lock_pins()
    for requirement in pyproject()["project"]["dependencies"]:
        name = normalise(re.split(r"[;<>=!~\[ ]", requirement, maxsplit=1)[0])
        assert name in listed, f"{name} is a runtime dependency missing from requirements-build.in"
        assert name in pins, f"{name} is not pinned in requirements-build.txt"
    for name in ("pyinstaller", "pyinstaller-hooks-contrib", "truststore", "setuptools"):
        assert name in pins


def test_lock_pins_every_package_with_hashes() -> None:
    text = (BUILD / "requirements-build.txt").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)  # a pin, its hashes and its "via" lines
    pinned = [block for block in blocks if "==" in block.split("\n", 1)[0]]
    assert len(pinned) == len(lock_pins()) > 10
    for block in pinned:
        assert "--hash=sha256:" in block, block.split("\n", 1)[0]


def test_lock_serves_each_os_with_its_own_packages() -> None:
    pins = lock_pins()
    linux, windows, mac = (f'sys_platform == "{name}"' for name in ("linux", "win32", "darwin"))
    for name in ("secretstorage", "jeepney", "cryptography"):
        assert pins[name][1] == linux
    for name in ("pywin32-ctypes", "pefile"):
        assert pins[name][1] == windows
    assert pins["macholib"][1] == mac
    for name in ("keyring", "pyside6-essentials", "shiboken6", "requests", "pyinstaller"):
        assert pins[name][1] == ""


# --- Qt trimming policy --------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "verdict"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", None),
        ("PySide6/QtCore.abi3.so", None),
    ],
)
def test_qt_plugin_policy(dest: str, verdict: bool | None) -> None:
    assert load("qt_trim")._plugin_verdict(dest) is verdict


def test_unused_qt_modules_keeps_the_three_used() -> None:
    excluded = load("qt_trim").unused_qt_modules()
    assert "PySide6.QtNetwork" in excluded
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} & set(excluded)


# --- the platform scripts, installer and workflow agree ------------------------------


def test_platform_scripts_use_the_spec_and_name_their_artifacts() -> None:
    linux = (BUILD / "build_linux.sh").read_text(encoding="utf-8")
    macos = (BUILD / "build_macos.sh").read_text(encoding="utf-8")
    windows = (BUILD / "build_windows.ps1").read_text(encoding="utf-8")
    for script in (linux, macos, windows):
        assert "flxdesk.spec" in script
        assert "--version" in script  # each smoke-runs the frozen binary
    assert ".tar.gz" in linux
    assert "hdiutil create" in macos
    assert "flxdesk.iss" in windows
    assert "/DAppVersion=" in windows
    if os.name == "posix":
        for script in ("build_linux.sh", "build_macos.sh"):
            assert os.access(BUILD / script, os.X_OK), f"{script} is not executable"


def test_inno_setup_script_packs_the_one_folder_build() -> None:
    iss = (BUILD / "flxdesk.iss").read_text(encoding="utf-8")
    assert r'Source: "..\dist\{#AppName}\*"' in iss
    assert "recursesubdirs" in iss
    assert "{autoprograms}" in iss  # Start menu shortcut
    assert "PrivilegesRequired=lowest" in iss
    assert "OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup" in iss
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.MULTILINE).group(1)
    assert (BUILD / icon.replace("\\", "/")).resolve() == RESOURCES / "flxdesk.ico"
    # Qt 6 needs Windows 10 1809 (build 17763); tests/packaging/test_windows_installer.py
    # runs the installer on an older Windows under Wine.
    assert re.search(r"^MinVersion=10\.0\.17763$", iss, re.MULTILINE)


def test_workflow_builds_tests_and_uploads_on_three_oses() -> None:
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert "os: [ubuntu-latest, windows-latest, macos-latest]" in workflow
    assert "--require-hashes -r build_scripts/requirements-build.txt" in workflow
    assert 'pip install -e ".[test]"' in workflow
    for script in ("build_linux.sh", "build_macos.sh", "build_windows.ps1"):
        assert f"build_scripts/{script}" in workflow
    assert workflow.count("--self-test") >= 3
    assert "gnome-keyring-daemon --unlock --components=secrets" in workflow
    for artifact in ("-linux-*.tar.gz", "-macos-*.dmg", "-windows-*-setup.exe"):
        assert f"dist/flxdesk-*{artifact}" in workflow


def test_workflow_self_tests_the_frozen_app_on_each_systems_own_qt_plugin() -> None:
    """Offscreen only for the test suite: a self-test on it would never load qwindows,
    qcocoa or qxcb, and a build without them would fail only on users' machines."""
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    steps = re.split(r"\n(?=      - )", workflow)
    offscreen = [step.split("\n")[0] for step in steps if "QT_QPA_PLATFORM" in step]
    # The suite, and its storage-fault tests run as root in a step of their own.
    assert offscreen == ["      - name: Test suite", "      - name: Storage-fault tests (root)"]
    assert workflow.count("QT_QPA_PLATFORM: offscreen") == 2
    for plugin in ("xcb", "cocoa", "windows"):
        assert f"PASS  Qt platform plugin: {plugin}" in workflow
    assert "plutil -extract LSBackgroundOnly raw" in workflow


def test_workflow_linux_job_has_what_the_windows_installer_test_needs() -> None:
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert "sudo dpkg --add-architecture i386" in workflow
    assert "wine64 wine32:i386" in workflow and "xvfb" in workflow
    assert "build_scripts/get_innosetup.sh" in workflow


# --- the benchmark's runtime hook ----------------------------------------------------


def test_first_paint_hook_reports_the_first_paint_of_a_main_window() -> None:
    driver = (
        "import runpy, sys\n"
        f"runpy.run_path({str(ROOT / 'bench' / 'first_paint_hook.py')!r})\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication(sys.argv[:1])\n"
        "window = QMainWindow()\n"
        "window.show()\n"
        "app.exec()\n"
        "print('the event loop ended without a paint')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["flxdesk-bench: first paint"]
