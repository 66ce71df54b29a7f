"""The macOS app's Info.plist, from the real spec exec'd with stand-in PyInstaller classes.

No Mac is needed: the stand-ins record what the spec passes and work out the Info.plist as
PyInstaller 6.22.3 does (``PyInstaller/building/api.py`` COLLECT and ``osx.py`` BUNDLE):
COLLECT and BUNDLE take ``console`` from the last EXE they are given, a console EXE makes
the app ``LSBackgroundOnly`` (no Dock icon, no menu bar) and a windowed one
``NSHighResolutionCapable``; the spec's ``info_plist`` is applied last, over both;
``CFBundleExecutable`` is the first EXE.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest

from support.paths import ROOT

SPEC = ROOT / "build_scripts" / "flxdesk.spec"


class Analysis:
    def __init__(self, scripts: list[str], **options: object) -> None:
        self.scripts, self.options = scripts, options
        self.pure: list[tuple] = []
        self.binaries: list[tuple] = []
        self.datas: list[tuple] = []


class PYZ:
    def __init__(self, *tocs: object) -> None:
        self.tocs = tocs


class EXE:
    def __init__(self, *args: object, name: str, console: bool = True, **options: object):
        self.name, self.console, self.options = name, console, options


class COLLECT:
    def __init__(self, *args: object, name: str, **options: object) -> None:
        exes = [arg for arg in args if isinstance(arg, EXE)]
        assert exes, "COLLECT needs an EXE"
        self.name, self.exes = name, exes
        self.console = exes[-1].console  # as PyInstaller: the last EXE's


class BUNDLE:
    made: ClassVar[list[BUNDLE]] = []

    def __init__(self, *args: object, name: str, info_plist: dict | None = None, **options):
        self.name, self.options = name, options
        console, executable = True, None
        for arg in args:
            if isinstance(arg, EXE | COLLECT):
                console = arg.console
            exes = arg.exes if isinstance(arg, COLLECT) else [arg]
            executable = executable or next((e.name for e in exes if isinstance(e, EXE)), None)
        plist = {
            "CFBundleName": Path(name).stem,
            "CFBundleExecutable": executable,
            "CFBundleIdentifier": options.get("bundle_identifier"),
        }
        plist["LSBackgroundOnly" if console else "NSHighResolutionCapable"] = True
        plist.update(info_plist or {})
        self.info_plist = plist
        BUNDLE.made.append(self)


def exec_spec(monkeypatch: pytest.MonkeyPatch, platform: str, workpath: Path) -> dict:
    """Run flxdesk.spec as PyInstaller would on ``platform``; returns its namespace."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [package]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts its folder first
    for module in ("buildinfo", "qt_trim"):  # the spec's own, imported fresh (and dropped)
        monkeypatch.setitem(sys.modules, module, None)
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(sys, "platform", platform)
    BUNDLE.made.clear()
    namespace = {
        "__file__": str(SPEC),
        "SPECPATH": str(SPEC.parent),
        "workpath": str(workpath),
        **{kind.__name__: kind for kind in (Analysis, PYZ, EXE, COLLECT, BUNDLE)},
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


def test_the_mac_app_is_a_windowed_app_with_a_dock_icon_and_menu_bar(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    exec_spec(monkeypatch, "darwin", tmp_path)
    (bundle,) = BUNDLE.made
    plist = bundle.info_plist
    assert plist["LSBackgroundOnly"] is False  # the last EXE is the console flxdesk-cli
    assert plist["CFBundleExecutable"] == "flxdesk"  # double-clicking starts the window
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSPrincipalClass"] == "NSApplication"


def test_the_mac_app_names_the_oldest_macos_it_runs_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    namespace = exec_spec(monkeypatch, "darwin", tmp_path)
    (bundle,) = BUNDLE.made
    # The locked PySide6-Essentials wheels are built for macOS 13 (macosx_13_0 tags).
    assert bundle.info_plist["LSMinimumSystemVersion"] == "13.0"
    assert namespace["buildinfo"].MACOS_MINIMUM == "13.0"
    assert bundle.info_plist["CFBundleShortVersionString"] == namespace["VERSION"]


def test_the_stand_in_bundle_rule_is_the_one_the_spec_overrides() -> None:
    """Without the spec's info_plist, a console EXE last would make the app background-only."""
    windowed = EXE(name="flxdesk", console=False)
    console = EXE(name="flxdesk-cli", console=True)
    bare = BUNDLE(COLLECT(windowed, console, name="flxdesk"), name="flxdesk.app").info_plist
    assert bare["LSBackgroundOnly"] is True and "NSHighResolutionCapable" not in bare


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_only_the_mac_build_makes_a_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str
) -> None:
    namespace = exec_spec(monkeypatch, platform, tmp_path)
    assert BUNDLE.made == []
    assert [exe.console for exe in namespace["coll"].exes] == [False, True]
