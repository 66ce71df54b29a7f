"""Who listens to whom in the window: each part's signals, connected to the parts that act
on them.

A part names what it reads (a Protocol, or arguments) and emits what it has to say: a
scan refused, a bulk run queued, new preferences, what the scanner check learned. This is
the one place that says who hears it, so a part never calls into another through the
window, and each can be built alone (tests/gui/window/test_parts_stand_alone.py).
``connect_parts`` runs when the window's parts are made, ``connect_bulk`` when the bulk
flow is (on first use), ``connect_store_writer`` when the history opens,
``connect_on_screen`` after the first paint, once the history pane
exists, and ``make_floor_parts`` on a station with a floor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.bulk.bulk_flow import BulkFlow
    from flxdesk.gui.floor.floor_parts import FloorParts
    from flxdesk.gui.sending.store_writer import StoreWriter
    from flxdesk.gui.window.main_window import MainWindow


def connect_parts(window: MainWindow) -> None:
    """The scan desk, the preferences and the held count, to the parts that show them."""
    desk, feedback, armed, preferences = (
        window.scan_desk,
        window.feedback,
        window.armed,
        window.preferences,
    )
    desk.scanStarted.connect(feedback.next_scan)
    desk.scanStarted.connect(armed.note_activity)
    desk.refused.connect(feedback.refused)
    desk.notSent.connect(feedback.not_sent)
    desk.queued.connect(feedback.queued)
    desk.updateFinished.connect(feedback.finished)
    desk.info.connect(feedback.info)
    desk.acknowledgeRequested.connect(feedback.acknowledge)
    desk.learned.connect(preferences.learn)
    armed.armed.connect(desk.on_armed)
    window.engine_thread.updateFinished.connect(desk.on_update_finished)

    preferences.info.connect(feedback.info)
    preferences.checkRequested.connect(desk.open_check)
    preferences.settingsClosed.connect(window.order_id_edit.setFocus)
    for follower in (armed.use_station, desk.use_station, feedback.use_station):
        preferences.stationChanged.connect(follower)
    for sized in (window.result_label, window.armed_chip, feedback):
        preferences.textSizeChanged.connect(sized.set_body_size)

    window.engine_thread.heldChanged.connect(window.status.show_held)
    connect_operators(window)


def connect_operators(window: MainWindow) -> None:
    """Who is at the station: badges and sign-outs the scan desk read, the operator part's
    words to the band, its name to the title and the status bar (the floor's parts, on a
    station with a floor, follow ``operator_changed`` too), an operator change ending a
    supervisor's approval; the Operator menu only where operators sign in."""
    operators, desk, feedback = window.operators, window.scan_desk, window.feedback
    desk.scanStarted.connect(operators.note_activity)
    desk.badgeScanned.connect(operators.take_badge)
    desk.signOutRequested.connect(operators.sign_out)
    operators.welcomed.connect(feedback.welcome)
    operators.refused.connect(feedback.refused)
    operators.told.connect(feedback.info)
    operators.operator_changed.connect(window.show_operator)
    operators.operator_changed.connect(window.armed.end_approval)
    window.menus.operator_menu.menuAction().setVisible(operators.enabled)
    if operators.enabled:
        window.status.show_operator("", required=operators.required)


def connect_bulk(window: MainWindow, bulk: BulkFlow) -> BulkFlow:
    """A bulk run's words to the band, its rows that can never be sent to the panel."""
    bulk.result.connect(window.show_result)
    bulk.info.connect(window.feedback.info)
    bulk.refused.connect(window.feedback.refused)
    bulk.rowsRejected.connect(window.feedback.rejected_rows)
    return bulk


def connect_store_writer(window: MainWindow, writer: StoreWriter) -> None:
    """Scans and imports that waited for the history, written now: as if just queued;
    why they wait, in the band. Makes the bulk flow, which shows an import's progress."""
    bulk = window.bulk
    writer.scanWritten.connect(window.scan_desk.scan_queued)
    writer.importWritten.connect(bulk.queued)
    writer.progressed.connect(bulk.on_progress)
    writer.waiting.connect(lambda text: window.show_result(text, ok=False))


def connect_on_screen(window: MainWindow) -> None:
    """After the first paint, once the history pane is made: the sounds and the failure
    panel, and the colour scheme to everything coloured (the band, the chip, the stack's
    notices and panels, the history's result column)."""
    station = window.preferences.station
    window.feedback.start(station.sound_muted, station.sound_volume)
    scheme = window.preferences.schemeChanged
    scheme.connect(window.result_label.apply_scheme)
    scheme.connect(window.armed_chip.apply_scheme)
    scheme.connect(window.stack.apply_scheme)
    scheme.connect(window.model.set_scheme)


def make_floor_parts(window: MainWindow, floor: FloorSession) -> FloorParts:
    """A station with a floor: the mirror for the scan desk's duplicate guard; the
    floor's roster to the operator part (the one known now, then each change the floor
    reports, on the window's thread), and who is signed in here to the floor (now, then
    each change); View → Floor… shown, and the floor's line in the status bar."""
    from flxdesk.gui.floor.floor_parts import FloorParts

    guard = window.scan_desk.guard
    settings, operators = window.preferences.settings, window.operators
    parts = FloorParts(
        floor,
        lambda: guard.window_seconds,
        window,
        settings.operators.operators,
        settings.is_locked("operators"),
    )
    guard.elsewhere = parts.lookup
    parts.roster.changed.connect(operators.set_roster)
    operators.set_roster(parts.roster.start())
    operators.operator_changed.connect(parts.tell_operator)
    parts.tell_operator(operators.name)
    window.menus.floor_action.setVisible(True)
    window.status.follow_floor(window.engine_thread, floor)
    return parts
