"""What IT locked for this computer: greyed out in Settings, kept, and said where it is from."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import load_settings, machine_settings_file
from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.station.settings_dialog import SettingsDialog
from support.process import first_error_line_of_window
from support.window import visible_child


@pytest.fixture
def locked_station(qtbot: QtBot, start_app) -> RunningApp:
    machine = machine_settings_file()
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text(
        json.dumps(
            {"station": {"sound_muted": True, "zoom": 1.0}, "locked": ["sound_muted", "zoom"]}
        ),
        encoding="utf-8",
    )
    running = start_app(demo=True)
    qtbot.waitExposed(running.window)
    qtbot.waitUntil(lambda: running.window.feedback.sounds is not None)
    return running


def test_locked_settings_are_greyed_out_and_say_it_is_for_it(
    qtbot: QtBot, locked_station: RunningApp, paths
) -> None:
    window = locked_station.window
    assert window.preferences.station.sound_muted is True
    window.menus.settings_action.trigger()
    qtbot.waitUntil(lambda: visible_child(window, SettingsDialog, "settingsDialog") is not None)
    dialog = visible_child(window, SettingsDialog, "settingsDialog")
    assert not dialog.muted.isEnabled() and dialog.muted.isChecked()
    assert str(machine_settings_file()) in dialog.muted.toolTip()
    assert dialog.volume.isEnabled()
    assert dialog.findChild(type(dialog.restart_note), "lockedSettingsNote").isVisible()
    dialog.volume.setValue(30)
    dialog.accept()
    saved = load_settings(paths.settings_file)
    assert saved.station.sound_volume == 0.3
    assert saved.station.sound_muted is True  # still IT's


def test_a_locked_zoom_does_not_change_and_the_band_says_why(
    qtbot: QtBot, locked_station: RunningApp
) -> None:
    window = locked_station.window
    size = window.font().pointSizeF()
    window.menus.zoom_in_action.trigger()
    assert window.font().pointSizeF() == size
    assert window.preferences.station.zoom == 1.0
    assert window.result_label.text() == "The zoom is set by IT on this computer."


def test_the_window_does_not_start_with_an_unusable_machine_file(
    flxdesk_home: Path, tmp_path: Path
) -> None:
    machine = machine_settings_file()
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text('{"api_url": "https://x.test",}', encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_DIRS=str(tmp_path / "machine-config"))
    line = first_error_line_of_window(env=env)
    assert line.startswith(f"flxdesk: This computer's settings file {machine}, set up by IT")
