"""The scan desk: a scan (or Enter in the order field) taken, refused or run as a command.

The rules, with their words, are Qt-free in ``flxdesk.station.scan_rules``; this does
what they say with the window's fields, band and queue: clears or keeps the order
field, queues through the writer, and sounds the scan's result when it is finished.
A scanner's burst is first read (by key position or the layout's characters, as
``flxdesk.station.scan_reading`` decides with the station's scanner settings); the
scanner check's code opens the scanner check instead.

What it has to say it emits (the band's words and sounds, what the scanner check
learned); the composer (``flxdesk.gui.window.wiring``) connects them to the station's
feedback, the armed status and the preferences. ``DeskWindow`` names what it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from flxdesk.host.i18n import QT_TRANSLATE_NOOP
from flxdesk.sending.events import EngineState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

    from flxdesk.gui.history.model import HistoryModel
    from flxdesk.gui.history.pane import HistoryPane
    from flxdesk.gui.sending.engine_thread import EngineThread
    from flxdesk.gui.sending.store_writer import StoreWriter
    from flxdesk.gui.station.armed_status import ArmedStatus
    from flxdesk.gui.station.preferences import StationPreferences
    from flxdesk.gui.station.scan_capture import ScanCapture
    from flxdesk.gui.station.scanner_check_dialog import ScannerCheckDialog
    from flxdesk.history.store import AskedBy, HistoryStore
    from flxdesk.station.command_codes import Command
    from flxdesk.station.duplicate_guard import DuplicateGuard
    from flxdesk.station.scan_reading import Burst
    from flxdesk.station.station_settings import StationSettings

# Why a scan queued now waits, by engine state (said in the band, with the "waiting" sound).
HELD_BECAUSE = {
    EngineState.OFFLINE: QT_TRANSLATE_NOOP("ScanDesk", "offline"),
    EngineState.NEEDS_TOKEN: QT_TRANSLATE_NOOP("ScanDesk", "no API token yet"),
    EngineState.PAUSED: QT_TRANSLATE_NOOP("ScanDesk", "sending is paused"),
}


class DeskOperators(Protocol):
    """Who is at the station (gui.station.operator_part): what a scan needs of them."""

    def refusal(self, scan: str) -> str:
        """Why ``scan`` may not be queued now (sign-in required, nobody in); "" if it may."""
        ...

    def signed_note(self, note: str) -> str: ...

    def asked_by(self, approved_by: str = ...) -> AskedBy: ...

    def needs_supervisor(self, status: str) -> bool: ...


class Failures(Protocol):
    @property
    def unacknowledged(self) -> int:
        """Failures shown and not yet acknowledged."""
        ...


class DeskWindow(Protocol):
    """What the scan desk reads of the window: its fields, the station's preferences,
    the armed status, the failures not yet acknowledged, the history (once open) and the
    engine."""

    order_id_edit: QLineEdit
    note_edit: QLineEdit
    submit_button: QPushButton
    status_combo: QComboBox
    preferences: StationPreferences
    armed: ArmedStatus
    store_writer: StoreWriter | None
    engine_thread: EngineThread
    engine_state: EngineState

    @property
    def sending_refusal(self) -> str: ...

    @property
    def operators(self) -> DeskOperators: ...

    # Read only: properties of the window (the history once open, its pane made on use).
    @property
    def feedback(self) -> Failures: ...

    @property
    def history_pane(self) -> HistoryPane: ...

    @property
    def store(self) -> HistoryStore: ...

    @property
    def model(self) -> HistoryModel: ...


class ScanDesk(QObject):
    # For the band, the sounds and the failure panel (gui.station.station_feedback):
    scanStarted = Signal()  # a new scan is judged (the armed status's idle time restarts)
    refused = Signal(str)  # not sent, and why
    notSent = Signal(str)  # stray text a scan replaced in the order field
    queued = Signal(str, str, str)  # order ID, status, why it waits ("" when it is sent now)
    updateFinished = Signal(str, bool, str, bool)  # order ID, ok, message, loud (a scan's)
    info = Signal(str)  # a command done, the armed status changed
    acknowledgeRequested = Signal()  # the ACK command barcode
    # For the operators (gui.station.operator_part): a badge scanned or typed as
    # ``FLXOP <badge>``, and the SIGN OUT command barcode.
    badgeScanned = Signal(str)
    signOutRequested = Signal()
    # What the scanner check or a burst learned of the scanner, for the preferences:
    learned = Signal(dict)

    def __init__(self, window: DeskWindow, parent: QWidget) -> None:
        """``parent``: the window, whose keys the capture watches and over which the
        scanner check opens."""
        super().__init__(parent)
        self._window = window
        self._parent = parent
        self._guard: DuplicateGuard | None = None
        self.capture: ScanCapture | None = None  # made after the first paint (start)
        self.check: ScannerCheckDialog | None = None  # the scanner check, while open
        self._submit_waiting = False
        self._scanned_ids: set[int] = set()  # scans (not bulk rows): they sound when done
        window.order_id_edit.returnPressed.connect(self.submit)
        window.note_edit.returnPressed.connect(self._note_finished)
        window.submit_button.clicked.connect(self.submit)

    def start(self) -> None:
        """After the first paint: scans are caught wherever focus is in the window."""
        from PySide6.QtWidgets import QLineEdit

        from flxdesk.gui.station.scan_capture import ScanCapture

        window = self._window
        station = window.preferences.station
        self.capture = ScanCapture(
            self._parent,
            station.scan_min_length,
            station.scan_max_gap_ms,
            suffix=station.scan_suffix,
            pause_ends=station.scan_pause_ends,
        )
        self.capture.scanned.connect(self.take_burst)
        # Scanning into the history's search box finds that order instead of updating it.
        search = window.history_pane.findChild(QLineEdit, "historySearch")
        if search is not None:  # the filter bar's; a pane without one has nothing to exempt
            self.capture.exempt.add(search)
        window.status_combo.activated.connect(self._back_to_order_field)

    def stop(self) -> None:
        if self.capture is not None:
            self.capture.stop()

    def use_station(self, station: StationSettings) -> None:
        """New preferences: the duplicate guard's windows and the scan-burst rule."""
        self.guard.window_seconds = station.duplicate_window_minutes * 60
        self.guard.confirm_seconds = station.duplicate_confirm_seconds
        if self.capture is not None:
            self.capture.min_length = station.scan_min_length
            self.capture.max_gap_ms = station.scan_max_gap_ms
            self.capture.suffix = station.scan_suffix
            self.capture.pause_ends = station.scan_pause_ends

    @property
    def guard(self) -> DuplicateGuard:
        """The duplicate guard, made with the first scan."""
        if self._guard is None:
            from flxdesk.station.duplicate_guard import DuplicateGuard

            station = self._window.preferences.station
            self._guard = DuplicateGuard(
                self._previous_update_at,
                station.duplicate_window_minutes * 60,
                station.duplicate_confirm_seconds,
            )
        return self._guard

    # --- a scan ----------------------------------------------------------------------
    @Slot(object)
    def take_burst(self, burst: Burst) -> None:
        """A scanner's burst: read as the station's scanner is set, then taken as a scan,
        refused in words (never sent), or shown in the scanner check."""
        from flxdesk.station.scan_reading import ScannerKeys, ScannerPrefix, read_burst
        from flxdesk.station.scanner_check import is_check_burst

        if self.check is not None or is_check_burst(burst):
            self.open_check(burst=burst)
            return
        station = self._window.preferences.station
        reading = read_burst(
            burst,
            ScannerKeys(station.scanner_keys),
            ScannerPrefix(station.scanner_prefix),
            ScannerKeys(station.scanner_learned_keys) if station.scanner_learned_keys else None,
            station.scanner_learned_aim,
            is_known_code=_is_command_code,
        )
        if reading.learned is not None and reading.learned != station.scanner_learned_keys:
            self.learned.emit({"scanner_learned_keys": str(reading.learned)})
        if reading.problem:
            self.refused.emit(reading.problem)
            return
        self.take_scan(reading.text)

    def open_check(self, parent: QWidget | None = None, burst: Burst | None = None) -> None:
        """The scanner check, over ``parent`` (the window, or Settings); ``burst``: a scan
        of the check code already taken, shown at once."""
        if self.check is None:
            from flxdesk.gui.station.scanner_check_dialog import ScannerCheckDialog

            preferences = self._window.preferences
            check = ScannerCheckDialog(
                parent or self._parent,
                preferences.station.scan_max_gap_ms,
                preferences.settings.locked,
            )
            check.learned.connect(self.learned)
            self.check = check
            if self.capture is not None:
                self.capture.listen(check)
            check.finished.connect(self._check_closed)
            check.open()
        if burst is not None:
            self.check.show_burst(burst)

    @Slot(int)
    def _check_closed(self, _result: int) -> None:
        if self.capture is not None:
            self.capture.listen(None)
        if self.check is not None:
            self.check.deleteLater()
            self.check = None
        self._window.order_id_edit.setFocus()

    @Slot(str)
    def take_scan(self, text: str) -> None:
        """A scanner burst caught anywhere in the window: exactly as typed, replacing stray
        text in the order field, which the band then names as not sent.

        A question still open (arm Canceled? set 40 orders to Canceled?) is answered "no":
        the person went on scanning instead of saying yes. A typed question (a PIN, a
        supervisor's badge) is offered the scan first: a scan that is its answer answers.
        """
        from PySide6.QtWidgets import QMessageBox

        from flxdesk.gui.common.typed_answer import TypedAnswer

        for question in self._parent.findChildren(TypedAnswer):
            if question.isVisible() and question.offer(text):
                return
        for box in self._parent.findChildren(QMessageBox):
            if box.isVisible():
                box.reject()
        field = self._window.order_id_edit
        stray = field.text().strip()  # typed, or a scan the station did not take
        field.setText(text)
        self.submit()
        if stray and stray != text.strip():
            self.notSent.emit(stray)

    @Slot()
    def submit(self) -> None:
        from flxdesk.station.scan_rules import StationNow, Verdict, judge_scan

        window = self._window
        if window.store_writer is None:  # the history opens just after the first paint
            self._submit_when_open()
            return
        field = window.order_id_edit
        raw = field.text()
        if self._typed_check(raw):
            field.clear()
            return
        self.scanStarted.emit()
        field.clear()
        field.setFocus()
        operators = window.operators
        now = StationNow(
            armed_status=window.armed.status,
            note=operators.signed_note(window.note_edit.text()),
            unacknowledged_failures=window.feedback.unacknowledged,
            refuse_while_unacknowledged=window.preferences.station.refuse_while_unacknowledged,
            sending_refusal=window.sending_refusal,
            operator_refusal=operators.refusal(raw) or self._approval_refusal(raw),
        )
        judged = judge_scan(raw, now, self.guard)
        if judged.verdict is Verdict.COMMAND:
            assert judged.command is not None
            self._run_command(judged.command)
        elif judged.verdict is Verdict.BADGE:
            self.badgeScanned.emit(judged.badge)
        elif judged.verdict is Verdict.REFUSED:
            self.refused.emit(judged.words)
            if judged.keep:
                field.setText(judged.keep)
                if judged.select_kept:
                    field.selectAll()
        else:
            self._queue(judged.order_id, judged.status, judged.note)

    def _approval_refusal(self, raw: str) -> str:
        """A status that needs a supervisor armed without one's approval (the station's
        default, set so in Settings): refused, never sent unapproved."""
        from flxdesk.orders.statuses import status_label

        armed = self._window.armed
        if not self._window.operators.needs_supervisor(armed.status) or armed.approved_by:
            return ""
        words = self.tr(
            "{status} needs a supervisor's approval: arm it again and have a supervisor scan "
            "their badge. {scan} was not sent."
        )
        return words.format(status=status_label(armed.status), scan=raw.strip())

    def _typed_check(self, raw: str) -> bool:
        """The check code arrived too slowly to be a burst (a Bluetooth scanner): the
        keys typed before this Enter are the check's scan."""
        from flxdesk.station.scanner_check import is_check_code

        if not is_check_code(raw):
            return False
        typed = self.capture.last_typed if self.capture is not None else None
        self.open_check(burst=typed if typed and typed.keys else None)
        return True

    def _queue(self, order_id: str, status: str, note: str) -> None:
        window = self._window
        assert window.store_writer is not None  # submit waits for the history to open
        writer = window.store_writer.writer
        update_id = writer.queue_one(
            window.store,
            order_id,
            status,
            note,
            destination=window.engine_thread.destination,
            asked_by=window.operators.asked_by(window.armed.approved_by),
        )
        if update_id is None:  # the history is busy: written in order as soon as it can be
            busy = (
                self.tr("a bulk update is being written")
                if writer.importing
                else self.tr("the history is busy, kept here")
            )
            self.queued.emit(order_id, status, busy)
            return
        self.scan_queued(update_id, order_id, status)

    def scan_queued(self, update_id: int, order_id: str, status: str) -> None:
        """Written to the history (now, or later by the writer): shown, and sent."""
        window = self._window
        self._scanned_ids.add(update_id)
        window.model.add_new(update_id)
        window.engine_thread.wake()
        held = HELD_BECAUSE.get(window.engine_state)
        self.queued.emit(order_id, status, self.tr(held) if held else "")

    @Slot(int, bool, str)
    def on_update_finished(self, update_id: int, ok: bool, message: str) -> None:
        """Any update finished: the band says it; a scan's also sounds when sent."""
        window = self._window
        window.model.refresh(update_id)
        row = window.store.get(update_id) if window.model.attached else None
        order_id = row.order_id if row is not None else "?"
        loud = update_id in self._scanned_ids
        self._scanned_ids.discard(update_id)
        self.updateFinished.emit(order_id, ok, message, loud)

    def _submit_when_open(self) -> None:
        """Enter pressed before the history is open (a few ms after the window shows):
        the scan stays in the field and is submitted as soon as it is open."""
        if not self._submit_waiting:
            self._submit_waiting = True
            QTimer.singleShot(10, self._submit_waiting_scan)

    @Slot()
    def _submit_waiting_scan(self) -> None:
        self._submit_waiting = False
        if self._window.order_id_edit.text().strip():
            self.submit()

    def _run_command(self, command: Command) -> None:
        """A command barcode: never sent, never recorded as an update."""
        from flxdesk.station.command_codes import Action

        window = self._window
        if command.action is Action.ARM_STATUS:
            assert command.status is not None
            words = window.armed.arm_from_command(command.status)
            if words:  # "": a supervisor's badge is asked for, in words of its own
                self.info.emit(words)
        elif command.action is Action.ACKNOWLEDGE:
            self.acknowledgeRequested.emit()
        elif command.action is Action.CLEAR_NOTE:
            window.note_edit.clear()
            self.info.emit(self.tr("Note cleared."))
        elif command.action is Action.SIGN_OUT:
            self.signOutRequested.emit()

    def _previous_update_at(self, order_id: str, status: str, since: float) -> float | None:
        from flxdesk.history.query import HistoryQuery

        return HistoryQuery(self._window.store).previous_update_at(order_id, status, since)

    @Slot()
    def _note_finished(self) -> None:
        """Enter in the note: send what is in the order field, else back to it."""
        if self._window.order_id_edit.text().strip():
            self.submit()
        else:
            self._window.order_id_edit.setFocus()

    @Slot(int)
    def _back_to_order_field(self, _index: int = 0) -> None:
        self._window.order_id_edit.setFocus()

    @Slot(str, str)
    def on_armed(self, status: str, why: str) -> None:
        """The armed status changed: the band says so (not for a command, which says it)."""
        from flxdesk.orders.statuses import status_label

        if why == "idle":
            self.info.emit(
                self.tr("No scan for a while: back to the station's {status}.").format(
                    status=status_label(status)
                )
            )
        elif not why:
            self.info.emit(
                self.tr("Armed: {status}. Every scan is set to {status}.").format(
                    status=status_label(status)
                )
            )
        self._window.order_id_edit.setFocus()


def _is_command_code(text: str) -> bool:
    """A code flxdesk knows (a command barcode): a burst reading as one teaches ``auto``."""
    from flxdesk.station.command_codes import parse_command

    return parse_command(text) is not None
