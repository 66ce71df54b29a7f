"""A station's floor session against a real PostgreSQL that is killed, slowed, cut off or
refuses: sending never waits on it for more than about a second, the station paces
alone and says why, and it rejoins by itself."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from flxdesk.floor.session import floor_words, open_floor
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.sending.events import FloorState
from support.floor import init_floor, started_session
from support.postgres import PostgresServer

TOKEN = "a-token-shared-by-the-floor"
PATIENCE_BOUND = 1.6  # the pacer's 1 s patience, plus a loaded machine's slack


def pacer_of(session):
    made: dict[str, RateLimiter] = {}
    return session.pacer(lambda token: made.setdefault(token, RateLimiter())), made


def timed_slot(pacer, stop: threading.Event | None = None) -> float:
    began = time.monotonic()
    assert pacer.wait_for_slot(TOKEN, stop or threading.Event())
    return time.monotonic() - began


def test_no_floor_configured_means_no_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FLXDESK_FLOOR_URL", raising=False)
    assert open_floor("", "PACK-1", tmp_path / "h.sqlite3") is None
    monkeypatch.setenv("FLXDESK_FLOOR_URL", "postgresql://u@127.0.0.1:1/f")
    session = open_floor("", "PACK-1", tmp_path / "h.sqlite3")
    assert session is not None and session.source == "FLXDESK_FLOOR_URL"


def test_slots_come_from_the_floor_and_the_station_knows_them(
    floor_db: str, tmp_path: Path
) -> None:
    session, watch = started_session(init_floor(floor_db), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, made = pacer_of(session)
        waits = [timed_slot(pacer) for _ in range(2)]
        # The local limiter counted the floor's two starts: alone, it would wait too.
        assert made[TOKEN].earliest_start() > time.monotonic() + 0.5
        waits.append(timed_slot(pacer))
        assert waits[2] == pytest.approx(1.03, abs=0.2)  # the third waits for the window
        assert len(pacer.floor_waits) == 3
    finally:
        session.close()


def test_two_stations_share_one_budget(floor_db: str, tmp_path: Path) -> None:
    url = init_floor(floor_db)
    first, first_watch = started_session(url, tmp_path / "a", "PACK-1")
    second, second_watch = started_session(url, tmp_path / "b", "PACK-2")
    try:
        first_watch.wait_for(FloorState.REACHABLE)
        second_watch.wait_for(FloorState.REACHABLE)
        one, _ = pacer_of(first)
        two, _ = pacer_of(second)
        timed_slot(one)
        timed_slot(two)
        assert timed_slot(one) == pytest.approx(1.03, abs=0.2)  # PACK-2 took the second
    finally:
        first.close()
        second.close()


def test_a_killed_floor_leaves_the_station_pacing_alone_and_it_rejoins(
    own_postgres: PostgresServer, tmp_path: Path
) -> None:
    url = init_floor(own_postgres.url(own_postgres.new_database()))
    session, watch = started_session(url, tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, _ = pacer_of(session)
        timed_slot(pacer)
        own_postgres.kill()
        assert timed_slot(pacer) < PATIENCE_BOUND  # the second start of the window
        away = watch.wait_for(FloorState.AWAY)
        assert "does not answer" in away.reason
        assert floor_words(away).startswith("Floor not reachable since ")
        assert ": this station is pacing alone" in floor_words(away)
        # Alone, the station's own limiter paces: the third start waits for its window.
        assert timed_slot(pacer) == pytest.approx(1.02, abs=0.25)
        own_postgres.start()
        watch.wait_for(FloorState.REACHABLE, timeout=45)
        asked = len(pacer.floor_waits)
        timed_slot(pacer)
        assert len(pacer.floor_waits) == asked + 1  # granted by the floor again
    finally:
        session.close()


def test_a_floor_that_hangs_costs_at_most_the_patience_once(
    postgres: PostgresServer, tmp_path: Path, proxy_to
) -> None:
    database = postgres.new_database()
    init_floor(postgres.url(database))
    proxy = proxy_to(postgres.port)
    session, watch = started_session(postgres.url(database, port=proxy.port), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, _ = pacer_of(session)
        timed_slot(pacer)
        proxy.freeze()  # connections stay open, nothing answers
        assert timed_slot(pacer) < PATIENCE_BOUND
        away = watch.wait_for(FloorState.AWAY)
        assert "no answer within 1.0 s" in away.reason
        began = time.monotonic()
        pacer.wait_for_slot(TOKEN, threading.Event())
        pacer.wait_for_slot(TOKEN, threading.Event())
        # Alone now: no more waiting on the floor, only the station's own pace (~1 s).
        assert time.monotonic() - began < 1.02 + 0.3
        proxy.thaw()
        watch.wait_for(FloorState.REACHABLE, timeout=45)
    finally:
        session.close()


def test_a_slow_floor_still_grants_every_slot(
    postgres: PostgresServer, tmp_path: Path, proxy_to
) -> None:
    database = postgres.new_database()
    init_floor(postgres.url(database))
    proxy = proxy_to(postgres.port)
    session, watch = started_session(postgres.url(database, port=proxy.port), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        proxy.delay = 0.25  # every answer 250 ms late
        pacer, _ = pacer_of(session)
        waits = [timed_slot(pacer) for _ in range(3)]
        assert len(pacer.floor_waits) == 3  # all granted by the floor, none alone
        assert min(pacer.floor_waits) >= 0.25
        assert max(waits) < PATIENCE_BOUND
        assert session.status.state is FloorState.REACHABLE
    finally:
        session.close()


def test_dropped_connections_are_made_again_by_themselves(
    postgres: PostgresServer, tmp_path: Path, proxy_to
) -> None:
    database = postgres.new_database()
    init_floor(postgres.url(database))
    proxy = proxy_to(postgres.port)
    session, watch = started_session(postgres.url(database, port=proxy.port), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, _ = pacer_of(session)
        timed_slot(pacer)
        proxy.drop_connections()
        assert timed_slot(pacer) < PATIENCE_BOUND
        watch.wait_for(FloorState.REACHABLE, timeout=45)
        asked = len(pacer.floor_waits)
        timed_slot(pacer)
        assert len(pacer.floor_waits) == asked + 1
        assert proxy.connections >= 1  # a new connection through the same path
    finally:
        session.close()


def test_a_wrong_password_is_said_and_the_station_goes_on_alone(
    postgres: PostgresServer, tmp_path: Path, memory_keyring
) -> None:
    from flxdesk.floor.connection import KEYCHAIN_SERVICE

    database = postgres.new_database()
    init_floor(postgres.url(database))
    postgres.sql(
        "DO $$ BEGIN CREATE ROLE pack_wrong LOGIN PASSWORD 'right'; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    memory_keyring.set_password(
        KEYCHAIN_SERVICE, f"pack_wrong@127.0.0.1:{postgres.port}/{database}", "wrong"
    )
    session, watch = started_session(postgres.url(database, user="pack_wrong"), tmp_path / "a")
    try:
        away = watch.wait_for(FloorState.AWAY)
        assert away.reason == (
            f"the floor refused the password of pack_wrong@127.0.0.1:{postgres.port}/"
            f"{database}: run 'flxdesk floor login' with the right one"
        )
        assert "wrong" not in floor_words(away).replace("pack_wrong", "")
        pacer, _ = pacer_of(session)
        began = time.monotonic()
        assert pacer.wait_for_slot(TOKEN, threading.Event())
        assert time.monotonic() - began < 0.2  # alone, at once: no floor to wait for
    finally:
        session.close()


def test_a_newer_floor_is_refused_in_words_and_the_station_goes_on_alone(
    floor_db: str, tmp_path: Path
) -> None:
    import psycopg

    from flxdesk.floor.schema import FLOOR_SCHEMA_VERSION

    url = init_floor(floor_db)
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(
            "UPDATE flxdesk.meta SET value = %s WHERE key IN ('schema_version', 'serves_from')",
            (str(FLOOR_SCHEMA_VERSION + 1),),
        )
    session, watch = started_session(url, tmp_path / "a")
    try:
        away = watch.wait_for(FloorState.AWAY)
        assert "set up by a newer flxdesk" in away.reason
        pacer, _ = pacer_of(session)
        assert timed_slot(pacer) < 0.2
        assert list(pacer.floor_waits) == []
    finally:
        session.close()
