"""Queueing what a person asked for: one use case for the window and the command line.

Every update asked for is written to the history before anything is sent. A scanned
or typed update is queued as it is; an import queues its valid rows and records the
others as failed with their problem, so no row asked for ever vanishes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from flxdesk.store import NewUpdate, RejectedUpdate

if TYPE_CHECKING:
    from flxdesk.bulk_import import ImportRow
    from flxdesk.destination import Destination
    from flxdesk.store import HistoryStore


class QueuedImport(NamedTuple):
    batch_id: int
    queued: int
    rejected: int


def queue_one(
    store: HistoryStore, order_id: str, status: str, note: str, *, destination: Destination
) -> int:
    """Queue one checked update (the caller cleaned the ID); returns its id."""
    return store.add_queued(order_id, status, note, destination=destination)


def queue_import(
    store: HistoryStore,
    rows: Sequence[ImportRow],
    source: str,
    *,
    destination: Destination,
) -> QueuedImport:
    """Queue an import's valid rows as one batch; record the rows with a problem."""
    batch_id = store.new_batch(source)
    rejected = [
        RejectedUpdate(row.order_id, row.status, row.note, row.problem)
        for row in rows
        if row.problem
    ]
    queued = [NewUpdate(row.order_id, row.status, row.note) for row in rows if not row.problem]
    store.add_rejected(rejected, batch_id)
    store.add_many_queued(queued, batch_id, destination=destination)
    return QueuedImport(batch_id, len(queued), len(rejected))
