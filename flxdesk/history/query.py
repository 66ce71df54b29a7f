"""Searching and filtering the history in SQL, fast at a million rows.

``HistoryQuery(store).run(filter)`` takes a snapshot of a HistoryFilter (order ID
exact or prefix, failed or waiting only, a time range): how many rows match, counted
through the one index that suits the filter, and the highest id at that moment.
Its pages come newest first with keyset pagination (``page(limit, before_id)``,
like ``HistoryStore.newest``). Rows written after ``run`` are not in its pages; run
the filter again to see them.

Newest first means by id, or by ``created_at`` then id when the filter has a time
range or an exact order ID (those indexes are in time order). The two orders are
the same unless the computer's clock was set back while flxdesk ran.

Each page takes the cheapest of three plans (``Matches.plan``):

- seek: the index yields matches in page order (an exact order ID, one state,
  a time range, or no filter), so SQLite reads just the page;
- sort: at most SORT_LIMIT matches (a prefix, or waiting = two states): their ids
  are read from the index and SQLite keeps the newest ``limit``;
- walk: more matches than that; the table (or the time index) is read newest
  first, checking each row, until the page is full: with that many matches it
  fills soon (about 90 ns a row; a million rows in under 0.1 s at worst).

Every try: the store keeps each update's last try only (its HTTP code, the
server's message and detail, when it started and finished) and how many tries
there were (``attempts``). ``details`` adds the chain of retries a person asked
for (each a row of its own, flxdesk.sending.retry), so every time the update was asked for
is shown.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, NamedTuple

from flxdesk.history.periods import Period
from flxdesk.history.store import COLUMNS, HistoryStore, State, UpdateRow, _row

SORT_LIMIT = 20_000  # matches whose ids SQLite may sort for one page (about 4 ms)
# A prefix search within a period reads the period's rows when there are at most this
# many (about 1 µs each); longer periods are read through the order ID index.
TIME_DRIVE_LIMIT = 30_000
MAX_CODE_POINT = 0x10FFFF
ORDER_INDEX = "updates_by_order_id"  # (order_id, created_at)
TIME_INDEX = "updates_by_created_at"
STATE_INDEX = "updates_by_state"  # (state): id order within a state
STATE_TIME_INDEX = "updates_by_state_created_at"


class IdMatch(StrEnum):
    EXACT = "exact"
    PREFIX = "prefix"


class StateFilter(StrEnum):
    ALL = "all"
    FAILED = "failed"
    WAITING = "waiting"  # queued or being sent


FILTER_STATES: dict[StateFilter, tuple[State, ...]] = {
    StateFilter.ALL: (),
    StateFilter.FAILED: (State.FAILED,),
    StateFilter.WAITING: (State.QUEUED, State.SENDING),
}


@dataclass(frozen=True)
class HistoryFilter:
    """What the person searches for; the defaults match every row."""

    order_text: str = ""  # blank: any order
    id_match: IdMatch = IdMatch.PREFIX
    states: StateFilter = StateFilter.ALL
    since: float | None = None  # epoch seconds, inclusive
    until: float | None = None  # epoch seconds, exclusive

    @property
    def matches_all(self) -> bool:
        """True when nothing is filtered: the plain newest-first history shows the same."""
        return (
            not self.order_text.strip()
            and self.states is StateFilter.ALL
            and self.since is None
            and self.until is None
        )

    @classmethod
    def in_period(
        cls,
        period: Period,
        *,
        order_text: str = "",
        id_match: IdMatch = IdMatch.PREFIX,
        states: StateFilter = StateFilter.ALL,
    ) -> HistoryFilter:
        """Today, this shift or a date range (flxdesk.history.periods) with any other criteria."""
        return cls(order_text, id_match, states, since=period.since, until=period.until)


def prefix_upper_bound(prefix: str) -> str | None:
    """The smallest text above every text that starts with ``prefix`` (None: no bound).

    ``order_id >= prefix AND order_id < bound`` is a prefix match that SQLite answers
    from the order_id index (BINARY collation compares code points, as Python does);
    ``LIKE 'x%'`` would not use it, being case-insensitive.
    """
    while prefix and ord(prefix[-1]) == MAX_CODE_POINT:
        prefix = prefix[:-1]
    if not prefix:
        return None
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:  # surrogates cannot be stored: skip past them
        last = 0xE000
    return prefix[:-1] + chr(last)


Args = tuple[object, ...]  # a statement's arguments, in the order of its placeholders
OrderKey = Literal["id", "time"]
Plan = Literal["seek", "sort", "walk"]


class Where(NamedTuple):
    sql: str  # "" when nothing is filtered
    args: Args
    # the index that drives the count and the pages; None: the table ("index" would hide
    # tuple.index)
    index_name: str | None
    key: OrderKey  # pages newest first by id, or by created_at then id
    seek: bool  # the index yields matches in page order


class Criteria(NamedTuple):
    """A filter's conditions, each as (SQL, arguments), and which kinds it has."""

    order: tuple[str, Args]
    states: tuple[str, Args]
    time: tuple[str, Args]
    exact: bool
    one_state: bool

    def where(self, index: str | None, key: OrderKey, seek: bool) -> Where:
        parts = [part for part in (self.order, self.states, self.time) if part[0]]
        sql = " AND ".join(part[0] for part in parts)
        return Where(sql, tuple(arg for part in parts for arg in part[1]), index, key, seek)


