"""``flxdesk floor init``'s schema: created, upgraded, idempotent; what a station refuses;
a rolling upgrade within a major version, with stations of both versions on one budget."""

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
from flxdesk.history.store import HistoryStore
from flxdesk.orders.destination import Destination
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
            "INSERT INTO flxdesk.stations (name, login) VALUES ('PACK-1', 'pack1')"
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
        assert db.execute("SELECT count(*) FROM flxdesk.meta").fetchone() == (3,)


def test_a_newer_floor_is_refused_by_init_and_by_a_station(floor_db: str) -> None:
    """A floor that serves only newer stations (a new major version) is refused."""
    with connect(floor_db) as db:
        initialize(db)
        db.execute(
            "UPDATE flxdesk.meta SET value = %s WHERE key IN ('schema_version', 'serves_from')",
            (str(FLOOR_SCHEMA_VERSION + 1),),
        )
        with pytest.raises(FloorSchemaError) as refused:
            check_floor(db)
        assert f"newer flxdesk (floor version {FLOOR_SCHEMA_VERSION + 1}" in str(refused.value)
        assert "Install the newer flxdesk on this station" in str(refused.value)
        with pytest.raises(FloorSchemaError):
            initialize(db)
        assert floor_version(db) == FLOOR_SCHEMA_VERSION + 1  # untouched


def test_a_floor_of_version_1_is_refused_and_upgraded_keeping_its_rows_aside(
    floor_db: str,
) -> None:
    """Version 1 trusted every login: its rows are kept, but no report reads them."""
    with connect(floor_db) as db:
        schema.STEPS[0](db)  # the floor as version 1's init left it (its grants aside)
        db.execute("INSERT INTO flxdesk.meta (key, value) VALUES ('schema_version', '1')")
        db.execute(
            "INSERT INTO flxdesk.updates (station, history_id, local_id, revision, order_id,"
            " status, state, queued_at) VALUES ('PACK-1', 'h', 1, 1, '1001', 'Closed', 'sent',"
            " now())"
        )
        with pytest.raises(FloorSchemaError) as refused:
            check_floor(db)
        assert "'flxdesk floor init' from this flxdesk" in str(refused.value)
        done = initialize(db)
        assert done[:4] == [
            f"Upgraded the floor from version 1 to {FLOOR_SCHEMA_VERSION}.",
            "Kept the 1 updates of floor version 1 in flxdesk.updates_v1: any station could "
            "have written them, so no report reads them.",
            "Stations now write only through the floor's functions, each as its own login.",
            "The floor now holds the operators of every station ('flxdesk operator add'), "
            "who asked for each update and who is signed in at each station.",
        ]
        assert check_floor(db).serves_from == 2
        assert db.execute("SELECT count(*) FROM flxdesk.updates_v1").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM flxdesk.updates").fetchone() == (0,)


def v3_additive(connection: psycopg.Connection) -> list[str]:
    """A later version as the rule says it must be: additive, serving version 2 still."""
    connection.execute("ALTER TABLE flxdesk.stations ADD COLUMN room text NOT NULL DEFAULT ''")
    return ["Added the stations' room."]


def test_a_rolling_upgrade_keeps_stations_of_both_versions_on_one_budget(
    postgres: PostgresServer, tmp_path, memory_keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PACK-1 (this version) paces on the floor while IT upgrades it to an additive next
    version; PACK-2 (the next version, a session of its own) joins the same budget;
    PACK-1 checks the version again at its next heartbeat and stays."""
    import threading

    from flxdesk.flxpoint.rate_limit import RateLimiter
    from flxdesk.sending.events import FloorState
    from support.floor import floor_with_stations, remember_password, started_session

    owner, urls = floor_with_stations(postgres, "pack1", "pack2")
    for login in urls:
        remember_password(memory_keyring, urls[login], login)
    old, old_watch = started_session(urls["pack1"], tmp_path / "1", "PACK-1")
    try:
        old_watch.wait_for(FloorState.REACHABLE)
        made: dict[str, RateLimiter] = {}
        old_pacer = old.pacer(lambda token: made.setdefault(token, RateLimiter()))
        assert old_pacer.wait_for_slot("shared-token", threading.Event())
        monkeypatch.setattr(schema, "STEPS", (*schema.STEPS, v3_additive))
        monkeypatch.setattr(schema, "FLOOR_SCHEMA_VERSION", FLOOR_SCHEMA_VERSION + 1)
        with connect(owner) as db:
            done = initialize(db)
            assert done[:2] == [
                f"Upgraded the floor from version {FLOOR_SCHEMA_VERSION} to "
                f"{FLOOR_SCHEMA_VERSION + 1}.",
                "Added the stations' room.",
            ]
            assert check_floor(db, known=FLOOR_SCHEMA_VERSION).serves_from == 2
        new, new_watch = started_session(urls["pack2"], tmp_path / "2", "PACK-2")
        try:
            new_watch.wait_for(FloorState.REACHABLE)
            new_pacer = new.pacer(lambda token: RateLimiter())
            assert new_pacer.wait_for_slot("shared-token", threading.Event())
            assert old.publisher.flush(10.0)  # the heartbeat checks the version again
            assert old.status.state is FloorState.REACHABLE
            assert old_pacer.wait_for_slot("shared-token", threading.Event())
        finally:
            new.close()
        with connect(owner) as db:
            (granted,) = db.execute("SELECT sum(granted) FROM flxdesk.token_budgets").fetchone()
        assert granted == 3  # one budget for both versions
    finally:
        old.close()


def test_a_station_notices_at_its_heartbeat_a_floor_it_can_no_longer_use(
    postgres: PostgresServer, tmp_path, memory_keyring
) -> None:
    from flxdesk.sending.events import FloorState
    from support.floor import floor_with_stations, remember_password, started_session

    owner, urls = floor_with_stations(postgres, "pack1")
    remember_password(memory_keyring, urls["pack1"], "pack1")
    session, watch = started_session(urls["pack1"], tmp_path / "1", "PACK-1")
    try:
        watch.wait_for(FloorState.REACHABLE)
        assert session.publisher.flush(10.0)
        with connect(owner) as db:
            db.execute("UPDATE flxdesk.meta SET value = '9' WHERE key = 'serves_from'")
        store = HistoryStore(tmp_path / "1" / "history.sqlite3")
        try:
            store.add_queued("1001", "Closed", "", destination=Destination("http://127.0.0.1:1"))
        finally:
            store.close()
        assert not session.publisher.flush(3.0)  # the change waits in the outbox
        assert "newer flxdesk" in session.publisher.problem
        assert watch.wait_for(FloorState.AWAY).reason.startswith("The floor database was set")
    finally:
        session.close()


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
    assert (
        "No role flxdesk_nobody_made_this: create it (README, 'The floor') and run "
        "'flxdesk floor init' again to grant it its privileges."
    ) in done


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
    assert privileges == {
        ("meta", "SELECT"),
        ("stations", "SELECT"),
        ("updates", "SELECT"),
        ("operators", "SELECT"),
    }
