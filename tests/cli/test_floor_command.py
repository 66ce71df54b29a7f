"""``flxdesk floor init|login``, ``report --floor``, and the sending commands with a floor:
run for real, in subprocesses (``login`` in-process, for a keychain of the test's own)."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import psycopg
import pytest

from flxdesk.floor.connection import KEYCHAIN_SERVICE
from flxdesk.floor.schema import FLOOR_SCHEMA_VERSION
from flxdesk.flxpoint.demo_api import DemoApi
from support.floor import floor_rows, init_floor, station_env, station_role
from support.network import closed_port
from support.postgres import PostgresServer
from support.process import run_flxdesk

flxdesk = run_flxdesk


def test_floor_init_says_what_it_did_and_is_idempotent(floor_db: str, tmp_path: Path) -> None:
    env = station_env(tmp_path / "it", floor_db, "IT")
    first = flxdesk("floor", "init", env=env)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0].startswith("flxdesk floor init: postgres@127.0.0.1:")
    assert lines[0].endswith("(no TLS)")
    assert (
        lines[1] == f"flxdesk floor init: Created the floor (floor version {FLOOR_SCHEMA_VERSION})."
    )
    again = flxdesk("floor", "init", env=env)
    assert again.returncode == 0, again.stderr
    assert "already: its tables were left as they are" in again.stdout


def test_floor_init_over_tls_verifies_the_server(postgres: PostgresServer, tmp_path: Path) -> None:
    database = postgres.new_database()
    trusted = postgres.url(database, sslmode="verify-full", sslrootcert=str(postgres.ca_file))
    done = flxdesk("floor", "init", env=station_env(tmp_path / "it", trusted, "IT"))
    assert done.returncode == 0, done.stderr
    assert "(TLS)" in done.stdout.splitlines()[0]
    untrusted = postgres.url(database, sslmode="verify-full", sslrootcert="system")
    refused = flxdesk("floor", "init", env=station_env(tmp_path / "it", untrusted, "IT"))
    assert refused.returncode == 2
    assert "the floor's TLS connection to" in refused.stderr
    assert "ask IT which certificate to trust" in refused.stderr


def test_floor_init_refuses_a_newer_floor_and_changes_nothing(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    database = postgres.new_database()
    floor_db = postgres.url(database)
    init_floor(floor_db)
    with psycopg.connect(floor_db, autocommit=True) as db:
        db.execute(
            "UPDATE flxdesk.meta SET value = %s WHERE key = 'schema_version'",
            (str(FLOOR_SCHEMA_VERSION + 1),),
        )
    before = floor_dump(postgres, database)
    assert "CREATE TABLE flxdesk.updates (" in before  # the dump holds the floor
    done = flxdesk("floor", "init", env=station_env(tmp_path / "it", floor_db, "IT"))
    assert done.returncode == 2
    assert f"newer flxdesk (floor version {FLOOR_SCHEMA_VERSION + 1}," in done.stderr
    assert "Nothing was changed." in done.stderr
    assert floor_dump(postgres, database) == before  # tables, functions, grants, rows


def floor_dump(postgres: PostgresServer, database: str) -> list[str]:
    """The database as pg_dump writes it, less the random key of its \\restrict lines."""
    return [
        line
        for line in postgres.dump(database).splitlines()
        if not line.startswith(("\\restrict ", "\\unrestrict "))
    ]


def test_floor_prune_is_the_owners_and_keeps_the_recent_days(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    from support.floor import connect_as, floor_with_stations, publish_row

    owner, urls = floor_with_stations(postgres, "pack_prune")
    with connect_as(urls["pack_prune"], "pack_prune") as station:
        publish_row(station, "PACK-1", 1, "1001", ago=20 * 86400)
        publish_row(station, "PACK-1", 2, "1002", ago=60)
    env = station_env(tmp_path / "it", owner, "IT")
    done = flxdesk("floor", "prune", "--older-than", "7", env=env)
    assert done.returncode == 0, done.stderr
    assert "deleted 1 update(s) queued more than 7 day(s) ago" in done.stdout
    assert floor_rows(owner, "order_id") == [("1002",)]
    refused = flxdesk(
        "floor", "prune", "--older-than", "1",
        env=dict(station_env(tmp_path / "s", urls["pack_prune"], "PACK-1"),
                 PGPASSWORD="pack_prunepack_prune"),
    )  # fmt: skip
    assert refused.returncode == 2
    assert "only the floor's owner may prune" in refused.stderr
    assert floor_rows(owner, "order_id") == [("1002",)]
    zero = flxdesk("floor", "prune", "--older-than", "0", env=env)
    assert zero.returncode == 2 and "1 day or more" in zero.stderr


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "no floor is configured: set FLXDESK_FLOOR_URL or floor_url in settings.json"),
        ("postgresql://u:secret@127.0.0.1/f", "holds a password: remove it from there"),
        ("postgresql://u@/f", "names no server"),
        ("postgresql://u@127.0.0.1:notaport/f", "cannot be used"),
    ],
)
def test_an_unusable_floor_address_is_said_plainly(url: str, words: str, tmp_path: Path) -> None:
    done = flxdesk("floor", "init", env=station_env(tmp_path / "it", url, "IT"))
    assert done.returncode == 2
    assert words in done.stderr
    assert "secret" not in done.stderr + done.stdout


def test_floor_login_keeps_a_password_the_floor_accepts(
    postgres: PostgresServer,
    floor_db: str,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from flxdesk.cli.commands import main

    station_role(postgres, "pack_login", "the-right-one")
    database = floor_db.rsplit("/", 1)[1].split("?")[0]
    url = postgres.url(database, user="pack_login")
    monkeypatch.setenv("FLXDESK_FLOOR_URL", url)
    entry = f"pack_login@127.0.0.1:{postgres.port}/{database}"

    monkeypatch.setattr(sys, "stdin", io.StringIO("not-it\n"))
    assert main(["floor", "login"]) == 1
    assert "refused the password" in capsys.readouterr().err
    assert memory_keyring.get_password(KEYCHAIN_SERVICE, entry) is None

    monkeypatch.setattr(sys, "stdin", io.StringIO("the-right-one\n"))
    assert main(["floor", "login"]) == 0
    said = capsys.readouterr()
    assert f"the floor's password for {entry} is in the keychain" in said.out
    assert "the-right-one" not in said.out + said.err
    assert memory_keyring.get_password(KEYCHAIN_SERVICE, entry) == "the-right-one"
    init_floor(floor_db)  # grants flxdesk_station its privileges
    assert main(["report", "--floor", "--since", "today"]) == 0  # uses the stored password


def test_update_is_held_when_another_station_just_did_it_and_again_sends_it(
    floor_db: str, tmp_path: Path, demo_api: DemoApi
) -> None:
    url = init_floor(floor_db)
    first = flxdesk(
        "update",
        "1001",
        "--status",
        "Closed",
        env=station_env(tmp_path / "pack-1", url, "PACK-1", demo_api),
    )
    assert first.returncode == 0, first.stderr
    second_env = station_env(tmp_path / "pack-2", url, "PACK-2", demo_api)
    held = flxdesk("update", "1001", "--status", "Closed", env=second_env)
    assert held.returncode == 1, held.stderr
    (line,) = held.stdout.splitlines()
    assert line.startswith("held\t1001\tClosed\tnot sent: set to Closed at PACK-1, ")
    assert line.endswith("(--again sends it)")
    assert len(demo_api.requests) == 1  # not sent
    other_status = flxdesk("update", "1001", "--status", "On Hold", env=second_env)
    assert other_status.returncode == 0, other_status.stderr
    again = flxdesk("update", "1001", "--status", "Closed", "--again", env=second_env)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("sent\t1001\tClosed")
    assert [seen.answer for seen in demo_api.requests] == [201, 201, 201]


def test_a_floor_that_is_away_never_stops_a_command_and_is_said_once(
    tmp_path: Path, demo_api: DemoApi
) -> None:
    away = f"postgresql://postgres@127.0.0.1:{closed_port()}/floor?sslmode=disable"
    source = tmp_path / "orders.csv"
    source.write_text("order_id\n1001\n1002\n1003\n", encoding="utf-8")
    env = station_env(tmp_path / "pack-1", away, "PACK-1", demo_api)
    done = flxdesk("bulk", str(source), "--status", "Closed", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("sent\t") == 3
    said = [line for line in done.stderr.splitlines() if "Floor not reachable" in line]
    assert len(said) == 1, done.stderr
    assert ": this station is pacing alone" in said[0]
    assert "change(s) wait to be published to the floor" in done.stderr
    held = flxdesk("update", "1001", "--status", "Closed", env=env)  # no floor to ask
    assert held.returncode == 0, held.stderr


def test_resume_publishes_what_an_earlier_command_left(
    own_postgres: PostgresServer, tmp_path: Path, demo_api: DemoApi
) -> None:
    url = init_floor(own_postgres.url(own_postgres.new_database()))
    env = station_env(tmp_path / "pack-1", url, "PACK-1", demo_api)
    own_postgres.kill()
    sent = flxdesk("update", "1001", "--status", "Closed", env=env)
    assert sent.returncode == 0, sent.stderr
    own_postgres.start()
    assert floor_rows(url) == []
    resumed = flxdesk("resume", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert "nothing is queued" in resumed.stderr
    assert floor_rows(url) == [("PACK-1", "1001", "Closed", "sent")]


def test_report_floor_prints_the_totals_and_a_line_per_station(
    floor_db: str, tmp_path: Path, demo_api: DemoApi
) -> None:
    url = init_floor(floor_db)
    for station, orders in (("PACK-1", ["1001", "1002"]), ("PACK-2", ["1003", "99999"])):
        source = tmp_path / f"{station}.csv"
        source.write_text("order_id\n" + "\n".join(orders) + "\n", encoding="utf-8")
        env = station_env(tmp_path / station, url, station, demo_api)
        flxdesk("bulk", str(source), "--status", "Closed", env=env)
    report_csv = tmp_path / "floor.csv"
    done = flxdesk(
        "report",
        "--floor",
        "--since",
        "today",
        "--csv",
        str(report_csv),
        env=station_env(tmp_path / "supervisor", url, "OFFICE"),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("flxdesk floor summary: ")
    assert lines[0].endswith(", whole floor")
    rows = {line.split()[0]: line.split()[1:4] for line in lines[3:6]}
    assert rows["PACK-1"] == ["2", "0", "0"]
    assert rows["PACK-2"] == ["1", "1", "0"]
    assert rows["total"] == ["3", "1", "0"]
    assert "updates: 4 (sent 3, failed 1, invalid 0, cancelled 0, waiting 0)" in done.stdout
    assert "PACK-2: Order 99999" in done.stdout  # the failure names its station
    with report_csv.open(encoding="utf-8-sig") as written:
        table = list(csv.reader(written))
    heads = ["station", "sent", "failed", "waiting", "last seen", "signed in"]
    assert heads in table
    assert table[table.index(heads) + 1][:4] == [
        "PACK-1",
        "2",
        "0",
        "0",
    ]


def test_report_floor_by_operator_prints_only_the_floors_line_per_operator(
    floor_db: str, tmp_path: Path, demo_api: DemoApi
) -> None:
    url = init_floor(floor_db)
    source = tmp_path / "orders.csv"
    source.write_text("order_id\n1001\n", encoding="utf-8")
    env = station_env(tmp_path / "p", url, "P1", demo_api)
    assert flxdesk("bulk", str(source), "--status", "Closed", env=env).returncode == 0
    done = flxdesk(
        "report",
        "--floor",
        "--since",
        "today",
        "--by-operator",
        env=station_env(tmp_path / "supervisor", url, "OFFICE"),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("flxdesk shift summary: ") and lines[0].endswith(", whole floor")
    assert lines[2].startswith("by operator")
    assert not [line for line in lines if line.startswith(("updates:", "failures"))]


def test_report_floor_without_a_floor_is_a_usage_error(tmp_path: Path) -> None:
    done = flxdesk(
        "report", "--floor", "--since", "today", env=station_env(tmp_path / "x", "", "X")
    )
    assert done.returncode == 2
    assert "no floor is configured" in done.stderr
