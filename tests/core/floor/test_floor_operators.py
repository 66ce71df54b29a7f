"""The floor's operators (floor version 3): the roster the owner writes and stations read,
the station's copy for when the floor is away, a bad row skipped, who asked for each
update and who is signed in at each station; the upgrade from version 2 and stations of
both versions on it. A real PostgreSQL, with password logins."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import psycopg
import pytest

from flxdesk.floor import schema
from flxdesk.floor.login_check import login_warnings
from flxdesk.floor.operators import (
    NotOwner,
    RosterCopy,
    RosterRefused,
    add_operator,
    list_operators,
    read_floor_roster,
    remove_operator,
    roster_from_rows,
    station_roster,
)
from flxdesk.floor.outbox import HEARTBEAT, PUBLISH, V2_VALUES, publish
from flxdesk.floor.report import StationLine, floor_report, report_lines, signed_in_now
from flxdesk.floor.schema import FLOOR_SCHEMA_VERSION, check_floor, initialize
from flxdesk.history.periods import Period
from flxdesk.history.store import AskedBy, HistoryStore
from flxdesk.operators.pins import hash_pin
from flxdesk.operators.roster import Operator, Roster
from flxdesk.orders.destination import Destination
from flxdesk.sending.events import FloorState
from support.floor import (
    HISTORY_ID,
    connect_as,
    floor_with_stations,
    publish_row,
    remember_password,
    started_session,
    station_role,
)
from support.postgres import PostgresServer

HERE = Destination("http://127.0.0.1:1", "fp")
MARIA = Operator("0042", "Maria López")
SAM = Operator("0077", "Sam Lee", supervisor=True)


def connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def with_roster(url: str, *operators: Operator) -> str:
    with connect(url) as db:
        for operator in operators:
            add_operator(db, operator.badge, operator.name, operator.supervisor, operator.pin_hash)
    return url


# --- the owner writes, stations read ---------------------------------------------------
def test_the_owner_adds_changes_lists_and_removes_operators(postgres: PostgresServer) -> None:
    owner, _ = floor_with_stations(postgres)
    pin = hash_pin("4321")
    with connect(owner) as db:
        assert add_operator(db, "0042", " Maria López ", False, "") is True
        assert add_operator(db, "0077", "Sam Lee", True, pin) is True
        assert add_operator(db, "0042", "Maria López", True, "") is False  # changed
        roster, problems = list_operators(db)
        assert problems == []
        assert roster.operators == (
            Operator("0042", "Maria López", supervisor=True),
            Operator("0077", "Sam Lee", True, pin),
        )
        with pytest.raises(RosterRefused, match="is badge 0077's: to give them a new badge"):
            add_operator(db, "0099", "Sam Lee", False, "")  # one name, one badge
        assert add_operator(db, "0077", "Sam Lee", True, "") is False  # any case, same badge
        assert remove_operator(db, " 0077 ") == "Sam Lee"
        assert remove_operator(db, "0077") is None
        assert add_operator(db, "0099", "Sam Lee", False, "") is True  # a lost badge voided
        assert [o.badge for o in read_floor_roster(db)[0].operators] == ["0042", "0099"]


@pytest.mark.parametrize(
    ("badge", "name", "pin_hash", "words"),
    [
        ("00 42", "Maria", "", 'the badge "00 42" has spaces'),
        ("1" * 33, "Maria", "", "is longer than 32 characters"),
        ("0042", "  ", "", "the name is empty"),
        ("0042", "M" * 81, "", "the name is longer than 80 characters"),
        ("0042", "Maria", "1234", "the PIN's hash is not one flxdesk made"),
    ],
)
def test_an_operator_the_roster_cannot_hold_is_refused_in_words(
    postgres: PostgresServer, badge: str, name: str, pin_hash: str, words: str
) -> None:
    owner, _ = floor_with_stations(postgres)
    with connect(owner) as db:
        with pytest.raises(RosterRefused, match=words):
            add_operator(db, badge, name, False, pin_hash)
        assert read_floor_roster(db)[0] == Roster()


def test_a_stations_login_reads_the_roster_and_may_not_write_it(
    postgres: PostgresServer,
) -> None:
    owner, urls = floor_with_stations(postgres, "pack_roster")
    with_roster(owner, MARIA, SAM)
    with connect_as(urls["pack_roster"], "pack_roster") as station:
        assert read_floor_roster(station) == (Roster((MARIA, SAM)), [])
        for change in (
            lambda: add_operator(station, "0100", "Kim", True, ""),
            lambda: remove_operator(station, "0042"),
            lambda: list_operators(station),
        ):
            with pytest.raises(NotOwner) as refused:
                change()
            assert refused.value.login == "pack_roster"
        for statement in (
            "INSERT INTO flxdesk.operators (badge, name, supervisor) VALUES ('1', 'Me', true)",
            "UPDATE flxdesk.operators SET supervisor = true",
            "DELETE FROM flxdesk.operators",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                station.execute(statement)
    with connect(owner) as db:
        assert read_floor_roster(db)[0] == Roster((MARIA, SAM))


def test_a_station_login_that_may_write_the_roster_is_said_to_be_unsafe(
    postgres: PostgresServer,
) -> None:
    """It could make itself a supervisor: the self-test and the window's floor line say so."""
    owner, urls = floor_with_stations(postgres, "pack_writes_roster")
    with connect_as(urls["pack_writes_roster"], "pack_writes_roster") as station:
        publish_row(station, "PACK-1", 1, "1001")
        assert login_warnings(station, "PACK-1") == []
        with connect(owner) as db:
            db.execute("GRANT INSERT ON flxdesk.operators TO pack_writes_roster")
        assert login_warnings(station, "PACK-1") == [
            "the floor login pack_writes_roster may write the floor's tables directly"
        ]
        with connect(owner) as db:
            db.execute("REVOKE INSERT ON flxdesk.operators FROM pack_writes_roster")


