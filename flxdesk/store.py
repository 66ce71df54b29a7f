"""The history of every update, in SQLite: written as queued before a request is sent.

WAL mode keeps the file consistent through crashes and lets the window read while
the worker writes. Each thread opens its own HistoryStore on the same file.
"""

import sqlite3
import time
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
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS updates_by_state ON updates(state);
"""


class State(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


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

    def close(self) -> None:
        self._db.close()

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

    def mark_sending(self, update_id: int) -> None:
        self._db.execute(
            "UPDATE updates SET state=?, started_at=COALESCE(started_at, ?) WHERE id=?",
            (State.SENDING, time.time(), update_id),
        )

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
        self._db.execute(
            "UPDATE updates SET state=?, finished_at=?, attempts=?, http_code=?, outcome=?,"
            " message=?, detail=? WHERE id=?",
            (
                State.SENT if ok else State.FAILED,
                time.time(),
                attempts,
                http_code,
                outcome,
                message,
                detail,
                update_id,
            ),
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

    def ids_in_state(self, state: State) -> list[int]:
        rows = self._db.execute("SELECT id FROM updates WHERE state=? ORDER BY id", (state,))
        return [int(values[0]) for values in rows]

    def requeue_interrupted(self) -> int:
        """Rows left 'sending' by a crash go back to queued; returns how many."""
        cursor = self._db.execute(
            "UPDATE updates SET state=? WHERE state=?", (State.QUEUED, State.SENDING)
        )
        return cursor.rowcount
