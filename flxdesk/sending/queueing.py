"""Queueing what a person asked for: one use case for the window and the command line.

Every update asked for is written to the history before anything is sent. A scanned
or typed update is queued as it is; an import queues its valid rows and records the
others as failed with their problem, so no row asked for ever vanishes. A window,
whose thread must never wait on the history, queues through
flxdesk.sending.queue_writer, which uses these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from flxdesk.history.store import NOBODY, AskedBy, NewUpdate, RejectedUpdate

if TYPE_CHECKING:
    from flxdesk.bulk.reading import ImportRow
    from flxdesk.history.store import HistoryStore
    from flxdesk.orders.destination import Destination

Progress = Callable[[float], None]
IMPORT_CHUNK_ROWS = 5_000  # rows written between two progress reports (about 40 ms)


class QueuedImport(NamedTuple):
    batch_id: int
    queued: int
    rejected: int
    problems: tuple[tuple[str, str], ...] = ()  # the rejected rows' order IDs and why


def queue_one(
    store: HistoryStore,
    order_id: str,
    status: str,
    note: str,
    *,
    destination: Destination,
    asked_by: AskedBy = NOBODY,
) -> int:
    """Queue one checked update (the caller cleaned the ID); returns its id."""
    return store.add_queued(order_id, status, note, destination=destination, asked_by=asked_by)


def queue_import(
    store: HistoryStore,
    rows: Sequence[ImportRow],
    source: str,
    *,
    destination: Destination,
    progress: Progress | None = None,
    asked_by: AskedBy = NOBODY,
) -> QueuedImport:
    """Queue an import's valid rows as one batch; record the rows with a problem.

    All in one transaction: a batch is written whole or not at all (so trying again
    after a lock or a full disk, or quitting while it is written, never leaves half a
    batch). ``progress(share)`` (0.0 to 1.0) is called between chunks of rows; an
    exception it raises abandons the batch, which then leaves no trace.
    """
    # Plain tuples as kept, NamedTuples one chunk at a time: no list of 200,000 new
    # objects, whose garbage collections would hold the GIL while the GUI thread waits.
    plain = _plain(rows)
    total = max(len(plain), 1)
    written = 0
    problems: list[tuple[str, str]] = []
    with store.transaction():
        batch_id = store.new_batch(source)
        for start in range(0, len(plain), IMPORT_CHUNK_ROWS):  # the rejected rows first
            chunk = plain[start : start + IMPORT_CHUNK_ROWS]
            part = [RejectedUpdate(*row[1:]) for row in chunk if row[4]]
            store.add_rejected(part, batch_id, asked_by=asked_by)
            problems += ((row.order_id, row.problem) for row in part)
            written += len(part)
            _report(progress, written / total)
        for start in range(0, len(plain), IMPORT_CHUNK_ROWS):
            chunk = plain[start : start + IMPORT_CHUNK_ROWS]
            sendable = [NewUpdate(row[1], row[2], row[3]) for row in chunk if not row[4]]
            store.add_many_queued(sendable, batch_id, destination=destination, asked_by=asked_by)
            written += len(sendable)
            _report(progress, written / total)
    return QueuedImport(batch_id, len(plain) - len(problems), len(problems), tuple(problems))


def _report(progress: Progress | None, share: float) -> None:
    if progress is not None:
        progress(share)


def _plain(rows: Sequence[ImportRow]) -> Sequence[tuple[int, str, str, str, str]]:
    """The rows as plain tuples (line, order ID, status, note, problem), without making
    an ImportRow of each when they are kept as tuples already."""
    from flxdesk.bulk.reading import ImportRows

    return rows.plain() if isinstance(rows, ImportRows) else rows
