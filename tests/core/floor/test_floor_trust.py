"""The floor's trust boundary, attacked as issue 23 did: two honest station logins and a
hostile third, each with its own password on a real PostgreSQL set up as the README
says. A station login can harm only itself: it cannot change another's rows, names,
times or revisions, cannot stop another from sending, and cannot crash a reader."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
import pytest

from flxdesk.floor.duplicates import RecentElsewhere, find_duplicate
from flxdesk.floor.link import DOUBT_REASON
from flxdesk.floor.login_check import login_warnings
from flxdesk.floor.outbox import HEARTBEAT, PUBLISH
from flxdesk.floor.report import floor_report, report_lines
from flxdesk.floor.session import floor_words
from flxdesk.floor.slots import reserve
from flxdesk.floor.token_key import token_key
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.history.periods import Period
from flxdesk.sending.events import FloorState
from support.floor import (
    HISTORY_ID,
    connect_as,
    floor_with_stations,
    publish_row,
    remember_password,
    started_session,
)
from support.postgres import PostgresServer

TOKEN = "a-token-shared-by-the-floor"
DAY = Period(time.time() - 3600, None, "the last hour")


@pytest.fixture
def floor(postgres: PostgresServer):
    """(owner URL, {login: URL}, {login: connection}); PACK-1 and PACK-2 are honest and
    have published one sent update each; EVIL is the hostile station login."""
    owner, urls = floor_with_stations(postgres, "pack1", "pack2", "evil")
    connections = {login: connect_as(url, login) for login, url in urls.items()}
    publish_row(connections["pack1"], "PACK-1", 1, "1001", "sent", ago=60)
    publish_row(connections["pack2"], "PACK-2", 1, "2001", "sent", ago=30)
    connections["evil"].execute(HEARTBEAT, ("EVIL-9", "test"))
    yield owner, urls, connections
    for connection in connections.values():
        connection.close()


def pack1_rows(owner: str) -> list[tuple]:
    with psycopg.connect(owner, autocommit=True) as db:
        return db.execute(
            "SELECT state, message, queued_at, revision, login FROM flxdesk.updates"
            " WHERE station = 'PACK-1'"
        ).fetchall()


@pytest.mark.parametrize(
    "attack",
    [
        "UPDATE flxdesk.updates SET state = 'failed', message = 'forged' WHERE station = 'PACK-1'",
        "UPDATE flxdesk.updates SET queued_at = '1970-01-01' WHERE station = 'PACK-1'",
        "UPDATE flxdesk.updates SET revision = 9223372036854775807 WHERE station = 'PACK-1'",
        "INSERT INTO flxdesk.updates (station, history_id, local_id, revision, order_id,"
        " status, state, queued_at) VALUES ('PACK-1', 'ab', 9, 1, '1001', 'Canceled', 'sent',"
        " now())",
        "UPDATE flxdesk.stations SET last_seen = 'infinity'",
        "UPDATE flxdesk.stations SET login = 'evil' WHERE name = 'PACK-1'",
        "DELETE FROM flxdesk.updates",
        "LOCK TABLE flxdesk.updates IN ACCESS EXCLUSIVE MODE",
        "LOCK TABLE flxdesk.token_budgets IN ACCESS EXCLUSIVE MODE",
        "SELECT * FROM flxdesk.updates FOR UPDATE",
        "SELECT * FROM flxdesk.token_budgets",
        "UPDATE flxdesk.meta SET value = '1' WHERE key = 'serves_from'",
        "SELECT flxdesk.prune(1, 1000)",
        "SELECT flxdesk.grant_slot('t1:' || repeat('a', 64), 0, 'scan', now() + '30 years')",
    ],
)
def test_a_station_login_cannot_touch_the_floor_behind_the_functions(floor, attack) -> None:
    owner, _, connections = floor
    before = pack1_rows(owner)
    evil = connections["evil"]
    with pytest.raises(psycopg.errors.InsufficientPrivilege), evil.transaction():
        evil.execute(attack)
    assert pack1_rows(owner) == before


def test_another_stations_name_cannot_be_written_through_the_functions(floor) -> None:
    owner, _, connections = floor
    evil = connections["evil"]
    (claimed,) = evil.execute(HEARTBEAT, ("PACK-1", "forged")).fetchone()
    assert claimed is False
    forged = ("PACK-1", HISTORY_ID, 1, 10**18, "1001", "Canceled", "", "failed")
    forged += ("forged", "forged", 500, 1, time.time(), time.time())
    assert evil.execute(PUBLISH, forged).fetchone() == ("not yours",)
    new = ("PACK-1", HISTORY_ID, 7, *forged[3:])
    assert evil.execute(PUBLISH, new).fetchone() == ("not yours",)
    assert pack1_rows(owner)[0][:2] == ("sent", "")
    with psycopg.connect(owner, autocommit=True) as db:
        assert db.execute("SELECT count(*) FROM flxdesk.updates").fetchone() == (2,)
        assert db.execute(
            "SELECT flxdesk_version FROM flxdesk.stations WHERE name = 'PACK-1'"
        ).fetchone() == ("test",)


@pytest.mark.parametrize(
    ("queued_at", "finished_at"),
    [
        (float("inf"), None),
        (float("-inf"), None),
        (float("nan"), None),
        (0.0, None),  # 1970: out of every report's period
        (time.time() + 3 * 86400, None),
        (time.time(), float("inf")),
        (time.time(), 4e12),
    ],
    # Named, not numbered by the clock: every pytest-xdist worker collects the same tests.
    ids=["infinity", "minus-infinity", "nan", "1970", "in-3-days", "finished-never", "year-128k"],
)
def test_a_login_cannot_write_a_time_no_healthy_station_has(floor, queued_at, finished_at):
    _, _, connections = floor
    row = ("EVIL-9", HISTORY_ID, 5, 1, "1001", "Closed", "", "sent", "success", "", 201, 1)
    answer = connections["evil"].execute(PUBLISH, (*row, queued_at, finished_at)).fetchone()
    assert answer == ("time",)


@pytest.mark.parametrize(
    "change",
    [
        {"order_id": "9" * 129},
        {"order_id": ""},
        {"note": "n" * 501},
        {"status": "Shipped"},
        {"state": "done"},
        {"outcome": "<b>x</b>"},
        {"http_code": 99_999},
        {"attempts": -1},
        {"revision": 0},
        {"history_id": "h-PACK"},
    ],
)
def test_a_login_cannot_write_a_value_out_of_bounds(floor, change) -> None:
    _, _, connections = floor
    values = dict(
        station="EVIL-9", history_id=HISTORY_ID, local_id=5, revision=1, order_id="1001",
        status="Closed", note="", state="sent", outcome="success", message="", http_code=201,
        attempts=1, queued_at=time.time(), finished_at=None,
    )  # fmt: skip
    values.update(change)
    assert connections["evil"].execute(PUBLISH, tuple(values.values())).fetchone() == ("value",)


def test_a_long_message_is_cut_and_text_lengths_are_bounded(floor) -> None:
    owner, _, connections = floor
    row = ("EVIL-9", HISTORY_ID, 6, 1, "1001", "Closed", "", "sent", "success", "m" * 10_000)
    assert connections["evil"].execute(PUBLISH, (*row, 201, 1, time.time(), None)).fetchone() == (
        "ok",
    )
    with psycopg.connect(owner, autocommit=True) as db:
        assert db.execute(
            "SELECT length(message) FROM flxdesk.updates WHERE station = 'EVIL-9'"
        ).fetchone() == (1000,)
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        connections["evil"].execute(HEARTBEAT, ("x" * 65, "v"))
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        connections["evil"].execute(HEARTBEAT, ("A\nB", "v"))


def test_reports_read_only_what_the_owning_login_wrote(floor) -> None:
    """A row in PACK-1's name that PACK-1's login did not write (left by floor version 1,
    or written by the owner by hand) is not PACK-1's."""
    owner, _, connections = floor
    with psycopg.connect(owner, autocommit=True) as db:
        db.execute(
            "INSERT INTO flxdesk.updates (station, history_id, local_id, login, revision,"
            " order_id, status, state, message, queued_at) VALUES ('PACK-1', 'ab', 9, 'evil',"
            " 1, '1009', 'Canceled', 'failed', 'forged', now())"
        )
    report = floor_report(connections["pack2"], DAY)
    assert report.summary.total == 2
    pack1 = next(line for line in report.stations if line.name == "PACK-1")
    assert (pack1.sent, pack1.failed) == (1, 0)
    assert find_duplicate(connections["pack2"], "1009", "Canceled", "PACK-2", 3600) is None


