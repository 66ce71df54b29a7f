"""The rules of a scan, without a window: taken, a command, or refused with its words."""

from __future__ import annotations

import time

import pytest

from flxdesk.orders.notes import MAX_NOTE_LENGTH
from flxdesk.station.command_codes import Action
from flxdesk.station.duplicate_guard import DuplicateGuard
from flxdesk.station.scan_rules import StationNow, Verdict, judge_scan

READY = StationNow(
    armed_status="Closed",
    note="",
    unacknowledged_failures=0,
    refuse_while_unacknowledged=True,
    sending_refusal="",
)


class History:
    """Updates this station made: (order ID, status) -> when."""

    def __init__(self) -> None:
        self.made: dict[tuple[str, str], float] = {}

    def previous_at(self, order_id: str, status: str, since: float) -> float | None:
        at = self.made.get((order_id, status))
        return at if at is not None and at >= since else None


@pytest.fixture
def history() -> History:
    return History()


@pytest.fixture
def guard(history: History) -> DuplicateGuard:
    return DuplicateGuard(history.previous_at, window_seconds=600, confirm_seconds=8)


def test_a_clean_scan_is_taken_with_the_armed_status_and_the_note(guard) -> None:
    now = READY._replace(armed_status="On Hold", note="  fragile  ")
    judged = judge_scan("  1002\t", now, guard)
    assert judged.verdict is Verdict.TAKEN
    assert (judged.order_id, judged.status, judged.note) == ("1002", "On Hold", "fragile")


def test_a_command_barcode_is_a_command_and_never_an_order(guard) -> None:
    judged = judge_scan("flxcmd  ack ", READY, guard)
    assert judged.verdict is Verdict.COMMAND
    assert judged.command is not None and judged.command.action is Action.ACKNOWLEDGE
    assert judged.order_id == ""


def test_an_unknown_command_is_refused_and_nothing_is_kept(guard) -> None:
    judged = judge_scan("FLXCMD LAUNCH", READY, guard)
    assert judged.verdict is Verdict.REFUSED
    assert judged.words == "Unknown command barcode 'FLXCMD LAUNCH': nothing done."
    assert judged.keep == ""


def test_unacknowledged_failures_refuse_a_scan_naming_it(guard) -> None:
    judged = judge_scan("1003", READY._replace(unacknowledged_failures=2), guard)
    assert judged.verdict is Verdict.REFUSED
    assert judged.words.startswith("Not taken: 1003. Acknowledge the failures first")
    assert judge_scan("", READY._replace(unacknowledged_failures=1), guard).words.startswith(
        "Not taken: the scan."
    )


def test_a_station_may_take_scans_while_failures_are_unacknowledged(guard) -> None:
    now = READY._replace(unacknowledged_failures=2, refuse_while_unacknowledged=False)
    assert judge_scan("1003", now, guard).verdict is Verdict.TAKEN


def test_a_command_still_works_while_failures_wait(guard) -> None:
    judged = judge_scan("FLXCMD ACK", READY._replace(unacknowledged_failures=3), guard)
    assert judged.verdict is Verdict.COMMAND


def test_an_id_that_cannot_be_sent_is_kept_selected_to_correct(guard) -> None:
    judged = judge_scan(" 10\x0702 ", READY, guard)
    assert judged.verdict is Verdict.REFUSED
    assert "control characters" in judged.words
    assert (judged.keep, judged.select_kept) == ("10\x0702", True)


def test_an_empty_scan_asks_for_an_order_id(guard) -> None:
    judged = judge_scan("   ", READY, guard)
    assert (judged.verdict, judged.words) == (Verdict.REFUSED, "Scan or type an order ID first.")


def test_a_note_too_long_refuses_the_scan_and_keeps_the_id(guard) -> None:
    judged = judge_scan("1004", READY._replace(note="x" * (MAX_NOTE_LENGTH + 1)), guard)
    assert judged.verdict is Verdict.REFUSED
    assert f"{MAX_NOTE_LENGTH + 1} characters long" in judged.words
    assert (judged.keep, judged.select_kept) == ("1004", True)


def test_a_repeat_is_held_naming_when_and_a_second_scan_sends_it(guard, history) -> None:
    made_at = time.time() - 60
    history.made[("1005", "Closed")] = made_at
    held = judge_scan("1005", READY, guard)
    assert held.verdict is Verdict.REFUSED
    when = time.strftime("%H:%M", time.localtime(made_at))
    assert held.words == (
        f"1005 was already set to Closed at {when}: not sent again. "
        "Scan it again within 8 s to send it anyway."
    )
    assert held.keep == ""
    assert judge_scan("1005", READY, guard).verdict is Verdict.TAKEN


def test_a_repeat_made_at_another_station_is_held_naming_the_station(guard, history) -> None:
    made_at = time.time() - 90
    elsewhere = {("1007", "Closed"): ("PACK-1", made_at), ("1008", "Closed"): ("PACK-1", 0.0)}

    def other_stations(order_id: str, status: str, since: float):
        found = elsewhere.get((order_id, status))
        return found if found is not None and found[1] >= since else None

    guard.elsewhere = other_stations
    held = judge_scan("1007", READY, guard)
    when = time.strftime("%H:%M", time.localtime(made_at))
    assert held.verdict is Verdict.REFUSED
    assert held.words == (
        f"1007 was already set to Closed at PACK-1, {when}: not sent again. "
        "Scan it again within 8 s to send it anyway."
    )
    assert judge_scan("1007", READY, guard).verdict is Verdict.TAKEN  # the rescan sends it
    assert judge_scan("1008", READY, guard).verdict is Verdict.TAKEN  # outside the window
    history.made[("1009", "Closed")] = made_at + 30  # this station's own comes first
    elsewhere[("1009", "Closed")] = ("PACK-1", made_at)
    assert "at PACK-1" not in judge_scan("1009", READY, guard).words


def test_the_same_order_to_another_status_is_not_a_repeat(guard, history) -> None:
    history.made[("1005", "Closed")] = time.time() - 60
    now = READY._replace(armed_status="On Hold")
    assert judge_scan("1005", now, guard).verdict is Verdict.TAKEN


def test_stopped_sending_refuses_and_keeps_the_scan_to_send_later(guard) -> None:
    stopped = "Not taken: sending has stopped."
    judged = judge_scan(" 1006 ", READY._replace(sending_refusal=stopped), guard)
    assert judged.verdict is Verdict.REFUSED
    assert (judged.words, judged.keep, judged.select_kept) == (stopped, "1006", False)
