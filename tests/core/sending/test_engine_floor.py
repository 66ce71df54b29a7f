"""The queue engine with a floor: starts granted by the floor, every change published, the
floor's state forwarded; with the floor away it sends alone, and says so once."""

from __future__ import annotations

from pathlib import Path

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination
from flxdesk.sending.engine import QueueEngine
from flxdesk.sending.events import FloorChanged, FloorState
from support.floor import floor_rows, init_floor, started_session
from support.network import closed_port


def queue(history: Path, api: DemoApi, orders: list[str]) -> str:
    store = HistoryStore(history)
    try:
        store.set_floor_publishing(True)
        here = Destination(api.url, store.fingerprint(DEMO_TOKEN))
        for order in orders:
            store.add_queued(order, "Closed", "", destination=here)
        return store.token_salt
    finally:
        store.close()


def run_engine(history: Path, api: DemoApi, salt: str, floor) -> list:
    events: list = []
    engine = QueueEngine(
        history,
        api.url,
        DEMO_TOKEN,
        on_event=events.append,
        token_salt=salt,
        floor=floor,
        limiter=RateLimiter(),
    )
    engine.run(until_idle=True, offline_give_up=5)
    return events


def test_the_engine_paces_through_the_floor_and_publishes_every_result(
    floor_db: str, tmp_path: Path, demo_api: DemoApi
) -> None:
    url = init_floor(floor_db)
    session, watch = started_session(url, tmp_path / "a")
    history = tmp_path / "a" / "history.sqlite3"
    try:
        watch.wait_for(FloorState.REACHABLE)
        salt = queue(history, demo_api, ["1001", "1002", "1003"])
        events = run_engine(history, demo_api, salt, session)
        assert session.publisher.flush(10)
    finally:
        session.close()
    assert [e for e in events if isinstance(e, FloorChanged)] == [
        FloorChanged(FloorState.REACHABLE)
    ]
    assert [seen.answer for seen in demo_api.requests] == [201, 201, 201]
    assert floor_rows(url, "order_id, state") == [
        ("1001", "sent"),
        ("1002", "sent"),
        ("1003", "sent"),
    ]
    import psycopg

    with psycopg.connect(url) as floor:
        assert floor.execute("SELECT granted FROM flxdesk.token_budgets").fetchall() == [(3,)]


def test_with_the_floor_away_the_engine_sends_alone_and_says_so_once(
    tmp_path: Path, demo_api: DemoApi
) -> None:
    away = f"postgresql://postgres@127.0.0.1:{closed_port()}/floor?sslmode=disable"
    session, _watch = started_session(away, tmp_path / "a")
    history = tmp_path / "a" / "history.sqlite3"
    try:
        salt = queue(history, demo_api, ["1001", "1002", "1003"])
        events = run_engine(history, demo_api, salt, session)
    finally:
        session.close()
    said = [e for e in events if isinstance(e, FloorChanged)]
    assert len(said) == 1 and said[0].state is FloorState.AWAY
    assert "does not answer" in said[0].reason
    store = HistoryStore(history)
    try:
        assert store.count_by_state()[State.SENT] == 3
        (waiting,) = store.connection.execute("SELECT COUNT(*) FROM floor_outbox").fetchone()
        assert waiting == 3  # kept for the floor's return
    finally:
        store.close()