def test_every_reader_survives_any_value_the_owner_could_leave(floor) -> None:
    """Times beyond any clock and markup in names are data: no traceback, no markup."""
    owner, _, connections = floor
    with psycopg.connect(owner, autocommit=True) as db:
        db.execute("ALTER TABLE flxdesk.updates DROP CONSTRAINT updates_queued_at_check")
        db.execute("ALTER TABLE flxdesk.stations DROP CONSTRAINT stations_last_seen_check")
        db.execute("UPDATE flxdesk.stations SET last_seen = 'infinity' WHERE name = 'PACK-1'")
        db.execute("INSERT INTO flxdesk.stations (name, login) VALUES ('<b>BOLD</b>', 'evil')")
        db.execute(
            "INSERT INTO flxdesk.updates (station, history_id, local_id, login, revision,"
            " order_id, status, state, queued_at) VALUES"
            " ('<b>BOLD</b>', 'ab', 1, 'evil', 1, '3001', 'Closed', 'sent', 'infinity'),"
            " ('<b>BOLD</b>', 'ab', 2, 'evil', 1, '3001', 'Closed', 'sent', now())"
        )
    reader = connections["pack2"]
    report = floor_report(reader, Period(time.time() - 3600, None, "the last hour"))
    text = "\n".join(report_lines(report))
    assert "PACK-1" in text and "-" in text  # its last seen: no time people can read
    duplicate = find_duplicate(reader, "3001", "Closed", "PACK-2", 3600)
    assert duplicate is not None
    assert duplicate.describe("Closed").startswith("set to Closed at <b>BOLD</b>, ")
    recent = RecentElsewhere("PACK-2")
    assert recent.refresh(reader, 3600) >= 1
    assert recent.lookup("3001", "Closed", 0)[0] == "<b>BOLD</b>"


