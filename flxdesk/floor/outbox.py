"""Publishing this station's history to the floor: the outbox, drained in order, never twice.

The history notes every new or changed update in its ``floor_outbox`` in the same
transaction as the change (history schema version 4, flxdesk.history.schema). The
publisher's thread reads the outbox oldest change first, writes each update's current
row to the floor through ``flxdesk.publish_update`` (flxdesk.floor.boundary: an upsert
stamped with this login, so publishing again changes nothing, and an older revision
never overwrites a newer one), and only then removes what it published from the outbox,
unless it changed again meanwhile. A row the floor refuses (a time out of its bounds)
is logged and not offered again: it stays in the station's history. Nothing is lost
when the floor is away or the station stops: the outbox waits, and the publisher tries
again with growing gaps (flxdesk.floor.link).

Each publication first tells the floor the station is alive (``station_seen``, which
also claims the station's name for this login: a name another login holds stops
publishing, in words) and checks the floor's version again (flxdesk.floor.schema):
a floor upgraded to one this station cannot use is noticed within a heartbeat.

On a floor with operators (version 3, flxdesk.floor.operators) each update also carries
who asked for it and who approved it (the history's ``operator`` and ``approved_by``,
written with the row, so the outbox's insert trigger publishes them), and each
publication says who is signed in at the station (``set_operator``: at once when it
changes) and reads the floor's roster (``on_roster`` gets its rows). A floor of version 2
gets what it knows: the updates without their operators.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from flxdesk.floor.boundary import MAX_MESSAGE
from flxdesk.floor.link import FloorAway, FloorLink, Refused

log = logging.getLogger(__name__)

BATCH_ROWS = 500
POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 30.0
PUBLISH_PATIENCE_SECONDS = 20.0
BACKOFF_FIRST_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 30.0
BACKFILL_SECONDS = 24 * 3600  # a station joining a floor publishes its last day too
LAST_WORD_SECONDS = 1.0  # at close, who is signed in (nobody) is said if it takes no longer

PUBLISH = (
    "SELECT flxdesk.publish_update(%s::text, %s::text, %s::bigint, %s::bigint, %s::text,"
    " %s::text, %s::text, %s::text, %s::text, %s::text, %s::integer, %s::integer,"
    " %s::double precision, %s::double precision)"
)
PUBLISH_WITH_OPERATORS = PUBLISH[:-1] + ", %s::text, %s::text)"  # floor version 3
HEARTBEAT = "SELECT flxdesk.station_seen(%s::text, %s::text)"
V2_VALUES = 14  # what a floor of version 2 takes of an item's values (no operators)


class NameTaken(Exception):
    """The floor holds this station's name for another login (``str`` says so)."""


class OutboxItem(NamedTuple):
    seq: int
    values: tuple[object, ...]  # the floor row's values, in UPSERT's order


class Published(NamedTuple):
    """What one publication got: the floor's word on each item ("ok", or why it refused
    it), and the floor's roster rows when they were asked for and it has a roster."""

    answers: list[str]
    roster_rows: list[Any] | None = None


def read_outbox(db: Any, station: str, history_id: str, limit: int) -> list[OutboxItem]:
    """The oldest changes not yet published, each with its update's row as it is now."""
    rows = db.execute(
        "SELECT o.seq, u.id, u.order_id, u.status, u.note, u.state, u.outcome, u.message,"
        " u.http_code, u.attempts, u.created_at, u.finished_at, u.operator, u.approved_by"
        " FROM floor_outbox o JOIN updates u ON u.id = o.update_id ORDER BY o.seq LIMIT ?",
        (limit,),
    ).fetchall()
    items = []
    for seq, local_id, order_id, status, note, state, *result in rows:
        outcome, message, http_code, attempts, created, finished, operator, approved_by = result
        values: tuple[object, ...] = (station, history_id, local_id, seq, order_id, status)
        values += (note, state, outcome, (message or "")[:MAX_MESSAGE], http_code, attempts)
        values += (created, finished, operator, approved_by)
        items.append(OutboxItem(seq, values))
    return items


def forget_published(db: Any, seqs: list[int]) -> None:
    """Remove published changes; an update changed since has a newer seq and stays."""
    db.executemany("DELETE FROM floor_outbox WHERE seq = ?", [(seq,) for seq in seqs])


def outbox_size(db: Any) -> int:
    return int(db.execute("SELECT COUNT(*) FROM floor_outbox").fetchone()[0])


def _publish_job(
    items: list[OutboxItem],
    station: str,
    version: str,
    operator: str | None,
    connection: Any,
    learned: Any,
) -> Published:
    """``publish_all`` as a link's job (connection, what the opener learned)."""
    return publish_all(connection, items, station, version, operator=operator, read_roster=True)


def publish(connection: Any, items: list[OutboxItem], station: str, version: str) -> list[str]:
    """Write ``items`` and the station's heartbeat to the floor, all or nothing; the
    floor's word on each item ("ok", or why it refused it). NameTaken when the floor
    holds ``station`` for another login; Refused when the floor is no longer one this
    flxdesk can use."""
    return publish_all(connection, items, station, version).answers


