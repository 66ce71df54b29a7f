"""A repeated scan of the same order and status is held, and sent when scanned again soon."""

from __future__ import annotations

from flxdesk.station.duplicate_guard import DuplicateGuard


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def make_guard(done: dict[tuple[str, str], float], clock: Clock) -> DuplicateGuard:
    def lookup(order_id: str, status: str, since: float) -> float | None:
        when = done.get((order_id, status))
        return when if when is not None and when >= since else None

    return DuplicateGuard(lookup, window_seconds=600, confirm_seconds=8, clock=clock)


def test_first_scan_is_sent() -> None:
    clock = Clock()
    assert make_guard({}, clock).check("1004", "Closed").send


def test_same_status_within_the_window_is_held_with_when_it_was_done() -> None:
    clock = Clock()
    guard = make_guard({("1004", "Closed"): clock.now - 120}, clock)
    verdict = guard.check("1004", "Closed")
    assert not verdict.send
    assert verdict.previous_at == clock.now - 120


def test_scanning_the_held_order_again_soon_sends_it() -> None:
    clock = Clock()
    guard = make_guard({("1004", "Closed"): clock.now - 120}, clock)
    assert not guard.check("1004", "Closed").send
    clock.now += 5
    assert guard.check("1004", "Closed").send


def test_a_late_repeat_is_held_again_and_other_orders_reset_the_confirmation() -> None:
    clock = Clock()
    guard = make_guard({("1004", "Closed"): clock.now - 120}, clock)
    assert not guard.check("1004", "Closed").send
    clock.now += 30
    assert not guard.check("1004", "Closed").send  # too late to count as "yes, again"
    assert guard.check("2001", "Closed").send
    clock.now += 1
    assert not guard.check("1004", "Closed").send


def test_a_different_status_or_an_old_update_is_sent() -> None:
    clock = Clock()
    guard = make_guard({("1004", "Closed"): clock.now - 601}, clock)
    assert guard.check("1004", "Closed").send
    assert guard.check("1004", "On Hold").send


def test_a_zero_window_turns_the_guard_off() -> None:
    clock = Clock()
    guard = make_guard({("1004", "Closed"): clock.now}, clock)
    guard.window_seconds = 0
    assert guard.check("1004", "Closed").send
