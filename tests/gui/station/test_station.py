"""The packing station: no scan lost, no failure missed, no wrong status by accident.

A scanner is a keyboard that types fast: ``QTest.keyClicks`` with no delay is a scan,
with a delay of a few times the burst gap it is a person typing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import load_settings
from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.token.dialog import TokenDialog
from flxdesk.history.store import State
from flxdesk.station.station_settings import StationSettings
from support.window import visible_child


def burst(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """What a USB scanner does wherever focus is: the keys back to back, then Enter."""
    widget.setFocus()
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def queued_ids(running: RunningApp) -> list[str]:
    return [row.order_id for row in reversed(running.store.newest(100))]


def wait_for_states(qtbot: QtBot, running: RunningApp, expected: dict[str, State]) -> None:
    def states() -> dict[str, State]:
        return {row.order_id: row.state for row in running.store.newest(100)}

    qtbot.waitUntil(lambda: states() == expected, timeout=15_000)


# --- no scan is ever lost ---------------------------------------------------------------


def test_bursts_into_any_widget_queue_exactly_the_scanned_id(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    targets = [window.status_combo, window.note_edit, window.history_view, window.submit_button]
    for number, target in enumerate(targets):
        burst(qtbot, target, f"10{number}7")
    assert queued_ids(station) == ["1007", "1017", "1027", "1037"]
    assert window.status_combo.currentText() == "Closed"
    assert window.note_edit.text() == ""


def test_a_stray_character_does_not_survive_into_the_scan(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    QTest.keyClicks(window.order_id_edit, "s", delay=window.scan_desk.capture.max_gap_ms * 3)
    qtbot.waitUntil(lambda: window.order_id_edit.text() == "s")
    burst(qtbot, window.order_id_edit, "1004")
    assert queued_ids(station) == ["1004"]
    assert window.order_id_edit.text() == ""


def test_slow_typing_in_the_note_is_not_taken_for_a_scan(qtbot: QtBot, station: RunningApp) -> None:
    window = station.window
    window.note_edit.setFocus()
    QTest.keyClicks(window.note_edit, "fragile", delay=window.scan_desk.capture.max_gap_ms * 3)
    qtbot.waitUntil(lambda: window.note_edit.text() == "fragile")
    assert queued_ids(station) == []


def test_a_burst_while_the_token_dialog_is_open_belongs_to_the_dialog(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    window.token_watch.prompts.ask()
    qtbot.waitUntil(lambda: visible_child(window, TokenDialog, "tokenDialog") is not None)
    dialog = visible_child(window, TokenDialog, "tokenDialog")
    QTest.keyClicks(dialog.token_edit, "a-token-that-is-no-order-id")
    assert queued_ids(station) == []
    assert dialog.token_edit.text() == "a-token-that-is-no-order-id"
    dialog.reject()


# --- failures demand attention ----------------------------------------------------------


def test_a_failure_stays_on_screen_and_sounds_until_acknowledged(
    qtbot: QtBot, station: RunningApp, played: list[str]
) -> None:
    window = station.window
    station.window.preferences.station = station.window.preferences.station._replace(
        refuse_while_unacknowledged=False
    )
    burst(qtbot, window.order_id_edit, "9404")  # no such order in the demo: 404
    panel = window.findChild(QFrame, "failurePanel")
    qtbot.waitUntil(panel.isVisible, timeout=15_000)
    burst(qtbot, window.order_id_edit, "1005")
    wait_for_states(qtbot, station, {"9404": State.FAILED, "1005": State.SENT})
    qtbot.waitUntil(lambda: played == ["failed", "sent"])
    assert panel.isVisible()  # a later success does not hide it
    assert "9404" in panel.list.item(0).text() and "not found" in panel.list.item(0).text()
    QTest.keyClick(window.order_id_edit, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def test_scans_are_refused_while_a_failure_is_unacknowledged(
    qtbot: QtBot, station: RunningApp, played: list[str]
) -> None:
    window = station.window
    burst(qtbot, window.order_id_edit, "9405")
    panel = window.findChild(QFrame, "failurePanel")
    qtbot.waitUntil(panel.isVisible, timeout=15_000)
    played.clear()
    burst(qtbot, window.order_id_edit, "1006")
    assert queued_ids(station) == ["9405"]  # refused, not queued
    assert played == ["refused"]
    assert "Acknowledge the failures first" in window.result_label.text()
    burst(qtbot, window.order_id_edit, "FLXCMD ACK")  # the command barcode
    assert not panel.isVisible()
    burst(qtbot, window.order_id_edit, "1006")
    assert queued_ids(station) == ["9405", "1006"]


# --- mistake-proofing -------------------------------------------------------------------


def answer_box(qtbot: QtBot, window: QWidget, name: str, yes: bool) -> None:
    qtbot.waitUntil(lambda: visible_child(window, QMessageBox, name) is not None)
    box = visible_child(window, QMessageBox, name)
    button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
    box.button(button).click()


def test_arming_canceled_needs_confirmation(qtbot: QtBot, station: RunningApp) -> None:
    window = station.window
    chip = window.findChild(QLabel, "armedStatus")
    window.status_combo.setCurrentText("Canceled")
    answer_box(qtbot, window, "confirmDestructiveBox", yes=False)
    assert (window.armed.status, window.status_combo.currentText()) == ("Closed", "Closed")
    assert chip.text() == "CLOSED"
    window.status_combo.setCurrentText("Canceled")
    answer_box(qtbot, window, "confirmDestructiveBox", yes=True)
    qtbot.waitUntil(lambda: window.armed.status == "Canceled")
    assert chip.text() == "CANCELED"


def test_a_restart_arms_the_station_default_never_a_destructive_status(
    qtbot: QtBot, start_app, paths
) -> None:
    first = start_app(demo=True)
    qtbot.waitUntil(lambda: first.window.feedback.sounds is not None)
    first.window.status_combo.setCurrentText("Canceled")
    answer_box(qtbot, first.window, "confirmDestructiveBox", yes=True)
    qtbot.waitUntil(lambda: first.window.armed.status == "Canceled")
    first.close()
    second = start_app(demo=True)
    assert second.window.armed.status == "Closed"
    assert second.window.status_combo.currentText() == "Closed"


def test_a_repeated_scan_is_held_and_a_quick_rescan_sends_it(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    burst(qtbot, window.order_id_edit, "1010")
    wait_for_states(qtbot, station, {"1010": State.SENT})
    burst(qtbot, window.order_id_edit, "1010")
    assert queued_ids(station) == ["1010"]
    assert "already set to Closed" in window.result_label.text()
    burst(qtbot, window.order_id_edit, "1010")  # yes, again
    assert queued_ids(station) == ["1010", "1010"]


def test_command_barcodes_change_the_station_and_write_no_row(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    window.note_edit.setText("fragile")
    burst(qtbot, window.order_id_edit, "FLXCMD ON HOLD")
    assert window.armed.status == "On Hold"
    burst(qtbot, window.order_id_edit, "FLXCMD CANCELED")
    assert window.armed.status == "On Hold"  # a destructive status needs a second scan
    assert "again" in window.result_label.text()
    burst(qtbot, window.order_id_edit, "FLXCMD CANCELED")
    assert window.armed.status == "Canceled"
    burst(qtbot, window.order_id_edit, "FLXCMD CLEAR NOTE")
    assert window.note_edit.text() == ""
    burst(qtbot, window.order_id_edit, "FLXCMD NO SUCH THING")
    assert "Unknown command barcode" in window.result_label.text()
    assert station.store.count() == 0
    assert station.demo_api.requests == []


def test_a_destructive_bulk_run_asks_naming_status_and_count(
    qtbot: QtBot, station: RunningApp
) -> None:
    from flxdesk.bulk.reading import parse_import_text

    window = station.window
    station.engine_thread.pause()
    imported = parse_import_text("1101\n1102\n1103,Open", "Canceled")
    window.bulk.confirm_and_queue(imported, "test")
    qtbot.waitUntil(
        lambda: visible_child(window, QMessageBox, "confirmBulkDestructiveBox") is not None
    )
    box = visible_child(window, QMessageBox, "confirmBulkDestructiveBox")
    assert box.text() == "Set 2 orders to Canceled?"
    box.button(QMessageBox.StandardButton.No).click()
    assert station.store.count() == 0
    window.bulk.confirm_and_queue(imported, "test")
    answer_box(qtbot, window, "confirmBulkDestructiveBox", yes=True)
    assert sorted(queued_ids(station)) == ["1101", "1102", "1103"]


# --- remembered -------------------------------------------------------------------------


def test_zoom_and_geometry_are_remembered(qtbot: QtBot, start_app, paths) -> None:
    first = start_app(demo=True)
    qtbot.waitExposed(first.window)
    first.window.resize(760, 520)
    first.window.menus.zoom_in_action.trigger()
    zoomed = first.window.preferences.station.zoom
    assert zoomed == pytest.approx(1.1)
    first.close()
    demo_settings = load_settings(first_settings_file(paths)).station
    assert demo_settings.zoom == pytest.approx(1.1) and demo_settings.geometry
    second = start_app(demo=True)
    assert second.window.preferences.station.zoom == pytest.approx(1.1)
    assert (second.window.width(), second.window.height()) == (760, 520)


def first_settings_file(paths) -> Path:
    from flxdesk.host.paths import demo_paths

    return demo_paths(paths).settings_file


def test_settings_saved_from_the_dialog_take_effect(qtbot: QtBot, station: RunningApp) -> None:
    window = station.window
    window.preferences.use(
        StationSettings(default_status="On Hold", duplicate_window_minutes=0, sound_muted=True)
    )
    assert window.armed.default_status == "On Hold"
    assert window.scan_desk.guard.window_seconds == 0


FIT_PROBE = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from flxdesk.gui.start.startup import build_app
from flxdesk.host.paths import app_paths
running = build_app(app_paths().ensure(), demo=True)
running.window.show()
app.processEvents()
screen = running.window.screen().availableGeometry()
print(screen.contains(running.window.frameGeometry()), screen.width(), screen.height())
running.close()
"""


