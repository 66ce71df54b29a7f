"""Who is signed in at this station, on a given clock: badges, PINs, idle sign-out.

``OperatorDesk`` is the station's state; the window (or a test) hands it what happened
(a badge scanned or typed, a PIN entered, a sign-out code, a scan or key press) and says
what it answers, with the band's words. The clock is injected (``time.monotonic`` by
default), so idle sign-out is tested without waiting. Five wrong PINs in a row for a
badge make it wait ``PIN_LOCK_SECONDS`` before the next try.

``operator_sign_in``: ``off`` (badges are not asked for; flxdesk behaves as without
operators), ``optional`` (a scan with nobody signed in is sent without a name) or
``required`` (nothing is queued without an operator).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.operators.pins import pin_matches
from flxdesk.operators.roster import Operator, Roster

PIN_TRIES = 5
PIN_LOCK_SECONDS = 60.0


class SignInMode(StrEnum):
    OFF = "off"
    OPTIONAL = "optional"
    REQUIRED = "required"


class Step(Enum):
    SIGNED_IN = "signed_in"  # nobody was signed in
    SWITCHED = "switched"  # another operator was, and is signed out
    STILL = "still"  # the same operator's badge again: the idle time starts anew
    NEEDS_PIN = "needs_pin"  # ask for the PIN of ``operator``
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"  # too many wrong PINs: wait
    UNKNOWN = "unknown"  # no such badge: nobody's state changed
    SIGNED_OUT = "signed_out"
    NOBODY = "nobody"  # a sign-out with nobody signed in
    OFF = "off"  # sign-in is off at this station


class Answer(NamedTuple):
    step: Step
    operator: Operator | None = None  # who is signed in now (or whose PIN is asked)
    previous: Operator | None = None  # who was signed in before, when that changed
    words: str = ""  # what the band says

    @property
    def refused(self) -> bool:
        """Whether the band says it with the refused sound."""
        return self.step in (Step.WRONG_PIN, Step.LOCKED, Step.UNKNOWN, Step.OFF)


class OperatorDesk:
    """The signed-in operator at one station."""

    def __init__(
        self,
        roster: Roster,
        mode: SignInMode = SignInMode.OFF,
        idle_minutes: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._roster = roster
        self._mode = mode
        self._idle_seconds = idle_minutes * 60.0
        self._clock = clock
        self._current: Operator | None = None
        self._asking: Operator | None = None  # whose PIN is being asked
        self._last_activity = clock()
        self._wrong: dict[str, tuple[int, float]] = {}  # badge -> (wrong tries, last at)

    @property
    def mode(self) -> SignInMode:
        return self._mode

    @property
    def roster(self) -> Roster:
        return self._roster

    @property
    def current(self) -> Operator | None:
        return self._current

    @property
    def asking_pin_of(self) -> Operator | None:
        return self._asking

    def set_roster(self, roster: Roster) -> Answer | None:
        """A new roster (the floor's copy arrived): whoever is no longer on it is signed out."""
        self._roster = roster
        current = self._current
        if current is not None and roster.find(current.badge) != current:
            self._current = None
            words = translate("SignIn", "{name} was signed out: the badge is no longer set up.")
            return Answer(Step.SIGNED_OUT, None, current, words.format(name=current.name))
        return None

    def badge(self, badge: str) -> Answer:
        """A badge was scanned or typed."""
        if self._mode is SignInMode.OFF:
            words = translate("SignIn", "Badges are not used at this station: nothing done.")
            return Answer(Step.OFF, self._current, words=words)
        operator = self._roster.find(badge)
        if operator is None:
            words = translate("SignIn", "Unknown badge {badge}: nobody was signed in.")
            return Answer(Step.UNKNOWN, self._current, words=words.format(badge=badge))
        self.note_activity()
        if operator == self._current:
            self._asking = None
            words = translate("SignIn", "{name} is signed in.").format(name=operator.name)
            return Answer(Step.STILL, operator, words=words)
        if operator.pin_hash:
            locked = self._locked_words(operator)
            if locked:
                return Answer(Step.LOCKED, self._current, words=locked)
            self._asking = operator
            words = translate("SignIn", "{name}: type your PIN.").format(name=operator.name)
            return Answer(Step.NEEDS_PIN, operator, words=words)
        return self._sign_in(operator)

    def pin(self, pin: str) -> Answer:
        """The PIN typed for the badge last scanned (``asking_pin_of``)."""
        operator = self._asking
        if operator is None:
            return Answer(Step.NOBODY, self._current)
        locked = self._locked_words(operator)
        if locked:
            self._asking = None
            return Answer(Step.LOCKED, self._current, words=locked)
        if pin_matches(pin, operator.pin_hash):
            self._wrong.pop(operator.badge, None)
            self._asking = None
            return self._sign_in(operator)
        tries, _ = self._wrong.get(operator.badge, (0, 0.0))
        self._wrong[operator.badge] = (tries + 1, self._clock())
        words = translate("SignIn", "Wrong PIN for {name}: nobody was signed in.")
        if tries + 1 >= PIN_TRIES:
            self._asking = None
            return Answer(Step.LOCKED, self._current, words=self._locked_words(operator))
        return Answer(Step.WRONG_PIN, operator, words=words.format(name=operator.name))

    def cancel_pin(self) -> None:
        self._asking = None

    def sign_out(self, *, idle: bool = False) -> Answer:
        """``FLXCMD SIGN OUT``, the menu, or the idle time."""
        operator, self._current, self._asking = self._current, None, None
        if operator is None:
            words = translate("SignIn", "Nobody is signed in.")
            return Answer(Step.NOBODY, words=words)
        if idle:
            words = translate("SignIn", "{name} was signed out after {minutes} idle minutes.")
            text = words.format(name=operator.name, minutes=f"{self._idle_seconds / 60:g}")
        else:
            text = translate("SignIn", "{name} signed out.").format(name=operator.name)
        return Answer(Step.SIGNED_OUT, None, operator, text)

    def note_activity(self) -> None:
        """A scan, a key or a click at the station: the idle time starts anew."""
        self._last_activity = self._clock()

    def idle_left(self) -> float | None:
        """Seconds until the idle sign-out, or None when it does not apply now."""
        if self._current is None or self._idle_seconds <= 0:
            return None
        return max(0.0, self._last_activity + self._idle_seconds - self._clock())

    def sign_out_if_idle(self) -> Answer | None:
        """Sign out when the idle time has passed since the last activity."""
        left = self.idle_left()
        if left is None or left > 0:
            return None
        return self.sign_out(idle=True)

    def refusal(self, scan: str) -> str:
        """Why ``scan`` may not be queued now ("" when it may): sign-in required, nobody in."""
        if self._mode is SignInMode.REQUIRED and self._current is None:
            words = translate("SignIn", "Scan your badge first: {scan} was not sent.")
            return words.format(scan=scan.strip())
        return ""

    def _sign_in(self, operator: Operator) -> Answer:
        previous, self._current = self._current, operator
        self.note_activity()
        if previous is None:
            words = translate("SignIn", "Signed in: {name}.").format(name=operator.name)
            return Answer(Step.SIGNED_IN, operator, words=words)
        words = translate("SignIn", "Signed in: {name} ({previous} signed out).")
        text = words.format(name=operator.name, previous=previous.name)
        return Answer(Step.SWITCHED, operator, previous, text)

    def _locked_words(self, operator: Operator) -> str:
        tries, last = self._wrong.get(operator.badge, (0, 0.0))
        if tries < PIN_TRIES:
            return ""
        left = last + PIN_LOCK_SECONDS - self._clock()
        if left <= 0:
            self._wrong.pop(operator.badge, None)
            return ""
        words = translate("SignIn", "Too many wrong PINs for {name}: try again in {seconds} s.")
        return words.format(name=operator.name, seconds=f"{left:.0f}")
