"""One use case queues what a person asked for, for the window and the command line alike."""

from __future__ import annotations

from flxdesk.bulk_import import parse_import_text
from flxdesk.destination import Destination
from flxdesk.outcomes import Outcome
from flxdesk.paths import AppPaths
from flxdesk.store import HistoryStore, State
from flxdesk.updates import queue_import, queue_one

HERE = Destination("https://api.example.invalid", "f" * 32)


def test_an_import_queues_valid_rows_and_keeps_the_others_with_why(paths: AppPaths) -> None:
    store = HistoryStore(paths.history_db)
    imported = parse_import_text("1001\n\n1002,Shipped\n1003,Canceled,late", "Closed")
    queued = queue_import(store, imported.rows, "paste", destination=HERE)
    assert (queued.queued, queued.rejected) == (2, 1)
    rows = store.rows_of_batch(queued.batch_id)
    assert [(r.order_id, r.status, r.state) for r in rows] == [
        ("1002", "Shipped", State.FAILED),
        ("1001", "Closed", State.QUEUED),
        ("1003", "Canceled", State.QUEUED),
    ]
    rejected = rows[0]
    assert rejected.outcome == Outcome.INVALID and "Unknown status 'Shipped'" in rejected.message
    assert all((r.api_url, r.token_fp) == HERE for r in rows if r.state is State.QUEUED)
    store.close()


def test_one_scan_is_queued_for_its_destination(paths: AppPaths) -> None:
    store = HistoryStore(paths.history_db)
    update_id = queue_one(store, "1004", "On Hold", "waiting for stock", destination=HERE)
    row = store.get(update_id)
    assert (row.order_id, row.status, row.note, row.state) == (
        "1004",
        "On Hold",
        "waiting for stock",
        State.QUEUED,
    )
    assert (row.api_url, row.token_fp) == HERE
    store.close()
