"""One use case queues what a person asked for, for the window and the command line alike."""

from __future__ import annotations

import pytest

from flxdesk.bulk.reading import parse_import_text
from flxdesk.history.store import HistoryStore, State
from flxdesk.host.paths import AppPaths
from flxdesk.orders.destination import Destination
from flxdesk.orders.outcomes import Outcome
from flxdesk.sending.queue_writer import WriteStopped
from flxdesk.sending.queueing import queue_import, queue_one

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


def test_an_import_abandoned_while_it_is_written_leaves_no_trace(paths: AppPaths) -> None:
    store = HistoryStore(paths.history_db)
    imported = parse_import_text("\n".join(str(700_000 + n) for n in range(12_000)), "Closed")
    seen: list[float] = []

    def progress(share: float) -> None:
        seen.append(share)
        if share > 0:  # part of the rows are written: quitting now
            raise WriteStopped

    with pytest.raises(WriteStopped):
        queue_import(store, imported.rows, "paste", destination=HERE, progress=progress)
    assert 0 < seen[-1] < 1
    assert store.count() == 0  # no row of it, not half of it
    assert store.connection.execute("SELECT COUNT(*) FROM batches").fetchone() == (0,)
    store.close()