def test_at_150_percent_on_a_1366x768_screen_the_window_fits(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "laptop", "width": 1366, "height": 768, "dpr": 1}]}),
        encoding="utf-8",
    )
    env = dict(
        os.environ,
        QT_SCALE_FACTOR="1.5",
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        FLXDESK_HOME=str(tmp_path / "home"),
    )
    done = subprocess.run(
        [sys.executable, "-c", FIT_PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "911", "512"]


def test_a_scan_while_a_question_is_open_is_taken_and_the_answer_is_no(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    window.status_combo.setCurrentText("Canceled")
    qtbot.waitUntil(lambda: visible_child(window, QMessageBox, "confirmDestructiveBox") is not None)
    box = visible_child(window, QMessageBox, "confirmDestructiveBox")
    QTest.keyClicks(box, "1012")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.armed.status == "Closed"
    assert queued_ids(station) == ["1012"]
    assert [row.status for row in station.store.newest(1)] == ["Closed"]


def test_a_scan_into_the_history_search_finds_the_order_instead(
    qtbot: QtBot, station: RunningApp
) -> None:
    from PySide6.QtWidgets import QLineEdit

    box = station.window.findChild(QLineEdit, "historySearch")
    burst(qtbot, box, "1004")
    assert box.text() == "1004"
    assert queued_ids(station) == []


def test_every_status_code_arms_its_status(qtbot: QtBot, station: RunningApp) -> None:
    from flxdesk.orders.statuses import DESTRUCTIVE_STATUSES
    from flxdesk.station.command_codes import COMMANDS, Action

    window = station.window
    for command in (c for c in COMMANDS if c.action is Action.ARM_STATUS):
        burst(qtbot, window.order_id_edit, command.code)
        if command.status in DESTRUCTIVE_STATUSES:
            burst(qtbot, window.order_id_edit, command.code)  # the second scan confirms
        assert window.armed.status == command.status
        assert window.findChild(QLabel, "armedStatus").text() == command.status.upper()
    assert station.store.count() == 0


def test_the_settings_dialog_saves_and_applies(qtbot: QtBot, station: RunningApp, paths) -> None:
    from flxdesk.gui.station.settings_dialog import SettingsDialog
    from flxdesk.host.paths import demo_paths

    window = station.window
    window.menus.settings_action.trigger()
    qtbot.waitUntil(lambda: visible_child(window, SettingsDialog, "settingsDialog") is not None)
    dialog = visible_child(window, SettingsDialog, "settingsDialog")
    dialog.default_status.setCurrentText("Open")
    dialog.muted.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: window.armed.default_status == "Open")
    saved = load_settings(demo_paths(paths).settings_file).station
    assert (saved.default_status, saved.sound_muted) == ("Open", True)
    assert "Canceled" not in [
        dialog.default_status.itemText(n) for n in range(dialog.default_status.count())
    ]
