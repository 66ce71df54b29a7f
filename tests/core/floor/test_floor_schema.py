"""``flxdesk floor init``'s schema: created, upgraded, idempotent; what a station refuses."""

from __future__ import annotations

import threading

import psycopg
import pytest

from flxdesk.floor import schema
from flxdesk.floor.schema import (
    FLOOR_SCHEMA_VERSION,
    FloorSchemaError,
    check_floor,
    floor_version,
    initialize,
)
from support.postgres import PostgresServer


def connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def test_init_creates_the_floor_and_says_so(floor_db: str) -> None:
    with connect(floor_db) as db:
        assert floor_version(db) is None
        done = initialize(db)
        assert done[0] == f"Created the floor (floor version {FLOOR_SCHEMA_VERSION})."
        info = check_floor(db)
    assert info.version == FLOOR_SCHEMA_VERSION
    assert len(info.token_key_secret) == 64


def test_init_again_changes_nothing_and_says_so(floor_db: str) -> None:
    with connect(floor_db) as db:
        initialize(db)
        secret = check_floor(db).token_key_secret
        db.execute(
            "INSERT INTO flxdesk.stations (name) VALUES ('PACK-1')"
        )  # data survives a second init
        done = initialize(db)
        assert done[0].startswith(f"The floor is at version {FLOOR_SCHEMA_VERSION} already")
        assert check_floor(db).token_key_secret == secret
        assert db.execute("SELECT name FROM flxdesk.stations").fetchall() == [("PACK-1",)]


def test_two_inits_at_once_make_one_floor(floor_db: str) -> None:
    said: list[list[str]] = []

    def init() -> None:
        with connect(floor_db) as db:
            said.append(initialize(db))

    runs = [threading.Thread(target=init) for _ in range(3)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(30)
    firsts = sorted(words[0] for words in said)
    assert len(firsts) == 3
    assert sum(first.startswith("Created") for first in firsts) == 1
    with connect(floor_db) as db:
        assert db.execute("SELECT count(*) FROM flxdesk.meta").fetchone() == (2,)


def test_a_newer_floor_is_refused_by_init_and_by_a_station(floor_db: str) -> None:
    with connect(floor_db) as db:
        initialize(db)
        db.execute(
            "UPDATE flxdesk.meta SET value = %s WHERE key = 'schema_version'",
            (str(FLOOR_SCHEMA_VERSION + 1),),
        )
        with pytest.raises(FloorSchemaError) as refused:
            check_floor(db)
        assert f"newer flxdesk (floor version {FLOOR_SCHEMA_VERSION + 1})" in str(refused.value)
        assert "Install the newer flxdesk on this station" in str(refused.value)
        with pytest.raises(FloorSchemaError):
            initialize(db)
        assert floor_version(db) == FLOOR_SCHEMA_VERSION + 1  # untouched


def test_an_older_floor_is_upgraded_by_init_and_refused_by_a_station(
    floor_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with connect(floor_db) as db:
        initialize(db)

        def v2(connection: psycopg.Connection) -> None:
            connection.execute("ALTER TABLE flxdesk.stations ADD COLUMN room text")

        monkeypatch.setattr(schema, "STEPS", (*schema.STEPS, v2))
        monkeypatch.setattr(schema, "FLOOR_SCHEMA_VERSION", FLOOR_SCHEMA_VERSION + 1)
        with pytest.raises(FloorSchemaError) as refused:
            check_floor(db)
        assert "'flxdesk floor init' from this flxdesk" in str(refused.value)
        done = initialize(db)
        assert done[0] == (
            f"Upgraded the floor from version {FLOOR_SCHEMA_VERSION} to {FLOOR_SCHEMA_VERSION + 1}."
        )
        assert check_floor(db).version == FLOOR_SCHEMA_VERSION + 1
        db.execute("SELECT room FROM flxdesk.stations")


def test_a_database_without_a_floor_is_refused_in_words(floor_db: str) -> None:
    with connect(floor_db) as db, pytest.raises(FloorSchemaError) as refused:
        check_floor(db)
    assert "IT runs 'flxdesk floor init' once" in str(refused.value)


def test_init_says_which_role_to_create_when_it_is_missing(
    floor_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = {"flxdesk_nobody_made_this": schema.GRANTS[schema.STATION_ROLE]}
    monkeypatch.setattr(schema, "GRANTS", missing)
    with connect(floor_db) as db:
        done = initialize(db)
    assert done[1] == (
        "No role flxdesk_nobody_made_this: create it (README, 'The floor') and run "
        "'flxdesk floor init' again to grant it its privileges."
    )


def test_init_grants_the_station_and_reader_roles_when_they_exist(
    postgres: PostgresServer,
) -> None:
    database = postgres.new_database()
    url = postgres.url(database)
    postgres.sql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flxdesk_station')"
        " THEN CREATE ROLE flxdesk_station NOLOGIN; END IF;"
        " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flxdesk_reader')"
        " THEN CREATE ROLE flxdesk_reader NOLOGIN; END IF; END $$"
    )
    with connect(url) as db:
        done = initialize(db)
        assert "Granted flxdesk_station its privileges on the floor." in done
        assert "Granted flxdesk_reader its privileges on the floor." in done
        privileges = {
            (table, privilege)
            for table, privilege in db.execute(
                "SELECT table_name, privilege_type FROM information_schema.role_table_grants"
                " WHERE grantee = 'flxdesk_station' AND table_schema = 'flxdesk'"
            )
        }
    assert ("updates", "INSERT") in privileges
    assert ("meta", "SELECT") in privileges
    assert not any(table == "token_budgets" for table, _ in privileges)
    assert not any(privilege == "DELETE" for _, privilege in privileges)
