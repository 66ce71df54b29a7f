"""Publishing this station's history to the floor: the outbox, drained in order, never twice.

The history notes every new or changed update in its ``floor_outbox`` in the same
transaction as the change (history schema version 4, flxdesk.history.schema). The
publisher's thread reads the outbox oldest change first, writes each update's current
row to the floor with ``INSERT ... ON CONFLICT (station, history_id, local_id) DO
UPDATE`` (so publishing again changes nothing, and an older revision never overwrites
a newer one), and only then removes what it published from the outbox, unless it
changed again meanwhile. Nothing is lost when the floor is away or the station stops:
the outbox waits, and the publisher tries again with growing gaps (flxdesk.floor.link).
It also tells the floor the station is alive (``flxdesk.stations.last_seen``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from flxdesk.floor.link import FloorAway, FloorLink

log = logging.getLogger(__name__)

BATCH_ROWS = 500
POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 30.0
PUBLISH_PATIENCE_SECONDS = 20.0
BACKOFF_FIRST_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 30.0
BACKFILL_SECONDS = 24 * 3600  # a station joining a floor publishes its last day too

_COLUMNS = (
    "station, history_id, local_id, revision, order_id, status, note, state, outcome,"
    " message, http_code, attempts, queued_at, finished_at"
)
UPSERT = f"""
INSERT INTO flxdesk.updates ({_COLUMNS}, published_at)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, to_timestamp(%s), to_timestamp(%s), now())
ON CONFLICT (station, history_id, local_id) DO UPDATE SET
    revision = EXCLUDED.revision, order_id = EXCLUDED.order_id, status = EXCLUDED.status,
    note = EXCLUDED.note, state = EXCLUDED.state, outcome = EXCLUDED.outcome,
    message = EXCLUDED.message, http_code = EXCLUDED.http_code, attempts = EXCLUDED.attempts,
    queued_at = EXCLUDED.queued_at, finished_at = EXCLUDED.finished_at,
    published_at = EXCLUDED.published_at
WHERE flxdesk.updates.revision <= EXCLUDED.revision
"""
HEARTBEAT = """
INSERT INTO flxdesk.stations (name, flxdesk_version) VALUES (%s, %s)
ON CONFLICT (name) DO UPDATE SET last_seen = now(), flxdesk_version = EXCLUDED.flxdesk_version
"""


class OutboxItem(NamedTuple):
    seq: int
    values: tuple  # the floor row's values, in UPSERT's order


def read_outbox(db: Any, station: str, history_id: str, limit: int) -> list[OutboxItem]:
    """The oldest changes not yet published, each with its update's row as it is now."""
    rows = db.execute(
        "SELECT o.seq, u.id, u.order_id, u.status, u.note, u.state, u.outcome, u.message,"
        " u.http_code, u.attempts, u.created_at, u.finished_at"
        " FROM floor_outbox o JOIN updates u ON u.id = o.update_id ORDER BY o.seq LIMIT ?",
        (limit,),
    ).fetchall()
    items = []
    for seq, local_id, order_id, status, note, state, *result, created, finished in rows:
        outcome, message, http_code, attempts = result
        values = (station, history_id, local_id, seq, order_id, status, note, state)
        values += (outcome, message or "", http_code, attempts, created, finished)
        items.append(OutboxItem(seq, values))
    return items


def forget_published(db: Any, seqs: list[int]) -> None:
    """Remove published changes; an update changed since has a newer seq and stays."""
    db.executemany("DELETE FROM floor_outbox WHERE seq = ?", [(seq,) for seq in seqs])


def outbox_size(db: Any) -> int:
    return int(db.execute("SELECT COUNT(*) FROM floor_outbox").fetchone()[0])


def publish(connection: Any, items: list[OutboxItem], station: str, version: str) -> None:
    """Write ``items`` and the station's heartbeat to the floor, all or nothing."""
    with connection.transaction():
        if items:
            with connection.cursor() as cursor:
                cursor.executemany(UPSERT, [item.values for item in items])
        connection.execute(HEARTBEAT, (station, version))


class Publisher:
    """Drains the outbox to the floor on a thread of its own (``start``, ``wake``, ``close``)."""

    def __init__(
        self,
        link: FloorLink,
        history_path: Path,
        station: str,
        *,
        poll: float = POLL_SECONDS,
        on_published: Callable[[int], None] | None = None,
    ) -> None:
        self._link = link
        self._history_path = history_path
        self._station = station
        self._poll = poll
        self._on_published = on_published or (lambda count: None)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()  # the outbox was found empty since the last wake
        self._thread = threading.Thread(target=self._work, name="flxdesk-floor-outbox", daemon=True)
        self.waiting = 0  # changes in the outbox at the last look
        self.problem = ""  # why the last try did not publish, for people; "" when it did

    def start(self) -> Publisher:
        self._thread.start()
        return self

    def wake(self) -> None:
        """Look at the outbox now (the engine calls it after each change it records)."""
        self._idle.clear()
        self._wake.set()

    def flush(self, timeout: float) -> bool:
        """Wait up to ``timeout`` for the outbox to be empty; True when it is."""
        deadline = time.monotonic() + timeout
        self.wake()
        while self._thread.is_alive():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if not self._idle.wait(min(left, 0.25)):
                continue
            if self.waiting == 0 and not self.problem:
                return True
            self._idle.clear()  # the floor was away: wait for the next try's outcome
            if self._link.status.state == "away":
                self._link.retry_now()
        return False

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=3.0)

    def _work(self) -> None:
        from flxdesk import __version__
        from flxdesk.history.store import HistoryStore

        store = None
        gap = 0.0
        beat_at = 0.0
        try:
            while not self._stop.is_set():
                try:
                    if store is None:
                        store = HistoryStore(self._history_path, busy_timeout=1.0)
                        store.set_floor_publishing(True, since=time.time() - BACKFILL_SECONDS)
                    items = read_outbox(
                        store.connection, self._station, store.history_id, BATCH_ROWS
                    )
                    self.waiting = len(items)
                    if not items and time.monotonic() < beat_at:
                        self._idle.set()
                        self._wake.wait(self._poll)
                        self._wake.clear()
                        continue
                    self._link.call(
                        lambda connection, learned, items=items: publish(
                            connection, items, self._station, __version__
                        ),
                        PUBLISH_PATIENCE_SECONDS,
                    )
                    beat_at = time.monotonic() + HEARTBEAT_SECONDS
                    forget_published(store.connection, [item.seq for item in items])
                    if items:
                        self._on_published(len(items))
                    self.problem, gap = "", 0.0
                    if len(items) < BATCH_ROWS:
                        self.waiting = outbox_size(store.connection)
                except FloorAway as away:
                    self.problem = str(away)
                    gap = min(BACKOFF_MAX_SECONDS, max(BACKOFF_FIRST_SECONDS, gap * 2))
                    self._idle.set()
                    self._wake.wait(gap)
                    self._wake.clear()
                except Exception as error:  # the history busy, a bug: log, wait, go on
                    log.warning("Publishing to the floor failed: %s", error, exc_info=True)
                    self.problem = str(error)
                    gap = min(BACKOFF_MAX_SECONDS, max(BACKOFF_FIRST_SECONDS, gap * 2))
                    self._idle.set()
                    if store is not None:
                        store.close()
                        store = None
                    self._wake.wait(gap)
                    self._wake.clear()
        finally:
            if store is not None:
                store.close()
