"""The back-off rules alone: plain numbers for the clock, no threads, no server."""

from __future__ import annotations

from pathlib import Path

import pytest

from flxdesk.history.faults import StorageFault, StorageKind
from flxdesk.history.schema import HistoryNotADatabase
from flxdesk.sending.backoff import (
    IDLE_POLL_SECONDS,
    LOCK_PATIENCE_SECONDS,
    OFFLINE_PROBE_MAX_SECONDS,
    OUTAGE_PROBE_MAX_SECONDS,
    RATE_LIMIT_HOLD_SECONDS,
    RATE_LIMIT_HOLD_STREAK,
    STORAGE_RETRY_FIRST_SECONDS,
    STORAGE_RETRY_MAX_SECONDS,
    Backoff,
    RetryPolicy,
    StorageHold,
    storage_fault,
)

WALL = 1_700_000_000.0  # the wall clock "since" reads, fixed


def backoff(policy: RetryPolicy | None = None) -> Backoff:
    return Backoff(policy, wall=lambda: WALL, jitter=lambda: 1.0)  # jitter 1: the full delay


def test_retry_policy_doubles_to_its_cap_and_jitters_down_to_half() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=60.0)
    assert [policy.delay(n, lambda: 1.0) for n in (1, 2, 3, 4, 7, 8, 100)] == [
        1.0,
        2.0,
        4.0,
        8.0,
        60.0,
        60.0,
        60.0,
    ]
    assert policy.delay(3, lambda: 0.0) == 2.0


def test_nothing_holds_a_fresh_backoff() -> None:
    rules = backoff()
    assert rules.may_probe(0.0, in_flight=True)
    assert rules.due(7, 0.0)
    assert (rules.is_offline, rules.holding_since, rules.rows_waiting) == (False, None, 0)
    assert rules.seconds_to_next(5.0) == IDLE_POLL_SECONDS


def test_offline_probes_one_at_a_time_with_gaps_that_double_to_the_cap() -> None:
    rules = backoff()
    now, gaps = 100.0, []
    for _ in range(8):
        rules.offline(now)
        assert rules.is_offline
        assert not rules.may_probe(now, in_flight=False)
        gap = 0.0
        while not rules.may_probe(now + gap, in_flight=False):
            gap += 1.0
        assert not rules.may_probe(now + gap, in_flight=True)  # one probe at a time
        gaps.append(gap)
        now += gap
    assert gaps == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    assert OFFLINE_PROBE_MAX_SECONDS == 30.0
    assert rules.holding_since is None  # offline is said as offline, not as a hold
    assert rules.rows_waiting == 0  # and no row waits on its own: offline uses up no try


def test_an_answer_ends_offline_and_the_outage_at_once() -> None:
    rules = backoff()
    rules.offline(0.0)
    rules.not_answering(1, 0.0, tried=1)
    rules.answered()
    assert rules.may_probe(0.0, in_flight=True)
    assert (rules.is_offline, rules.holding_since) == (False, None)


def test_an_outage_holds_since_its_first_failure_and_spaces_probes() -> None:
    times = iter([WALL, WALL + 50])
    rules = Backoff(RetryPolicy(1.0, 60.0), wall=lambda: next(times), jitter=lambda: 1.0)
    rules.offline(0.0)
    rules.not_answering(1, 10.0, tried=1)
    assert not rules.is_offline  # Flxpoint was reached: not offline any more
    assert rules.holding_since == WALL
    assert not rules.may_probe(10.5, in_flight=False)
    assert rules.may_probe(11.0, in_flight=False)
    rules.not_answering(1, 11.0, tried=2)
    assert rules.holding_since == WALL  # since the first, not the last
    assert not rules.may_probe(12.9, in_flight=False)
    assert rules.may_probe(13.0, in_flight=False)
    # the row itself waits its retry delay: 2 s after its 2nd try
    assert not rules.due(1, 12.9) and rules.due(1, 13.0)
    assert rules.rows_waiting == 1
    gaps = []
    for tried in range(3, 10):
        rules.not_answering(1, 100.0, tried=tried)
        gaps.append(next(g for g in range(100) if rules.may_probe(100.0 + g, False)))
    assert gaps[-1] == OUTAGE_PROBE_MAX_SECONDS


def test_a_429_waits_its_delay_and_holds_only_when_long_or_repeated() -> None:
    rules = backoff()
    rules.rate_limited(1, 0.0, 1.0)
    assert rules.holding_since is None
    assert not rules.due(1, 0.99) and rules.due(1, 1.0)
    assert rules.due(2, 0.0)  # another row is not held by it
    assert rules.may_probe(0.0, in_flight=True)  # nor is the queue
    long = backoff()
    long.rate_limited(1, 0.0, RATE_LIMIT_HOLD_SECONDS)
    assert long.holding_since == WALL
    for n in range(1, RATE_LIMIT_HOLD_STREAK):
        rules.rate_limited(n, 0.0, 1.0)
    assert rules.holding_since == WALL  # the streak: 3 in a row
    rules.answered()
    rules.rate_limited(1, 0.0, 1.0)
    assert rules.holding_since is None  # an answer began a new streak


def test_a_429_ends_an_offline_wait() -> None:
    rules = backoff()
    rules.offline(0.0)
    rules.rate_limited(1, 0.0, 1.0)
    assert not rules.is_offline
    assert rules.may_probe(0.0, in_flight=True)


