"""Helpers for the floor's tests: a floor made ready, and waiting for a session's status."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg

from flxdesk.floor.schema import initialize
from flxdesk.floor.session import FloorSession, open_floor
from flxdesk.history.store import HistoryStore
from flxdesk.sending.events import FloorChanged, FloorState


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
