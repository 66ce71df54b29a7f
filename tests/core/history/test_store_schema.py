"""History file versions: today's files migrate with every row kept; newer files are refused."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.history import schema as store_schema
from flxdesk.history.schema import (
    SCHEMA_VERSION,
    HistoryFileError,
    HistoryNotADatabase,
    HistoryTooNew,
)
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination, HeldReason
from flxdesk.sending.engine import QueueEngine
from support.paths import FIXTURES
from support.process import first_error_line_of_window

FIXTURE = FIXTURES / "history-v1.sqlite3"
V1_COLUMNS = (
    "id, order_id, status, note, state, created_at, started_at, finished_at, attempts,"
    " http_code, outcome, message, detail, batch_id, resent"
)


def raw_rows(path: Path, columns: str = V1_COLUMNS, table: str = "updates") -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def v1_history(tmp_path: Path) -> Path:
    """A copy of the file today's (pre-version) store wrote: never migrate the fixture."""
    copy = tmp_path / "history.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_fixture_is_a_version_0_file_with_every_state(v1_history: Path) -> None:
    with sqlite3.connect(v1_history) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (0,)
    states = {row[4] for row in raw_rows(v1_history)}
    assert states == {"queued", "sending", "sent", "failed", "cancelled"}


def test_migration_from_todays_schema_keeps_every_row(v1_history: Path) -> None:
    before = raw_rows(v1_history)
    batches = raw_rows(v1_history, "id, created_at, source", "batches")
    store = HistoryStore(v1_history)
    try:
        assert raw_rows(v1_history) == before  # every column of every row, unchanged
        assert raw_rows(v1_history, "id, created_at, source", "batches") == batches
        with sqlite3.connect(v1_history) as db:
            assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        rows = store.newest(100)
        assert len(rows) == len(before) == store.count()
        assert {(row.api_url, row.token_fp) for row in rows} == {("", "")}
        # Where the queued ones were meant to go is unknown: all are held, none deleted.
        store.requeue_interrupted()
        here = Destination("https://api.flxpoint.com", store.fingerprint("a-token"))
        (group,) = store.held_groups(here)
        waiting = [row for row in before if row[4] in ("queued", "sending")]
        assert group.updates == len(waiting) and group.reason(here) is HeldReason.UNRECORDED
        assert store.queued(here) == []
    finally:
        store.close()


def test_migrated_rows_left_queued_are_never_sent_by_themselves(v1_history: Path) -> None:
    """The old shared file may hold demo practice rows: a real run must not send them."""
    store = HistoryStore(v1_history)
    store.requeue_interrupted()  # as every start does
    with DemoApi() as api:
        QueueEngine(v1_history, api.url, DEMO_TOKEN).run(until_idle=True)
    assert api.requests == []
    assert store.count_by_state()[State.QUEUED] == 6  # 5 queued and 1 that was on the wire
    store.close()


def test_migrating_twice_or_from_two_connections_runs_each_step_once(v1_history: Path) -> None:
    first, second = HistoryStore(v1_history), HistoryStore(v1_history)
    assert first.token_salt == second.token_salt
    first.close()
    second.close()
    assert HistoryStore(v1_history).count() == len(raw_rows(FIXTURE))


