"""Scanners as IT leaves them: a code ended by Enter, keypad Enter, Tab, or nothing at all.

A scanner set up for spreadsheets ends each code with Tab. Before, such a scan stayed
unsent in the order field, the focus moved on, and the next scan replaced it without a
word. Each suffix the station is set to take is a scan wherever focus is; text a scan
replaces is named on the band as not sent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.startup import RunningApp


def burst(widget: QWidget, text: str, suffix: Qt.Key | None) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)
    if suffix is not None:
        QTest.keyClick(widget, suffix)


def queued_ids(running: RunningApp) -> list[str]:
    return [row.order_id for row in reversed(running.store.newest(100))]


def test_tab_ended_scans_are_taken_wherever_focus_is_and_the_focus_is_kept(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    for number, target in enumerate((window.order_id_edit, window.status_combo, window.note_edit)):
        burst(target, f"108{number}", Qt.Key.Key_Tab)
        assert window.order_id_edit.hasFocus()  # back to the order field, not moved on
    assert queued_ids(station) == ["1080", "1081", "1082"]
    assert window.order_id_edit.text() == ""
    assert window.note_edit.text() == ""
    assert window.status_combo.currentText() == "Closed"


def test_keypad_enter_and_enter_end_a_scan_too(qtbot: QtBot, station: RunningApp) -> None:
    burst(station.window.order_id_edit, "1090", Qt.Key.Key_Enter)
    burst(station.window.note_edit, "1091", Qt.Key.Key_Return)
    assert queued_ids(station) == ["1090", "1091"]


def test_a_station_set_to_enter_leaves_tab_to_move_the_focus_and_names_what_it_replaced(
    qtbot: QtBot, station: RunningApp, played: list[str]
) -> None:
    window = station.window
    window.preferences.use(window.preferences.station._replace(scan_suffix="enter"))
    burst(window.order_id_edit, "1011", Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.order_id_edit.text() == "1011")
    assert not window.order_id_edit.hasFocus()  # Tab moved on, as in a form
    assert queued_ids(station) == []
    burst(window.status_combo, "1012", Qt.Key.Key_Return)
    assert queued_ids(station) == ["1012"]
    assert "1011 was not sent: scan it again." in window.result_label.text()
    assert "refused" in played
    # Said until the next scan, also when this one is sent.
    qtbot.waitUntil(lambda: window.result_label.text().startswith("✔"), timeout=10_000)
    assert "1011 was not sent: scan it again." in window.result_label.text()
    assert window.result_label.kind == "queued"  # not green while something was not sent
    burst(window.order_id_edit, "1013", Qt.Key.Key_Return)
    assert "1011" not in window.result_label.text()


def test_a_station_set_to_tab_does_not_take_enter(qtbot: QtBot, station: RunningApp) -> None:
    window = station.window
    window.preferences.use(window.preferences.station._replace(scan_suffix="tab"))
    burst(window.order_id_edit, "1020", Qt.Key.Key_Return)  # Enter in the field: submitted
    burst(window.note_edit, "1021", Qt.Key.Key_Return)  # the keys reach the note
    qtbot.waitUntil(lambda: window.note_edit.text() == "1021")
    assert queued_ids(station) == ["1020"]


def test_a_burst_that_just_stops_is_a_scan_when_the_station_says_so(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    burst(window.note_edit, "1030", None)  # no suffix: not a scan by default
    qtbot.waitUntil(lambda: window.note_edit.text() == "1030")
    assert queued_ids(station) == []
    window.note_edit.clear()
    window.preferences.use(window.preferences.station._replace(scan_pause_ends=True))
    burst(window.note_edit, "1031", None)
    qtbot.waitUntil(lambda: queued_ids(station) == ["1031"])
    assert window.note_edit.text() == ""


def test_typed_text_a_scan_replaces_is_named_not_silently_dropped(
    qtbot: QtBot, station: RunningApp
) -> None:
    window = station.window
    gap = window.scan_desk.capture.max_gap_ms * 3
    QTest.keyClicks(window.order_id_edit, "1044", delay=gap)  # a person typing, no Enter
    qtbot.waitUntil(lambda: window.order_id_edit.text() == "1044")
    burst(window.order_id_edit, "1045", Qt.Key.Key_Return)
    assert queued_ids(station) == ["1045"]
    assert "1044 was not sent: scan it again." in window.result_label.text()
