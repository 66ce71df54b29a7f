"""Who is at the station, in the window: badges, PINs, the idle sign-out, a supervisor's
approval, and who asked for each update.

The rules are Qt-free in ``flxdesk.operators``; this part holds their ``OperatorDesk``
(built from ``settings.operators``), asks what they need asked (the PIN, a badge typed
by hand, a supervisor's badge) in small dialogs that scans do not get lost behind
(``gui.common.typed_answer``), signs out after the idle time with a QTimer driven by
``OperatorDesk.idle_left`` (key presses, clicks and scans are activity; the desk's
clock can be given, so a test moves time instead of waiting), and says what happened
by signal: the band's words (``welcomed`` with the ready sound, ``refused`` with the
refused sound, ``told``), and ``operator_changed`` with the name ("" for nobody), which
the title, the status bar and the floor follow. Screen readers hear each change.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from flxdesk.gui.station.announce import announce
from flxdesk.operators.sign_in import Answer, OperatorDesk, SignInMode, Step
from flxdesk.operators.signature import room_for_note, sign

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from flxdesk.gui.common.typed_answer import TypedAnswer
    from flxdesk.history.store import AskedBy
    from flxdesk.operators.approval import Approval
    from flxdesk.operators.operator_settings import OperatorSettings
    from flxdesk.operators.roster import Operator, Roster

Clock = Callable[[], float]
DEFAULT_NOTE_ROOM = 32767  # QLineEdit's own limit: the note's length is checked with words
_WELCOMED = (Step.SIGNED_IN, Step.SWITCHED, Step.STILL)


class OperatorPart(QObject):
    operator_changed = Signal(str)  # the operator's name; "" for nobody
    welcomed = Signal(str)  # signed in, or approved: the band and the ready sound
    refused = Signal(str)  # a badge, PIN or approval not taken: the band, the refused sound
    told = Signal(str)  # signed out, a PIN or a supervisor asked for: the band
    announced = Signal(str)  # what screen readers were told (also when none listens)

    def __init__(
        self,
        settings: OperatorSettings,
        station: str,
        parent: QWidget,
        note_edit: QLineEdit,
        *,
        clock: Clock = time.monotonic,
    ) -> None:
        """``station``: this station's name (the note's signature); ``parent``: the window,
        over which the questions open; ``note_edit``: the note box, whose limit leaves room
        for the signature."""
        super().__init__(parent)
        self._settings = settings
        self._station = station
        self._parent = parent
        self._note_edit = note_edit
        self.desk = self._new_desk(settings.operators, clock)
        self.question: TypedAnswer | None = None  # the question open now, if any
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._idle_check)
        self._watching = False
        # What counts as activity (the event classes and types), set by ``start``.
        self._activity: tuple[tuple[type, ...], frozenset[object]] = ((), frozenset())

    # --- what the station asks of it ---------------------------------------------------
    @property
    def enabled(self) -> bool:
        """Whether operators sign in at this station (``operator_sign_in`` not off)."""
        return self.desk.mode is not SignInMode.OFF

    @property
    def required(self) -> bool:
        return self.desk.mode is SignInMode.REQUIRED

    @property
    def name(self) -> str:
        """Who is signed in ("" for nobody)."""
        current = self.desk.current
        return current.name if current is not None else ""

    @property
    def badge_needed(self) -> bool:
        """Sign-in is required and nobody is signed in: nothing may be queued."""
        return self.required and self.desk.current is None

    @property
    def idle_timer(self) -> QTimer:
        """Fires when the idle time may have passed (``OperatorDesk.idle_left``)."""
        return self._idle

    def refusal(self, scan: str) -> str:
        """Why ``scan`` may not be queued now ("" when it may)."""
        return self.desk.refusal(scan)

    def asked_by(self, approved_by: str = "") -> AskedBy:
        """Who asks for an update queued now, and the supervisor who approved its status."""
        from flxdesk.history.store import AskedBy

        return AskedBy(self.name, approved_by)

    def signed_note(self, note: str) -> str:
        """The note as Flxpoint keeps it (``note_signature``, when set and someone is in)."""
        return sign(note.strip(), self._settings.note_signature, self.name, self._station)

    def needs_supervisor(self, status: str) -> bool:
        return status in self._settings.supervisor_for

    def start(self) -> None:
        """After the first paint: key presses and clicks anywhere are activity. (The event
        classes are imported here: QEvent.Type has ~180 members to build.)"""
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent, QMouseEvent
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None and self.enabled and not self._watching:
            self._activity = (
                (QKeyEvent, QMouseEvent),
                frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress}),
            )
            app.installEventFilter(self)
            self._watching = True

    def stop(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._idle.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def use_clock(self, clock: Clock) -> None:
        """Read time from ``clock`` from now on (tests); whoever was signed in is out."""
        self.desk = self._new_desk(self.desk.roster, clock)
        self._idle.stop()
        self._signed_in_or_out()

    def set_roster(self, roster: Roster) -> None:
        """A new list of operators (the floor's copy): whoever is no longer on it is out."""
        answer = self.desk.set_roster(roster)
        if answer is not None:
            self._answer(answer)

    # --- activity --------------------------------------------------------------------
    def note_activity(self) -> None:
        """A scan: the idle time starts anew."""
        self.desk.note_activity()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: most are turned away by the cheap
        # isinstance (no Python enum is made for their type).
        classes, types = self._activity
        if isinstance(event, classes) and event.type() in types:
            self.desk.note_activity()
        return False

    @Slot()
    def _idle_check(self) -> None:
        answer = self.desk.sign_out_if_idle()
        if answer is not None:
            self._answer(answer)
        else:
            self._schedule_idle()

    def _schedule_idle(self) -> None:
        left = self.desk.idle_left()
        if left is None:
            self._idle.stop()
        else:  # at most QTimer's longest wait; it looks again when it fires
            self._idle.start(min(int(left * 1000) + 1, 2**31 - 1))

    # --- signing in and out ------------------------------------------------------------
    def take_badge(self, badge: str) -> None:
        """A badge scanned (``FLXOP <badge>``) or typed."""
        self._close_question()
        self._answer(self.desk.badge(badge))

    @Slot()
    def sign_out(self) -> None:
        """``FLXCMD SIGN OUT``, or Operator → Sign out."""
        self._close_question()
        self._answer(self.desk.sign_out())

    @Slot()
    def ask_badge(self) -> None:
        """Operator → Sign in…: the badge number typed (for a scanner that does not read)."""
        if not self.enabled:
            self._answer(self.desk.badge(""))  # says that badges are not used here
            return
        question = self._ask(
            "signInQuestion",
            self.tr("Sign in"),
            self.tr("Type your badge number, then Enter (or scan your badge)."),
            self.tr("Badge number"),
            secret=False,
        )
        question.answered.connect(self.take_badge)

    def _ask_pin(self, operator: Operator) -> None:
        text = self.tr("{name}: type your PIN, then Enter.").format(name=operator.name)
        question = self._ask("pinQuestion", self.tr("PIN"), text, self.tr("PIN"), secret=True)
        question.answered.connect(self._pin_typed)
        question.declined.connect(self._pin_declined)
        self._say_to_readers(text)

    @Slot(str)
    def _pin_typed(self, pin: str) -> None:
        self._answer(self.desk.pin(pin))

    @Slot()
    def _pin_declined(self) -> None:
        if self.desk.asking_pin_of is not None:
            self.desk.cancel_pin()
            self.told.emit(self.tr("Nobody was signed in: the PIN was not typed."))

    def _answer(self, answer: Answer) -> None:
        """Do and say what the desk answered."""
        step = answer.step
        if step in _WELCOMED:
            self.welcomed.emit(answer.words)
            self._say_to_readers(answer.words)
        elif step is Step.NEEDS_PIN:
            assert answer.operator is not None
            self.told.emit(answer.words)
            self._ask_pin(answer.operator)
        elif step is Step.WRONG_PIN:
            assert answer.operator is not None
            self.refused.emit(answer.words)
            self._say_to_readers(answer.words)
            self._ask_pin(answer.operator)  # the desk counts the tries and locks
        elif answer.refused:
            self.refused.emit(answer.words)
            self._say_to_readers(answer.words)
        elif answer.words:
            self.told.emit(answer.words)
            self._say_to_readers(answer.words)
        if step in (Step.SIGNED_IN, Step.SWITCHED, Step.SIGNED_OUT):
            self._signed_in_or_out()
        elif step is Step.STILL:
            self._schedule_idle()

    def _signed_in_or_out(self) -> None:
        name = self.name
        template = self._settings.note_signature
        # With a signature the note box leaves room for it; without, a note too long is
        # refused in words (flxdesk.orders.notes), as it always was.
        signed = bool(template and name)
        room = room_for_note(template, name, self._station) if signed else DEFAULT_NOTE_ROOM
        self._note_edit.setMaxLength(room)
        self._schedule_idle()
        self.operator_changed.emit(name)

    # --- a supervisor's approval -------------------------------------------------------
    def ask_approval(
        self,
        status: str,
        on_approved: Callable[[str], object],
        on_refused: Callable[[], object] = lambda: None,
    ) -> None:
        """Arming ``status`` needs a supervisor's badge (and PIN, when set): ask for it;
        ``on_approved(name)`` when a supervisor approves, ``on_refused()`` otherwise."""
        from flxdesk.operators.approval import approve_by_badge
        from flxdesk.orders.statuses import status_label

        label = status_label(status)
        words = self.tr("{status} needs a supervisor: scan or type a supervisor's badge.")
        text = words.format(status=label)
        question = self._ask(
            "supervisorQuestion",
            self.tr("Supervisor's approval"),
            text,
            self.tr("Supervisor's badge number"),
            secret=False,
        )
        self.told.emit(text)
        self._say_to_readers(text)

        def badge_given(badge: str) -> None:
            approval = approve_by_badge(self.desk.roster, badge, status)
            if approval.needs_pin is not None:
                self.told.emit(approval.words)
                self._ask_supervisor_pin(approval.needs_pin, status, on_approved, on_refused)
            else:
                self._approval_done(approval, on_approved, on_refused)

        question.answered.connect(badge_given)
        question.declined.connect(lambda: self._not_approved(label, on_refused))

    def _ask_supervisor_pin(
        self,
        supervisor: Operator,
        status: str,
        on_approved: Callable[[str], object],
        on_refused: Callable[[], object],
    ) -> None:
        from flxdesk.operators.approval import approve_by_pin
        from flxdesk.orders.statuses import status_label

        words = self.tr("{name}: type your PIN to approve {status}, then Enter.")
        text = words.format(name=supervisor.name, status=status_label(status))
        question = self._ask(
            "supervisorPinQuestion", self.tr("Supervisor's PIN"), text, self.tr("PIN"), secret=True
        )
        self._say_to_readers(text)
        question.answered.connect(
            lambda pin: self._approval_done(
                approve_by_pin(supervisor, pin, status), on_approved, on_refused
            )
        )
        question.declined.connect(lambda: self._not_approved(status_label(status), on_refused))

    def _approval_done(
        self,
        approval: Approval,
        on_approved: Callable[[str], object],
        on_refused: Callable[[], object],
    ) -> None:
        self.desk.note_activity()
        if approval.supervisor is None:
            self.refused.emit(approval.words)
            self._say_to_readers(approval.words)
            on_refused()
            return
        on_approved(approval.supervisor.name)
        self.welcomed.emit(approval.words)
        self._say_to_readers(approval.words)

    def _not_approved(self, label: str, on_refused: Callable[[], object]) -> None:
        words = self.tr("{status} was not armed: no supervisor's badge.").format(status=label)
        self.refused.emit(words)
        self._say_to_readers(words)
        on_refused()

    # --- helpers -----------------------------------------------------------------------
    def _ask(self, name: str, title: str, text: str, field: str, *, secret: bool) -> TypedAnswer:
        from flxdesk.gui.common.typed_answer import TypedAnswer

        self._close_question()
        question = TypedAnswer(
            self._parent,
            name,
            title,
            text,
            field,
            secret=secret,
            scan_answer=_pin_scanned if secret else self._badge_scanned,
        )
        question.finished.connect(lambda _result: self._forget(question))
        self.question = question
        question.open()
        question.field.setFocus()
        return question

    def _forget(self, question: TypedAnswer) -> None:
        if self.question is question:
            self.question = None

    def _close_question(self) -> None:
        """A new question, a badge or a sign-out: the question open before is answered no."""
        question = self.question
        if question is not None and question.isVisible():
            question.reject()
        self.question = None

    def _badge_scanned(self, scan: str) -> str | None:
        """A badge question's answer in a scan: the badge of a ``FLXOP`` code, or a badge
        number of this roster typed as fast as a scanner types (keys that quick are taken
        by the scan capture, not the field); anything else is not the answer."""
        from flxdesk.operators.badges import scanned_badge

        badge = scanned_badge(scan)
        if badge:
            return badge
        typed = scan.strip()
        return typed if self.desk.roster.find(typed) is not None else None

    def _say_to_readers(self, text: str) -> None:
        announce(self._parent, text)
        self.announced.emit(text)

    def _new_desk(self, roster: Roster, clock: Clock) -> OperatorDesk:
        settings = self._settings
        return OperatorDesk(roster, settings.mode, settings.operator_idle_minutes, clock)


def _pin_scanned(scan: str) -> str | None:
    """A PIN question's answer in a scan: a PIN typed fast is still a PIN, never an order."""
    from flxdesk.operators.pins import PIN_PATTERN

    text = scan.strip()
    return text if PIN_PATTERN.fullmatch(text) else None