def test_a_failed_migration_leaves_the_file_as_it_was(
    v1_history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_step(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE updates ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    steps = (*store_schema.MIGRATIONS, broken_step)
    monkeypatch.setattr(store_schema, "MIGRATIONS", steps)
    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", len(steps))
    before = raw_rows(v1_history)
    with pytest.raises(HistoryFileError, match="The disk reported an error"):
        HistoryStore(v1_history)
    with sqlite3.connect(v1_history) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (0,)
        columns = {row[1] for row in db.execute("PRAGMA table_info(updates)")}
    assert "api_url" not in columns and "half_done" not in columns
    assert raw_rows(v1_history) == before


def future_file(path: Path) -> Path:
    store = HistoryStore(path)
    store.close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return path


def test_a_file_from_a_newer_flxdesk_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = future_file(tmp_path / "history.sqlite3")
    unchanged = digest(path)
    with pytest.raises(HistoryTooNew) as refused:
        HistoryStore(path)
    message = str(refused.value)
    assert f"history version {SCHEMA_VERSION + 1}" in message
    assert f"history versions up to {SCHEMA_VERSION}" in message
    assert "The file was not changed." in message
    assert digest(path) == unchanged


def test_a_file_that_is_not_a_database_gets_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is a shopping list, not a history\n" * 100)
    unchanged = digest(path)
    with pytest.raises(HistoryNotADatabase, match=r"is not a flxdesk history") as refused:
        HistoryStore(path)
    assert isinstance(refused.value, HistoryFileError)
    assert str(path) in str(refused.value) and "Nothing in it was changed." in str(refused.value)
    assert digest(path) == unchanged


def test_command_line_refuses_a_newer_history(flxdesk_home: Path) -> None:
    future_file(flxdesk_home / "history.sqlite3")
    with DemoApi() as api:
        env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), FLXDESK_API_URL=api.url)
        env["FLXDESK_TOKEN"] = DEMO_TOKEN
        done = subprocess.run(
            [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Open"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert f"newer flxdesk (history version {SCHEMA_VERSION + 1})" in done.stderr
    assert api.requests == []


def test_window_refuses_a_newer_history_with_a_message(flxdesk_home: Path) -> None:
    """main() says so on stderr and in a dialog (which waits for a click, so kill it)."""
    future_file(flxdesk_home / "history.sqlite3")
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), FLXDESK_API_URL="https://127.0.0.1:9")
    first_line = first_error_line_of_window(env=env)
    assert first_line.startswith("flxdesk: The history file ")
    assert f"(history version {SCHEMA_VERSION + 1})" in first_line
    assert f"up to {SCHEMA_VERSION}" in first_line


V3_INDEXES = {
    "updates_by_order_id",
    "updates_by_created_at",
    "updates_by_state_created_at",
    "updates_by_retry_of",
}


def indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}


def version_2_file(path: Path) -> Path:
    """A file as the version 2 flxdesk wrote it, with a few rows."""
    db = sqlite3.connect(path, isolation_level=None)
    for step in store_schema.MIGRATIONS[:2]:
        step(db)
    db.execute("PRAGMA user_version = 2")
    db.executemany(
        "INSERT INTO updates (order_id, status, state, created_at, api_url, token_fp)"
        " VALUES (?, 'Closed', ?, ?, 'https://api.flxpoint.com', ?)",
        [("1001", "sent", 1.0e9, "a" * 32), ("1002", "failed", 1.1e9, "a" * 32)],
    )
    db.close()
    return path


def test_version_3_adds_the_history_query_indexes_and_retry_of_to_a_version_1_file(
    v1_history: Path,
) -> None:
    before = raw_rows(v1_history)
    HistoryStore(v1_history).close()
    assert indexes(v1_history) >= V3_INDEXES
    assert raw_rows(v1_history) == before
    assert {row[0] for row in raw_rows(v1_history, "retry_of")} == {None}


def test_a_version_2_file_migrates_through_version_3_keeping_every_row(tmp_path: Path) -> None:
    path = version_2_file(tmp_path / "history.sqlite3")
    columns = V1_COLUMNS + ", api_url, token_fp"
    before = raw_rows(path, columns)
    assert not V3_INDEXES & indexes(path)
    store = HistoryStore(path)
    try:
        assert SCHEMA_VERSION >= 3
        assert raw_rows(path, columns) == before
        assert indexes(path) >= V3_INDEXES
        assert [row.retry_of for row in store.newest(10)] == [None, None]
    finally:
        store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_version_5_names_the_station_on_every_new_row_and_leaves_old_rows_unnamed(
    v1_history: Path,
) -> None:
    store = HistoryStore(v1_history)
    try:
        assert {row.station for row in store.newest(100)} == {""}  # before station names
        here = Destination("https://api.flxpoint.com", store.fingerprint("a-token"))
        store.set_station("PACK-1")
        first = store.add_queued("9001", "Closed", "", destination=here)
        # Whoever inserts (another connection, another module's SQL), the trigger names it.
        with sqlite3.connect(v1_history) as other:
            other.execute(
                "INSERT INTO updates (order_id, status, state, created_at) "
                "VALUES ('9002', 'Open', 'queued', 0)"
            )
        store.set_station("DOCK 3")  # a rename names later rows only
        third = store.add_queued("9003", "Open", "", destination=here)
        names = {row.order_id: row.station for row in store.newest(100)}
        assert (names["9001"], names["9002"], names["9003"]) == ("PACK-1", "PACK-1", "DOCK 3")
        assert store.get(first).station == "PACK-1" and store.get(third).station == "DOCK 3"
    finally:
        store.close()
    reopened = HistoryStore(v1_history)
    assert reopened.station == "DOCK 3"
    reopened.close()
