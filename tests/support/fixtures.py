"""Fixtures every test folder uses (a pytest plugin, loaded by tests/conftest.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from pytestqt.qtbot import QtBot

from flxdesk.flxpoint.demo_api import DemoApi
from flxdesk.host.paths import AppPaths, app_paths
from support.keychain import MemoryKeyring


@pytest.fixture(autouse=True)
def flxdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own data folder: FLXDESK_HOME, and no API address from outside."""
    home = tmp_path / "flxdesk-home"
    monkeypatch.setenv("FLXDESK_HOME", str(home))
    monkeypatch.delenv("FLXDESK_API_URL", raising=False)
    # No machine-wide settings of this computer's IT: a test writes its own there.
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "machine-config"))
    return home


@pytest.fixture
def paths(flxdesk_home: Path) -> AppPaths:
    return app_paths().ensure()


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def broken_keyring(memory_keyring: MemoryKeyring) -> None:
    """No keychain at all, as on Linux without a Secret Service."""
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def no_logon_session_keyring(memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch):
    """Windows Credential Manager failing with error 1312, through a stand-in pywintypes."""
    from support.windows import pywintypes
    from support.windows.credential_manager import NoLogonSession

    monkeypatch.setitem(sys.modules, "pywintypes", pywintypes)
    keyring.set_keyring(NoLogonSession())


@pytest.fixture
def demo_api() -> Iterator[DemoApi]:
    with DemoApi() as api:
        yield api


@pytest.fixture
def start_app(qtbot: QtBot, paths: AppPaths) -> Iterator[Callable]:
    """Start the real window (``build_app``'s arguments); every one started is closed."""
    from flxdesk.gui.start.startup import RunningApp, build_app

    started: list[RunningApp] = []

    def start(**kwargs) -> RunningApp:
        running = build_app(paths, **kwargs)
        qtbot.addWidget(running.window)
        running.window.show()
        started.append(running)
        return running

    yield start
    for running in started:
        running.close()


@pytest.fixture
def demo_app(qtbot: QtBot, start_app: Callable):
    """The real window in demo mode, on screen, its engine thread running."""
    running = start_app(demo=True)
    qtbot.waitExposed(running.window)
    qtbot.waitUntil(running.engine_thread.isRunning)
    return running


@pytest.fixture
def station(qtbot: QtBot, start_app):
    """The demo window on screen, as a worker finds it: engine running, scans caught
    wherever focus is, sounds ready."""
    running = start_app(demo=True)
    qtbot.waitExposed(running.window)
    qtbot.waitUntil(running.engine_thread.isRunning)
    qtbot.waitUntil(lambda: running.window.scan_desk.capture is not None)
    qtbot.waitUntil(lambda: running.window.feedback.sounds is not None)
    return running


@pytest.fixture
def played(station) -> list[str]:
    """The sounds the station plays, recorded instead of played."""
    cues: list[str] = []
    station.window.feedback.sounds.play = cues.append
    return cues


@pytest.fixture
def spanish_app(qtbot: QtBot, paths: AppPaths, start_app: Callable) -> Iterator:
    """The demo window started with Spanish chosen in its station settings."""
    from flxdesk.config.settings import save_station
    from flxdesk.gui.start.translation import remove_translators
    from flxdesk.host.paths import demo_paths
    from flxdesk.station.station_settings import StationSettings

    save_station(demo_paths(paths).settings_file, StationSettings(language="es"))
    running = start_app(demo=True)
    qtbot.waitExposed(running.window)
    qtbot.waitUntil(running.engine_thread.isRunning)
    yield running
    remove_translators()  # the QApplication outlives the test
