"""Signing in and out at a station, on an injected clock: badges, PINs, idle, required."""

from __future__ import annotations

from flxdesk.operators.pins import PIN_PATTERN, hash_pin
from flxdesk.operators.roster import Operator, Roster
from flxdesk.operators.sign_in import PIN_LOCK_SECONDS, PIN_TRIES, OperatorDesk, SignInMode, Step

MARIA = Operator("0042", "Maria López")
SAM = Operator("0077", "Sam Lee", supervisor=True, pin_hash=hash_pin("2468", salt=b"s" * 16))
ROSTER = Roster((MARIA, SAM))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def desk(mode: SignInMode = SignInMode.REQUIRED, idle: float = 30.0) -> tuple[OperatorDesk, Clock]:
    clock = Clock()
    return OperatorDesk(ROSTER, mode, idle, clock), clock


def test_a_badge_signs_in_another_switches_and_the_same_one_again_changes_nothing() -> None:
    station, _ = desk()
    first = station.badge("0042")
    assert (first.step, first.operator, first.words) == (
        Step.SIGNED_IN,
        MARIA,
        "Signed in: Maria López.",
    )
    again = station.badge("0042")
    assert (again.step, station.current) == (Step.STILL, MARIA)
    assert station.badge("0077").step is Step.NEEDS_PIN
    assert station.current == MARIA  # not switched until the PIN is right
    switched = station.pin("2468")
    assert (switched.step, switched.operator, switched.previous) == (Step.SWITCHED, SAM, MARIA)
    assert switched.words == "Signed in: Sam Lee (Maria López signed out)."


def test_an_unknown_badge_changes_nobody_and_is_refused() -> None:
    station, _ = desk()
    station.badge("0042")
    unknown = station.badge("9999")
    assert unknown.step is Step.UNKNOWN and unknown.refused
    assert unknown.words == "Unknown badge 9999: nobody was signed in."
    assert station.current == MARIA


def test_a_wrong_pin_signs_nobody_in_and_five_make_the_badge_wait() -> None:
    station, clock = desk()
    station.badge("0077")
    wrong = station.pin("1111")
    assert (wrong.step, station.current) == (Step.WRONG_PIN, None)
    assert "1111" not in wrong.words
    for _ in range(PIN_TRIES - 2):
        assert station.pin("1111").step is Step.WRONG_PIN
    locked = station.pin("1111")
    assert locked.step is Step.LOCKED and "try again in 60 s" in locked.words
    assert station.badge("0077").step is Step.LOCKED  # the right PIN is not even asked
    clock.now += PIN_LOCK_SECONDS
    assert station.badge("0077").step is Step.NEEDS_PIN
    assert station.pin("2468").step is Step.SIGNED_IN


def test_the_idle_time_signs_out_and_any_activity_starts_it_anew() -> None:
    station, clock = desk(idle=30)
    station.badge("0042")
    clock.now += 29 * 60
    assert station.sign_out_if_idle() is None
    station.note_activity()
    clock.now += 29 * 60
    assert station.sign_out_if_idle() is None and station.idle_left() == 60.0
    clock.now += 60
    out = station.sign_out_if_idle()
    assert out is not None and out.step is Step.SIGNED_OUT and out.previous == MARIA
    assert out.words == "Maria López was signed out after 30 idle minutes."
    assert station.current is None and station.sign_out_if_idle() is None


def test_no_idle_sign_out_at_zero_minutes() -> None:
    station, clock = desk(idle=0)
    station.badge("0042")
    clock.now += 10 * 24 * 3600
    assert station.sign_out_if_idle() is None and station.current == MARIA


def test_required_sign_in_refuses_a_scan_until_someone_signs_in() -> None:
    station, _ = desk(SignInMode.REQUIRED)
    assert station.refusal("1500") == "Scan your badge first: 1500 was not sent."
    station.badge("0042")
    assert station.refusal("1500") == ""
    station.sign_out()
    assert station.refusal("1500")
    optional, _ = desk(SignInMode.OPTIONAL)
    assert optional.refusal("1500") == ""


def test_with_sign_in_off_a_badge_does_nothing() -> None:
    station, _ = desk(SignInMode.OFF)
    off = station.badge("0042")
    assert off.step is Step.OFF and off.refused and station.current is None
    assert station.refusal("1500") == ""


def test_a_new_roster_signs_out_whoever_is_no_longer_on_it() -> None:
    station, _ = desk()
    station.badge("0042")
    assert station.set_roster(ROSTER) is None and station.current == MARIA
    gone = station.set_roster(Roster((SAM,)))
    assert gone is not None and gone.previous == MARIA and station.current is None


def test_sign_out_with_nobody_signed_in_says_so() -> None:
    station, _ = desk()
    assert station.sign_out().step is Step.NOBODY
    assert PIN_PATTERN.fullmatch("2468")
