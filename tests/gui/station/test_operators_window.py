"""Operators at the real window, driven as a worker would: a badge scanned wherever focus
is, typed when the scanner fails, a PIN, switching, the idle sign-out on a clock the test
moves, a required sign-in refusing scans, and a supervisor approving a Canceled.

A scanner is a keyboard that types fast: ``QTest.keyClicks`` with no delay is a scan,
with a delay of a few times the burst gap it is a person typing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import machine_settings_file
from flxdesk.gui.common.typed_answer import TypedAnswer
from flxdesk.gui.start.startup import RunningApp
from flxdesk.history.store import State
from flxdesk.operators.pins import hash_pin
from support.window import visible_child

ROSTER = [
    {"badge": "0042", "name": "Maria López"},
    {"badge": "0077", "name": "Sam Lee", "supervisor": True},
    {"badge": "0099", "name": "Lee Chen", "pin_hash": hash_pin("2468")},
    {"badge": "0088", "name": "Ana Ruiz", "supervisor": True, "pin_hash": hash_pin("1357")},
]


def burst(widget: QWidget, text: str) -> None:
    """What a USB scanner does wherever focus is: the keys back to back, then Enter."""
    widget.setFocus()
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def typed(running: RunningApp, widget: QWidget, text: str) -> None:
    """A person typing ``text`` into ``widget``, then Enter: slower than any scanner."""
    widget.setFocus()
    QTest.keyClicks(widget, text, delay=running.window.scan_desk.capture.max_gap_ms * 3)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def staffed(qtbot: QtBot, start_app) -> Callable[..., RunningApp]:
    """The demo window on a computer whose IT set up operators (``settings`` added)."""

    def start(**settings) -> RunningApp:
        machine = machine_settings_file()
        machine.parent.mkdir(parents=True, exist_ok=True)
        document = {"operators": ROSTER, "operator_sign_in": "required", **settings}
        machine.write_text(json.dumps(document), encoding="utf-8")
        running = start_app(demo=True)
        qtbot.waitExposed(running.window)
        qtbot.waitUntil(lambda: running.window.scan_desk.capture is not None)
        qtbot.waitUntil(lambda: running.window.feedback.sounds is not None)
        return running

    return start


def recorded_sounds(running: RunningApp) -> list[str]:
    cues: list[str] = []
    running.window.feedback.sounds.play = cues.append
    return cues


def question(qtbot: QtBot, running: RunningApp, name: str) -> TypedAnswer:
    qtbot.waitUntil(lambda: visible_child(running.window, TypedAnswer, name) is not None)
    return visible_child(running.window, TypedAnswer, name)


def no_question(running: RunningApp) -> bool:
    return not any(q.isVisible() for q in running.window.findChildren(TypedAnswer))


def newest(running: RunningApp):
    return running.store.newest(1)[0]


def operator_label(running: RunningApp) -> QLabel:
    return running.window.statusBar().findChild(QLabel, "operatorName")


# --- signing in --------------------------------------------------------------------------


def test_a_badge_scanned_at_any_focus_signs_in_and_another_badge_switches(
    qtbot: QtBot, staffed
) -> None:
    running = staffed()
    window = running.window
    played = recorded_sounds(running)
    label = operator_label(running)
    assert label.isVisible() and label.text() == "Nobody signed in: scan your badge"
    window.resize(900, window.height())  # a narrow window: the name is whole all the same
    qtbot.waitUntil(lambda: window.width() <= 900)
    assert label.width() >= label.sizeHint().width()
    assert label.font().pointSizeF() > window.font().pointSizeF()
    # and the labels after it give way, each beside the last, none drawn over another
    shown = sorted(
        (other for other in window.statusBar().findChildren(QLabel) if other.isVisible()),
        key=lambda other: other.x(),
    )
    assert shown[0] is label
    qtbot.waitUntil(
        lambda: all(a.geometry().right() < b.geometry().left() for a, b in pairwise(shown))
    )
    burst(window.note_edit, "FLXOP 0042")
    assert window.windowTitle().endswith(" — Maria López")
    assert label.text() == "Maria López"
    assert window.result_label.text() == "Signed in: Maria López."
    assert window.note_edit.text() == ""  # the badge's keys never reached the note
    names = []
    for target, badge in (
        (window.status_combo, "0077"),
        (window.history_view, "0042"),
        (window.submit_button, "0077"),
    ):
        burst(target, f"FLXOP {badge}")
        names.append(window.operators.name)
    assert names == ["Sam Lee", "Maria López", "Sam Lee"]
    burst(window.order_id_edit, "flxop 0042")  # a scanner on another layout: any case
    assert window.windowTitle().endswith(" — Maria López")
    assert window.result_label.text() == "Signed in: Maria López (Sam Lee signed out)."
    assert played == ["sent"] * 5
    assert running.store.count() == 0 and running.demo_api.requests == []


def test_the_badge_typed_by_hand_signs_in_in_the_order_field_and_from_the_menu(
    qtbot: QtBot, staffed
) -> None:
    running = staffed()
    window = running.window
    typed(running, window.order_id_edit, "FLXOP 0042")
    assert window.operators.name == "Maria López"
    QTest.keySequence(window, "Ctrl+I")  # Operator → Sign in…
    field = question(qtbot, running, "signInQuestion").field
    assert field.accessibleName() == "Badge number"
    typed(running, field, "0077")
    qtbot.waitUntil(lambda: window.operators.name == "Sam Lee")
    assert no_question(running) and running.store.count() == 0


def test_a_badge_number_typed_fast_at_the_sign_in_question_signs_in_and_an_order_is_taken(
    qtbot: QtBot, staffed
) -> None:
    """Keys as quick as a scanner's are the scan capture's, not the field's: at the badge
    question a number of the roster is still the badge, and an order scanned there is
    still the order (the question closes as "no")."""
    running = staffed(operator_sign_in="optional")
    window = running.window
    QTest.keySequence(window, "Ctrl+I")
    burst(question(qtbot, running, "signInQuestion").field, "0077")
    qtbot.waitUntil(lambda: window.operators.name == "Sam Lee")
    assert no_question(running) and running.store.count() == 0
    QTest.keySequence(window, "Ctrl+I")
    burst(question(qtbot, running, "signInQuestion").field, "1500")
    qtbot.waitUntil(lambda: running.store.count() == 1)
    assert no_question(running) and window.operators.name == "Sam Lee"
    assert newest(running).order_id == "1500"


def test_an_unknown_badge_signs_nobody_in_and_sounds_refused(qtbot: QtBot, staffed) -> None:
    running = staffed()
    played = recorded_sounds(running)
    burst(running.window.order_id_edit, "FLXOP 9999")
    assert running.window.result_label.text() == "Unknown badge 9999: nobody was signed in."
    assert played == ["refused"] and running.window.operators.name == ""


def test_a_pin_asked_for_a_badge_wrong_then_right(qtbot: QtBot, staffed) -> None:
    running = staffed()
    window = running.window
    played = recorded_sounds(running)
    said: list[str] = []
    window.operators.announced.connect(said.append)
    burst(window.order_id_edit, "FLXOP 0099")
    pin = question(qtbot, running, "pinQuestion")
    assert pin.field.echoMode() is pin.field.EchoMode.Password
    assert said == ["Lee Chen: type your PIN, then Enter."]
    typed(running, pin.field, "12x34")  # digits only: the x is not taken
    assert window.result_label.text() == "Wrong PIN for Lee Chen: nobody was signed in."
    assert played == ["refused"] and window.operators.name == ""
    again = question(qtbot, running, "pinQuestion")
    burst(again.field, "2468")  # typed fast, as a burst: still the PIN, never an order
    qtbot.waitUntil(lambda: window.operators.name == "Lee Chen")
    assert played == ["refused", "sent"] and said[-1] == "Signed in: Lee Chen."
    assert running.store.count() == 0 and running.demo_api.requests == []
    assert "2468" not in window.result_label.text()


def test_a_badge_scanned_while_the_pin_is_asked_is_not_lost(qtbot: QtBot, staffed) -> None:
    running = staffed()
    window = running.window
    burst(window.order_id_edit, "FLXOP 0099")
    pin = question(qtbot, running, "pinQuestion")
    burst(pin.field, "FLXOP 0042")  # Lee walked away; Maria scans her badge
    qtbot.waitUntil(lambda: window.operators.name == "Maria López")
    assert no_question(running) and window.operators.desk.asking_pin_of is None


# --- signing out -------------------------------------------------------------------------


def test_the_sign_out_code_and_the_menu_sign_out(qtbot: QtBot, staffed) -> None:
    running = staffed()
    window = running.window
    title = window.windowTitle()
    burst(window.order_id_edit, "FLXOP 0042")
    burst(window.note_edit, "FLXCMD SIGN OUT")
    assert window.result_label.text() == "Maria López signed out."
    assert window.windowTitle() == title
    assert operator_label(running).text() == "Nobody signed in: scan your badge"
    burst(window.order_id_edit, "FLXOP 0077")
    window.menus.sign_out_action.trigger()
    assert window.operators.name == "" and running.store.count() == 0


def test_the_idle_time_signs_out_on_the_clock_and_a_key_press_starts_it_anew(
    qtbot: QtBot, staffed
) -> None:
    running = staffed(operator_idle_minutes=30)
    window = running.window
    now = [1000.0]
    window.operators.use_clock(lambda: now[0])
    timer = window.operators.idle_timer
    burst(window.order_id_edit, "FLXOP 0042")
    assert timer.isActive() and timer.remainingTime() > 29 * 60_000

    def fire() -> None:  # the timer's time has come: as if its 30 minutes had passed
        with qtbot.waitSignal(timer.timeout):
            timer.start(0)

    now[0] += 29 * 60
    QTest.keyClick(window.note_edit, Qt.Key.Key_A)  # a person at work: activity
    now[0] += 2 * 60
    fire()
    assert window.operators.name == "Maria López"  # 2 minutes since the key press
    assert timer.isActive() and timer.remainingTime() > 27 * 60_000
    now[0] += 28 * 60
    with qtbot.waitSignal(window.operators.operator_changed) as changed:
        fire()
    assert changed.args == [""]
    assert window.result_label.text() == "Maria López was signed out after 30 idle minutes."
    assert not timer.isActive()


# --- never anonymous ----------------------------------------------------------------------


def test_a_required_sign_in_refuses_a_scan_and_queues_nothing(qtbot: QtBot, staffed) -> None:
    running = staffed()
    window = running.window
    played = recorded_sounds(running)
    burst(window.note_edit, "1500")
    assert window.result_label.text() == "Scan your badge first: 1500 was not sent."
    assert played == ["refused"]
    window.bulk.open_dialog()
    assert window.result_label.text() == "Scan your badge first: the bulk update was not queued."
    assert running.store.count() == 0 and running.demo_api.requests == []
    burst(window.order_id_edit, "FLXOP 0042")
    burst(window.order_id_edit, "1500")
    qtbot.waitUntil(lambda: newest(running).state is State.SENT, timeout=10_000)
    assert (newest(running).order_id, newest(running).operator) == ("1500", "Maria López")
    assert newest(running).approved_by == ""


def test_a_retry_names_who_retried_and_needs_a_badge(qtbot: QtBot, staffed) -> None:
    running = staffed()
    window = running.window
    burst(window.order_id_edit, "FLXOP 0042")
    burst(window.order_id_edit, "2500")  # no such order in the demo: it fails
    qtbot.waitUntil(lambda: newest(running).state is State.FAILED, timeout=10_000)
    failed = newest(running).id
    burst(window.order_id_edit, "FLXCMD SIGN OUT")
    report = window.history_pane.retry([failed])
    assert report.queued == [] and running.store.count() == 1
    assert window.history_pane.message.text() == "Scan your badge first: nothing was retried."
    burst(window.order_id_edit, "FLXOP 0077")
    report = window.history_pane.retry([failed])
    retried = running.store.get(report.queued[0][1])
    assert (retried.retry_of, retried.operator) == (failed, "Sam Lee")


def test_sign_in_off_takes_no_badge_and_hides_the_operator_menu(qtbot: QtBot, staffed) -> None:
    running = staffed(operator_sign_in="off")
    window = running.window
    played = recorded_sounds(running)
    assert not window.menus.operator_menu.menuAction().isVisible()
    assert not operator_label(running).isVisible()
    burst(window.order_id_edit, "FLXOP 0042")
    assert window.result_label.text() == "Badges are not used at this station: nothing done."
    assert played == ["refused"] and running.store.count() == 0
    burst(window.order_id_edit, "1501")  # scans go on as without operators
    qtbot.waitUntil(lambda: running.store.count() == 1)
    assert newest(running).operator == ""


# --- a supervisor's approval -------------------------------------------------------------


def test_a_supervisor_approves_a_canceled_and_the_history_keeps_both_names(
    qtbot: QtBot, staffed
) -> None:
    running = staffed(supervisor_for=["Canceled"])
    window = running.window
    played = recorded_sounds(running)
    burst(window.order_id_edit, "FLXOP 0042")
    window.status_combo.setCurrentText("Canceled")
    approval = question(qtbot, running, "supervisorQuestion")
    assert window.armed.status == "Closed"  # not armed until approved
    assert "Canceled needs a supervisor" in window.result_label.text()
    burst(approval.field, "FLXOP 0077")  # Sam scans his badge at the question
    qtbot.waitUntil(lambda: window.armed.status == "Canceled")
    assert window.result_label.text() == "Canceled armed, approved by Sam Lee."
    assert window.operators.name == "Maria López"  # approving signs nobody in
    burst(window.order_id_edit, "1502")
    qtbot.waitUntil(lambda: newest(running).state is State.SENT, timeout=10_000)
    row = newest(running)
    assert (row.status, row.operator, row.approved_by) == ("Canceled", "Maria López", "Sam Lee")
    assert played == ["sent", "sent", "sent"]
    window.history_view.selectRow(0)  # the details say who asked and who approved
    details = window.history_pane.details.toPlainText()
    assert "Operator: Maria López\nApproved by: Sam Lee" in details
    window.status_combo.setCurrentText("On Hold")  # another status: the approval ends
    assert (window.armed.status, window.armed.approved_by) == ("On Hold", "")


def test_a_non_supervisor_cannot_approve_and_the_previous_status_stays(
    qtbot: QtBot, staffed
) -> None:
    running = staffed(supervisor_for=["Canceled"])
    window = running.window
    played = recorded_sounds(running)
    burst(window.order_id_edit, "FLXOP 0042")
    burst(window.order_id_edit, "FLXCMD CANCELED")  # the command code asks the same
    approval = question(qtbot, running, "supervisorQuestion")
    typed(running, approval.field, "0042")
    qtbot.waitUntil(lambda: no_question(running))
    assert window.result_label.text() == (
        "Maria López is not a supervisor: Canceled needs a supervisor's badge."
    )
    assert window.armed.status == "Closed" and played == ["sent", "refused"]
    window.status_combo.setCurrentText("Canceled")
    approval = question(qtbot, running, "supervisorQuestion")
    burst(approval.field, "1503")  # a scan instead of a badge: "no", and it is taken
    qtbot.waitUntil(lambda: running.store.count() == 1)
    assert (newest(running).status, newest(running).approved_by) == ("Closed", "")
    assert no_question(running) and window.armed.status == "Closed"


def test_a_supervisor_approves_with_sign_in_off_too(qtbot: QtBot, staffed) -> None:
    running = staffed(operator_sign_in="off", supervisor_for=["Canceled"])
    window = running.window
    burst(window.order_id_edit, "FLXCMD CANCELED")
    approval = question(qtbot, running, "supervisorQuestion")
    typed(running, approval.field, "0077")
    qtbot.waitUntil(lambda: window.armed.status == "Canceled")
    assert window.armed.approved_by == "Sam Lee"
    burst(window.order_id_edit, "1504")
    qtbot.waitUntil(lambda: running.store.count() == 1)
    assert (newest(running).operator, newest(running).approved_by) == ("", "Sam Lee")


def test_a_supervisor_with_a_pin_approves_after_typing_it(qtbot: QtBot, staffed) -> None:
    running = staffed(supervisor_for=["Canceled"])
    window = running.window
    said: list[str] = []
    window.operators.announced.connect(said.append)
    burst(window.order_id_edit, "FLXOP 0042")
    burst(window.order_id_edit, "FLXCMD CANCELED")
    burst(question(qtbot, running, "supervisorQuestion").field, "FLXOP 0088")
    pin = question(qtbot, running, "supervisorPinQuestion")
    assert window.armed.status == "Closed"
    typed(running, pin.field, "1357")
    qtbot.waitUntil(lambda: window.armed.status == "Canceled")
    assert window.armed.approved_by == "Ana Ruiz"
    assert said == [
        "Signed in: Maria López.",
        "Canceled needs a supervisor: scan or type a supervisor's badge.",
        "Ana Ruiz: type your PIN to approve Canceled, then Enter.",
        "Canceled armed, approved by Ana Ruiz.",
    ]


def test_an_operator_change_ends_the_approval(qtbot: QtBot, staffed) -> None:
    running = staffed(supervisor_for=["Canceled"])
    window = running.window
    burst(window.order_id_edit, "FLXOP 0042")
    burst(window.order_id_edit, "FLXCMD CANCELED")
    burst(question(qtbot, running, "supervisorQuestion").field, "FLXOP 0077")
    qtbot.waitUntil(lambda: window.armed.status == "Canceled")
    burst(window.order_id_edit, "FLXCMD SIGN OUT")
    assert (window.armed.status, window.armed.approved_by) == ("Closed", "")


# --- the note's signature ------------------------------------------------------------------


def test_the_note_is_signed_and_the_note_box_leaves_room_for_it(qtbot: QtBot, staffed) -> None:
    running = staffed(note_signature="{note} ({operator}, {station})")
    window = running.window
    burst(window.order_id_edit, "FLXOP 0042")
    signature = f" (Maria López, {window.station_name})"
    assert window.note_edit.maxLength() == 500 - len(signature)
    window.note_edit.setText("fragile")
    burst(window.order_id_edit, "1505")
    qtbot.waitUntil(lambda: newest(running).state is State.SENT, timeout=10_000)
    assert newest(running).note == "fragile" + signature
    sent = running.demo_api.requests[-1].query["updateNote"]
    assert sent == ["fragile" + signature]


# --- screen readers -------------------------------------------------------------------------


def test_the_questions_and_the_name_in_the_status_bar_are_named_for_screen_readers(
    qtbot: QtBot, staffed
) -> None:
    running = staffed()
    window = running.window
    assert operator_label(running).accessibleName() == "Operator signed in"
    said: list[str] = []
    window.operators.announced.connect(said.append)
    window.menus.sign_in_action.trigger()
    dialog = question(qtbot, running, "signInQuestion")
    for widget in dialog.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
    typed(running, dialog.field, "0042")
    qtbot.waitUntil(lambda: said == ["Signed in: Maria López."])
    assert operator_label(running).accessibleDescription() == "Maria López"
    burst(window.order_id_edit, "FLXCMD SIGN OUT")
    assert said[-1] == "Maria López signed out."
