"""Pacing: never 3 request starts in one second, Retry-After honoured and bounded."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from flxdesk.flxpoint.client import FlxpointClient
from flxdesk.flxpoint.demo_api import DemoApi
from flxdesk.flxpoint.jitter_margin import Cause, JitterPolicy
from flxdesk.flxpoint.rate_limit import (
    RETRY_AFTER_MAX,
    RETRY_AFTER_MIN,
    RateLimiter,
    SharingPolicy,
    bounded_retry_after,
    limiter_for_token,
    parse_retry_after,
)
from support.sim_clock import SimClock
from support.timing import three_in_one_second


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_parse_retry_after_seconds_and_http_date() -> None:
    now = datetime(2026, 11, 26, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, RETRY_AFTER_MIN), (-5, RETRY_AFTER_MIN), (1e9, RETRY_AFTER_MAX), (3, 3), (None, 1.0)],
)
def test_retry_after_is_bounded(value: float | None, expected: float) -> None:
    assert bounded_retry_after(value) == expected


def test_third_start_waits_for_the_window() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, margin=0.0)
    assert limiter.reserve()[0] == 100.0
    assert limiter.reserve()[0] == 100.0
    assert limiter.reserve()[0] == 101.0
    assert limiter.reserve()[0] == 101.0
    assert limiter.reserve()[0] == 102.0


def test_pause_delays_the_next_start() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, margin=0.0)
    limiter.pause(5.0)
    assert limiter.reserve()[0] == 105.0


def test_stop_interrupts_a_wait_at_once() -> None:
    limiter = RateLimiter()
    limiter.pause(30.0)
    stop = threading.Event()
    stop.set()
    assert limiter.wait_for_slot(stop) is False


def test_limiters_are_per_token() -> None:
    assert limiter_for_token("token-a") is limiter_for_token("token-a")
    assert limiter_for_token("token-a") is not limiter_for_token("token-b")


class RecordingLimiter(RateLimiter):
    """The limiter, noting the start it grants each caller (its schedule, exactly)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.starts: list[float] = []

    def reserve(self) -> tuple[float, int]:
        start, serial = super().reserve()
        self.starts.append(start)
        return start, serial


def test_twenty_updates_fired_at_once_never_put_three_starts_in_one_second() -> None:
    """The limiter's schedule, which it alone decides: when each of twenty callers may
    start, and when their requests reach the server, in virtual time. Real arrival times
    also carry the machine's thread wake-ups, which are the benchmark's to measure
    (bench/throughput.py against the strict window)."""
    token = "burst-token"
    clock = SimClock()
    limiter = RecordingLimiter(clock=clock.now, wait=clock.wait)
    with DemoApi(token=token, clock=clock.now, sleep=clock.serve) as api:
        clients = [FlxpointClient(api.url, token) for _ in range(20)]
        results = []

        def send(client: FlxpointClient, order: int) -> None:
            limiter.wait_for_slot()
            with clock.in_flight():
                results.append(client.update_status(str(order), "Closed"))

        threads = [
            threading.Thread(target=send, args=(client, 1000 + n))
            for n, client in enumerate(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert len(api.requests) == 20
    starts = limiter.starts
    assert len(starts) == 20  # one grant each: no pause made anyone ask again
    assert three_in_one_second(starts) == []
    assert three_in_one_second([seen.arrived for seen in api.requests]) == []
    assert all(result.ok for result in results), [r.message for r in results if not r.ok]
    # and the limiter is not needlessly slow: two at a time, a window and its margin apart
    spacing = 1.0 + JitterPolicy().base
    assert [round(t - min(starts), 6) for t in sorted(starts)] == [
        round(n // 2 * spacing, 6) for n in range(20)
    ]


def test_429s_halve_the_pace_which_grows_back_with_time() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, margin=0.0, jitter=lambda: 0.0)
    limiter.on_throttled()
    assert limiter.rate == 1.0
    limiter.on_throttled()  # within the hold: answers to requests already sent
    assert limiter.rate == 1.0
    assert [limiter.reserve()[0] for _ in range(3)] == [100.0, 101.0, 102.0]
    clock.now += 2.0
    limiter.on_throttled()
    assert limiter.rate == pytest.approx((1.0 + 2 * 0.05) / 2)
    clock.now += 4.0  # no 429 for 4 s: +0.05 per second
    assert limiter.rate == pytest.approx(0.55 + 0.2)
    clock.now += 60.0  # alone again: the increase speeds up, back to the full budget
    assert limiter.rate == 2.0


def test_the_pace_never_drops_below_the_floor() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, jitter=lambda: 0.0)
    rates = []
    for _ in range(10):
        clock.now += 1.5
        limiter.on_throttled()
        rates.append(limiter.rate)
    # Halved from 2 per second (and grown 1.5 s between), it reaches the floor at the
    # fourth 429 and stays there: on the fake clock, exactly.
    assert rates[3:] == [0.2] * 7
    assert min(rates) == 0.2


def test_a_pause_frees_the_slots_claimed_after_it() -> None:
    """Retry-After is honoured exactly: claimed slots do not push the restart later."""
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, margin=0.0)
    assert [limiter.reserve()[0] for _ in range(4)] == [100.0, 100.0, 101.0, 101.0]
    clock.now = 100.2
    _, serial = limiter.reserve()  # a third sender's slot, claimed for 102.0
    limiter.pause(1.0)
    start, new_serial = limiter.reserve()
    assert new_serial != serial  # wait_for_slot sees this and claims again
    assert start == pytest.approx(101.2)  # not after the freed slots at 101 and 102
    assert limiter.reserve()[0] == pytest.approx(101.2)  # the hard cap still holds: 2 per s
    assert limiter.reserve()[0] == pytest.approx(102.2)