def test_a_hostile_budget_cannot_stop_an_honest_station(
    floor, tmp_path: Path, memory_keyring
) -> None:
    """EVIL asks for the longest pause (the key from the token and the secret every login
    reads); PACK-1 does not believe a 60 s wait, paces alone at once and says so."""
    _, urls, connections = floor
    (secret,) = (
        connections["evil"]
        .execute("SELECT value FROM flxdesk.meta WHERE key = 'token_key_secret'")
        .fetchone()
    )
    key = token_key(TOKEN, secret)
    connections["evil"].execute("SELECT flxdesk.report_throttled(%s, 1e9)", (key,))
    assert reserve(connections["evil"], key, 1e9).wait == pytest.approx(60, abs=1)
    remember_password(memory_keyring, urls["pack1"], "pack1")
    session, watch = started_session(urls["pack1"], tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        made: dict[str, RateLimiter] = {}
        pacer = session.pacer(lambda token: made.setdefault(token, RateLimiter()))
        for _ in range(3):
            assert pacer.wait_for_slot(TOKEN, threading.Event())
        doubted = watch.wait_for(FloorState.AWAY)
        assert doubted.reason == DOUBT_REASON
        assert "the floor's answer is not believable: pacing alone" in floor_words(doubted).lower()
    finally:
        session.close()


def test_a_budget_locked_by_another_login_never_holds_a_slot_up(floor) -> None:
    _, _, connections = floor
    key = "t1:" + "e" * 64
    evil = connections["evil"]
    evil.autocommit = False
    reserve(evil, key)  # its transaction stays open: the budget row stays locked
    try:
        with pytest.raises(psycopg.errors.LockNotAvailable):
            reserve(connections["pack1"], key)  # 300 ms at most, then the station is alone
    finally:
        evil.rollback()
        evil.autocommit = True
    assert reserve(connections["pack1"], key).granted


def test_a_login_that_can_do_more_than_a_station_is_named(floor) -> None:
    owner, _, connections = floor
    assert login_warnings(connections["pack1"], "PACK-1") == []
    connections["pack1"].execute(HEARTBEAT, ("PACK-7", "test"))  # the same login, shared
    shared = login_warnings(connections["pack1"], "PACK-1")
    assert shared == [
        "the floor login pack1 is shared with the station(s) PACK-7: unsafe, they can "
        "write as each other; one login per station"
    ]
    taken = login_warnings(connections["evil"], "PACK-1")
    assert any("belongs to another floor login" in words for words in taken)
    with psycopg.connect(owner, autocommit=True) as db:
        assert any("superuser" in words for words in login_warnings(db, "IT"))
        db.execute("GRANT DELETE ON flxdesk.updates TO pack2")
    assert login_warnings(connections["pack2"], "PACK-2") == [
        "the floor login pack2 may delete the floor's rows"
    ]
