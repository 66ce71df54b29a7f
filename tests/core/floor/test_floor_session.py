"""A station's floor session against a real PostgreSQL that is killed, slowed, cut off or
refuses: sending never waits on it for more than about a second, the station paces
alone and says why, and it rejoins by itself.

The starts granted are checked exactly, in the station's virtual time: every wait the
station is asked for is recorded and skipped, and the floor grants on the same clock
(``grant_at``, the owner's function: these sessions log in as the owner). Real time is
measured only for what is real: how long the station waits on a floor that does not
answer (its patience is the link's, on the real clock)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from flxdesk.floor import slots
from flxdesk.floor.session import floor_words, open_floor
from flxdesk.floor.slots import BASE_MARGIN_SECONDS, PATIENCE_SECONDS, grant_at
from flxdesk.flxpoint.rate_limit import SAFETY_MARGIN_SECONDS, WINDOW_SECONDS, RateLimiter
from flxdesk.sending.events import FloorState
from flxdesk.sending.pacing import INTERACTIVE
from support.floor import init_floor, started_session
from support.postgres import PostgresServer

TOKEN = "a-token-shared-by-the-floor"
PATIENCE_BOUND = PATIENCE_SECONDS + 0.6  # the pacer's patience, plus a loaded machine's slack
FLOOR_WINDOW = WINDOW_SECONDS + BASE_MARGIN_SECONDS  # the floor's spacing of 2 starts
ALONE_WINDOW = WINDOW_SECONDS + SAFETY_MARGIN_SECONDS  # the station's own spacing
FLOOR_EPOCH = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)  # the floor's clock at the station's 0 s
EXACT = 1e-6  # the floor keeps its times to the microsecond


class StationTime:
    """The station's clock in these tests: virtual seconds from 0, or the real clock
    (``real``); either way each wait asked for is recorded, and skipped (the virtual
    clock moves on by it)."""

    def __init__(self, real: bool = False) -> None:
        self._real = real
        self._seconds = 0.0
        self.waits: list[float] = []

    def now(self) -> float:
        return time.monotonic() if self._real else self._seconds

    def wait(self, stop: threading.Event, seconds: float) -> bool:
        self.waits.append(seconds)
        self._seconds += seconds
        return stop.is_set()

    def floor_now(self) -> datetime:
        return FLOOR_EPOCH + timedelta(seconds=self._seconds)

    def stop(self) -> threading.Event:
        return _SkippingStop(self)


class _SkippingStop(threading.Event):
    """A stop event whose waits are the station time's: the station's own RateLimiter
    waits on ``stop`` itself (it takes no ``wait`` of its own)."""

    def __init__(self, station: StationTime) -> None:
        super().__init__()
        self._station = station

    def wait(self, timeout: float | None = None) -> bool:
        assert timeout is not None, "the station never waits without end"
        return self._station.wait(self, timeout)


@pytest.fixture
def station_time(monkeypatch: pytest.MonkeyPatch) -> StationTime:
    """Virtual time, which the floor grants its slots on too."""
    station = StationTime()

    def reserve_now(connection, key: str, earliest: float = 0.0, kind: str = INTERACTIVE):
        return grant_at(connection, key, station.floor_now(), earliest, kind)

    monkeypatch.setattr(slots, "reserve", reserve_now)
    return station


def pacer_of(session, station: StationTime):
    made: dict[str, RateLimiter] = {}

    def limiter_for(token: str) -> RateLimiter:
        return made.setdefault(token, RateLimiter(clock=station.now))

    return session.pacer(limiter_for, clock=station.now, wait=station.wait), made


def timed_slot(pacer, station: StationTime) -> tuple[float, list[float]]:
    """One start: the real seconds it took (the waits are skipped, so: the time spent
    asking the floor) and the waits the station was asked for."""
    asked = len(station.waits)
    began = time.monotonic()
    assert pacer.wait_for_slot(TOKEN, station.stop())
    return time.monotonic() - began, station.waits[asked:]


def slot(pacer, station: StationTime) -> list[float]:
    """The waits the station was asked for one start."""
    return timed_slot(pacer, station)[1]


def took_real(work: Callable[[], object]) -> float:
    began = time.monotonic()
    work()
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
    floor_db: str, tmp_path: Path, station_time: StationTime
) -> None:
    session, watch = started_session(init_floor(floor_db), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, made = pacer_of(session, station_time)
        assert slot(pacer, station_time) == slot(pacer, station_time) == []  # two at once
        # The local limiter counted the floor's two starts: alone, it would wait too.
        assert made[TOKEN].earliest_start() == station_time.now() + WINDOW_SECONDS
        # The third waits for the window, plus the floor's margin.
        assert slot(pacer, station_time) == [pytest.approx(FLOOR_WINDOW, abs=EXACT)]
        assert len(pacer.floor_waits) == 3
    finally:
        session.close()


def test_two_stations_share_one_budget(
    floor_db: str, tmp_path: Path, station_time: StationTime
) -> None:
    url = init_floor(floor_db)
    first, first_watch = started_session(url, tmp_path / "a", "PACK-1")
    second, second_watch = started_session(url, tmp_path / "b", "PACK-2")
    try:
        first_watch.wait_for(FloorState.REACHABLE)
        second_watch.wait_for(FloorState.REACHABLE)
        one, _ = pacer_of(first, station_time)
        two, _ = pacer_of(second, station_time)
        assert slot(one, station_time) == slot(two, station_time) == []
        # PACK-1 alone would start again now; PACK-2 took the second start of the window.
        assert slot(one, station_time) == [pytest.approx(FLOOR_WINDOW, abs=EXACT)]
    finally:
        first.close()
        second.close()


def test_a_killed_floor_leaves_the_station_pacing_alone_and_it_rejoins(
    own_postgres: PostgresServer, tmp_path: Path, station_time: StationTime
) -> None:
    url = init_floor(own_postgres.url(own_postgres.new_database()))
    session, watch = started_session(url, tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, _ = pacer_of(session, station_time)
        assert slot(pacer, station_time) == []
        own_postgres.kill()
        took, waits = timed_slot(pacer, station_time)
        assert took < PATIENCE_BOUND  # never waited on a dead floor past the patience
        assert waits == []  # the second start of the window
        away = watch.wait_for(FloorState.AWAY)
        assert "does not answer" in away.reason
        assert floor_words(away).startswith("Floor not reachable since ")
        assert ": this station is pacing alone" in floor_words(away)
        # Alone, the station's own limiter paces: the third start waits for its window.
        assert slot(pacer, station_time) == [pytest.approx(ALONE_WINDOW, abs=EXACT)]
        own_postgres.start()
        watch.wait_for(FloorState.REACHABLE, timeout=45)
        asked = len(pacer.floor_waits)
        slot(pacer, station_time)
        assert len(pacer.floor_waits) == asked + 1  # granted by the floor again
    finally:
        session.close()


def test_a_floor_that_hangs_costs_at_most_the_patience_once(
    postgres: PostgresServer, tmp_path: Path, proxy_to, station_time: StationTime
) -> None:
    database = postgres.new_database()
    init_floor(postgres.url(database))
    proxy = proxy_to(postgres.port)
    session, watch = started_session(postgres.url(database, port=proxy.port), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, _ = pacer_of(session, station_time)
        assert slot(pacer, station_time) == []
        proxy.freeze()  # connections stay open, nothing answers
        took, waits = timed_slot(pacer, station_time)
        assert took < PATIENCE_BOUND
        assert waits == []  # then alone: the second start of the window
        away = watch.wait_for(FloorState.AWAY)
        assert "no answer within 1.0 s" in away.reason
        station_time.waits.clear()
        took = took_real(lambda: (slot(pacer, station_time), slot(pacer, station_time)))
        # Alone now: only the station's own pace (the third start waits for its window,
        # the fourth with it), and no more waiting on the floor, which would take the
        # whole patience again.
        assert station_time.waits == [pytest.approx(ALONE_WINDOW, abs=EXACT)]
        assert took < PATIENCE_SECONDS
        proxy.thaw()
        watch.wait_for(FloorState.REACHABLE, timeout=45)
    finally:
        session.close()


def test_a_slow_floor_still_grants_every_slot(
    postgres: PostgresServer, tmp_path: Path, proxy_to
) -> None:
    """On the real clock (the floor's cost per request is real time): the floor grants on
    its own; only the waits for the starts are skipped."""
    database = postgres.new_database()
    init_floor(postgres.url(database))
    proxy = proxy_to(postgres.port)
    session, watch = started_session(postgres.url(database, port=proxy.port), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        proxy.delay = 0.25  # every answer 250 ms late
        station = StationTime(real=True)
        pacer, _ = pacer_of(session, station)
        took = [timed_slot(pacer, station)[0] for _ in range(3)]
        assert len(pacer.floor_waits) == 3  # all granted by the floor, none alone
        assert min(pacer.floor_waits) >= 0.25  # each answer's delay is in its cost
        assert max(took) < PATIENCE_BOUND  # a slow floor is waited on no longer than that
        assert session.status.state is FloorState.REACHABLE
    finally:
        session.close()


def test_dropped_connections_are_made_again_by_themselves(
    postgres: PostgresServer, tmp_path: Path, proxy_to, station_time: StationTime
) -> None:
    database = postgres.new_database()
    init_floor(postgres.url(database))
    proxy = proxy_to(postgres.port)
    session, watch = started_session(postgres.url(database, port=proxy.port), tmp_path / "a")
    try:
        watch.wait_for(FloorState.REACHABLE)
        pacer, _ = pacer_of(session, station_time)
        slot(pacer, station_time)
        proxy.drop_connections()
        took, _ = timed_slot(pacer, station_time)
        assert took < PATIENCE_BOUND
        watch.wait_for(FloorState.REACHABLE, timeout=45)
        asked = len(pacer.floor_waits)
        slot(pacer, station_time)
        assert len(pacer.floor_waits) == asked + 1
        assert proxy.connections >= 1  # a new connection through the same path
    finally:
        session.close()


def test_a_wrong_password_is_said_and_the_station_goes_on_alone(
    postgres: PostgresServer, tmp_path: Path, memory_keyring, station_time: StationTime
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
        pacer, _ = pacer_of(session, station_time)
        took, waits = timed_slot(pacer, station_time)
        assert waits == []  # alone, at once: the first start of the window
        assert list(pacer.floor_waits) == []
        assert took < PATIENCE_SECONDS  # no floor waited on: that would take the patience
    finally:
        session.close()


def test_a_newer_floor_is_refused_in_words_and_the_station_goes_on_alone(
    floor_db: str, tmp_path: Path, station_time: StationTime
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
        pacer, _ = pacer_of(session, station_time)
        took, waits = timed_slot(pacer, station_time)
        assert waits == []
        assert list(pacer.floor_waits) == []
        assert took < PATIENCE_SECONDS
    finally:
        session.close()
