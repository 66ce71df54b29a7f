"""Versions of the history file, and the ordered steps that bring an older file up to date.

The version lives in SQLite's ``PRAGMA user_version``. ``MIGRATIONS[n]`` takes a file
from version n to n + 1; all the steps a file needs run in one transaction, so a
file is either fully migrated or untouched. A file written by a newer flxdesk
(a higher version than ``SCHEMA_VERSION``) is refused before anything is written
to it: an older flxdesk cannot know what the newer columns mean.

Version 0 is either a new, empty file or one written before versions existed (the
first release's tables, perhaps without the later batch_id/resent columns).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from flxdesk.host.i18n import translate


class HistoryFileError(RuntimeError):
    """The history file cannot be used; ``str(error)`` says why in plain words.

    ``kind`` is the flxdesk.history.faults.StorageKind value when the cause is known.
    """

    kind: str = "other"


class HistoryNotADatabase(HistoryFileError):
    """The file is not a history at all; the person may agree to set it aside."""

    kind = "not_a_database"

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class HistoryTooNew(HistoryFileError):
    """The file was written by a newer flxdesk."""


def _v1_first_release(db: sqlite3.Connection) -> None:
    """The tables as first released, with the columns added before versions existed."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS updates (
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
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS updates_by_state ON updates(state)")
    db.execute(
        """CREATE TABLE IF NOT EXISTS batches (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at  REAL NOT NULL,
            source      TEXT NOT NULL DEFAULT ''
        )"""
    )
    present = {row[1] for row in db.execute("PRAGMA table_info(updates)")}
    if "batch_id" not in present:
        db.execute("ALTER TABLE updates ADD COLUMN batch_id INTEGER")
    if "resent" not in present:
        db.execute("ALTER TABLE updates ADD COLUMN resent INTEGER NOT NULL DEFAULT 0")


def _v2_destinations(db: sqlite3.Connection) -> None:
    """Each update records where it is meant to go; the salt for token fingerprints.

    Rows already in the file get an empty URL: nobody knows where they were meant to
    go (the demo and the real account shared one file), so any still queued is held
    until the person chooses.
    """
    db.execute("ALTER TABLE updates ADD COLUMN api_url TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE updates ADD COLUMN token_fp TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta (key, value) VALUES ('token_salt', lower(hex(randomblob(16))))")


def _v3_history_queries(db: sqlite3.Connection) -> None:
    """Indexes for searching and filtering the history; retries that name their original.

    ``(order_id, created_at)`` (exact and prefix search, also within a period),
    ``created_at`` (today, this shift, a date range), ``(state, created_at)`` (failed
    or waiting within a period; the version 1 index on ``state`` alone serves a state
    filter newest first by id). See flxdesk.history.query. A retry is a
    new row whose ``retry_of`` is the id of the failed update it repeats; the partial
    index finds the retries of an update without growing with the whole history.
    """
    db.execute("ALTER TABLE updates ADD COLUMN retry_of INTEGER REFERENCES updates(id)")
    db.execute("CREATE INDEX updates_by_order_id ON updates(order_id, created_at)")
    db.execute("CREATE INDEX updates_by_created_at ON updates(created_at)")
    db.execute("CREATE INDEX updates_by_state_created_at ON updates(state, created_at)")
    db.execute("CREATE INDEX updates_by_retry_of ON updates(retry_of) WHERE retry_of IS NOT NULL")


# What a change of an update's row publishes to the floor (flxdesk.floor.outbox).
FLOOR_COLUMNS = "state, attempts, http_code, outcome, message, finished_at, note"


def _v4_floor_outbox(db: sqlite3.Connection) -> None:
    """The floor's outbox: updates changed since they were last published to the floor.

    Triggers note every new update and every change of its state or result in
    ``floor_outbox``, in the same transaction as the change itself, while publishing
    is on (``meta.floor_outbox``, set by a station that has a floor). One row per
    update; a later change replaces it with a higher ``seq``, so the outbox never holds
    more rows than updates, and a row published while it changed again stays to be
    published again. ``history_id`` names this file on the floor: a history set aside
    and started anew does not reuse the published ids.
    """
    db.execute(
        """CREATE TABLE floor_outbox (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            update_id INTEGER NOT NULL UNIQUE
        )"""
    )
    db.execute("INSERT INTO meta (key, value) VALUES ('history_id', lower(hex(randomblob(16))))")
    db.execute("INSERT INTO meta (key, value) VALUES ('floor_outbox', 'off')")
    publishing = "(SELECT value FROM meta WHERE key = 'floor_outbox') = 'on'"
    db.execute(
        f"""CREATE TRIGGER floor_outbox_on_insert AFTER INSERT ON updates WHEN {publishing}
            BEGIN INSERT OR REPLACE INTO floor_outbox (update_id) VALUES (NEW.id); END"""
    )
    db.execute(
        f"""CREATE TRIGGER floor_outbox_on_update AFTER UPDATE OF {FLOOR_COLUMNS} ON updates
            WHEN {publishing}
            BEGIN INSERT OR REPLACE INTO floor_outbox (update_id) VALUES (NEW.id); END"""
    )


def _v5_station(db: sqlite3.Connection) -> None:
    """Every update names the station it was asked for at (``station``).

    The name is the history's ``meta.station``, set at each start to the station's name
    (``flxdesk.host.station_name``); a trigger writes it into each new row, whoever
    inserts it, so no row is ever without one. Rows from before this version keep "".
    """
    db.execute("ALTER TABLE updates ADD COLUMN station TEXT NOT NULL DEFAULT ''")
    db.execute("INSERT INTO meta (key, value) VALUES ('station', '')")
    db.execute(
        """CREATE TRIGGER updates_station_on_insert AFTER INSERT ON updates
            WHEN NEW.station = ''
            BEGIN UPDATE updates
                SET station = coalesce((SELECT value FROM meta WHERE key = 'station'), '')
                WHERE id = NEW.id;
            END"""
    )


def _v6_operators(db: sqlite3.Connection) -> None:
    """Every update names who asked for it (``operator``) and, for a status that needs
    one, the supervisor who approved arming it (``approved_by``): names from the roster
    (flxdesk.operators). Given with each row, as the operator changes while the station
    runs. Rows from before this version, and rows asked for with nobody signed in, keep "".
    """
    db.execute("ALTER TABLE updates ADD COLUMN operator TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE updates ADD COLUMN approved_by TEXT NOT NULL DEFAULT ''")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_first_release,
    _v2_destinations,
    _v3_history_queries,
    _v4_floor_outbox,
    _v5_station,
    _v6_operators,
)
SCHEMA_VERSION = len(MIGRATIONS)


def file_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def refuse_if_too_new(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise HistoryTooNew(
            translate(
                "StoreSchema",
                "The history file {path} was written by a newer flxdesk (history version "
                "{version}); this flxdesk reads history versions up to {schema_version}. "
                "Install the newer flxdesk again. The file was not changed.",
            ).format(path=path, version=version, schema_version=SCHEMA_VERSION)
        )


def migrate(db: sqlite3.Connection, path: Path) -> int:
    """Bring the file to ``SCHEMA_VERSION``; returns the version it had before.

    ``db`` must be in autocommit mode (isolation_level=None). Another flxdesk process
    may open the same file at the same moment: the version is read again once the
    write lock is held, so the steps run once.
    """
    before = file_version(db)
    refuse_if_too_new(before, path)
    if before == SCHEMA_VERSION:
        return before
    db.execute("BEGIN IMMEDIATE")
    try:
        version = file_version(db)
        refuse_if_too_new(version, path)
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return before
