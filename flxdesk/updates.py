"""Queueing what a person asked for: one use case for the window and the command line.

Every update asked for is written to the history before anything is sent. A scanned
or typed update is queued as it is; an import queues its valid rows and records the
others as failed with their problem, so no row asked for ever vanishes.
"""

from __future__ import annotations

import collections
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from flxdesk.store import NewUpdate, RejectedUpdate

if TYPE_CHECKING:
    from flxdesk.bulk_import import ImportRow
    from flxdesk.destination import Destination
    from flxdesk.store import HistoryStore

log = logging.getLogger(__name__)


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
    """Queue an import's valid rows as one batch; record the rows with a problem.

    All in one transaction: a batch is written whole or not at all (so trying again
    after a lock or a full disk never leaves half a batch).
    """
    rejected = [
        RejectedUpdate(row.order_id, row.status, row.note, row.problem)
        for row in rows
        if row.problem
    ]
    queued = [NewUpdate(row.order_id, row.status, row.note) for row in rows if not row.problem]
    with store.transaction():
        batch_id = store.new_batch(source)
        store.add_rejected(rejected, batch_id)
        store.add_many_queued(queued, batch_id, destination=destination)
    return QueuedImport(batch_id, len(queued), len(rejected))


class PendingUpdate(NamedTuple):
    """What a person asked for that is not in the history yet (it was busy or full)."""

    order_id: str
    status: str
    note: str
    destination: Destination


class PendingImport(NamedTuple):
    rows: Sequence[ImportRow]
    source: str
    destination: Destination


Pending = PendingUpdate | PendingImport
WRITER_BUSY_TIMEOUT_SECONDS = 1.0
WRITER_RETRY_FIRST_SECONDS = 0.05
WRITER_RETRY_MAX_SECONDS = 2.0


class QueueWriter:
    """Queues for a window, whose thread must never wait on the history.

    The window's own store waits only a few milliseconds for a lock. When the history
    is locked by another program, or the disk is full, what was asked for is kept here
    in order and written by a thread of its own, which tries again with growing gaps
    until it is on disk; ``on_written(pending, result)`` then reports it (an update id,
    or a QueuedImport), and ``on_problem(sentence)`` says why it waits ("" once all is
    written). While anything waits here, new updates wait behind it, so the history
    keeps the order in which they were asked for. Nothing is sent before it is written.
    Callbacks run in the writer's thread. Standard library only.
    """

    def __init__(
        self,
        store_path: Path,
        on_written: Callable[[Pending, object], None],
        on_problem: Callable[[str], None],
    ) -> None:
        self._store_path = store_path
        self._on_written = on_written
        self._on_problem = on_problem
        self._pending: collections.deque[Pending] = collections.deque()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def pending_updates(self) -> list[Pending]:
        with self._lock:
            return list(self._pending)

    def queue_one(
        self, store: HistoryStore, order_id: str, status: str, note: str, *, destination
    ) -> int | None:
        """The update's id when written at once; None when it waits here."""
        job = PendingUpdate(order_id, status, note, destination)
        return self._now_or_later(store, job)

    def queue_import(
        self, store: HistoryStore, rows: Sequence[ImportRow], source: str, *, destination
    ) -> QueuedImport | None:
        """The batch when written at once; None when it waits here."""
        return self._now_or_later(store, PendingImport(rows, source, destination))

    def _now_or_later(self, store: HistoryStore, job: Pending):
        import sqlite3

        with self._lock:
            if not self._pending:
                try:
                    return _write(store, job)
                except sqlite3.Error as error:
                    log.warning("The history could not be written at once (%s); waiting", error)
            self._pending.append(job)
            if self._thread is None:
                self._stop.clear()
                self._thread = threading.Thread(
                    target=self._work, name="flxdesk-queue-writer", daemon=True
                )
                self._thread.start()
        self._wake.set()
        return None

    def close(self, timeout: float = 1.5) -> list[Pending]:
        """Stop, after one last try within ``timeout``; returns what could not be written."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            self._wake.set()
            thread.join(timeout)
            self._stop.set()
            thread.join(0.5)
        return self.pending_updates()

    def _work(self) -> None:
        from flxdesk.storage_faults import fault_from
        from flxdesk.store import HistoryStore
        from flxdesk.store_schema import HistoryFileError

        store = None
        backoff = 0.0
        said = ""
        try:
            while not self._stop.is_set():
                with self._lock:
                    if not self._pending:
                        self._thread = None
                        break
                    job = self._pending[0]
                try:
                    if store is None:
                        store = HistoryStore(
                            self._store_path, busy_timeout=WRITER_BUSY_TIMEOUT_SECONDS
                        )
                    result = _write(store, job)
                except Exception as error:  # a lock, a full disk, ...: try again later
                    if isinstance(error, HistoryFileError):
                        sentence = str(error)
                    else:
                        sentence = str(fault_from(error, self._store_path))
                    if sentence != said:
                        said = sentence
                        log.warning("Waiting to write to the history: %s", sentence)
                        self._on_problem(sentence)
                    backoff = min(
                        WRITER_RETRY_MAX_SECONDS, max(WRITER_RETRY_FIRST_SECONDS, backoff * 2)
                    )
                    self._wake.clear()
                    self._stop.wait(backoff)
                    continue
                backoff = 0.0
                with self._lock:
                    self._pending.popleft()
                self._on_written(job, result)
            if said:
                self._on_problem("")
        finally:
            if store is not None:
                store.close()
            with self._lock:
                if self._thread is threading.current_thread():
                    self._thread = None


def _write(store: HistoryStore, job: Pending):
    if isinstance(job, PendingUpdate):
        return queue_one(store, job.order_id, job.status, job.note, destination=job.destination)
    return queue_import(store, job.rows, job.source, destination=job.destination)