def criteria(f: HistoryFilter) -> Criteria:
    text = f.order_text.strip()
    exact = bool(text) and f.id_match is IdMatch.EXACT
    order: tuple[str, Args] = ("", ())
    if exact:
        order = ("order_id = ?", (text,))
    elif text:
        upper = prefix_upper_bound(text)
        order = (
            ("order_id >= ?", (text,))
            if upper is None
            else ("order_id >= ? AND order_id < ?", (text, upper))
        )
    states = FILTER_STATES[f.states]
    state_part: tuple[str, Args] = ("", ())
    if states:
        state_part = (f"state IN ({', '.join('?' * len(states))})", tuple(s.value for s in states))
    time_sql, time_args = [], []
    if f.since is not None:
        time_sql.append("created_at >= ?")
        time_args.append(f.since)
    if f.until is not None:
        time_sql.append("created_at < ?")
        time_args.append(f.until)
    return Criteria(
        order, state_part, (" AND ".join(time_sql), tuple(time_args)), exact, len(states) == 1
    )


def where_clause(c: Criteria) -> Where:
    """The index that suits the criteria best, and the page order it gives."""
    text, states, timed = bool(c.order[0]), bool(c.states[0]), bool(c.time[0])
    if c.exact:  # a handful of rows per order, in time order in the index
        return c.where(ORDER_INDEX, "time", True)
    if text and not states:  # the index holds order_id and created_at: counts need no rows
        return c.where(ORDER_INDEX, "time" if timed else "id", False)
    if states and timed:
        return c.where(STATE_TIME_INDEX, "time", c.one_state)
    if states:  # also a prefix with a state: few failed or waiting rows to check
        return c.where(STATE_INDEX, "id", c.one_state)
    if timed:
        return c.where(TIME_INDEX, "time", True)
    return c.where(None, "id", True)


class Matches:
    """A snapshot of one filter: how many rows match, and their pages newest first."""

    def __init__(
        self, db: sqlite3.Connection, where: Where, count: int, top_id: int, lowest_id: int = 0
    ) -> None:
        self._db = db
        self.where = where
        self.count = count
        self.top_id = top_id  # no match above: the highest id when the filter ran, or lower
        self.lowest_id = lowest_id  # no match below (0 when not worth finding)

    @property
    def plan(self) -> Plan:
        return plan_for(self.where, self.count)

    def page_sql(self, limit: int, before: UpdateRow | None = None) -> tuple[str, Args]:
        """The statement and arguments of the page after ``before`` (for EXPLAIN too)."""
        where, plan = self.where, self.plan
        conditions = [where.sql] if where.sql else []
        args: list[object] = list(where.args)
        conditions.append("id BETWEEN ? AND ?")
        args += [self.lowest_id, self.top_id]
        if where.key == "time":
            order = "created_at DESC, id DESC"
            if before is not None:
                conditions.append("created_at <= ? AND (created_at < ? OR id < ?)")
                args += [before.created_at, before.created_at, before.id]
        else:
            order = "id DESC"
            if before is not None:
                conditions.append("id < ?")
                args.append(before.id)
        condition = " AND ".join(conditions)
        if plan == "walk":  # newest first through the table itself or the time index
            source = f"updates INDEXED BY {TIME_INDEX}" if where.key == "time" else "updates"
            if where.key == "id":
                source += " NOT INDEXED"
        else:
            source = f"updates INDEXED BY {where.index_name}" if where.index_name else "updates"
        if plan == "sort":  # sort ids from the index, then read only the page's rows
            sql = (
                f"SELECT {COLUMNS} FROM updates WHERE id IN (SELECT id FROM {source}"
                f" WHERE {condition} ORDER BY {order} LIMIT ?) ORDER BY {order}"
            )
        else:
            sql = f"SELECT {COLUMNS} FROM {source} WHERE {condition} ORDER BY {order} LIMIT ?"
        return sql, (*args, limit)

    def includes(self, update_id: int) -> bool:
        """Whether the row ``update_id`` matches the filter, even if written after ``run``
        (a scan the window shows on top of the filtered rows)."""
        condition = f" AND {self.where.sql}" if self.where.sql else ""
        found = self._db.execute(
            f"SELECT 1 FROM updates WHERE id = ?{condition}", (update_id, *self.where.args)
        ).fetchone()
        return found is not None

    def page(self, limit: int, before_id: int | None = None) -> list[UpdateRow]:
        """Up to ``limit`` matching rows, newest first, after the row ``before_id``."""
        if self.count == 0:
            return []
        before = None
        if before_id is not None:
            values = self._db.execute(
                f"SELECT {COLUMNS} FROM updates WHERE id=?", (before_id,)
            ).fetchone()
            if values is None:
                raise ValueError(f"no update {before_id} in the history")
            before = _row(values)
        sql, args = self.page_sql(limit, before)
        return [_row(values) for values in self._db.execute(sql, args)]


