"""The history and queue of every update, in SQLite: written as queued before sending.

WAL mode keeps the file consistent through crashes and lets the window read while
the queue engine writes. ``synchronous=FULL`` makes every commit durable: the commit
that records an update as queued (before it is sent) and the one that records its
outcome survive a power cut or an OS crash too, which ``NORMAL`` does not promise in
WAL mode. The cost, one fsync per commit, is measured by ``bench/store_durability.py``.

Each thread opens its own HistoryStore on the same file. Rows are never deleted:
every update ends sent, failed, cancelled, or stays queued until a later run sends
it. Each queued row records its destination (flxdesk.orders.destination), and is handed out
for sending only to that destination. Schema versions: flxdesk.history.schema.
"""

import contextlib
import sqlite3
import time
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypedDict, Unpack

from flxdesk.history.schema import HistoryFileError, HistoryNotADatabase, migrate
from flxdesk.orders.destination import Destination, HeldGroup, token_fingerprint
from flxdesk.orders.outcomes import Outcome

if TYPE_CHECKING:
    from flxdesk.host.install_check import CheckResult

Synchronous = Literal["FULL", "NORMAL"]


class State(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINAL_STATES = (State.SENT, State.FAILED, State.CANCELLED)


class Answer(TypedDict):
    """What one try got, as a row keeps it (the last try's)."""

    http_code: int | None
    outcome: str
    message: str
    detail: str


class UpdateRow(NamedTuple):
    id: int
    order_id: str
    status: str
    note: str
    state: State
    created_at: float
    started_at: float | None
    finished_at: float | None
    attempts: int
    http_code: int | None
    outcome: str | None
    message: str
    detail: str
    batch_id: int | None
    resent: int  # 1: it was in flight when a run stopped, so it may reach Flxpoint twice
    api_url: str  # where it is meant to go; "" when queued before destinations were kept
    token_fp: str  # fingerprint of the token it was queued under; "" when none was known
    retry_of: int | None = None  # the failed update this one repeats (flxdesk.sending.retry)
    station: str = ""  # the station it was asked for at ("" before history version 5)
    operator: str = ""  # who asked for it ("" before history version 6, or nobody signed in)
    approved_by: str = ""  # the supervisor who approved its status ("" when none was needed)


COLUMNS = ", ".join(UpdateRow._fields)


class AskedBy(NamedTuple):
    """Who asked for an update at the station: the operator signed in, and the supervisor
    who approved its status (flxdesk.operators); "" for nobody."""

    operator: str = ""
    approved_by: str = ""


NOBODY = AskedBy()


class NewUpdate(NamedTuple):
    """An update someone asked for, to be queued."""

    order_id: str
    status: str
    note: str = ""


class RejectedUpdate(NamedTuple):
    """An update someone asked for that cannot be sent (kept as failed, with why)."""

    order_id: str
    status: str
    note: str
    problem: str


def _row(values: tuple[Any, ...]) -> UpdateRow:
    """The row of ``SELECT {COLUMNS}``, whose values sqlite3 gives untyped."""
    id_, order_id, status, note, state, *rest = values
    return UpdateRow(id_, order_id, status, note, State(state), *rest)


def _new_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT on ``cursor`` has just made."""
    # sqlite3 sets lastrowid after every successful single-row INSERT: never None here.
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _sendable(destination: Destination) -> tuple[str, list[str]]:
    """SQL condition (and its arguments) for queued rows that may go to ``destination``.

    Without a token (fingerprint ""), rows for this URL wait for one instead of being
    held: the token they were queued under may well be the one the keychain gives.
    """
    if not destination.token_fp:
        return "api_url=?", [destination.api_url]
    return "api_url=? AND token_fp IN (?, '')", [destination.api_url, destination.token_fp]


def _count_by_state(db: sqlite3.Connection, batch_id: int | None) -> dict[State, int]:
    if batch_id is None:
        rows = db.execute("SELECT state, COUNT(*) FROM updates GROUP BY state")
    else:
        rows = db.execute(
            "SELECT state, COUNT(*) FROM updates WHERE batch_id=? GROUP BY state", (batch_id,)
        )
    counts = dict.fromkeys(State, 0)
    counts.update({State(state): int(count) for state, count in rows})
    return counts


def count_batch_by_state(path: Path, batch_id: int) -> dict[State, int]:
    """``count_by_state(batch_id)`` on a short-lived connection of its own, for a thread
    that has no store: it reads every row (about 30 ms at 200,000), so a window asks
    it off its own thread. Raises sqlite3.Error."""
    db = sqlite3.connect(path, timeout=1.0)
    try:
        return _count_by_state(db, batch_id)
    finally:
        db.close()


def _open_error(error: BaseException, path: Path) -> HistoryFileError:
    """The plain-words error for a history that cannot be opened (storage_faults)."""
    from flxdesk.history.faults import StorageKind, classify, describe

    kind = classify(error)
    text = describe(kind, path, str(error)) + " Nothing in it was changed."
    if kind is StorageKind.NOT_A_DATABASE:
        return HistoryNotADatabase(text, path)
    problem = HistoryFileError(text)
    problem.kind = kind.value
    return problem


class HistoryStore:
    def __init__(
        self, path: Path, *, synchronous: Synchronous = "FULL", busy_timeout: float = 10.0
    ) -> None:
        """Open, create or migrate the history; ``synchronous`` is for the benchmark only.

        ``busy_timeout``: how long a write waits for another connection's lock before
        SQLite gives up with "database is locked" (the window and the engine use short
        ones and retry, so that nothing waits long on a lock).

        Raises HistoryFileError, in plain words, when the file cannot be used: not
        readable, locked, on a full or read-only disk, not a database (then
        HistoryNotADatabase), or written by a newer flxdesk.
        """
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise _open_error(error, path) from error
        try:
            migrate(self._db, path)  # first: a newer file is refused before any write
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(f"PRAGMA synchronous={synchronous}")
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as error:
            self._db.close()
            raise _open_error(error, path) from error
        except BaseException:
            self._db.close()
            raise
        self.token_salt: str = meta["token_salt"]
        # This file's name on the floor (flxdesk.floor.outbox); a new file gets a new one.
        self.history_id: str = meta["history_id"]

    def set_busy_timeout(self, seconds: float) -> None:
        """How long later writes wait for another connection's lock (see ``__init__``)."""
        self._db.execute(f"PRAGMA busy_timeout={max(0, int(seconds * 1000))}")

    def fingerprint(self, token: str) -> str:
        """The salted fingerprint of ``token`` in this file (never the token itself)."""
        return token_fingerprint(token, self.token_salt)

    def close(self) -> None:
        self._db.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """This store's connection, for modules that query it in their own SQL
        (flxdesk.history.query, flxdesk.reports.shift_report, flxdesk.sending.retry); same
        thread only."""
        return self._db

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """All or nothing, for modules that write several rows (flxdesk.sending.retry)."""
        return self._transaction()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """All or nothing: a batch is either fully queued or not at all.

        Inside a transaction already open, it simply joins it (the outer one decides).
        """
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def station(self) -> str:
        """The station name written on each new update (history version 5)."""
        row = self._db.execute("SELECT value FROM meta WHERE key='station'").fetchone()
        return row[0] if row else ""

    def set_station(self, name: str) -> None:
        """Name this station on every update asked for from now on (at each start)."""
        if name != self.station:
            self._db.execute("UPDATE meta SET value=? WHERE key='station'", (name,))

    @property
    def floor_publishing(self) -> bool:
        """Whether changes are noted in the floor's outbox (history schema version 4)."""
        row = self._db.execute("SELECT value FROM meta WHERE key='floor_outbox'").fetchone()
        return bool(row) and row[0] == "on"

    def set_floor_publishing(self, on: bool, *, since: float | None = None) -> bool:
        """Note changes in the floor's outbox from now on (a station with a floor), or stop.

        Turning it on also notes the updates still waiting and those queued at or after
        ``since``, so the floor learns of them; turning it off keeps what is noted.
        Returns whether anything changed.
        """
        if self.floor_publishing == on:
            return False
        with self._transaction():
            self._db.execute(
                "UPDATE meta SET value=? WHERE key='floor_outbox'", ("on" if on else "off",)
            )
            if on:
                self._db.execute(
                    "INSERT OR IGNORE INTO floor_outbox (update_id) SELECT id FROM updates"
                    " WHERE state IN (?, ?) OR created_at >= ? ORDER BY id",
                    (State.QUEUED, State.SENDING, time.time() if since is None else since),
                )
        return True

    def check_writable(self) -> None:
        """Prove the file accepts writes, leaving no trace (for the self-test)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(
                "INSERT INTO updates (order_id, status, state, created_at) VALUES (?,?,?,?)",
                ("self-test", "Open", State.QUEUED, time.time()),
            )
        finally:
            self._db.execute("ROLLBACK")

    def add_queued(
        self,
        order_id: str,
        status: str,
        note: str,
        *,
        destination: Destination,
        asked_by: AskedBy = NOBODY,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO updates (order_id, status, note, state, created_at, api_url, token_fp,"
            " operator, approved_by) VALUES (?,?,?,?,?,?,?,?,?)",
            (order_id, status, note, State.QUEUED, time.time(), *destination, *asked_by),
        )
        return _new_id(cursor)

    def mark_sending(self, update_id: int, destination: Destination) -> bool:
        """Claim a queued update for sending to ``destination``.

        False when it is no longer queued (cancelled) or was queued for another
        destination. A row queued before any token was known takes this token's
        fingerprint, so the history says which token sent it.
        """
        sendable, args = _sendable(destination)
        cursor = self._db.execute(
            "UPDATE updates SET state=?, started_at=COALESCE(started_at, ?),"
            " token_fp=CASE token_fp WHEN '' THEN ? ELSE token_fp END"
            f" WHERE id=? AND state=? AND {sendable}",
            (State.SENDING, time.time(), destination.token_fp, update_id, State.QUEUED, *args),
        )
        return cursor.rowcount == 1

    def mark_queued(self, update_id: int) -> None:
        self._db.execute("UPDATE updates SET state=? WHERE id=?", (State.QUEUED, update_id))

    def requeue_abandoned(self, update_ids: Sequence[int]) -> int:
        """Rows whose request was still on the wire when sending stopped: queued again.

        The request may have reached Flxpoint, so the row is marked resent, as after a
        crash (``requeue_interrupted``).
        """
        if not update_ids:
            return 0
        marks = ",".join("?" * len(update_ids))
        cursor = self._db.execute(
            f"UPDATE updates SET state=?, resent=1 WHERE state=? AND id IN ({marks})",
            (State.QUEUED, State.SENDING, *update_ids),
        )
        return cursor.rowcount

    def complete(
        self, update_id: int, *, ok: bool, attempts: int, **answer: Unpack[Answer]
    ) -> None:
        """Record the final result: sent, or failed with why."""
        self._record_try(
            update_id, State.SENT if ok else State.FAILED, time.time(), attempts, answer
        )

    def _record_try(
        self,
        update_id: int,
        state: State,
        finished_at: float | None,
        attempts: int,
        answer: Answer,
    ) -> None:
        self._db.execute(
            "UPDATE updates SET state=:state, finished_at=:finished_at, attempts=:attempts,"
            " http_code=:http_code, outcome=:outcome, message=:message, detail=:detail"
            " WHERE id=:id",
            {
                **answer,
                "state": state,
                "finished_at": finished_at,
                "attempts": attempts,
                "id": update_id,
            },
        )

    def get(self, update_id: int) -> UpdateRow | None:
        values = self._db.execute(
            f"SELECT {COLUMNS} FROM updates WHERE id=?", (update_id,)
        ).fetchone()
        return _row(values) if values else None

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM updates").fetchone()[0])

    def newest(self, limit: int, before_id: int | None = None) -> list[UpdateRow]:
        """Up to ``limit`` rows, newest first, older than ``before_id`` when given."""
        if before_id is None:
            rows = self._db.execute(
                f"SELECT {COLUMNS} FROM updates ORDER BY id DESC LIMIT ?", (limit,)
            )
        else:
            rows = self._db.execute(
                f"SELECT {COLUMNS} FROM updates WHERE id < ? ORDER BY id DESC LIMIT ?",
                (before_id, limit),
            )
        return [_row(values) for values in rows]

    def requeue_interrupted(self) -> int:
        """Rows left 'sending' by a crash or kill go back to queued, marked as resent.

        Such an update may have reached Flxpoint before the run stopped, so sending it
        again may set the same status twice (harmless); the mark says so in the history.
        """
        cursor = self._db.execute(
            "UPDATE updates SET state=?, resent=1 WHERE state=?", (State.QUEUED, State.SENDING)
        )
        return cursor.rowcount

    # --- queue ---------------------------------------------------------------------
    def new_batch(self, source: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO batches (created_at, source) VALUES (?, ?)", (time.time(), source)
        )
        return _new_id(cursor)

    def add_many_queued(
        self,
        updates: Sequence[NewUpdate],
        batch_id: int | None = None,
        *,
        destination: Destination,
        asked_by: AskedBy = NOBODY,
    ) -> list[int]:
        """Queue the updates in one transaction; returns their ids."""
        now = time.time()
        ids = []
        with self._transaction():
            for order_id, status, note in updates:
                cursor = self._db.execute(
                    "INSERT INTO updates (order_id, status, note, state, created_at, batch_id,"
                    " api_url, token_fp, operator, approved_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (order_id, status, note, State.QUEUED, now, batch_id, *destination, *asked_by),
                )
                ids.append(_new_id(cursor))
        return ids

    def add_rejected(
        self,
        rows: Sequence[RejectedUpdate],
        batch_id: int | None = None,
        *,
        asked_by: AskedBy = NOBODY,
    ) -> None:
        """Record updates that cannot be sent, as failed with their problem.

        A pasted or imported row with a problem is not sent, but it was asked for: it
        stays in the history with its reason instead of vanishing.
        """
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT INTO updates (order_id, status, note, state, created_at, finished_at,"
                " outcome, message, batch_id, operator, approved_by)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        order_id,
                        status,
                        note,
                        State.FAILED,
                        now,
                        now,
                        Outcome.INVALID,
                        problem,
                        batch_id,
                        *asked_by,
                    )
                    for order_id, status, note, problem in rows
                ],
            )

    def queued(self, destination: Destination, limit: int = 100) -> list[UpdateRow]:
        """The oldest updates queued for ``destination``, in the order they were asked for."""
        sendable, args = _sendable(destination)
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM updates WHERE state=? AND {sendable} ORDER BY id LIMIT ?",
            (State.QUEUED, *args, limit),
        )
        return [_row(values) for values in rows]

    # --- held: queued for another destination ----------------------------------------
    def held_groups(self, current: Destination) -> list[HeldGroup]:
        """Queued rows that may not go to ``current``, one group per destination."""
        sendable, args = _sendable(current)
        rows = self._db.execute(
            "SELECT api_url, token_fp, COUNT(*) FROM updates"
            f" WHERE state=? AND NOT ({sendable}) GROUP BY api_url, token_fp ORDER BY MIN(id)",
            (State.QUEUED, *args),
        )
        return [HeldGroup(api_url, token_fp, int(count)) for api_url, token_fp, count in rows]

    def count_held(self, current: Destination) -> int:
        sendable, args = _sendable(current)
        (count,) = self._db.execute(
            f"SELECT COUNT(*) FROM updates WHERE state=? AND NOT ({sendable})",
            (State.QUEUED, *args),
        ).fetchone()
        return int(count)

    def redirect_held(self, group: HeldGroup, current: Destination) -> int:
        """The person chose to send a held group to ``current``; returns how many rows."""
        cursor = self._db.execute(
            "UPDATE updates SET api_url=?, token_fp=? WHERE state=? AND api_url=? AND token_fp=?",
            (*current, State.QUEUED, group.api_url, group.token_fp),
        )
        return cursor.rowcount

    def discard_held(self, group: HeldGroup, reason: str) -> int:
        """The person chose not to send a held group: cancelled, with ``reason`` kept."""
        cursor = self._db.execute(
            "UPDATE updates SET state=?, finished_at=?, outcome=?, message=?"
            " WHERE state=? AND api_url=? AND token_fp=?",
            (
                State.CANCELLED,
                time.time(),
                Outcome.DISCARDED,
                reason,
                State.QUEUED,
                group.api_url,
                group.token_fp,
            ),
        )
        return cursor.rowcount

    def retry_later(self, update_id: int, *, attempts: int, **answer: Unpack[Answer]) -> None:
        """Back to queued after a failed try, keeping why in the row."""
        self._record_try(update_id, State.QUEUED, None, attempts, answer)

    def cancel_queued(self, batch_id: int | None = None) -> list[int]:
        """Cancel what has not been sent yet (all, or one batch); returns the ids."""
        where = "state=?"
        args: list[object] = [State.QUEUED]
        if batch_id is not None:
            where, args = where + " AND batch_id=?", [*args, batch_id]
        ids = [int(v[0]) for v in self._db.execute(f"SELECT id FROM updates WHERE {where}", args)]
        self._db.execute(
            f"UPDATE updates SET state=?, finished_at=?, message=? WHERE {where}",
            [State.CANCELLED, time.time(), "Cancelled before it was sent.", *args],
        )
        return ids

    def count_by_state(self, batch_id: int | None = None) -> dict[State, int]:
        return _count_by_state(self._db, batch_id)

    def count_finished_since(self, since: float) -> dict[State, int]:
        """Updates sent and failed since ``since`` (created then or later), by state."""
        rows = self._db.execute(
            "SELECT state, COUNT(*) FROM updates WHERE created_at >= ? AND state IN (?, ?)"
            " GROUP BY state",
            (since, State.SENT, State.FAILED),
        )
        counts = {State.SENT: 0, State.FAILED: 0}
        counts.update({State(state): int(count) for state, count in rows})
        return counts

    def rows_of_batch(self, batch_id: int) -> list[UpdateRow]:
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM updates WHERE batch_id=? ORDER BY id", (batch_id,)
        )
        return [_row(values) for values in rows]


def history_check(path: Path) -> "CheckResult":
    """``--self-test``: open the real history file and write inside a transaction that
    is rolled back."""
    from flxdesk.host.install_check import CheckResult

    name = "SQLite in the data folder"
    try:
        store = HistoryStore(path)
        try:
            store.check_writable()
            rows = store.count()
        finally:
            store.close()
        return CheckResult(name, True, f"{path} ({rows} updates in the history)")
    except Exception as error:
        return CheckResult(name, False, f"{path}: {type(error).__name__}: {error}")
