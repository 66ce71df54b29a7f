"""Several stations on one floor: real command-line runs, each with its own data folder,
one token, the demo API's strict window (2 in any 1.0 s), and a real PostgreSQL that is
killed mid-run. Every order is sent once and published, and any 429 is retried until
sent; how well they share the token (the rate as a ratio of 2 per second, the share
answered 429, against the targets) is ``bench/floor.py``'s."""

from __future__ import annotations

import base64
import hashlib
import threading
from pathlib import Path

import psycopg

from flxdesk.flxpoint.demo_api import DEMO_TOKEN
from flxdesk.history.store import HistoryStore, State
from support.fault_api import FaultyApi
from support.floor import floor_rows, init_floor
from support.postgres import PostgresServer
from support.stations import finish_stations, run_stations, start_stations, station_states

STATIONS = 3
ORDERS_PER_STATION = 6


def floor_env(url: str) -> dict[str, str]:
    return {"FLXDESK_FLOOR_URL": url}


def test_stations_on_a_floor_share_the_token_and_publish_everything(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    database = postgres.new_database()
    url = init_floor(postgres.url(database))
    with FaultyApi(limit="window") as api:
        run = run_stations(tmp_path, api, STATIONS, ORDERS_PER_STATION, env=floor_env(url))
    orders = STATIONS * ORDERS_PER_STATION
    assert run.exit_codes == [0] * STATIONS, run.stderr
    assert sorted(int(seen.order_id) for seen in run.sent) == list(range(1000, 1000 + orders))
    assert set(run.answers) <= {201, 429}, run.answers
    assert run.lost_after_429 == []  # a 429 that came was retried until sent
    for states in station_states(tmp_path, STATIONS):
        assert states[State.SENT] == ORDERS_PER_STATION
        assert states[State.FAILED] == 0
    with psycopg.connect(url, autocommit=True) as db:
        (granted,) = db.execute("SELECT sum(granted) FROM flxdesk.token_budgets").fetchone()
    assert granted == len(run.requests)  # every request started on a slot the floor granted
    published = floor_rows(url, "station, state")
    assert len(published) == orders
    assert {state for _, state in published} == {"sent"}
    assert {station for station, _ in published} == {"PACK-1", "PACK-2", "PACK-3"}
    # What the floor holds: never the token, nor a quick hash of it (a dump of everything).
    dump = postgres.dump(database)
    assert str(1000 + orders - 1) in dump  # the dump does hold the updates
    digest = hashlib.sha256(DEMO_TOKEN.encode()).digest()
    for form in (
        DEMO_TOKEN,
        DEMO_TOKEN.upper(),
        base64.b64encode(DEMO_TOKEN.encode()).decode(),
        digest.hex(),
        hashlib.md5(DEMO_TOKEN.encode()).hexdigest(),
        hashlib.sha1(DEMO_TOKEN.encode()).hexdigest(),
        base64.b64encode(digest).decode(),
    ):
        assert form not in dump, form


def test_a_floor_killed_mid_run_loses_nothing_and_sends_nothing_twice(
    own_postgres: PostgresServer, tmp_path: Path
) -> None:
    url = init_floor(own_postgres.url(own_postgres.new_database()))
    killed_at, back_at = 8, 20
    reached_kill, reached_back = threading.Event(), threading.Event()

    def watch(number: int) -> None:
        if number == killed_at:
            reached_kill.set()
        if number == back_at:
            reached_back.set()

    with FaultyApi(fault=watch, limit="window") as api:
        runs = start_stations(tmp_path, api, STATIONS, 15, env=floor_env(url))
        assert reached_kill.wait(120)
        own_postgres.kill()
        assert reached_back.wait(120)
        own_postgres.start()
        run = finish_stations(runs, api)
    assert run.exit_codes == [0] * STATIONS, run.stderr
    assert sorted(int(seen.order_id) for seen in run.sent) == list(range(1000, 1045))
    assert any("Floor not reachable since" in said for said in run.stderr), run.stderr
    for said in run.stderr:
        assert said.count("Floor not reachable since") <= 1 + said.count("reachable again")
    for station in range(STATIONS):
        store = HistoryStore(tmp_path / f"station-{station}" / "history.sqlite3")
        try:
            assert store.count_by_state()[State.SENT] == 15
            left = store.connection.execute("SELECT COUNT(*) FROM floor_outbox").fetchone()
        finally:
            store.close()
        assert left == (0,)  # every change published once the floor was back
    published = floor_rows(url, "station, order_id, state")
    assert len(published) == 45
    assert {state for *_, state in published} == {"sent"}
