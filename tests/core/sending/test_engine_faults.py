"""The queue engine through outages and storage faults: it survives, waits, and says why.

Real loopback servers, real SQLite files (a second connection holding the write lock,
a small tmpfs that fills up); an injectable clock makes minutes of outage take
milliseconds.
"""

from __future__ import annotations

import logging
import sqlite3
import ssl
from collections import Counter
from pathlib import Path

import pytest
import trustme

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.flxpoint.results import Outcome
from flxdesk.history.faults import StorageFault, StorageKind
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination
from flxdesk.sending.engine import QueueEngine, RetryPolicy
from flxdesk.sending.events import EngineEvent, EngineState, StateChanged
from support.drip_server import DripServer
from support.engine import final_states, run_in_thread, sent_per_order, wait_for
from support.fault_api import FaultyApi
from support.tmpfs import fill_disk, small_tmpfs
from support.virtual_clock import VirtualClock

DEST = Destination("loopback-test-api")
FAST_RETRIES = RetryPolicy(base_delay=0.05, max_delay=0.2)


def queue_orders(store: HistoryStore, orders: list[str]) -> list[int]:
    return store.add_many_queued([(order, "Closed", "") for order in orders], destination=DEST)


def engine_for(url: str, store_path: Path, **kwargs) -> QueueEngine:
    kwargs.setdefault("policy", FAST_RETRIES)
    kwargs.setdefault("limiter", RateLimiter())
    kwargs.setdefault("destination", DEST.api_url)
    return QueueEngine(store_path, url, DEMO_TOKEN, **kwargs)


def states_seen(events: list[EngineEvent]) -> list[StateChanged]:
    return [event for event in events if isinstance(event, StateChanged)]


# --- outages wait, errors fail ---------------------------------------------------------


def test_502_for_two_minutes_then_201_sends_everything_and_fails_nothing(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    ids = queue_orders(store, [str(n) for n in range(1000, 1005)])
    clock = VirtualClock()
    outage_ends = clock.now() + 120.0
    fault = (  # noqa: E731
        lambda n: (502, {"message": "Bad Gateway"}) if clock.now() < outage_ends else None
    )
    events: list[EngineEvent] = []
    with FaultyApi(fault) as api:
        api.requests_per_second = None  # this test is about the outage, not the pace
        engine = engine_for(
            api.url,
            store.path,
            clock=clock,
            limiter=RateLimiter(max_starts=100),
            policy=RetryPolicy(),  # the real backoff: 1 s doubling to 60 s, in virtual time
            on_event=events.append,
        )
        engine.run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 5}  # all sent, none failed
    assert sent_per_order(api) == Counter({str(n): 1 for n in range(1000, 1005)})
    assert clock.now() >= outage_ends
    failures = [seen for seen in api.requests if seen.answer == 502]
    # One probe at a time with capped, growing gaps: two minutes cost a handful of tries.
    assert 3 <= len(failures) <= 20, len(failures)
    waiting = [e for e in states_seen(events) if e.state is EngineState.NOT_ANSWERING]
    assert waiting and waiting[0].waiting == 5 and waiting[0].since is not None


