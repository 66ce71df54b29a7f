"""Retry: failed updates queued again as new rows, sent by the real engine to the demo API."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.history.query import HistoryQuery
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination
from flxdesk.sending.engine import QueueEngine, RetryPolicy
from flxdesk.sending.retry import duplicate_guard_check, failed_to_retry, retry_updates
from flxdesk.station.duplicate_guard import DuplicateGuard
from support.fault_api import FaultyApi

DEST = Destination("loopback-test-api")  # the test servers' ports change: rows name this
FAST_RETRIES = RetryPolicy(base_delay=0.05, max_delay=0.1)


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    store = HistoryStore(tmp_path / "history.sqlite3")
    yield store
    store.close()


def drain(store: HistoryStore, api: DemoApi, destination: Destination = DEST) -> None:
    """Everything queued for ``destination`` goes through the real engine, until idle."""
    engine = QueueEngine(
        store.path,
        api.url,
        DEMO_TOKEN,
        policy=FAST_RETRIES,
        limiter=RateLimiter(),
        destination=destination.api_url,
    )
    engine.run(until_idle=True)


def answers_for(api: DemoApi, order_id: str) -> list[int]:
    return [seen.answer for seen in api.requests if f"/orders/{order_id}/" in seen.raw_path]


def test_a_failed_update_retried_is_sent_and_the_failure_stays_in_the_history(
    store: HistoryStore,
) -> None:
    (update_id,) = store.add_many_queued([("1001", "On Hold", "dock 3")], destination=DEST)
    refused = lambda n: (400, {"message": "locked by a picker"}) if n == 1 else None  # noqa: E731
    with FaultyApi(refused) as api:
        drain(store, api)
        failed = store.get(update_id)
        assert failed.state is State.FAILED and failed.attempts == 1

        report = retry_updates(store, [update_id], DEST)
        ((original, retry_id),) = report.queued
        assert original == update_id and report.skipped == []
        retry = store.get(retry_id)
        assert (retry.state, retry.retry_of, retry.batch_id) == (
            State.QUEUED,
            update_id,
            report.batch_id,
        )
        assert (retry.order_id, retry.status, retry.note) == ("1001", "On Hold", "dock 3")
        drain(store, api)

    assert answers_for(api, "1001") == [400, 201]
    assert store.get(retry_id).state is State.SENT
    assert store.get(update_id) == failed  # the failure is kept as it was
    details = HistoryQuery(store).details(update_id)
    assert [row.id for row in details.chain] == [update_id, retry_id]
    assert [row.id for row in details.retries] == [retry_id]
    assert HistoryQuery(store).details(retry_id).original.id == update_id
    assert report.summary() == "1 update queued again."


def test_only_failed_updates_that_can_be_sent_are_retried(
    store: HistoryStore, demo_api: DemoApi
) -> None:
    sent, not_found, waiting = store.add_many_queued(
        [("1001", "Closed", ""), ("5000", "Closed", ""), ("1002", "Closed", "")],
        destination=DEST,
    )
    store.add_rejected([("", "Closed", "", "Line 4 has no order ID.")])
    (invalid,) = [row.id for row in store.newest(1)]
    drain(store, demo_api)
    assert store.get(not_found).state is State.FAILED
    store.connection.execute("UPDATE updates SET state='queued' WHERE id=?", (waiting,))

    report = retry_updates(store, [sent, not_found, invalid, waiting, 999_999, not_found], DEST)

    assert [original for original, _ in report.queued] == [not_found]
    assert dict(report.skipped) == {
        sent: "Order 1001 was not retried: it was sent.",
        waiting: "Order 1002 was not retried: it is still waiting to be sent.",
        invalid: "A row without an order ID could never be sent (Line 4 has no order ID.); "
        "fix it and queue it again.",
        999_999: "There is no update 999999 in the history.",
    }
    assert report.summary().startswith("1 update queued again. 4 not retried: Order 1001")


def test_a_retry_that_fails_again_is_retried_from_the_newest_row(
    store: HistoryStore, demo_api: DemoApi
) -> None:
    (first,) = store.add_many_queued([("5000", "Closed", "")], destination=DEST)
    drain(store, demo_api)
    ((_, second),) = retry_updates(store, [first], DEST).queued
    drain(store, demo_api)
    assert answers_for(demo_api, "5000") == [404, 404]
    assert store.get(second).state is State.FAILED

    again = retry_updates(store, [first], DEST)
    assert again.queued == [] and again.batch_id is None
    assert again.skipped[0].reason == (
        f"Order 5000 was already retried (update {second}); retry that one instead."
    )
    ((_, third),) = retry_updates(store, [second], DEST).queued
    chain = HistoryQuery(store).details(first).chain
    assert [row.id for row in chain] == [first, second, third]
    assert [row.retry_of for row in chain] == [None, first, second]


def test_retry_all_failed_queues_one_update_per_order_and_status(
    store: HistoryStore, demo_api: DemoApi
) -> None:
    ids = store.add_many_queued(
        [
            ("5001", "Closed", ""),
            ("5001", "Closed", ""),
            ("5001", "Open", ""),
            ("1001", "Open", ""),
        ],
        destination=DEST,
    )
    store.add_rejected([("1003", "Shipped", "", "Unknown status 'Shipped'.")])
    drain(store, demo_api)
    to_retry = failed_to_retry(store)
    assert to_retry == ids[:3]  # not the sent one, not the invalid one

    report = retry_updates(store, to_retry, DEST)
    assert [original for original, _ in report.queued] == [ids[0], ids[2]]
    assert report.skipped == [(ids[1], "Order 5001 is already being set to Closed by this retry.")]
    assert failed_to_retry(store) == [ids[1]]  # the two retried are no longer offered
    drain(store, demo_api)
    assert Counter(store.get(new).state for _, new in report.queued) == {State.FAILED: 2}


def test_a_retry_is_queued_for_the_given_destination_only(store: HistoryStore) -> None:
    """Destination rules: a retry queued for another destination is held, not sent."""
    (update_id,) = store.add_many_queued([("5000", "Closed", "")], destination=DEST)
    with DemoApi() as api:
        drain(store, api)
        elsewhere = Destination("https://api.flxpoint.com", store.fingerprint("another"))
        ((_, retry_id),) = retry_updates(store, [update_id], elsewhere).queued
        drain(store, api)
    assert len(api.requests) == 1  # only the first try: the retry is held
    assert store.get(retry_id).state is State.QUEUED
    assert store.count_held(DEST) == 1


def test_the_duplicate_guard_skips_an_order_set_to_that_status_since(store: HistoryStore) -> None:
    (failed,) = store.add_many_queued([("1001", "Closed", "")], destination=DEST)
    refused = lambda n: (400, {"message": "locked by a picker"}) if n == 1 else None  # noqa: E731
    with FaultyApi(refused) as api:
        drain(store, api)
        store.add_many_queued([("1001", "Closed", "")], destination=DEST)  # scanned again
        drain(store, api)
    assert answers_for(api, "1001") == [400, 201]
    guard = DuplicateGuard(HistoryQuery(store).previous_update_at, window_seconds=600)

    report = retry_updates(store, [failed], DEST, check=duplicate_guard_check(guard))

    assert report.queued == []
    ((_, reason),) = report.skipped
    assert reason.startswith("Order 1001 was already set to Closed at ")


def test_retry_all_failed_of_a_period_leaves_the_others(store: HistoryStore) -> None:
    """A date range chosen in the window: only the failures queued within it are offered."""
    ids = store.add_many_queued([("5001", "Closed", ""), ("5002", "Closed", "")], destination=DEST)
    for update_id in ids:
        store.complete(
            update_id,
            ok=False,
            attempts=1,
            http_code=404,
            outcome="not_found",
            message="",
            detail="",
        )
    store.connection.execute("UPDATE updates SET created_at = 1000 WHERE id = ?", (ids[0],))
    store.connection.execute("UPDATE updates SET created_at = 5000 WHERE id = ?", (ids[1],))
    assert failed_to_retry(store, since=0, until=2000) == [ids[0]]
    assert failed_to_retry(store, since=2000) == [ids[1]]
    assert failed_to_retry(store, until=5000) == [ids[0]]
    assert failed_to_retry(store) == ids
