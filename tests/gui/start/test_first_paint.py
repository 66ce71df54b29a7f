"""What the window's first paint waits for: nothing it does not show.

The window is started in a child process as a plain ``flxdesk`` start makes it, with
``bench/startup.py``'s own driver and environment (a private data folder, the failing
keyring, a fresh bytecode cache); its first-paint probe writes, at the first Paint event,
what is loaded and how, then the benchmark's marker line. The benchmark measures the
time; this checks the reasons it stays short.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from support.paths import ROOT, bench_script

# Not needed for the first paint, each costs milliseconds (or much more) to import: the
# network, the keychain, the history's database, the floor, the engine, reports and
# PDFs, the bulk dialog, the history pane, sounds, dialogs, and the command line.
HEAVY_BEFORE_FIRST_PAINT = (
    "requests",
    "urllib3",
    "truststore",
    "ssl",
    "socket",
    "http.client",
    "keyring",
    "sqlite3",
    "psycopg",
    "json",
    "csv",
    "logging.handlers",
    "hashlib",  # a PIN's hash: only when one is checked
    "PySide6.QtMultimedia",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    "flxdesk.flxpoint.client",
    "flxdesk.flxpoint.tls",
    "flxdesk.history",
    "flxdesk.floor",
    "flxdesk.sending.engine",
    "flxdesk.reports",
    "flxdesk.bulk",
    "flxdesk.cli",
    "flxdesk.gui.bulk.bulk_flow",
    "flxdesk.gui.bulk.dialog",
    "flxdesk.gui.history",
    "flxdesk.gui.reports",
    "flxdesk.gui.floor",
    "flxdesk.gui.station.sound_player",
    "flxdesk.gui.station.failure_panel",
    "flxdesk.gui.station.scan_capture",
    "flxdesk.gui.station.scanner_check_dialog",
    "flxdesk.gui.station.settings_dialog",
    "flxdesk.gui.token.prompts",
    "flxdesk.gui.token.dialog",
    "flxdesk.gui.sending.engine_watch",
    "flxdesk.gui.sending.held_panel",
    "flxdesk.operators.approval",
)

AT_FIRST_PAINT = """\
modules = sorted(sys.modules)  # before this probe's own imports
import gc, json
sys.stdout.write("state " + json.dumps({
    "modules": modules,
    "qt_namespace_built": "Qt" in vars(sys.modules["PySide6.QtCore"]),
    "collecting": gc.isenabled(),
}) + "\\n")
"""


def loaded(modules: list[str], name: str) -> bool:
    """``name`` or any module inside it."""
    return any(module == name or module.startswith(name + ".") for module in modules)


@pytest.fixture(scope="module")
def first_paint(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What the window's child process had loaded at its first Paint event."""
    bench = bench_script("startup")
    home = tmp_path_factory.mktemp("home")
    env = bench.child_env(pycache=str(tmp_path_factory.mktemp("pycache")), flxdesk_home=str(home))
    # The first start creates the history; the one looked at is the everyday start.
    for _start in range(2):
        bench.forget_abrupt_end(str(home))
        done = subprocess.run(
            [sys.executable, "-c", bench.flxdesk_driver(AT_FIRST_PAINT)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and lines[-1:] == [bench.MARKER], done.stderr
    (state,) = [line.removeprefix("state ") for line in lines if line.startswith("state ")]
    return json.loads(state)


def test_no_heavy_module_is_imported_before_the_first_paint(first_paint: dict) -> None:
    modules = first_paint["modules"]
    assert "flxdesk.gui.window.main_window" in modules  # the window it looked at
    assert [name for name in HEAVY_BEFORE_FIRST_PAINT if loaded(modules, name)] == []


def test_the_check_sees_a_module_and_whatever_is_inside_it() -> None:
    modules = ["flxdesk.floor.session", "requests", "jsonschema"]
    assert loaded(modules, "flxdesk.floor") and loaded(modules, "requests")
    assert not loaded(modules, "json") and not loaded(modules, "flxdesk.floo")


def test_the_qt_namespace_is_not_built_before_the_first_paint(first_paint: dict) -> None:
    """PySide6 builds the whole ``Qt`` namespace (~13 ms) the first time it is imported."""
    assert first_paint["qt_namespace_built"] is False


def test_no_garbage_is_collected_before_the_first_paint(first_paint: dict) -> None:
    """Start-up's objects live as long as the window: walking them is wasted time."""
    assert first_paint["collecting"] is False


def test_collections_resume_at_the_first_paint_without_walking_start_up() -> None:
    """``run_window`` pauses collections and resumes them when the window is painted."""
    from flxdesk.gui.start.gil_sharing import pause_collections, resume_collections

    made_at_start_up = [[] for _ in range(10)]  # tracked by the collector
    try:
        pause_collections()
        assert not gc.isenabled()
        frozen_before = gc.get_freeze_count()
        resume_collections()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(made_at_start_up)
        frozen = gc.get_freeze_count()
        resume_collections()  # once: a second call (the end of run_window) changes nothing
        assert gc.get_freeze_count() == frozen
    finally:
        gc.enable()
        gc.unfreeze()