def test_a_roster_row_a_station_cannot_use_is_skipped_and_the_rest_used(
    postgres: PostgresServer,
) -> None:
    """A row the floor's checks let through but this flxdesk cannot use (a PIN's hash of
    a cost no station can check), and rows of the wrong shape: left out, with why."""
    owner, _ = floor_with_stations(postgres)
    with_roster(owner, MARIA)
    with connect(owner) as db:
        db.execute(
            "INSERT INTO flxdesk.operators (badge, name, pin_hash) VALUES"
            " ('0050', 'Kim Park', 'scrypt$3$8$1$c2FsdA==$aGFzaA==')"
        )
        roster, problems = read_floor_roster(db)
    assert roster == Roster((MARIA,))
    assert len(problems) == 1 and '"Kim Park"' in problems[0] and "pin_hash" in problems[0]
    junk = [("0042", "Maria", False, ""), None, ("x",), (42, "Sam", "yes", None)]
    roster, problems = roster_from_rows(junk)
    assert roster == Roster((Operator("0042", "Maria"),))
    assert len(problems) == 3


# --- the station's copy ------------------------------------------------------------------
def test_the_station_reads_the_roster_keeps_a_copy_and_uses_it_while_the_floor_is_away(
    own_postgres: PostgresServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = with_roster(floor_with_stations(own_postgres)[0], MARIA, SAM)
    session, watch = started_session(url, tmp_path / "pack-1")
    heard: list[Roster] = []
    session.add_roster_listener(heard.append)
    try:
        watch.wait_for(FloorState.REACHABLE)
        assert session.publisher.flush(10.0)  # the heartbeat reads the roster
        assert session.known_roster() == Roster((MARIA, SAM))
        assert heard == [Roster((MARIA, SAM))]
    finally:
        session.close()
    copy = tmp_path / "pack-1" / "floor-roster.json"
    document = json.loads(copy.read_text(encoding="utf-8"))
    assert document["floor"] == url
    assert document["operators"] == [MARIA.entry(), SAM.entry()]
    own_postgres.kill()
    away, away_watch = started_session(url, tmp_path / "pack-1")
    try:
        away_watch.wait_for(FloorState.AWAY)
        assert away.known_roster() == Roster((MARIA, SAM))  # the copy
        assert away.fresh_roster(0.5) == Roster((MARIA, SAM))  # asked, and the copy serves
    finally:
        away.close()
    assert RosterCopy(copy).load("postgresql://another@floor/flxdesk") is None
    copy.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert RosterCopy(copy).load(url) is None
    assert "cannot be read" in caplog.text


def test_a_roster_changed_by_the_owner_reaches_the_station_and_its_copy(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    url = with_roster(floor_with_stations(postgres)[0], MARIA)
    session, watch = started_session(url, tmp_path / "pack-1")
    try:
        watch.wait_for(FloorState.REACHABLE)
        assert session.fresh_roster(5.0) == Roster((MARIA,))
        with connect(url) as db:
            remove_operator(db, "0042")
            add_operator(db, "0043", "Maria López", False, "")  # her lost badge voided
        assert session.fresh_roster(5.0) == Roster((Operator("0043", "Maria López"),))
    finally:
        session.close()
    assert RosterCopy(tmp_path / "pack-1" / "floor-roster.json").load(url) == Roster(
        (Operator("0043", "Maria López"),)
    )


def test_which_roster_a_station_uses() -> None:
    machine, floor = Roster((MARIA,)), Roster((SAM,))
    assert station_roster(machine, False, floor) == floor  # the floor's, when it has one
    assert station_roster(machine, True, floor) == machine  # locked by IT: the machine's
    assert station_roster(machine, False, Roster()) == machine  # the floor has none
    assert station_roster(machine, False, None) == machine  # never read


# --- who asked, who is signed in -----------------------------------------------------------
def test_updates_carry_who_asked_and_who_approved_and_stations_who_is_signed_in(
    postgres: PostgresServer, tmp_path: Path, memory_keyring
) -> None:
    owner, urls = floor_with_stations(postgres, "pack_who")
    remember_password(memory_keyring, urls["pack_who"], "pack_who")
    session, watch = started_session(urls["pack_who"], tmp_path / "1", "PACK-1")
    try:
        watch.wait_for(FloorState.REACHABLE)
        store = HistoryStore(tmp_path / "1" / "history.sqlite3")
        try:
            store.add_queued(
                "1001", "Canceled", "", destination=HERE, asked_by=AskedBy("Maria", "Sam Lee")
            )
            store.add_queued("1002", "Closed", "", destination=HERE)
        finally:
            store.close()
        session.publisher.set_operator("Maria")
        assert session.publisher.flush(10.0)
        with connect(owner) as db:
            rows = db.execute(
                "SELECT order_id, operator, approved_by FROM flxdesk.updates ORDER BY order_id"
            ).fetchall()
            assert rows == [("1001", "Maria", "Sam Lee"), ("1002", "", "")]
            assert db.execute(
                "SELECT operator, operator_since IS NOT NULL FROM flxdesk.stations"
            ).fetchall() == [("Maria", True)]
        session.publisher.set_operator("")  # signed out: said at once, not at a heartbeat
        assert session.publisher.flush(10.0)
        with connect(owner) as db:
            assert db.execute(
                "SELECT operator, operator_since FROM flxdesk.stations"
            ).fetchall() == [("", None)]
    finally:
        session.close()


def test_a_station_says_who_is_signed_in_for_its_own_name_only(
    postgres: PostgresServer,
) -> None:
    owner, urls = floor_with_stations(postgres, "pack_own", "pack_other")
    with connect_as(urls["pack_own"], "pack_own") as mine:
        publish_row(mine, "PACK-1", 1, "1001")
        (said,) = mine.execute("SELECT flxdesk.operator_seen('PACK-1', 'Maria')").fetchone()
        assert said is True
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            mine.execute("SELECT flxdesk.operator_seen('PACK-1', %s)", ("M" * 81,))
    with connect_as(urls["pack_other"], "pack_other") as other:
        (said,) = other.execute("SELECT flxdesk.operator_seen('PACK-1', 'Mallory')").fetchone()
        assert said is False
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            other.execute("UPDATE flxdesk.stations SET operator = 'Mallory'")
    with connect(owner) as db:
        assert db.execute("SELECT operator FROM flxdesk.stations").fetchall() == [("Maria",)]


def test_a_station_not_seen_lately_has_nobody_signed_in() -> None:
    now = time.time()
    line = StationLine("PACK-1", 0, 0, 0, now - 30, "Maria", now - 600)
    assert signed_in_now(line, now) == "Maria"
    assert signed_in_now(line._replace(last_seen=now - 600), now) == ""
    assert signed_in_now(line._replace(operator="Ma\x1bria"), now) == "Ma?ria"


def test_the_floor_report_has_a_line_per_operator_across_stations(
    postgres: PostgresServer,
) -> None:
    owner, urls = floor_with_stations(postgres, "pack_r1", "pack_r2")
    start = time.time() - 3600
    with connect_as(urls["pack_r1"], "pack_r1") as one:
        publish_row(one, "PACK-1", 1, "1001", ago=3000)
        publish_row(one, "PACK-1", 2, "1002", ago=2400, state="failed")
        one.execute("SELECT flxdesk.operator_seen('PACK-1', 'Maria López')")
    with connect_as(urls["pack_r2"], "pack_r2") as two:
        publish_row(two, "PACK-2", 1, "1003", ago=600)
        publish_row(two, "PACK-2", 2, "1004", ago=300)
    with connect(owner) as db:
        db.execute(
            "UPDATE flxdesk.updates SET operator = CASE WHEN order_id = '1004' THEN ''"
            " ELSE 'Maria López' END"
        )
        report = floor_report(db, Period(start, None, "the last hour"))
    (maria, nobody) = report.operators
    assert (maria.name, maria.asked, maria.sent, maria.failed, maria.orders) == (
        "Maria López", 3, 2, 1, 3
    )  # fmt: skip
    assert maria.longest_gap == pytest.approx(1800, abs=5)  # PACK-1 at 40 min, PACK-2 at 10
    assert maria.signed_in == pytest.approx(600 + 1800, abs=5)  # the pause counts 30 min
    assert maria.orders_per_hour == pytest.approx(3 * 3600 / 2400, rel=0.01)
    assert (nobody.name, nobody.asked, nobody.orders_per_hour) == ("", 1, None)
    lines = report_lines(report)
    at = lines.index(next(line for line in lines if line.startswith("by operator")))
    assert lines[at].split() == ["by", "operator", "asked", "sent", "failed", "orders/h",
                                 "longest", "gap"]  # fmt: skip
    assert lines[at + 1].split()[2:] == ["3", "2", "1", "4.5", "0:30:00"]
    assert lines[at + 2].split() == ["(nobody", "signed", "in)", "1", "1", "0", "-", "-"]
    station_lines = {line.split()[0]: line for line in lines[3:5]}
    assert station_lines["PACK-1"].endswith("Maria López")
    assert station_lines["PACK-2"].endswith("-")


# --- the upgrade, and stations of both versions ----------------------------------------------
def test_a_floor_of_version_2_is_upgraded_keeping_its_rows_and_its_version_2_stations(
    postgres: PostgresServer,
) -> None:
    station_role(postgres, "pack_v2", "pack_v2" * 2)
    database = postgres.new_database()
    fresh = postgres.url(database)
    with connect(fresh) as db:  # the floor as version 2's init left it
        for step in schema.STEPS[:2]:
            step(db)
        db.execute("INSERT INTO flxdesk.meta (key, value) VALUES ('schema_version', '2')")
        db.execute("GRANT USAGE ON SCHEMA flxdesk TO flxdesk_station")
        db.execute(
            "GRANT SELECT ON flxdesk.meta, flxdesk.stations, flxdesk.updates TO flxdesk_station"
        )
        for function in schema.boundary.STATION_FUNCTIONS[:4]:
            db.execute(f"GRANT EXECUTE ON FUNCTION {function} TO flxdesk_station")
    station_url = postgres.url(database, user="pack_v2")
    with connect_as(station_url, "pack_v2") as old:
        publish_row(old, "PACK-1", 1, "1001")
        assert check_floor(old).version == 2
        assert login_warnings(old, "PACK-1") == []  # no roster to ask about yet
        assert read_floor_roster_or_none(old) is None  # no roster on a version 2 floor
    with connect(fresh) as db:
        done = initialize(db)
        assert done[:2] == [
            f"Upgraded the floor from version 2 to {FLOOR_SCHEMA_VERSION}.",
            "The floor now holds the operators of every station ('flxdesk operator add'), "
            "who asked for each update and who is signed in at each station.",
        ]
        assert check_floor(db).serves_from == 2
    with connect_as(station_url, "pack_v2") as old:
        # A station of version 2 goes on with the functions it knows.
        at = time.time()
        values = ("PACK-1", HISTORY_ID, 2, 1, "1002", "Closed", "", "sent", "success", "")
        (answer,) = old.execute(PUBLISH, (*values, 201, 1, at, at)).fetchone()
        assert answer == "ok"
        (claimed,) = old.execute(HEARTBEAT, ("PACK-1", "0.9")).fetchone()
        assert claimed
        assert read_floor_roster(old) == (Roster(), [])
    with connect(fresh) as db:
        assert db.execute(
            "SELECT order_id, operator, approved_by FROM flxdesk.updates ORDER BY order_id"
        ).fetchall() == [("1001", "", ""), ("1002", "", "")]


def read_floor_roster_or_none(connection: psycopg.Connection) -> Roster | None:
    try:
        with connection.transaction():
            return read_floor_roster(connection)[0]
    except psycopg.errors.UndefinedTable:
        return None


def test_a_station_of_this_version_publishes_to_a_version_2_floor_without_operators(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    """Before IT upgrades the floor, a station upgraded first publishes what it knows."""
    url = postgres.url(postgres.new_database())
    with connect(url) as db:
        for step in schema.STEPS[:2]:
            step(db)
        db.execute("INSERT INTO flxdesk.meta (key, value) VALUES ('schema_version', '2')")
    store = HistoryStore(tmp_path / "history.sqlite3")
    try:
        store.set_floor_publishing(True)
        store.add_queued("1001", "Closed", "", destination=HERE, asked_by=AskedBy("Maria"))
        from flxdesk.floor.outbox import publish_all, read_outbox

        items = read_outbox(store.connection, "PACK-1", store.history_id, 10)
        assert len(items[0].values) == V2_VALUES + 2
        with connect(url) as db:
            published = publish_all(db, items, "PACK-1", "test", operator="Maria", read_roster=True)
            assert published.answers == ["ok"]
            assert published.roster_rows is None
            assert publish(db, items, "PACK-1", "test") == ["ok"]
            assert db.execute("SELECT order_id FROM flxdesk.updates").fetchall() == [("1001",)]
    finally:
        store.close()
