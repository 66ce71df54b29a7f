"""Scanner bursts are taken wherever focus is; people typing are left alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.gui.station.scan_capture import ScanCapture
from flxdesk.station.scan_reading import Burst, by_layout


def text(burst: Burst) -> str:
    return by_layout(burst.keys)


def make_window(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QComboBox, QLineEdit, ScanCapture]:
    window = QWidget()
    order, status, note = QLineEdit(), QComboBox(), QLineEdit()
    status.addItems(["Open", "Closed", "Canceled"])
    layout = QVBoxLayout(window)
    for widget in (order, status, note):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    capture = ScanCapture(window)
    window.show()
    qtbot.waitExposed(window)
    return window, order, status, note, capture


def scan(widget: QWidget, text: str) -> None:
    """What a USB scanner does: the keys back to back, then Enter."""
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_burst_into_the_status_box_is_a_scan_and_changes_nothing_there(qtbot: QtBot) -> None:
    _, _, status, _, capture = make_window(qtbot)
    status.setCurrentText("Closed")
    with qtbot.waitSignal(capture.scanned) as got:
        scan(status, "1004")
    assert [text(b) for b in got.args] == ["1004"]
    assert status.currentText() == "Closed"
    capture.stop()


# The offscreen platform cannot raise a popup or give it the keyboard; Qt says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_burst_into_the_open_status_list_is_a_scan_and_closes_the_list(
    qtbot: QtBot,
) -> None:
    """A worker who opened the status list and then scans: the scan is not lost in the
    list's type-ahead, the list closes, and the status stays what it was."""
    from PySide6.QtWidgets import QApplication

    _, _, status, _, capture = make_window(qtbot)
    status.setCurrentText("Closed")
    status.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    with qtbot.waitSignal(capture.scanned) as got:
        scan(status.view(), "1004")  # the open list, where the keys go
    assert [text(b) for b in got.args] == ["1004"]
    assert QApplication.activePopupWidget() is None
    assert status.currentText() == "Closed"
    capture.stop()


def test_a_burst_into_the_note_is_taken_whole_and_the_note_is_untouched(qtbot: QtBot) -> None:
    _, _, _, note, capture = make_window(qtbot)
    note.setText("fragile")
    with qtbot.waitSignal(capture.scanned) as got:
        scan(note, "ABC-77/x")
    assert [text(b) for b in got.args] == ["ABC-77/x"]
    assert note.text() == "fragile"
    capture.stop()


def test_slow_typing_in_the_note_reaches_the_note(qtbot: QtBot) -> None:
    _, _, _, note, capture = make_window(qtbot)
    scans: list[Burst] = []
    capture.scanned.connect(scans.append)
    QTest.keyClicks(note, "slow", delay=capture.max_gap_ms * 2)
    qtbot.waitUntil(lambda: note.text() == "slow")
    QTest.keyClick(note, Qt.Key.Key_Return, delay=capture.max_gap_ms * 2)
    assert scans == []
    capture.stop()


def test_two_fast_keys_and_enter_are_not_a_scan(qtbot: QtBot) -> None:
    _, order, _, _, capture = make_window(qtbot)
    scans: list[Burst] = []
    capture.scanned.connect(scans.append)
    entered: list[str] = []
    order.returnPressed.connect(lambda: entered.append(order.text()))
    scan(order, "12")
    assert scans == []
    assert entered == ["12"]  # the field got its keys and its Enter
    capture.stop()


def test_bursts_belong_to_an_open_modal_dialog(qtbot: QtBot) -> None:
    window, _, _, _, capture = make_window(qtbot)
    scans: list[Burst] = []
    capture.scanned.connect(scans.append)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    field.setFocus()
    QTest.keyClicks(field, "secret-token-123")
    assert scans == []
    assert field.text() == "secret-token-123"
    dialog.reject()
    capture.stop()


def test_a_tab_ended_burst_is_a_scan_and_the_focus_does_not_move(qtbot: QtBot) -> None:
    window, order, status, _, capture = make_window(qtbot)
    window.activateWindow()
    order.setFocus()
    qtbot.waitUntil(order.hasFocus)
    with qtbot.waitSignal(capture.scanned) as got:
        QTest.keyClicks(order, "1080")
        QTest.keyClick(order, Qt.Key.Key_Tab)
    assert [text(b) for b in got.args] == ["1080"]
    assert order.hasFocus() and not status.hasFocus()
    assert order.text() == ""
    capture.stop()


def test_a_person_pressing_tab_still_moves_the_focus(qtbot: QtBot) -> None:
    window, order, status, _, capture = make_window(qtbot)
    window.activateWindow()
    order.setFocus()
    qtbot.waitUntil(order.hasFocus)
    QTest.keyClick(order, Qt.Key.Key_Tab)
    qtbot.waitUntil(status.hasFocus)
    capture.stop()


