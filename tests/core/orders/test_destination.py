"""Each queued row's destination: fingerprints, holding, redirecting, discarding, the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination, HeldGroup, HeldReason, token_fingerprint
from flxdesk.sending.engine import QueueEngine
from flxdesk.sending.events import EngineEvent, StateChanged

URL_A = "https://a.example.test"
URL_B = "https://b.example.test"


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history.sqlite3")


def test_fingerprint_is_a_salted_hash_never_the_token(store: HistoryStore) -> None:
    token = "Zq8-test-token-value-4711"
    fingerprint = store.fingerprint(token)
    assert len(fingerprint) == 32 and int(fingerprint, 16) >= 0
    assert token not in fingerprint
    assert fingerprint == store.fingerprint(token) != store.fingerprint(token + "x")
    assert token_fingerprint(token, "00" * 16) != fingerprint  # another file, another salt


def test_the_token_is_in_no_byte_of_the_history(tmp_path: Path) -> None:
    token = "Zq8-test-token-value-4711"
    store = HistoryStore(tmp_path / "history.sqlite3")
    with DemoApi(token=token) as api:
        store.add_many_queued([("1001", "Open", "")], destination=Destination(api.url))
        QueueEngine(store.path, api.url, token, limiter=RateLimiter()).run(until_idle=True)
    assert store.newest(1)[0].state is State.SENT
    store.close()
    for path in tmp_path.iterdir():
        assert token.encode() not in path.read_bytes(), path


def test_rows_are_grouped_by_why_they_are_held(store: HistoryStore) -> None:
    t1, t2 = store.fingerprint("token-one"), store.fingerprint("token-two")
    store.add_many_queued([("1", "Open", "")] * 2, destination=Destination(URL_A, t1))
    store.add_many_queued([("2", "Open", "")] * 3, destination=Destination(URL_B, t1))
    store.add_many_queued([("3", "Open", "")], destination=Destination(URL_B, ""))
    store.add_many_queued([("4", "Open", "")], destination=Destination(URL_B, t2))
    current = Destination(URL_B, t2)
    groups = store.held_groups(current)
    assert groups == [HeldGroup(URL_A, t1, 2), HeldGroup(URL_B, t1, 3)]
    assert [g.reason(current) for g in groups] == [HeldReason.OTHER_URL, HeldReason.OTHER_TOKEN]
    assert store.count_held(current) == 5
    assert [row.order_id for row in store.queued(current)] == ["3", "4"]
    # Without a token yet, rows for this URL wait for one instead of being held.
    assert store.count_held(Destination(URL_B, "")) == 2


def test_a_row_queued_before_any_token_takes_the_sending_tokens_fingerprint(
    store: HistoryStore,
) -> None:
    update_id = store.add_queued("1", "Open", "", destination=Destination(URL_A, ""))
    current = Destination(URL_A, store.fingerprint("token-one"))
    assert store.mark_sending(update_id, current)
    assert store.get(update_id).token_fp == current.token_fp


def test_a_row_for_another_destination_cannot_be_claimed(store: HistoryStore) -> None:
    update_id = store.add_queued("1", "Open", "", destination=Destination(URL_A, "f" * 32))
    assert not store.mark_sending(update_id, Destination(URL_B, "f" * 32))
    assert not store.mark_sending(update_id, Destination(URL_A, "e" * 32))
    assert store.get(update_id).state is State.QUEUED


def test_redirect_and_discard_change_only_their_group(store: HistoryStore) -> None:
    t1 = store.fingerprint("token-one")
    to_a = store.add_many_queued([("1", "Open", "")] * 2, destination=Destination(URL_A, t1))
    legacy = store.add_many_queued([("2", "Open", "")], destination=Destination("", ""))
    current = Destination(URL_B, t1)
    group_a, group_legacy = store.held_groups(current)
    assert store.redirect_held(group_a, current) == 2
    assert {store.get(i).api_url for i in to_a} == {URL_B}
    assert store.discard_held(group_legacy, group_legacy.discard_reason(current)) == 1
    row = store.get(legacy[0])
    assert row.state is State.CANCELLED and row.outcome == "discarded"
    assert row.message == (
        f"Discarded by the person: it was queued for an unrecorded destination, not for {URL_B}."
    )
    assert store.held_groups(current) == [] and store.count() == 3


def test_the_engine_sends_only_to_the_destination_rows_were_queued_for(
    store: HistoryStore,
) -> None:
    events: list[EngineEvent] = []
    with DemoApi() as api:
        fingerprint = store.fingerprint(DEMO_TOKEN)
        store.add_many_queued(
            [("1001", "Open", ""), ("1002", "Open", "")], destination=Destination(URL_A, "")
        )
        mine = store.add_many_queued([("1003", "Open", "")], destination=Destination(api.url, ""))
        under_another_token = store.add_many_queued(
            [("1004", "Open", "")], destination=Destination(api.url, "0" * 32)
        )
        engine = QueueEngine(
            store.path, api.url, DEMO_TOKEN, limiter=RateLimiter(), on_event=events.append
        )
        engine.run(until_idle=True)
    assert [seen.order_id for seen in api.requests] == ["1003"]
    assert store.get(mine[0]).token_fp == fingerprint
    assert store.get(under_another_token[0]).state is State.QUEUED
    assert isinstance(events[-2], StateChanged)
    assert (events[-2].waiting, events[-2].held) == (0, 3)


def test_the_engine_destination_follows_the_token(tmp_path: Path) -> None:
    engine = QueueEngine(tmp_path / "h.sqlite3", URL_A, None, destination="demo")
    assert engine.destination == Destination("demo", "")
    engine.set_token("token-one")
    first = engine.destination.token_fp
    assert first and "token-one" not in first
    engine.set_token("token-two")  # Token → Set or replace token…
    assert engine.destination.token_fp not in ("", first)
    engine.set_token(None)  # forgotten: what is queued next goes with the next token
    assert engine.destination == Destination("demo", "")
