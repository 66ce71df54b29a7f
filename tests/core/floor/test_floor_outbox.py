"""The floor's outbox: changes noted in the history's own transactions, published to the
floor in order and idempotently, kept while the floor is away."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest

from flxdesk.floor.outbox import forget_published, outbox_size, publish, read_outbox
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination
from flxdesk.sending.events import FloorState
from support.floor import floor_rows, init_floor, started_session
from support.postgres import PostgresServer

HERE = Destination("http://127.0.0.1:1", "fp")


@pytest.fixture
def store(tmp_path: Path):
    opened = HistoryStore(tmp_path / "history.sqlite3")
    yield opened
    opened.close()


def noted(store: HistoryStore) -> list[int]:
    return [
        row[0]
        for row in store.connection.execute("SELECT update_id FROM floor_outbox ORDER BY seq")
    ]


def test_nothing_is_noted_while_publishing_is_off(store: HistoryStore) -> None:
    assert not store.floor_publishing
    store.add_queued("1001", "Closed", "", destination=HERE)
    assert noted(store) == []


def test_turning_it_on_notes_what_waits_and_what_is_recent(store: HistoryStore) -> None:
    old = store.add_queued("1001", "Closed", "", destination=HERE)
    store.connection.execute("UPDATE updates SET created_at = 1000, state = 'sent'")
    waiting = store.add_queued("1002", "Closed", "", destination=HERE)
    assert store.set_floor_publishing(True, since=2000)
    assert store.floor_publishing
    assert noted(store) == [waiting]
    assert not store.set_floor_publishing(True)  # already on
    assert old not in noted(store)


def test_each_change_is_noted_in_the_same_transaction_as_itself(store: HistoryStore) -> None:
    store.set_floor_publishing(True)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_queued("1001", "Closed", "", destination=HERE)
        raise RuntimeError("the batch is abandoned")
    assert store.count() == 0 and noted(store) == []
    first = store.add_queued("1001", "Closed", "", destination=HERE)
    second = store.add_queued("1002", "Closed", "", destination=HERE)
    assert noted(store) == [first, second]
    store.mark_sending(first, HERE)
    assert noted(store) == [second, first]  # one row per update: the newest change last


def test_a_new_history_has_a_name_of_its_own_on_the_floor(tmp_path: Path) -> None:
    names = set()
    for name in ("a", "b"):
        opened = HistoryStore(tmp_path / f"{name}.sqlite3")
        names.add(opened.history_id)
        opened.close()
    assert len(names) == 2


def test_publishing_is_idempotent_and_an_old_revision_never_wins(
    store: HistoryStore, floor_db: str
) -> None:
    url = init_floor(floor_db)
    store.set_floor_publishing(True)
    update = store.add_queued("1001", "Closed", "dock 3", destination=HERE)
    queued = read_outbox(store.connection, "PACK-1", store.history_id, 10)
    store.mark_sending(update, HERE)
    store.complete(
        update,
        ok=True,
        attempts=1,
        http_code=201,
        outcome="sent",
        message="Order 1001 set to Closed.",
        detail="",
    )
    sent = read_outbox(store.connection, "PACK-1", store.history_id, 10)
    with psycopg.connect(url, autocommit=True) as floor:
        publish(floor, sent, "PACK-1", "test")
        publish(floor, sent, "PACK-1", "test")  # again: nothing changes
        publish(floor, queued, "PACK-1", "test")  # late and older: ignored
    rows = floor_rows(url, "station, local_id, order_id, status, note, state, http_code, message")
    assert rows == [
        ("PACK-1", update, "1001", "Closed", "dock 3", "sent", 201, "Order 1001 set to Closed.")
    ]


def test_a_change_made_while_publishing_stays_to_be_published(store: HistoryStore) -> None:
    store.set_floor_publishing(True)
    update = store.add_queued("1001", "Closed", "", destination=HERE)
    read = read_outbox(store.connection, "PACK-1", store.history_id, 10)
    store.mark_sending(update, HERE)  # changed after it was read
    forget_published(store.connection, [item.seq for item in read])
    assert noted(store) == [update]


def test_the_publisher_drains_in_order_and_waits_while_the_floor_is_away(
    own_postgres: PostgresServer, tmp_path: Path
) -> None:
    url = init_floor(own_postgres.url(own_postgres.new_database()))
    note_arrivals(url)
    session, watch = started_session(url, tmp_path / "a")
    history = tmp_path / "a" / "history.sqlite3"
    try:
        watch.wait_for(FloorState.REACHABLE)
        store = HistoryStore(history)
        try:
            store.set_floor_publishing(True)
            for order in ("1001", "1002"):
                store.add_queued(order, "Closed", "", destination=HERE)
            assert session.publisher.flush(10)
            own_postgres.kill()
            for order in ("1003", "1004"):
                store.add_queued(order, "On Hold", "", destination=HERE)
            assert not session.publisher.flush(2)
            assert outbox_size(store.connection) == 2
            own_postgres.start()
            watch.wait_for(FloorState.REACHABLE, timeout=45)
            assert session.publisher.flush(45)
            assert outbox_size(store.connection) == 0
        finally:
            store.close()
    finally:
        session.close()
    # As the floor received them, not sorted: in order, each once, nothing lost.
    assert arrivals(url) == [
        ("INSERT", "1001", "Closed", "queued"),
        ("INSERT", "1002", "Closed", "queued"),
        ("INSERT", "1003", "On Hold", "queued"),
        ("INSERT", "1004", "On Hold", "queued"),
    ]
    with psycopg.connect(url) as floor:
        assert floor.execute("SELECT name FROM flxdesk.stations").fetchall() == [("PACK-1",)]


def note_arrivals(url: str) -> None:
    """The test's own record of every row the floor takes, in the order it takes them."""
    with psycopg.connect(url, autocommit=True) as floor:
        floor.execute(
            """
            CREATE TABLE public.arrivals (
                n bigint GENERATED ALWAYS AS IDENTITY, op text, order_id text,
                status text, state text);
            CREATE FUNCTION public.note_arrival() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER AS $$
            BEGIN
                INSERT INTO public.arrivals (op, order_id, status, state)
                VALUES (TG_OP, NEW.order_id, NEW.status, NEW.state);
                RETURN NEW;
            END $$;
            CREATE TRIGGER note_arrival AFTER INSERT OR UPDATE ON flxdesk.updates
            FOR EACH ROW EXECUTE FUNCTION public.note_arrival();
            """
        )


def arrivals(url: str) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as floor:
        return floor.execute(
            "SELECT op, order_id, status, state FROM public.arrivals ORDER BY n"
        ).fetchall()


def test_a_version_3_history_gets_the_outbox_publishing_off(tmp_path: Path) -> None:
    from flxdesk.history import schema

    path = tmp_path / "history.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in schema.MIGRATIONS[:3]:
        step(db)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO updates (order_id, status, state, created_at) VALUES ('1001', 'Closed',"
        " 'queued', 1.0)"
    )
    db.close()
    store = HistoryStore(path)
    try:
        assert not store.floor_publishing
        assert [row.order_id for row in store.newest(10)] == ["1001"]
        assert store.get(1).state is State.QUEUED
        assert len(store.history_id) == 32
    finally:
        store.close()
