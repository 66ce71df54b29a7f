"""The floor's slot protocol (``flxdesk.reserve_slot``, ``report_throttled``) on an
injected clock: the real functions in a real PostgreSQL, given ``now`` by the test, so
every answer is exact and the tests take milliseconds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from flxdesk.floor.schema import initialize
from flxdesk.floor.slots import (
    BASE_MARGIN_SECONDS,
    MARGIN_DECAY_PER_SECOND,
    MARGIN_STEP_SECONDS,
    MAX_EXTRA_MARGIN_SECONDS,
    report_throttled,
    reserve,
)

T0 = datetime(2025, 6, 3, 9, 0, tzinfo=UTC)
GAP = 1.0 + BASE_MARGIN_SECONDS  # second last start + window + margin


@pytest.fixture
def floor(floor_db: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(floor_db, autocommit=True) as connection:
        initialize(connection)
        yield connection


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def starts(floor: psycopg.Connection, key: str, asked_at: list[float]) -> list[float]:
    """The start each request asked at ``asked_at`` was granted, in seconds after T0."""
    return [round(s + reserve(floor, key, now=at(s)), 6) for s in asked_at]


def test_two_start_at_once_then_each_waits_a_window_and_the_margin(floor) -> None:
    assert starts(floor, "k", [0.0] * 6) == [0.0, 0.0, GAP, GAP, 2 * GAP, 2 * GAP]


def test_starts_are_granted_in_the_order_asked_and_never_earlier_than_asked(floor) -> None:
    granted = starts(floor, "k", [0.0, 0.1, 0.2, 0.3, 5.0])
    assert granted == pytest.approx([0.0, 0.1, GAP, 0.1 + GAP, 5.0])
    assert granted == sorted(granted)


def test_a_quiet_token_starts_at_once(floor) -> None:
    starts(floor, "k", [0.0, 0.0, 0.0])
    assert starts(floor, "k", [60.0, 60.0]) == [60.0, 60.0]


def test_the_stations_own_earliest_start_is_kept(floor) -> None:
    assert round(reserve(floor, "k", 0.4, now=at(0.0)), 6) == 0.4


def test_tokens_have_budgets_of_their_own(floor) -> None:
    starts(floor, "a", [0.0, 0.0])
    assert starts(floor, "b", [0.0, 0.0]) == [0.0, 0.0]
    assert starts(floor, "a", [0.0]) == [GAP]


def test_a_429_holds_every_station_of_the_token_for_its_retry_after(floor) -> None:
    starts(floor, "k", [0.0, 0.0])
    extra = report_throttled(floor, "k", 1.0, now=at(0.5))
    assert extra == pytest.approx(MARGIN_STEP_SECONDS)
    # Not before 0.5 + 1.0, and the window now needs the grown margin too.
    assert starts(floor, "k", [0.6, 0.6]) == [1.5, 1.5]
    grown = MARGIN_STEP_SECONDS - 0.2 * MARGIN_DECAY_PER_SECOND  # fading since 0.5
    assert starts(floor, "k", [0.7]) == pytest.approx([1.5 + GAP + grown])


def test_429s_of_the_same_second_grow_the_margin_once(floor) -> None:
    first = report_throttled(floor, "k", 1.0, now=at(0.0))
    again = report_throttled(floor, "k", 1.0, now=at(0.3))
    later = report_throttled(floor, "k", 1.0, now=at(1.5))
    assert first == pytest.approx(MARGIN_STEP_SECONDS)
    assert again == pytest.approx(MARGIN_STEP_SECONDS - 0.3 * MARGIN_DECAY_PER_SECOND)
    assert later == pytest.approx(2 * MARGIN_STEP_SECONDS - 1.5 * MARGIN_DECAY_PER_SECOND)


def test_the_extra_margin_is_capped(floor) -> None:
    extras = [report_throttled(floor, "k", 1.0, now=at(2.0 * n)) for n in range(30)]
    assert max(extras) <= MAX_EXTRA_MARGIN_SECONDS + 1e-9
    assert extras[-1] == pytest.approx(MAX_EXTRA_MARGIN_SECONDS, abs=2 * MARGIN_STEP_SECONDS)


def test_the_extra_margin_fades_with_quiet_time(floor) -> None:
    report_throttled(floor, "k", 1.0, now=at(0.0))
    fade = MARGIN_STEP_SECONDS / MARGIN_DECAY_PER_SECOND
    starts(floor, "k", [fade / 2, fade / 2])
    assert starts(floor, "k", [fade / 2]) == pytest.approx(
        [fade / 2 + GAP + MARGIN_STEP_SECONDS / 2]
    )
    starts(floor, "k", [fade + 10, fade + 10])
    assert starts(floor, "k", [fade + 10]) == pytest.approx([fade + 10 + GAP])


def test_only_two_starts_are_kept_per_token(floor) -> None:
    starts(floor, "k", [0.0] * 20)
    (kept,) = floor.execute(
        "SELECT cardinality(starts) FROM flxdesk.token_budgets WHERE token_key = 'k'"
    ).fetchone()
    assert kept == 2


def test_the_floors_clock_is_used_when_no_time_is_given(floor) -> None:
    waits = [reserve(floor, "k") for _ in range(3)]
    assert waits[0] == pytest.approx(0.0, abs=0.05)
    assert waits[2] == pytest.approx(GAP, abs=0.05)