def test_a_command_line_run_gives_up_on_a_long_outage_and_leaves_the_rows_queued(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    ids = queue_orders(store, ["1000", "1001"])
    clock = VirtualClock()
    started = clock.now()
    with FaultyApi(lambda n: (503, {"message": "maintenance"})) as api:
        api.requests_per_second = None
        engine = engine_for(api.url, store.path, clock=clock, limiter=RateLimiter(max_starts=100))
        engine.run(until_idle=True, offline_give_up=300)
    assert 3 <= len(api.requests) <= 30  # probes over 5 virtual minutes, capped gaps
    assert final_states(store, ids) == {State.QUEUED: 2}  # waiting, not failed
    assert clock.now() - started >= 300


def test_a_429_never_uses_up_a_try(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    (update_id,) = queue_orders(store, ["1000"])
    slow_down = {"Retry-After": "1"}
    fault = lambda n: (429, {"message": "slow down"}, slow_down) if n <= 2 else None  # noqa: E731
    with FaultyApi(fault) as api:
        engine_for(api.url, store.path).run(until_idle=True)
    row = store.get(update_id)
    assert [seen.answer for seen in api.requests] == [429, 429, 201]
    assert (row.state, row.attempts) == (State.SENT, 1)


@pytest.fixture
def company_ca() -> trustme.CA:
    return trustme.CA()


def test_an_untrusted_certificate_fails_after_one_try_with_words_for_it(
    tmp_path: Path, company_ca: trustme.CA, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    bundle = tmp_path / "os-trust-store.pem"
    bundle.write_bytes(trustme.CA().cert_pem.bytes())  # some other CA: not the server's
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    company_ca.issue_cert("127.0.0.1").configure_cert(context)
    store = HistoryStore(tmp_path / "history.sqlite3")
    (update_id,) = queue_orders(store, ["1000"])
    with DripServer(b"", tls=context) as server:
        engine_for(server.url, store.path).run(until_idle=True)
    row = store.get(update_id)
    assert (row.state, row.attempts, row.outcome) == (
        State.FAILED,
        1,
        Outcome.CERTIFICATE_UNTRUSTED,
    )
    assert "IT must install its root certificate" in row.message


# --- the engine survives ---------------------------------------------------------------


def test_a_bug_in_a_cycle_is_logged_and_the_engine_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    ids = queue_orders(store, ["1000", "1001", "1002"])
    real_count_held = HistoryStore.count_held
    calls = Counter()

    def broken_twice(self: HistoryStore, current: Destination) -> int:
        calls["count_held"] += 1
        if calls["count_held"] <= 2:
            raise RuntimeError("a bug in the queue engine")
        return real_count_held(self, current)

    monkeypatch.setattr(HistoryStore, "count_held", broken_twice)
    with caplog.at_level(logging.ERROR), DemoApi() as api:
        engine_for(api.url, store.path).run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 3}
    assert "A cycle of the queue engine failed; it goes on" in caplog.text
    assert calls["count_held"] > 2


def test_a_history_locked_mid_run_is_waited_out_and_nothing_is_lost(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    orders = [str(n) for n in range(1000, 1008)]
    ids = queue_orders(store, orders)
    events: list[EngineEvent] = []
    with DemoApi() as api:
        engine = engine_for(api.url, store.path, on_event=events.append)
        thread = run_in_thread(engine)
        wait_for(lambda: store.get(ids[1]).state is State.SENT)
        # Another program (a backup tool, antivirus) takes the write lock and keeps it. It
        # waits its turn for the lock, as such a program does: the engine may be writing.
        other = sqlite3.connect(store.path, timeout=10, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            wait_for(lambda: engine.state is EngineState.STORAGE_PROBLEM)
        finally:
            other.execute("COMMIT")
            other.close()
        wait_for(lambda: final_states(store, ids) == {State.SENT: 8}, timeout=30)
        engine.stop()
        thread.join(10)
    assert not thread.is_alive()
    assert sent_per_order(api) == Counter(dict.fromkeys(orders, 1))  # each once, none lost
    held = [e for e in states_seen(events) if e.state is EngineState.STORAGE_PROBLEM]
    assert held and "is locked by another program" in held[0].problem
    assert str(store.path) in held[0].problem
    assert held[0].waiting > 0  # the real count, not 0


@pytest.mark.tmpfs
def test_a_full_disk_holds_the_queue_with_words_and_sending_resumes_when_space_returns(
    tmp_path: Path,
) -> None:
    with small_tmpfs(tmp_path / "disk", size_kib=1024) as disk:
        store = HistoryStore(disk / "history.sqlite3")
        orders = ["1000", "1001", "1002"]
        ids = queue_orders(store, orders)
        events: list[EngineEvent] = []
        with DemoApi() as api:
            engine = engine_for(api.url, store.path, on_event=events.append)
            engine.pause()
            thread = run_in_thread(engine)
            wait_for(lambda: engine.state is EngineState.PAUSED)
            store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            filler = fill_disk(disk)
            engine.resume()
            wait_for(lambda: engine.state is EngineState.STORAGE_PROBLEM)
            assert api.requests == []  # nothing leaves while it cannot be recorded
            assert final_states(store, ids) == {State.QUEUED: 3}
            filler.unlink()  # space is back
            wait_for(lambda: final_states(store, ids) == {State.SENT: 3}, timeout=30)
            engine.stop()
            thread.join(10)
        store.close()
    held = [e for e in states_seen(events) if e.state is EngineState.STORAGE_PROBLEM]
    assert "is full" in held[0].problem and "history.sqlite3" in held[0].problem
    assert held[0].waiting == 3
    assert sent_per_order(api) == Counter(dict.fromkeys(orders, 1))


@pytest.mark.tmpfs
def test_a_command_line_run_on_a_full_disk_ends_with_the_fault(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "disk", size_kib=1024) as disk:
        store = HistoryStore(disk / "history.sqlite3")
        queue_orders(store, ["1000"])
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        fill_disk(disk)
        with DemoApi() as api, pytest.raises(StorageFault) as fault:
            engine_for(api.url, store.path).run(until_idle=True, storage_give_up=0)
        store.close()
    assert fault.value.kind is StorageKind.FULL
    assert api.requests == []


# --- every request ends when stopping ----------------------------------------------------


def test_stop_ends_a_hanging_request_on_the_wire_and_leaves_the_row_queued(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    (update_id,) = queue_orders(store, ["1000"])
    with DripServer.never_answering() as server:
        engine = engine_for(server.url, store.path)
        thread = run_in_thread(engine)
        assert server.request_received.wait(10)
        engine.stop()
        # The client closed the connection: the request was ended, not left to its read
        # timeout (15 s) or deadline (30 s). The guards only make a hang fail; how soon
        # it ends is bench/hangs.py's figure.
        assert server.client_hung_up.wait(10)
        thread.join(10)
        assert not thread.is_alive()
    row = store.get(update_id)
    assert (row.state, row.resent) == (State.QUEUED, 1)  # may have reached Flxpoint
    assert (row.attempts, row.outcome) == (0, None)  # no answer, no timeout: ended by stop
