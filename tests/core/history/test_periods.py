"""Periods as people say them: today, this shift, dates and times typed on the command line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from flxdesk.history.periods import InvalidPeriod, between, parse_period, this_shift, today

NOON = datetime(2025, 6, 3, 12, 30).astimezone().timestamp()  # local time


def local(*args: int) -> float:
    return datetime(*args).astimezone().timestamp()


def test_today_starts_at_local_midnight_and_stays_open() -> None:
    period = today(NOON)
    assert period.since == local(2025, 6, 3)
    assert period.until is None
    assert period.label == "today, 2025-06-03 00:00 to 12:30 (now)"
    assert period.contains(NOON + 3600)  # what comes later today is in it too


def test_shift_is_the_last_eight_hours() -> None:
    period = this_shift(NOON)
    assert NOON - period.since == 8 * 3600
    assert period.label == "last 8 hours, 2025-06-03 04:30 to 12:30 (now)"


@pytest.mark.parametrize(
    ("since", "until", "expected_since", "expected_until"),
    [
        ("today", None, local(2025, 6, 3), None),
        (" Shift ", None, NOON - 8 * 3600, None),
        ("2025-06-01", None, local(2025, 6, 1), None),
        ("2025-06-01T06:00", None, local(2025, 6, 1, 6), None),
        ("2025-06-01 06:00:30", None, local(2025, 6, 1, 6, 0, 30), None),
        ("2025-06-01", "2025-06-02", local(2025, 6, 1), local(2025, 6, 3)),  # the 2nd included
        ("2025-06-01", "2025-06-02 14:00", local(2025, 6, 1), local(2025, 6, 2, 14)),
        ("today", "2025-06-03T12:00", local(2025, 6, 3), local(2025, 6, 3, 12)),
    ],
)
def test_command_line_periods(since, until, expected_since, expected_until) -> None:
    period = parse_period(since, until, now=NOON)
    assert (period.since, period.until) == (expected_since, expected_until)


def test_a_time_with_its_own_offset_is_taken_as_given() -> None:
    period = parse_period("2025-06-03T06:00+02:00", now=NOON + 86400)
    assert period.since == datetime(2025, 6, 3, 4, tzinfo=UTC).timestamp()


def test_a_range_names_both_ends() -> None:
    assert parse_period("2025-06-01", "2025-06-02", now=NOON).label == (
        "2025-06-01 00:00 to 2025-06-03 00:00"
    )
    assert between(local(2025, 6, 3, 6), local(2025, 6, 3, 14)).label == (
        "2025-06-03 06:00 to 14:00"
    )


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("yesterday", None, "--since 'yesterday' is not understood; use today, shift"),
        ("2025-13-01", None, "--since '2025-13-01' is not understood"),
        ("", None, "--since '' is not understood"),
        ("2025-06-01", "soon", "--until 'soon' is not understood; use a date (2025-06-03)"),
        ("2025-06-02", "2025-06-01 23:00", "--until 2025-06-01 23:00 is not after --since"),
        ("2025-06-04", None, "--since 2025-06-04 is in the future"),
    ],
)
def test_what_is_not_a_period_is_said_plainly(since, until, message) -> None:
    with pytest.raises(InvalidPeriod) as refused:
        parse_period(since, until, now=NOON)
    assert str(refused.value).startswith(message)


def test_a_range_must_end_after_it_starts() -> None:
    with pytest.raises(InvalidPeriod):
        between(NOON, NOON - timedelta(hours=1).total_seconds())
