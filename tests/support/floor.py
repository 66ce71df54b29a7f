"""Helpers for the floor's tests: a floor made ready, and waiting for a session's status."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import psycopg

from flxdesk.floor.schema import initialize
from flxdesk.floor.session import FloorSession, open_floor
from flxdesk.history.store import HistoryStore
from flxdesk.sending.events import FloorChanged, FloorState


def station_env(home: Path, floor_url: str, station: str, api=None) -> dict[str, str]:
    """The environment of a station's ``flxdesk`` command: its own data folder, the floor,
    its name, the demo token (and the demo API ``api``'s address)."""
    from flxdesk.flxpoint.demo_api import DEMO_TOKEN

    env = dict(os.environ, FLXDESK_HOME=str(home), FLXDESK_FLOOR_URL=floor_url)
    env.update(FLXDESK_STATION=station, FLXDESK_TOKEN=DEMO_TOKEN)
    if api is not None:
        env["FLXDESK_API_URL"] = api.url
    return env


def init_floor(url: str) -> str:
    """Run ``floor init``'s schema step on ``url``; returns the URL."""
    with psycopg.connect(url, autocommit=True) as connection:
        initialize(connection)
    return url


def floor_rows(url: str, columns: str = "station, order_id, status, state") -> list[tuple]:
    """The floor's published updates, oldest first."""
    with psycopg.connect(url, autocommit=True) as connection:
        return connection.execute(
            f"SELECT {columns} FROM flxdesk.updates ORDER BY queued_at, local_id"
        ).fetchall()


def station_role(server, name: str, password: str) -> None:
    """A login role ``name`` in the floor's ``flxdesk_station`` group, as the README's SQL
    for IT makes it (roles belong to the whole server: made once, kept)."""
    literal = password.replace("'", "''")
    server.sql(
        "DO $$ BEGIN"
        " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flxdesk_station')"
        " THEN CREATE ROLE flxdesk_station NOLOGIN; END IF;"
        f" IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}')"
        f" THEN CREATE ROLE \"{name}\" LOGIN PASSWORD '{literal}' IN ROLE flxdesk_station;"
        " END IF; END $$"
    )


class StatusWatch:
    """Every status a session reports, and a wait for the next one of a given state."""

    def __init__(self, session: FloorSession) -> None:
        self.seen: list[FloorChanged] = []
        self._changed = threading.Condition()
        session.add_listener(self._note)
        self._session = session

    def _note(self, status: FloorChanged) -> None:
        with self._changed:
            self.seen.append(status)
            self._changed.notify_all()

    def wait_for(self, state: FloorState, timeout: float = 30.0) -> FloorChanged:
        """The session's status once it is ``state`` (now, or the next change to it)."""
        with self._changed:
            ok = self._changed.wait_for(
                lambda: (status := self._session.status) is not None and status.state is state,
                timeout,
            )
        assert ok, f"the floor did not become {state} within {timeout} s: {self.seen}"
        status = self._session.status
        assert status is not None
        return status


def started_session(
    url: str, home: Path, station: str = "PACK-1"
) -> tuple[FloorSession, StatusWatch]:
    """A started floor session for a history in ``home``, and a watch on its status."""
    home.mkdir(parents=True, exist_ok=True)
    history = home / "history.sqlite3"
    HistoryStore(history).close()
    session = open_floor(url, station, history)
    assert session is not None
    watch = StatusWatch(session)
    return session.start(), watch


HISTORY_ID = "0123456789abcdef0123456789abcdef"


def publish_row(
    connection,
    station: str,
    local_id: int,
    order_id: str,
    state: str = "sent",
    ago: float = 0.0,
    status: str = "Closed",
    revision: int = 1,
    history_id: str = HISTORY_ID,
) -> float:
    """One update published as a station does (claiming ``station`` for the connection's
    login); returns its queued time. AssertionError when the floor refuses it."""
    from flxdesk.floor.outbox import HEARTBEAT, PUBLISH

    at = time.time() - ago
    (claimed,) = connection.execute(HEARTBEAT, (station, "test")).fetchone()
    assert claimed, f"{station} belongs to another login"
    values = (station, history_id, local_id, revision, order_id, status, "", state)
    values += ("success", "", 201, 1, at, at)
    (answer,) = connection.execute(PUBLISH, values).fetchone()
    assert answer == "ok", answer
    return at


def floor_with_stations(server, *logins: str) -> tuple[str, dict[str, str]]:
    """A new floor database with a login per name in ``logins`` (password = the name
    twice), made as the README says; (the owner's URL, {login: its URL})."""
    for login in logins:
        station_role(server, login, login * 2)
    database = server.new_database()
    init_floor(server.url(database))
    return server.url(database), {login: server.url(database, user=login) for login in logins}


def connect_as(url: str, login: str):
    """An autocommit connection as ``login`` (made by floor_with_stations)."""
    return psycopg.connect(url, password=login * 2, autocommit=True)


def remember_password(keyring_backend, url: str, login: str) -> None:
    """Keep ``login``'s password (floor_with_stations') in the test keychain, as
    ``flxdesk floor login`` does, so that a session on ``url`` finds it."""
    from flxdesk.floor.connection import KEYCHAIN_SERVICE, parse_address

    address = parse_address(url, "test")
    keyring_backend.set_password(KEYCHAIN_SERVICE, address.keychain_user, login * 2)
