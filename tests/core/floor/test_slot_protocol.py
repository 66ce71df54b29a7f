"""The floor's slot protocol (``flxdesk.grant_slot``, ``note_throttled``: the functions
behind the stations' ``reserve_slot`` and ``report_throttled``) on an injected clock: the
real functions in a real PostgreSQL, given ``now`` by the test (as the owner: stations
cannot give a clock), so every answer is exact and the tests take milliseconds."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from flxdesk.floor.schema import initialize
from flxdesk.floor.slots import (
    BASE_MARGIN_SECONDS,
    BULK_LEAD_SECONDS,
    MARGIN_DECAY_PER_SECOND,
    MARGIN_STEP_SECONDS,
    MAX_EXTRA_MARGIN_SECONDS,
    grant_at,
    reserve,
    throttled_at,
)
from flxdesk.sending.pacing import BULK

T0 = datetime(2025, 6, 3, 9, 0, tzinfo=UTC)
GAP = 1.0 + BASE_MARGIN_SECONDS  # second last start + window + margin
K, A, B = ("t1:" + digit * 64 for digit in "abc")  # token keys' form


@pytest.fixture
def floor(floor_db: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(floor_db, autocommit=True) as connection:
        initialize(connection)
        yield connection


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def starts(floor: psycopg.Connection, key: str, asked_at: list[float]) -> list[float]:
    """The start each request asked at ``asked_at`` was granted, in seconds after T0."""
    return [round(s + grant_at(floor, key, at(s)).wait, 6) for s in asked_at]


def reserve_at(floor, key: str, earliest: float, seconds: float) -> float:
    return grant_at(floor, key, at(seconds), earliest).wait


def report_throttled(floor, key: str, retry_after: float, now: datetime) -> float:
    return throttled_at(floor, key, retry_after, now)


def test_two_start_at_once_then_each_waits_a_window_and_the_margin(floor) -> None:
    assert starts(floor, K, [0.0] * 6) == [0.0, 0.0, GAP, GAP, 2 * GAP, 2 * GAP]


def test_starts_are_granted_in_the_order_asked_and_never_earlier_than_asked(floor) -> None:
    granted = starts(floor, K, [0.0, 0.1, 0.2, 0.3, 5.0])
    assert granted == pytest.approx([0.0, 0.1, GAP, 0.1 + GAP, 5.0])
    assert granted == sorted(granted)


def test_a_quiet_token_starts_at_once(floor) -> None:
    starts(floor, K, [0.0, 0.0, 0.0])
    assert starts(floor, K, [60.0, 60.0]) == [60.0, 60.0]


def test_the_stations_own_earliest_start_is_kept(floor) -> None:
    assert round(reserve_at(floor, K, 0.4, 0.0), 6) == 0.4


def test_tokens_have_budgets_of_their_own(floor) -> None:
    starts(floor, A, [0.0, 0.0])
    assert starts(floor, B, [0.0, 0.0]) == [0.0, 0.0]
    assert starts(floor, A, [0.0]) == [GAP]


def test_a_429_holds_every_station_of_the_token_for_its_retry_after(floor) -> None:
    starts(floor, K, [0.0, 0.0])
    extra = report_throttled(floor, K, 1.0, now=at(0.5))
    assert extra == pytest.approx(MARGIN_STEP_SECONDS)
    # Not before 0.5 + 1.0, and the window now needs the grown margin too.
    assert starts(floor, K, [0.6, 0.6]) == [1.5, 1.5]
    grown = MARGIN_STEP_SECONDS - 0.2 * MARGIN_DECAY_PER_SECOND  # fading since 0.5
    assert starts(floor, K, [0.7]) == pytest.approx([1.5 + GAP + grown])


def test_429s_of_the_same_second_grow_the_margin_once(floor) -> None:
    first = report_throttled(floor, K, 1.0, now=at(0.0))
    again = report_throttled(floor, K, 1.0, now=at(0.3))
    later = report_throttled(floor, K, 1.0, now=at(1.5))
    assert first == pytest.approx(MARGIN_STEP_SECONDS)
    assert again == pytest.approx(MARGIN_STEP_SECONDS - 0.3 * MARGIN_DECAY_PER_SECOND)
    assert later == pytest.approx(2 * MARGIN_STEP_SECONDS - 1.5 * MARGIN_DECAY_PER_SECOND)


def test_the_extra_margin_is_capped(floor) -> None:
    extras = [report_throttled(floor, K, 1.0, now=at(2.0 * n)) for n in range(30)]
    assert max(extras) <= MAX_EXTRA_MARGIN_SECONDS + 1e-9
    assert extras[-1] == pytest.approx(MAX_EXTRA_MARGIN_SECONDS, abs=2 * MARGIN_STEP_SECONDS)


def test_the_extra_margin_fades_with_quiet_time(floor) -> None:
    report_throttled(floor, K, 1.0, now=at(0.0))
    fade = MARGIN_STEP_SECONDS / MARGIN_DECAY_PER_SECOND
    starts(floor, K, [fade / 2, fade / 2])
    assert starts(floor, K, [fade / 2]) == pytest.approx([fade / 2 + GAP + MARGIN_STEP_SECONDS / 2])
    starts(floor, K, [fade + 10, fade + 10])
    assert starts(floor, K, [fade + 10]) == pytest.approx([fade + 10 + GAP])


def test_only_two_starts_are_kept_per_token(floor) -> None:
    starts(floor, K, [0.0] * 20)
    (kept,) = floor.execute(
        "SELECT cardinality(starts) FROM flxdesk.token_budgets WHERE token_key = %s", (K,)
    ).fetchone()
    assert kept == 2


def test_the_floors_clock_is_used_when_no_time_is_given(floor) -> None:
    waits = [reserve(floor, K).wait for _ in range(3)]
    assert waits[0] == pytest.approx(0.0, abs=0.05)
    assert waits[2] == pytest.approx(GAP, abs=0.05)


def test_a_stations_figures_are_clamped_to_a_healthy_stations(floor) -> None:
    # The attack of issue 23: a huge earliest start and Retry-After from one login.
    assert reserve_at(floor, K, 1e9, 0.0) == pytest.approx(60.0)  # the longest pause
    assert report_throttled(floor, B, 1e9, at(0.0)) == pytest.approx(MARGIN_STEP_SECONDS)
    assert starts(floor, B, [0.0]) == [60.0]
    assert reserve_at(floor, A, float("nan"), 0.0) == pytest.approx(60.0)
    assert reserve_at(floor, "t1:" + "d" * 64, -5.0, 0.0) == 0.0


def test_a_budget_no_healthy_floor_holds_is_forgotten(floor) -> None:
    """The token's row set 30 years ahead (a defect, an old hostile write) heals."""
    starts(floor, K, [0.0, 0.0])
    floor.execute(
        "UPDATE flxdesk.token_budgets SET starts = ARRAY[%s, %s]::timestamptz[],"
        " not_before = %s, extra_margin = 1e9, extra_at = %s WHERE token_key = %s",
        (at(1e9), at(1e9), at(1e9), at(1e9), K),
    )
    assert starts(floor, K, [1.0, 1.0, 1.0]) == pytest.approx([1.0, 1.0, 1.0 + GAP])
    floor.execute("UPDATE flxdesk.token_budgets SET not_before = 'infinity'")
    assert starts(floor, K, [100.0]) == [100.0]


