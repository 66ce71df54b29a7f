"""The README's least-privilege station role: it can do all a station does on the floor,
and no more (no table written directly, no token budgets read, nothing deleted)."""

from __future__ import annotations

import psycopg
import pytest

from flxdesk.floor.duplicates import find_duplicate
from flxdesk.floor.login_check import login_warnings
from flxdesk.floor.schema import check_floor
from flxdesk.floor.slots import report_throttled, reserve
from support.floor import init_floor, publish_row, station_role
from support.postgres import PostgresServer


@pytest.fixture
def as_station(postgres: PostgresServer):
    station_role(postgres, "pack_least", "least-privilege")
    database = postgres.new_database()
    init_floor(postgres.url(database))
    with psycopg.connect(
        postgres.url(database, user="pack_least"), password="least-privilege", autocommit=True
    ) as connection:
        yield connection


def test_a_station_role_does_what_a_station_does(as_station: psycopg.Connection) -> None:
    info = check_floor(as_station)
    key = "t1:" + "f" * 64
    assert reserve(as_station, key, 0.0).wait == pytest.approx(0.0, abs=0.05)
    report_throttled(as_station, key, 1.0)
    publish_row(as_station, "PACK-1", 1, "1001")
    publish_row(as_station, "PACK-1", 1, "1001")
    assert find_duplicate(as_station, "1001", "Closed", "PACK-2", 1e6).station == "PACK-1"
    assert len(info.token_key_secret) == 64
    assert login_warnings(as_station, "PACK-1") == []


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM flxdesk.token_budgets",
        "UPDATE flxdesk.token_budgets SET not_before = now()",
        "DELETE FROM flxdesk.updates",
        "DELETE FROM flxdesk.stations",
        "INSERT INTO flxdesk.stations (name) VALUES ('X')",
        "UPDATE flxdesk.updates SET state = 'failed'",
        "UPDATE flxdesk.meta SET value = 'x'",
        "DROP TABLE flxdesk.updates",
        "CREATE TABLE flxdesk.mine (x int)",
    ],
)
def test_a_station_role_may_not(as_station: psycopg.Connection, statement: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        as_station.execute(statement)