@contextlib.contextmanager
def read_snapshot(db: sqlite3.Connection) -> Iterator[None]:
    """Several SELECTs that see the same rows (WAL: writers carry on meanwhile)."""
    if db.in_transaction:  # the caller's transaction is the snapshot already
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")


def plan_for(where: Where, count: int) -> Plan:
    if where.seek:
        return "seek"
    return "sort" if count <= SORT_LIMIT else "walk"


class UpdateDetails(NamedTuple):
    """Everything the history knows about one update, for the details pane.

    ``update`` holds its last try (HTTP code, message, detail, started/finished
    times), ``attempts`` how many tries were made, ``batch_id`` and ``resent``.
    Earlier tries of the same row are not kept. ``chain`` is every row in the same
    retry chain (the first request and each retry a person asked for), oldest first,
    including ``update`` itself.
    """

    update: UpdateRow
    chain: list[UpdateRow]

    @property
    def original(self) -> UpdateRow | None:
        """The update this one repeats, when it is a retry."""
        if self.update.retry_of is None:
            return None
        return next((row for row in self.chain if row.id == self.update.retry_of), None)

    @property
    def retries(self) -> list[UpdateRow]:
        """The retries asked for of this update (directly), oldest first."""
        return [row for row in self.chain if row.retry_of == self.update.id]


class HistoryQuery:
    """Runs filters against one store's connection (the thread that owns the store)."""

    def __init__(self, store: HistoryStore) -> None:
        self._db = store.connection

    def run(self, f: HistoryFilter) -> Matches:
        """Count the matches of ``f`` now; its pages show the rows that existed now."""
        c = criteria(f)
        where = where_clause(c)
        with read_snapshot(self._db):  # the highest id and the count see the same rows
            (top,) = self._db.execute("SELECT MAX(id) FROM updates").fetchone()
            top, lowest = int(top or 0), 0
            # A prefix within a period: read the period through its index when it is
            # short (today, this shift), checking each row's order ID.
            prefix_in_period = where.index_name == ORDER_INDEX and bool(c.time[0]) and not c.exact
            if prefix_in_period and self._count(TIME_INDEX, *c.time) <= TIME_DRIVE_LIMIT:
                where = c.where(TIME_INDEX, "time", True)
            count = self._count(where.index_name, where.sql, where.args)
            if plan_for(where, count) == "walk" and where.key == "id" and 2 * count < top:
                # Sparse among the rows: find where the matches lie, so that a walk does
                # not read the rows above the newest match (or below the oldest) first.
                lowest, highest = self._db.execute(
                    f"SELECT MIN(id), MAX(id) FROM updates INDEXED BY {where.index_name}"
                    f" WHERE {where.sql}",
                    where.args,
                ).fetchone()
                top = int(highest)
        return Matches(self._db, where, count, top, int(lowest))

    def _count(self, index: str | None, sql: str, args: Args) -> int:
        source = f"updates INDEXED BY {index}" if index else "updates"
        condition = f" WHERE {sql}" if sql else ""
        return int(
            self._db.execute(f"SELECT COUNT(*) FROM {source}{condition}", args).fetchone()[0]
        )

    def details(self, update_id: int) -> UpdateDetails | None:
        values = self._db.execute(
            f"SELECT {COLUMNS} FROM updates WHERE id=?", (update_id,)
        ).fetchone()
        if values is None:
            return None
        chain = self._db.execute(
            f"""WITH RECURSIVE
                up(id, retry_of) AS (
                    SELECT id, retry_of FROM updates WHERE id = ?
                    UNION SELECT u.id, u.retry_of FROM updates u JOIN up ON u.id = up.retry_of
                ),
                root(id) AS (SELECT id FROM up WHERE retry_of IS NULL),
                down(id) AS (
                    SELECT id FROM root
                    UNION SELECT u.id FROM updates u JOIN down ON u.retry_of = down.id
                )
            SELECT {COLUMNS} FROM updates WHERE id IN (SELECT id FROM down) ORDER BY id""",
            (update_id,),
        )
        rows = [_row(v) for v in chain]
        return UpdateDetails(_row(values), rows or [_row(values)])

    def previous_update_at(self, order_id: str, status: str, since: float) -> float | None:
        """When ``order_id`` was last set (or queued) to ``status`` at or after ``since``.

        The lookup for flxdesk.station.duplicate_guard.DuplicateGuard: failed and cancelled
        updates did not set the status, so they do not count.
        """
        (newest,) = self._db.execute(
            "SELECT MAX(created_at) FROM updates INDEXED BY updates_by_order_id"
            " WHERE order_id = ? AND status = ? AND created_at >= ? AND state IN (?, ?, ?)",
            (order_id, status, since, State.SENT, State.QUEUED, State.SENDING),
        ).fetchone()
        return None if newest is None else float(newest)
