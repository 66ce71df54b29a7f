"""Telling jitter's 429s from sharing's: each rule on its own, on plain numbers."""

from __future__ import annotations

import pytest

from flxdesk.flxpoint.jitter_margin import (
    Cause,
    JitterMargin,
    JitterPolicy,
    cause_of_429,
    spread_of,
)

POLICY = JitterPolicy(base=0.02, step=0.02, most=0.1, isolated=10.0, decay_per_second=0.001)
# A lone station at its cap: pairs of starts 1.02 s apart (window 1.0 + margin 0.02).
AT_CAP = [100.0, 100.0, 101.02, 101.02]
NEVER = float("-inf")


def cause(starts=AT_CAP, now=101.1, full_pace=True, last_429=NEVER) -> Cause:
    return cause_of_429(
        starts,
        now,
        window=1.0,
        max_starts=2,
        full_pace=full_pace,
        last_429=last_429,
        policy=POLICY,
    )


def test_a_lone_429_at_full_pace_and_at_the_cap_is_jitter() -> None:
    assert cause() is Cause.JITTER


def test_a_429_soon_after_another_is_sharing() -> None:
    assert cause(last_429=101.1 - 9.9) is Cause.SHARING
    assert cause(last_429=101.1 - 10.0) is Cause.JITTER


def test_a_429_while_backing_off_is_sharing() -> None:
    assert cause(full_pace=False) is Cause.SHARING


def test_a_429_when_own_starts_left_more_room_than_jitter_could_take_is_sharing() -> None:
    # the third start 1.15 s after the first: only a delay of over 0.1 s could breach
    assert cause(starts=[100.0, 100.55, 101.15], now=101.2) is Cause.SHARING
    assert cause(starts=[100.0, 100.55, 101.09], now=101.2) is Cause.JITTER


def test_a_429_with_too_few_own_starts_to_breach_is_sharing() -> None:
    assert cause(starts=[100.0, 100.0], now=100.1) is Cause.SHARING


def test_starts_claimed_for_later_do_not_count() -> None:
    # the second pair is claimed but not started: the 429 answers the first pair
    assert cause(now=100.5) is Cause.SHARING


def test_the_margin_widens_by_a_step_up_to_the_most() -> None:
    margin = JitterMargin(POLICY)
    assert margin.at(100.0) == 0.02
    assert margin.widen(100.0) == pytest.approx(0.04)
    assert margin.at(100.0) == pytest.approx(0.04)
    for _ in range(10):
        margin.widen(100.0)
    assert margin.at(100.0) == pytest.approx(0.1)


def test_the_margin_shrinks_back_slowly_and_never_below_its_base() -> None:
    margin = JitterMargin(POLICY)
    margin.widen(100.0)
    assert margin.at(110.0) == pytest.approx(0.04 - 10 * 0.001)
    assert margin.at(200.0) == 0.02
    # widening again starts from what is left, not from the last peak
    assert margin.widen(110.0) == pytest.approx(0.03 + 0.02)


def test_a_margin_of_its_own_base_widens_from_it() -> None:
    margin = JitterMargin(POLICY, base=0.0)
    assert margin.at(0.0) == 0.0
    assert margin.widen(0.0) == pytest.approx(0.02)


def test_the_spread_of_round_trips_estimates_a_uniform_width() -> None:
    assert spread_of([]) == spread_of([0.3]) == 0.0
    # Two samples 20 ms apart: a spread of 150 ms would show a range that small a
    # quarter of the time (2x - x^2 = 1/4); 41 show about their own range.
    assert spread_of([0.30, 0.32], likely=0.25) == pytest.approx(0.02 / (1 - 0.75**0.5))
    assert 0.040 < spread_of([0.30 + n / 1000 for n in range(41)]) < 0.046
    # The more samples show a range, the closer the spread comes to it.
    widths = [spread_of([0.3, 0.34] + [0.32] * extra) for extra in range(0, 40, 5)]
    assert widths == sorted(widths, reverse=True)


def test_the_margin_is_at_least_the_learned_spread_and_at_most_the_widest() -> None:
    margin = JitterMargin(POLICY)
    assert margin.at(0.0) == 0.02
    for round_trip in (0.300, 0.300, 0.300):  # alike, but too few to believe
        assert margin.observe(round_trip) == POLICY.most
    margin = JitterMargin(POLICY)
    for round_trip in (0.300, 0.340, 0.320, 0.310):
        margin.observe(round_trip)
    learned = min(POLICY.most, spread_of([0.300, 0.340, 0.320, 0.310]))
    assert margin.at(0.0) == pytest.approx(learned)
    assert margin.at(0.0) > 0.04
    assert margin.observe(0.9) == POLICY.most  # a slow answer never widens it past most


def test_the_learned_spread_follows_only_the_recent_round_trips() -> None:
    margin = JitterMargin(JitterPolicy(base=0.02, round_trips=4, known=2))
    for round_trip in (0.3, 0.35, 0.3, 0.3, 0.3, 0.3):
        margin.observe(round_trip)
    assert margin.at(0.0) == 0.02  # the 0.35 s answer left the last four