def test_a_429_shifts_the_rhythm_by_a_bounded_random_part_of_the_spacing() -> None:
    clock = FakeClock()
    limiter = RateLimiter(
        clock=clock, margin=0.0, jitter=lambda: 1.0, sharing=SharingPolicy(push=0.25)
    )
    limiter.pause(1.0)  # what the engine does with Retry-After: 1 ...
    limiter.on_throttled()  # ... then the pace halves to 1 per second
    assert limiter.rate == 1.0
    # the pause, plus at most a quarter of the new 1 s spacing
    assert limiter.reserve()[0] == pytest.approx(101.25)
    assert limiter.reserve()[0] == pytest.approx(102.25)


def test_alone_the_limiter_allows_the_full_budget() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, margin=0.0)
    starts = [limiter.reserve()[0] for _ in range(20)]
    assert (len(starts) - 2) / (starts[-1] - starts[0]) == pytest.approx(2.0)
    assert limiter.rate == 2.0


def at_full_pace(limiter: RateLimiter, clock: FakeClock, pairs: int) -> list[float]:
    """Start ``pairs`` pairs as the engine does alone (two in flight), the clock following."""
    starts = []
    for _ in range(pairs):
        for _ in range(2):
            start, _ = limiter.reserve()
            clock.now = max(clock.now, start)
            starts.append(start)
    clock.now += 0.05  # the last pair's answers come back
    return starts


def test_a_lone_429_at_full_pace_widens_the_spacing_and_keeps_the_pace() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, jitter=lambda: 0.0)
    starts = at_full_pace(limiter, clock, 3)
    assert starts[2] - starts[0] == pytest.approx(1.02)
    assert limiter.on_throttled() is Cause.JITTER
    assert limiter.rate == 2.0  # not halved
    assert limiter.margin == pytest.approx(0.04)
    limiter.pause(1.0)
    clock.now += 1.0
    after = at_full_pace(limiter, clock, 3)
    assert after[2] - after[0] == pytest.approx(1.04, abs=0.001)  # a little wider
    assert after[1] == after[0]  # still two at a time


def test_429s_one_after_another_are_sharing_and_halve_the_pace() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, jitter=lambda: 0.0)
    at_full_pace(limiter, clock, 3)
    assert limiter.on_throttled() is Cause.JITTER
    clock.now += 0.5
    assert limiter.on_throttled() is None  # answers a request sent before the first
    limiter.pause(1.0)
    clock.now += 1.0
    at_full_pace(limiter, clock, 2)
    assert limiter.on_throttled() is Cause.SHARING  # a second one within 10 s
    assert limiter.rate == pytest.approx(1.0)


def test_a_429_while_backing_off_for_sharing_is_sharing() -> None:
    clock = FakeClock()
    gentle = SharingPolicy(decrease=0.95, increase_per_second=0.001, quiet_doubles_every=100)
    limiter = RateLimiter(clock=clock, jitter=lambda: 0.0, sharing=gentle)
    at_full_pace(limiter, clock, 3)
    assert limiter.on_throttled() is Cause.JITTER
    clock.now += 1.5
    assert limiter.on_throttled() is Cause.SHARING
    clock.now += 10.5  # quiet for longer than a lone 429 needs, but not yet at full pace
    assert 1.9 < limiter.rate < 2.0
    starts = at_full_pace(limiter, clock, 2)  # about 0.52 s apart: near the cap
    assert starts[2] - starts[0] < 1.0 + 0.1
    assert limiter.on_throttled() is Cause.SHARING


def test_the_widened_margin_is_given_back_over_quiet_minutes() -> None:
    clock = FakeClock()
    limiter = RateLimiter(
        clock=clock, jitter_policy=JitterPolicy(step=0.02, decay_per_second=0.02 / 300)
    )
    at_full_pace(limiter, clock, 3)
    limiter.on_throttled()
    assert limiter.margin == pytest.approx(0.04)
    clock.now += 150.0
    assert limiter.margin == pytest.approx(0.03)
    clock.now += 150.0
    assert limiter.margin == pytest.approx(0.02)
    clock.now += 600.0
    assert limiter.margin == pytest.approx(0.02)  # never below where it started


def test_a_start_that_woke_late_is_counted_from_when_it_left() -> None:
    """A busy machine wakes a sender late: the next starts keep the window from the real
    start, or the server would count them too close together."""
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, margin=0.0)
    stop = threading.Event()
    assert limiter.wait_for_slot(stop) and limiter.wait_for_slot(stop)  # both at 100.0
    readings = iter([100.5, 101.3])  # claims the 101.0 slot at 100.5; awake at 101.3

    def late_clock() -> float:
        clock.now = next(readings, clock.now)
        return clock.now

    limiter._clock = late_clock
    assert limiter.wait_for_slot(stop)
    assert limiter.reserve()[0] == 101.3  # two in any second: 100.0 is over a second ago
    assert limiter.reserve()[0] == 102.3  # a full window after the late start, not 102.0