def test_a_started_row_waits_no_more() -> None:
    rules = backoff()
    rules.rate_limited(1, 0.0, 10.0)
    rules.started(1)
    assert rules.due(1, 0.0) and rules.rows_waiting == 0
    rules.started(1)  # twice is harmless (a row cancelled meanwhile)


def test_the_engine_waits_for_the_soonest_due_row_but_never_past_the_probe() -> None:
    rules = backoff()
    rules.rate_limited(1, 0.0, 0.4)
    rules.rate_limited(2, 0.0, 0.7)
    assert rules.seconds_to_next(0.0) == pytest.approx(0.4)
    assert rules.seconds_to_next(0.399) == pytest.approx(0.01)  # never a busy loop
    assert rules.seconds_to_next(0.5) == pytest.approx(0.01)  # row 1 is overdue: look now
    later = backoff()
    later.rate_limited(3, 0.0, 20.0)
    assert later.seconds_to_next(1.0) == IDLE_POLL_SECONDS  # a poll at least each second
    outage = backoff()
    outage.not_answering(1, 0.0, tried=1)  # probe at 1.0, the row due at 1.0
    assert outage.seconds_to_next(0.25) == pytest.approx(0.75)
    offline = backoff()
    offline.offline(0.0)
    offline.rate_limited(1, 0.0, 0.1)  # ends the offline wait
    offline.offline(0.0)  # offline again: the row may not go before the probe at 1 s
    assert offline.seconds_to_next(0.0) == pytest.approx(1.0)


# --- the history -------------------------------------------------------------------


def test_storage_pauses_double_from_the_first_to_the_cap_and_reset_when_cleared() -> None:
    hold = StorageHold(wall=lambda: WALL)
    pauses = [hold.failed(float(n)) for n in range(7)]
    assert pauses == [0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0]
    assert (STORAGE_RETRY_FIRST_SECONDS, STORAGE_RETRY_MAX_SECONDS) == (0.1, 2.0)
    assert hold.troubled
    assert hold.cleared() is False  # nothing had been said
    assert not hold.troubled
    assert hold.failed(100.0) == STORAGE_RETRY_FIRST_SECONDS


def test_a_short_lock_is_not_said_and_a_long_one_is() -> None:
    hold = StorageHold(wall=lambda: WALL)
    hold.failed(0.0)
    assert not hold.worth_saying(StorageKind.LOCKED)
    assert hold.worth_saying(StorageKind.FULL)  # other faults at once
    hold.failed(LOCK_PATIENCE_SECONDS)
    assert hold.worth_saying(StorageKind.LOCKED)


def test_a_run_gives_up_at_once_on_what_does_not_pass_and_after_its_patience_else() -> None:
    hold = StorageHold()
    hold.failed(0.0)
    assert hold.gives_up(StorageKind.READ_ONLY, patience=None)
    assert hold.gives_up(StorageKind.NOT_A_DATABASE, patience=60.0)
    assert not hold.gives_up(StorageKind.FULL, patience=None)
    assert not hold.gives_up(StorageKind.LOCKED, patience=5.0)
    hold.failed(5.0)
    assert hold.gives_up(StorageKind.LOCKED, patience=5.0)
    assert not hold.gives_up(StorageKind.LOCKED, patience=None)


def test_a_fault_is_news_once_per_kind_since_its_first_saying() -> None:
    times = iter([WALL, WALL + 1, WALL + 2])
    hold = StorageHold(wall=lambda: next(times))
    path = Path("history.sqlite3")
    full, locked = StorageFault(StorageKind.FULL, path), StorageFault(StorageKind.LOCKED, path)
    assert hold.hold(full) is True
    assert hold.hold(full) is False
    assert hold.hold(locked) is True  # another kind is news again
    assert (hold.fault, hold.since) == (locked, WALL)
    assert hold.cleared() is True
    assert (hold.fault, hold.since) == (None, None)
    assert hold.hold(full) is True and hold.since == WALL + 1


def test_which_errors_are_history_faults(tmp_path: Path) -> None:
    import errno
    import sqlite3

    path = tmp_path / "history.sqlite3"
    said = StorageFault(StorageKind.FULL, path)
    assert storage_fault(said, path) is said
    damaged = storage_fault(HistoryNotADatabase("not a history", path), path)
    assert damaged is not None and damaged.kind is StorageKind.NOT_A_DATABASE
    full = storage_fault(OSError(errno.ENOSPC, "No space left on device"), path)
    assert full is not None and full.kind is StorageKind.FULL
    locked = storage_fault(sqlite3.OperationalError("database is locked"), path)
    assert locked is not None and locked.kind is StorageKind.LOCKED
    assert storage_fault(ValueError("a bug"), path) is None  # logged, not a storage fault


def test_a_failed_cycle_is_waited_said_or_given_up_by_what_failed(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "history.sqlite3"
    hold = StorageHold(wall=lambda: WALL)
    locked = sqlite3.OperationalError("database is locked")
    # A bug: waited out, nothing to say.
    assert hold.cycle_failed(ValueError("a bug"), path, 0.0, False, None) == (0.1, False)
    # A lock: not said within its patience, said after it; a window's run never gives up.
    assert hold.cycle_failed(locked, path, 1.0, False, None) == (0.2, False)
    assert hold.cycle_failed(locked, path, 3.0, False, None) == (0.4, True)
    assert hold.fault is not None and hold.fault.kind is StorageKind.LOCKED
    # A run that ends when idle gives up after its patience, raising the fault.
    with pytest.raises(StorageFault) as gave_up:
        hold.cycle_failed(locked, path, 9.0, True, 5.0)
    assert gave_up.value.kind is StorageKind.LOCKED
