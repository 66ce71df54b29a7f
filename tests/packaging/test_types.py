"""The type hints are checked: ``python -m mypy`` (settings in pyproject.toml, ``[tool.mypy]``)
finds no error, and checks the core as ``--strict`` does: every module on disk outside
``flxdesk/gui/`` and ``app.py`` gets every flag of ``--strict``, so that a new core package
cannot be left out of the list. The window keeps ``check_untyped_defs``."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from mypy.config_parser import parse_config_file
from mypy.main import define_options
from mypy.options import PER_MODULE_OPTIONS, Options

from support.paths import ROOT

PACKAGE = ROOT / "flxdesk"
PYPROJECT = ROOT / "pyproject.toml"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(*, core: bool) -> list[str]:
    """The modules on disk: the core (outside flxdesk/gui and app.py), or the window."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        is_core = not relative.startswith("gui/") and relative != "app.py"
        if is_core == core:
            found.append(module_name(path))
    return found


def strict_flags() -> dict[str, bool]:
    """What ``--strict`` sets, as this mypy defines it: option name -> value."""
    _parser, _names, assignments = define_options()
    return dict(assignments)


def read_config(config: Path) -> Options:
    options = Options()

    def strict_everywhere() -> None:
        # In an override, `strict = true` turns every flag on for every module
        # (python/mypy#11401): the window would be checked strictly too.
        raise AssertionError(f"{config.name}: spell out --strict's flags, not strict = true")

    errors = io.StringIO()
    parse_config_file(options, strict_everywhere, str(config), io.StringIO(), errors)
    assert errors.getvalue() == "", errors.getvalue()
    return options


def not_strict(config: Path) -> list[str]:
    """Each core module and the flag of ``--strict`` the config leaves off for it."""
    options = read_config(config)
    missing = []
    for module in modules(core=True):
        checked = options.clone_for_module(module)
        for flag, value in strict_flags().items():
            # A few flags are global only (warn_redundant_casts): read them from the top.
            where = checked if flag in PER_MODULE_OPTIONS else options
            if getattr(where, flag) != value:
                missing.append(f"{module}: {flag}")
    return missing


def test_mypy_finds_no_errors(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr  # 1: errors; 2: mypy itself failed
    assert "Success: no issues found" in run.stdout


def test_every_core_module_on_disk_is_checked_strictly() -> None:
    core = modules(core=True)
    assert {"flxdesk", "flxdesk.self_test", "flxdesk.sending.engine"} <= set(core)
    assert len({m.split(".")[1] for m in core if m.count(".") > 1}) >= 11  # its packages
    assert not_strict(PYPROJECT) == []


def test_the_window_keeps_check_untyped_defs() -> None:
    options = read_config(PYPROJECT)
    window = modules(core=False)
    assert "flxdesk.app" in window and "flxdesk.gui.window.main_window" in window
    assert [m for m in window if not options.clone_for_module(m).check_untyped_defs] == []


def test_a_core_package_left_out_of_the_list_is_found(tmp_path: Path) -> None:
    config = PYPROJECT.read_text(encoding="utf-8")
    assert '    "flxdesk.station.*",\n' in config
    (tmp_path / "pyproject.toml").write_text(
        config.replace('    "flxdesk.station.*",\n', ""), encoding="utf-8"
    )
    missing = not_strict(tmp_path / "pyproject.toml")
    assert "flxdesk.station.scan_rules: disallow_untyped_defs" in missing
    assert {line.split(":")[0] for line in missing} == set(
        m for m in modules(core=True) if m.startswith("flxdesk.station")
    )