def publish_all(
    connection: Any,
    items: list[OutboxItem],
    station: str,
    version: str,
    *,
    operator: str | None = None,
    read_roster: bool = False,
) -> Published:
    """``publish``, and on a floor with operators: say that ``operator`` is signed in at
    ``station`` ("" nobody; None says nothing) and read the roster (``read_roster``)."""
    from flxdesk.floor.operators import OPERATOR_SEEN, ROSTER
    from flxdesk.floor.schema import ROSTER_FROM, FloorSchemaError, check_floor
    from flxdesk.host.i18n import translate

    answers: list[str] = []
    roster_rows = None
    with connection.transaction():
        try:
            info = check_floor(connection)
        except FloorSchemaError as problem:
            raise Refused(str(problem)) from None
        operators = info.version >= ROSTER_FROM
        (claimed,) = connection.execute(HEARTBEAT, (station, version)).fetchone()
        if not claimed:
            raise NameTaken(
                translate(
                    "Floor",
                    "the floor holds the station name {station} for another login: this "
                    "station's updates wait to be published; ask IT",
                ).format(station=station)
            )
        if operators and operator is not None:
            connection.execute(OPERATOR_SEEN, (station, operator))
        if items:
            statement = PUBLISH_WITH_OPERATORS if operators else PUBLISH
            rows = [item.values if operators else item.values[:V2_VALUES] for item in items]
            with connection.cursor() as cursor:
                cursor.executemany(statement, rows, returning=True)
                while True:
                    row = cursor.fetchone()
                    answers.append(row[0] if row else "")
                    if not cursor.nextset():
                        break
        if operators and read_roster:
            roster_rows = connection.execute(ROSTER).fetchall()
    return Published(answers, roster_rows)


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
        on_roster: Callable[[list[Any]], None] | None = None,
    ) -> None:
        """``on_roster(rows)``: the floor's roster rows, read with each publication on a
        floor that has operators (called on the publisher's thread)."""
        self._link = link
        self._history_path = history_path
        self._station = station
        self._poll = poll
        self._on_published = on_published or (lambda count: None)
        self._on_roster = on_roster or (lambda rows: None)
        self._operator_lock = threading.Lock()
        self._operator: str | None = None  # who is signed in here (None: never said)
        self._operator_said: str | None = None  # what the floor was last told
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

    def set_operator(self, name: str) -> None:
        """Who is signed in at this station now ("" nobody): told to the floor at once
        (the next try, while it is away), and with every heartbeat."""
        with self._operator_lock:
            changed = name != self._operator
            self._operator = name
        if changed:
            self.wake()

    @property
    def operator_said(self) -> str | None:
        """Who the floor was last told is signed in here (None: nobody was said yet)."""
        with self._operator_lock:
            return self._operator_said

    def _operator_due(self) -> bool:
        with self._operator_lock:
            return self._operator is not None and self._operator != self._operator_said

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
            if self.waiting == 0 and not self.problem and not self._operator_due():
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
                    due = self._operator_due()
                    if not items and not due and time.monotonic() < beat_at:
                        self._idle.set()
                        self._wake.wait(self._poll)
                        self._wake.clear()
                        continue
                    with self._operator_lock:
                        operator = self._operator
                    job = functools.partial(
                        _publish_job, items, self._station, __version__, operator
                    )
                    published = self._link.call(job, PUBLISH_PATIENCE_SECONDS)
                    with self._operator_lock:
                        self._operator_said = operator
                    _log_refused(items, published.answers)
                    if published.roster_rows is not None:
                        self._on_roster(published.roster_rows)
                    beat_at = time.monotonic() + HEARTBEAT_SECONDS
                    forget_published(store.connection, [item.seq for item in items])
                    if items:
                        self._on_published(len(items))
                    self.problem, gap = "", 0.0
                    if len(items) < BATCH_ROWS:
                        self.waiting = outbox_size(store.connection)
                except (FloorAway, NameTaken) as away:
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
            self._last_word()
        finally:
            if store is not None:
                store.close()

    def _last_word(self) -> None:
        """Closing: tell the floor who is signed in now (nobody, when the window signed
        its operator out as it closed), if the floor answers at once."""
        from flxdesk import __version__

        if not self._operator_due() or self._link.status.state != "up":
            return
        with self._operator_lock:
            operator = self._operator
        job = functools.partial(_publish_job, [], self._station, __version__, operator)
        try:
            self._link.call(job, LAST_WORD_SECONDS)
        except Exception as error:  # closing: the next start says it again
            log.info("Who is signed in here was not told to the floor at close: %s", error)
            return
        with self._operator_lock:
            self._operator_said = operator


def _log_refused(items: list[OutboxItem], answers: list[str]) -> None:
    pairs = zip(items, answers, strict=False)
    refused = [(item.values[2], answer) for item, answer in pairs if answer != "ok"]
    if refused:
        log.warning(
            "The floor refused %d update(s) (local id, why): %s; they stay in this history",
            len(refused),
            refused[:20],
        )