@pytest.mark.parametrize("key", ["k", "t1:" + "A" * 64, "t1:" + "a" * 65, "x" * 10_000, ""])
def test_only_a_token_keys_form_gets_a_budget(floor, key: str) -> None:
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        grant_at(floor, key, at(0.0))
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        floor.execute("SELECT flxdesk.report_throttled(%s, 1)", (key,))
    assert floor.execute("SELECT count(*) FROM flxdesk.token_budgets").fetchone() == (0,)


def test_a_bulk_start_is_granted_only_when_it_is_near(floor) -> None:
    starts(floor, K, [0.0])
    far = grant_at(floor, K, at(0.0), kind=BULK)  # half a window after the last start
    assert not far.granted
    assert far.wait == pytest.approx(GAP / 2 - BULK_LEAD_SECONDS)
    near = grant_at(floor, K, at(far.wait), kind=BULK)
    assert near.granted and near.wait == pytest.approx(BULK_LEAD_SECONDS)


def test_a_scan_takes_the_start_a_bulk_row_was_told_to_ask_for_again(floor) -> None:
    """Scans before bulk: the bulk row waits, the scan asking meanwhile starts first."""
    starts(floor, K, [0.0])
    told = grant_at(floor, K, at(0.0), kind=BULK)
    assert not told.granted
    assert starts(floor, K, [0.1]) == [0.1]  # a scan: at once, the window allows it
    later = grant_at(floor, K, at(told.wait), kind=BULK)
    assert not later.granted  # the window is full until GAP
    assert told.wait + later.wait + BULK_LEAD_SECONDS == pytest.approx(GAP)


def test_bulk_rows_alone_are_spread_evenly_and_use_the_budget(floor) -> None:
    now, granted = 0.0, []
    while len(granted) < 20:
        slot = grant_at(floor, K, at(now), kind=BULK)
        now += slot.wait
        if slot.granted:
            granted.append(now)
    gaps = [b - a for a, b in itertools.pairwise(granted)]
    assert gaps == pytest.approx([GAP / 2] * 19)
    assert 19 / (granted[-1] - granted[0]) >= 0.95 * 2


def test_the_stations_function_takes_no_clock(floor) -> None:
    with pytest.raises(psycopg.errors.UndefinedFunction):
        floor.execute(
            "SELECT flxdesk.reserve_slot(%s, 2000000000, 1e9, 1e9, 1e9, 1e9, %s)", (K, at(1e9))
        )