def test_a_burst_that_stops_is_a_scan_only_with_pause_ends(qtbot: QtBot) -> None:
    _window, order, _, _, capture = make_window(qtbot)
    scans: list[Burst] = []
    capture.scanned.connect(scans.append)
    QTest.keyClicks(order, "1031")
    qtbot.waitUntil(lambda: order.text() == "1031")  # released to the field after the gap
    assert scans == []
    order.clear()
    capture.pause_ends = True
    with qtbot.waitSignal(capture.scanned) as got:
        QTest.keyClicks(order, "1032")
    assert [text(b) for b in got.args] == ["1032"]
    assert order.text() == ""
    capture.stop()


# --- keys as a real keyboard device sends them (native codes, modifier keys) ----------
X_KEYCODES = {"S": 39, "O": 32, "-": 20, "1": 10, "0": 19, "]": 35, "a": 38}


def key(widget: QWidget, qt_key: int, text: str = "", code: int = 0, modifiers=None) -> None:
    """One key press as X delivers it: with its keycode; Shift's own press has no text."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    mods = modifiers if modifiers is not None else Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, qt_key, mods, code, 0, 0, text))


def x_scanner_types(widget: QWidget, code: str) -> None:
    """A US-set scanner on a French station: Shift around each capital, AZERTY's text."""
    azerty = {"-": ")", "1": "&", "0": "à"}
    shift = Qt.KeyboardModifier.ShiftModifier
    for char in code:
        if char.isupper():
            key(widget, Qt.Key.Key_Shift, modifiers=Qt.KeyboardModifier.NoModifier)
            key(widget, ord(char), char, X_KEYCODES[char], shift)
        else:
            key(widget, ord(azerty.get(char, char)), azerty.get(char, char), X_KEYCODES[char])


def positions_of(burst: Burst) -> str:
    from flxdesk.station.scan_reading import by_position

    return by_position(burst.keys) or ""


def test_shift_before_a_capital_never_loses_it_and_positions_are_kept(qtbot: QtBot) -> None:
    """Before, Shift's own key press ended the burst: SO-1001 was sent as O-1001."""
    from flxdesk.station.key_positions import table_for

    _, order, _, _, capture = make_window(qtbot)
    capture.positions = table_for("xcb")
    with qtbot.waitSignal(capture.scanned) as got:
        x_scanner_types(order, "SO-1001")
        key(order, Qt.Key.Key_Return, "\r", 36)
    burst = got.args[0]
    assert text(burst) == "SO)&àà&"  # what the French layout made of it
    assert positions_of(burst) == "SO-1001"  # what the scanner meant
    assert order.text() == ""
    capture.stop()


def test_cr_lf_ends_one_scan_and_never_makes_a_second_empty_one(qtbot: QtBot) -> None:
    _, order, _, _, capture = make_window(qtbot)
    scans: list[Burst] = []
    capture.scanned.connect(scans.append)
    entered: list[str] = []
    order.returnPressed.connect(lambda: entered.append(order.text()))
    QTest.keyClicks(order, "1001")
    QTest.keyClick(order, Qt.Key.Key_Return)  # CR
    key(order, Qt.Key.Key_J, "\n", 0, Qt.KeyboardModifier.ControlModifier)  # LF as Ctrl+J
    QTest.keyClick(order, Qt.Key.Key_Return)  # or LF as a second Enter
    assert [text(b) for b in scans] == ["1001"]
    assert entered == []  # the field never got an Enter
    capture.stop()


def test_a_gs1_separator_typed_as_ctrl_bracket_stays_in_the_burst(qtbot: QtBot) -> None:
    from flxdesk.station.key_positions import table_for

    _, order, _, _, capture = make_window(qtbot)
    capture.positions = table_for("xcb")
    ctrl = Qt.KeyboardModifier.ControlModifier
    with qtbot.waitSignal(capture.scanned) as got:
        QTest.keyClicks(order, "0104")
        key(order, Qt.Key.Key_Dollar, "$", X_KEYCODES["]"], ctrl)  # AZERTY's $ is US ]
        QTest.keyClicks(order, "10")
        QTest.keyClick(order, Qt.Key.Key_Return)
    assert text(got.args[0]) == "0104\x1d10"
    capture.stop()


def test_a_person_pressing_ctrl_keys_still_gets_them(qtbot: QtBot) -> None:
    _, order, _, _, capture = make_window(qtbot)
    order.setText("abc")
    order.selectAll()
    key(order, Qt.Key.Key_X, "\x18", 53, Qt.KeyboardModifier.ControlModifier)  # cut
    assert order.text() == ""
    capture.stop()


def test_the_scanner_check_window_takes_a_slow_scanners_burst(qtbot: QtBot) -> None:
    window, _, _, _, capture = make_window(qtbot)
    dialog = QDialog(window)
    dialog.open()
    qtbot.waitExposed(dialog)
    capture.listen(dialog)
    with qtbot.waitSignal(capture.scanned, timeout=5000) as got:
        QTest.keyClicks(dialog, "FLXCHECK", delay=80)  # a Bluetooth scanner, no suffix
    burst = got.args[0]
    assert text(burst) == "FLXCHECK" and burst.suffix == "pause"
    assert min(burst.gaps_ms()) >= 70
    capture.listen(None)
    dialog.reject()
    capture.stop()
