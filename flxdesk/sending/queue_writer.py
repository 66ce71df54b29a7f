"""Queueing for a window, whose thread must never wait on the history.

What the window asks for is written at once when the history lets it; when it is
locked or full (and for a large import, always) it waits in order in a thread of its
own (``QueueWriter``) until it is on disk. Written through the queueing use case
(flxdesk.sending.queueing). Standard library only.
"""

from __future__ import annotations

import collections
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from flxdesk.history.store import NOBODY, AskedBy
from flxdesk.host.i18n import translate
from flxdesk.sending.queueing import Progress, QueuedImport, queue_import, queue_one

if TYPE_CHECKING:
    from flxdesk.bulk.reading import ImportRow
    from flxdesk.history.store import HistoryStore
    from flxdesk.orders.destination import Destination

log = logging.getLogger(__name__)

WRITE_AT_ONCE_ROWS = 1_000  # a window writes an import this small itself (a few ms)


class PendingUpdate(NamedTuple):
    """What a person asked for that is not in the history yet (it was busy or full)."""

    order_id: str
    status: str
    note: str
    destination: Destination
    asked_by: AskedBy = NOBODY


class PendingImport(NamedTuple):
    rows: Sequence[ImportRow]
    source: str
    destination: Destination
    asked_by: AskedBy = NOBODY


Pending = PendingUpdate | PendingImport
_Written = TypeVar("_Written")  # what writing a job gives: an update's id, a QueuedImport
WRITER_BUSY_TIMEOUT_SECONDS = 1.0
WRITER_RETRY_FIRST_SECONDS = 0.05
WRITER_RETRY_MAX_SECONDS = 2.0


class WriteStopped(Exception):
    """The writer was closed while it wrote an import: the import's transaction is undone."""


class QueueWriter:
    """Queues for a window, whose thread must never wait on the history.

    The window's own store waits only a few milliseconds for a lock. When the history
    is locked by another program, or the disk is full, what was asked for is kept here
    in order and written by a thread of its own, which tries again with growing gaps
    until it is on disk; ``on_written(pending, result)`` then reports it (an update id,
    or a QueuedImport), and ``on_problem(sentence)`` says why it waits ("" once all is
    written). An import of more than WRITE_AT_ONCE_ROWS rows is always written by that
    thread (200,000 rows take over a second), reporting ``on_progress(pending,
    percent)`` as it goes. While anything waits here, new updates wait behind it, so
    the history keeps the order in which they were asked for. Nothing is sent before
    it is written. Callbacks run in the writer's thread. Standard library only.
    """

    def __init__(
        self,
        store_path: Path,
        on_written: Callable[[Pending, object], None],
        on_problem: Callable[[str], None],
        on_progress: Callable[[Pending, int], None] | None = None,
    ) -> None:
        self._store_path = store_path
        self._on_written = on_written
        self._on_problem = on_problem
        self._on_progress = on_progress
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

    @property
    def importing(self) -> bool:
        """True while an import waits here or is being written."""
        with self._lock:
            return any(isinstance(job, PendingImport) for job in self._pending)

    def queue_one(
        self,
        store: HistoryStore,
        order_id: str,
        status: str,
        note: str,
        *,
        destination: Destination,
        asked_by: AskedBy = NOBODY,
    ) -> int | None:
        """The update's id when written at once; None when it waits here."""
        job = PendingUpdate(order_id, status, note, destination, asked_by)
        return self._now_or_later(job, lambda: _write_update(store, job))

    def queue_import(
        self,
        store: HistoryStore,
        rows: Sequence[ImportRow],
        source: str,
        *,
        destination: Destination,
        asked_by: AskedBy = NOBODY,
    ) -> QueuedImport | None:
        """The batch when written at once; None when it is written by the writer's thread
        (a large import, or the history is busy): ``on_written`` reports it then."""
        job = PendingImport(rows, source, destination, asked_by)
        at_once = len(rows) <= WRITE_AT_ONCE_ROWS
        return self._now_or_later(job, (lambda: _write_import(store, job)) if at_once else None)

    def _now_or_later(
        self, job: Pending, write_now: Callable[[], _Written] | None
    ) -> _Written | None:
        """``write_now()``'s result, unless something waits here already or it fails (or
        there is no ``write_now``): then ``job`` waits here, and None."""
        import sqlite3

        with self._lock:
            if write_now is not None and not self._pending:
                try:
                    return write_now()
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
        """Stop, after one last try within ``timeout``; returns what could not be written.

        An import still being written then is undone whole (its transaction is rolled
        back within one chunk of rows) and returned: none of its rows is in the history.
        """
        with self._lock:
            thread = self._thread
        if thread is not None:
            self._wake.set()
            thread.join(timeout)
            self._stop.set()
            thread.join(0.5)
        return self.pending_updates()

    def _work(self) -> None:
        from flxdesk.history.faults import fault_from
        from flxdesk.history.schema import HistoryFileError
        from flxdesk.history.store import HistoryStore

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
                    result = _write(store, job, self._progress_of(job))
                except WriteStopped:
                    log.warning("Closed while writing an import: it is not queued")
                    break
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

    def _progress_of(self, job: Pending) -> Progress:
        """Reports an import's progress (each percent once); raises WriteStopped on close."""
        said = -1

        def progress(share: float) -> None:
            nonlocal said
            if self._stop.is_set():
                raise WriteStopped
            percent = int(share * 100)
            if percent != said and self._on_progress is not None:
                said = percent
                self._on_progress(job, percent)

        return progress


def describe_pending(pending: Pending, *, for_log: bool = False) -> str:
    """One line for a scan or an import that was not written: what to do again (in the
    window's language; in English ``for_log``)."""
    if isinstance(pending, PendingImport):
        rows = len(pending.rows)
        if for_log:
            return f"the bulk update of {rows:,} rows from {pending.source}"
        text = translate("Updates", "the bulk update of %Ln row(s) from {source}", None, rows)
        return text.format(source=pending.source)
    return f"{pending.order_id} {pending.status}"


def unwritten_text(unwritten: list[Pending]) -> str:
    """What the window says at quit about what it could not write (nothing of it is kept)."""
    lines = "\n".join(describe_pending(item) for item in unwritten[:20])
    more = len(unwritten) - 20
    if more > 0:
        lines += "\n" + translate("Updates", "… and %n more", None, more)
    intro = translate(
        "Updates",
        "These could not be written to the history before flxdesk closed (it stayed locked, "
        "the disk stayed full, or a bulk update was still being written) and were not "
        "sent; nothing of them is in the history. Scan or import them again:",
    )
    return intro + "\n" + lines


def _write(
    store: HistoryStore, job: Pending, progress: Progress | None = None
) -> int | QueuedImport:
    if isinstance(job, PendingUpdate):
        return _write_update(store, job)
    return _write_import(store, job, progress)


def _write_update(store: HistoryStore, job: PendingUpdate) -> int:
    return queue_one(
        store,
        job.order_id,
        job.status,
        job.note,
        destination=job.destination,
        asked_by=job.asked_by,
    )


def _write_import(
    store: HistoryStore, job: PendingImport, progress: Progress | None = None
) -> QueuedImport:
    return queue_import(
        store,
        job.rows,
        job.source,
        destination=job.destination,
        progress=progress,
        asked_by=job.asked_by,
    )
