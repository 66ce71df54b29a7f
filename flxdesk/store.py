"""The history and queue of every update, in SQLite: written as queued before sending.

WAL mode keeps the file consistent through crashes and power loss, and lets the
window read while the queue engine writes. Each thread opens its own HistoryStore on
the same file. Rows are never deleted: every update ends sent, failed, cancelled, or
stays queued until a later run sends it.
"""

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

SCHEMA = """
CREATE TABLE IF NOT EXISTS updates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id    TEXT NOT NULL,
    status      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL,
    created_at  REAL NOT NULL,
    started_at  REAL,
    finished_at REAL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    http_code   INTEGER,
    outcome     TEXT,
    message     TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    batch_id    INTEGER,
    resent      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS updates_by_state ON updates(state);
CREATE TABLE IF NOT EXISTS batches (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  REAL NOT NULL,
    source      TEXT NOT NULL DEFAULT ''
);
"""

# Columns added after the first release of the schema, for files created before them.
ADDED_COLUMNS = {
    "batch_id": "ALTER TABLE updates ADD COLUMN batch_id INTEGER",
    "resent": "ALTER TABLE updates ADD COLUMN resent INTEGER NOT NULL DEFAULT 0",
}


class State(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINAL_STATES = (State.SENT, State.FAILED, State.CANCELLED)


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


COLUMNS = ", ".join(UpdateRow._fields)


def _row(values: tuple) -> UpdateRow:
    id_, order_id, status, note, state, *rest = values
    return UpdateRow(id_, order_id, status, note, State(state), *rest)


class HistoryStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=10, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        present = {row[1] for row in self._db.execute("PRAGMA table_info(updates)")}
        for column, statement in ADDED_COLUMNS.items():
            if column not in present:
                self._db.execute(statement)

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """All or nothing: a batch is either fully queued or not at all."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

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

    def add_queued(self, order_id: str, status: str, note: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO updates (order_id, status, note, state, created_at) VALUES (?,?,?,?,?)",
            (order_id, status, note, State.QUEUED, time.time()),
        )
        return int(cursor.lastrowid)

    def mark_sending(self, update_id: int) -> bool:
        """Claim a queued update for sending; False if it is no longer queued (cancelled)."""
        cursor = self._db.execute(
            "UPDATE updates SET state=?, started_at=COALESCE(started_at, ?) WHERE id=? AND state=?",
            (State.SENDING, time.time(), update_id, State.QUEUED),
        )
        return cursor.rowcount == 1

    def mark_queued(self, update_id: int) -> None:
        self._db.execute("UPDATE updates SET state=? WHERE id=?", (State.QUEUED, update_id))

    def complete(
        self,
        update_id: int,
        *,
        ok: bool,
        attempts: int,
        http_code: int | None,
        outcome: str,
        message: str,
        detail: str,
    ) -> None:
        """Record the final result: sent, or failed with why."""
        self._record_try(
            update_id,
            State.SENT if ok else State.FAILED,
            time.time(),
            attempts,
            http_code,
            outcome,
            message,
            detail,
        )

    def _record_try(
        self,
        update_id: int,
        state: State,
        finished_at: float | None,
        attempts: int,
        http_code: int | None,
        outcome: str,
        message: str,
        detail: str,
    ) -> None:
        self._db.execute(
            "UPDATE updates SET state=?, finished_at=?, attempts=?, http_code=?, outcome=?,"
            " message=?, detail=? WHERE id=?",
            (state, finished_at, attempts, http_code, outcome, message, detail, update_id),
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
        return int(cursor.lastrowid)

    def add_many_queued(
        self, updates: list[tuple[str, str, str]], batch_id: int | None = None
    ) -> list[int]:
        """Queue (order_id, status, note) rows in one transaction; returns their ids."""
        now = time.time()
        ids = []
        with self._transaction():
            for order_id, status, note in updates:
                cursor = self._db.execute(
                    "INSERT INTO updates (order_id, status, note, state, created_at, batch_id)"
                    " VALUES (?,?,?,?,?,?)",
                    (order_id, status, note, State.QUEUED, now, batch_id),
                )
                ids.append(int(cursor.lastrowid))
        return ids

    def add_rejected(
        self, rows: list[tuple[str, str, str, str]], batch_id: int | None = None
    ) -> None:
        """Record (order_id, status, note, problem) rows that cannot be sent, as failed.

        A pasted or imported row with a problem is not sent, but it was asked for: it
        stays in the history with its reason instead of vanishing.
        """
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT INTO updates (order_id, status, note, state, created_at, finished_at,"
                " outcome, message, batch_id) VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (order_id, status, note, State.FAILED, now, now, "invalid", problem, batch_id)
                    for order_id, status, note, problem in rows
                ],
            )

    def queued(self, limit: int = 100) -> list[UpdateRow]:
        """The oldest queued updates, in the order they were asked for."""
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM updates WHERE state=? ORDER BY id LIMIT ?",
            (State.QUEUED, limit),
        )
        return [_row(values) for values in rows]

    def retry_later(
        self,
        update_id: int,
        *,
        attempts: int,
        http_code: int | None,
        outcome: str,
        message: str,
        detail: str,
    ) -> None:
        """Back to queued after a failed try, keeping why in the row."""
        self._record_try(
            update_id, State.QUEUED, None, attempts, http_code, outcome, message, detail
        )

    def cancel_queued(self, batch_id: int | None = None) -> list[int]:
        """Cancel what has not been sent yet (all, or one batch); returns the ids."""
        where, args = "state=?", [State.QUEUED]
        if batch_id is not None:
            where, args = where + " AND batch_id=?", [*args, batch_id]
        ids = [int(v[0]) for v in self._db.execute(f"SELECT id FROM updates WHERE {where}", args)]
        self._db.execute(
            f"UPDATE updates SET state=?, finished_at=?, message=? WHERE {where}",
            [State.CANCELLED, time.time(), "Cancelled before it was sent.", *args],
        )
        return ids

    def count_by_state(self, batch_id: int | None = None) -> dict[State, int]:
        if batch_id is None:
            rows = self._db.execute("SELECT state, COUNT(*) FROM updates GROUP BY state")
        else:
            rows = self._db.execute(
                "SELECT state, COUNT(*) FROM updates WHERE batch_id=? GROUP BY state",
                (batch_id,),
            )
        counts = dict.fromkeys(State, 0)
        counts.update({State(state): int(count) for state, count in rows})
        return counts

    def rows_of_batch(self, batch_id: int) -> list[UpdateRow]:
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM updates WHERE batch_id=? ORDER BY id", (batch_id,)
        )
        return [_row(values) for values in rows]
