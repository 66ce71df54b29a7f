"""The scanner check in the window: opened from Settings, learned, saved, and obeyed.

Keys carry their X11 keycodes as X delivers them, on the offscreen platform (the scan
capture is told to read X11 positions); tests/gui/station/test_scanner_keyboards.py
types the same through a real X server.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import machine_settings_file
from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.station.scanner_check_dialog import ScannerCheckDialog
from flxdesk.gui.station.settings_dialog import SettingsDialog
from flxdesk.station.key_positions import X11, table_for
from flxdesk.station.scanner_check import CHECK_CODE
from support.key_bursts import azerty, us_key
from support.window import visible_child

KEYCODE: dict[str, int] = {}
for _code, (_plain, _shifted) in X11.items():  # the main block first, then the keypad
    KEYCODE.setdefault(_plain, _code)


def us_scanner_on_azerty(widget: QWidget, code: str) -> None:
    """A US-set scanner on a French station: Shift's own key, then each key with its
    keycode and what AZERTY makes of it; then Enter."""
    for char in code:
        plain, shift = us_key(char)
        modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        if shift:
            send(widget, Qt.Key.Key_Shift, "", 50, Qt.KeyboardModifier.NoModifier)
        typed = azerty(plain, shift)
        send(widget, ord(typed.upper()[0]), typed, KEYCODE[plain], modifiers)
    send(widget, Qt.Key.Key_Return, "\r", 36, Qt.KeyboardModifier.NoModifier)


def send(widget: QWidget, key: int, text: str, code: int, modifiers) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, code, 0, 0, text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def x11_positions(request: pytest.FixtureRequest) -> None:
    """The demo window (``station``, from support.fixtures) reads X11 key positions."""
    if "station" in request.fixturenames:
        station = request.getfixturevalue("station")
        station.window.scan_desk.capture.positions = table_for("xcb")


def queued_ids(running: RunningApp) -> list[str]:
    return [row.order_id for row in reversed(running.store.newest(100))]


def test_a_us_set_scanner_on_azerty_is_read_by_position(qtbot: QtBot, station: RunningApp) -> None:
    us_scanner_on_azerty(station.window.note_edit, "FR-10234/1")
    qtbot.waitUntil(lambda: queued_ids(station) == ["FR-10234/1"])
    assert station.window.note_edit.text() == ""


def test_a_scan_that_is_no_id_either_way_is_refused_and_asks_for_the_check(
    qtbot: QtBot, station: RunningApp, played: list[str]
) -> None:
    us_scanner_on_azerty(station.window.order_id_edit, "'''")  # ùùù on AZERTY
    band = station.window.result_label.text()
    assert "ù" in band and "scanner check" in band
    assert played == ["refused"]
    assert queued_ids(station) == []


def test_the_check_from_settings_learns_shows_and_saves(
    qtbot: QtBot, station: RunningApp, paths
) -> None:
    window = station.window
    window.menus.settings_action.trigger()
    qtbot.waitUntil(lambda: visible_child(window, SettingsDialog, "settingsDialog") is not None)
    settings = visible_child(window, SettingsDialog, "settingsDialog")
    assert settings.learned_note.text() == "No scanner check yet."
    settings.check_button.click()
    qtbot.waitUntil(lambda: window.scan_desk.check is not None)
    qtbot.waitUntil(window.scan_desk.check.isVisible)
    check = window.scan_desk.check
    assert isinstance(check, ScannerCheckDialog)
    us_scanner_on_azerty(check, CHECK_CODE)
    assert check.fields["reads"].text() == CHECK_CODE
    assert "set for a US keyboard" in check.fields["advice"].text()
    assert window.preferences.station.scanner_learned_keys == "us-positions"
    assert "US keyboard" in settings.learned_note.text()
    check.reject()
    qtbot.waitUntil(lambda: window.scan_desk.check is None)
    settings.accept()  # Save keeps what the check learned
    saved = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert saved["station"]["scanner_learned_keys"] == "us-positions"
    us_scanner_on_azerty(window.order_id_edit, "AZQW")  # letters only: learned decides
    qtbot.waitUntil(lambda: queued_ids(station) == ["AZQW"])


def test_a_locked_scanner_setting_is_greyed_out_and_obeyed(qtbot: QtBot, start_app) -> None:
    machine = machine_settings_file()
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text(
        json.dumps({"station": {"scanner_keys": "os-layout"}, "locked": ["scanner_keys"]}),
        encoding="utf-8",
    )
    running = start_app(demo=True)
    qtbot.waitExposed(running.window)
    qtbot.waitUntil(lambda: running.window.scan_desk.capture is not None)
    running.window.scan_desk.capture.positions = table_for("xcb")
    window = running.window
    window.menus.settings_action.trigger()
    qtbot.waitUntil(lambda: visible_child(window, SettingsDialog, "settingsDialog") is not None)
    settings = visible_child(window, SettingsDialog, "settingsDialog")
    assert not settings.scanner_keys.isEnabled()
    settings.reject()
    us_scanner_on_azerty(window.order_id_edit, "1234")  # read as the layout typed it
    qtbot.waitUntil(lambda: queued_ids(running) == ["&é\"'"])
