"""The queue engine against real loopback servers that inject faults.

Every test ends with each update sent, or failed with its reason: none lost, none
sent twice (except the documented in-flight-at-a-crash case).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from flxdesk.flxpoint.client import FlxpointClient
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.jitter_margin import JitterPolicy
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination
from flxdesk.sending.engine import QueueEngine, RetryPolicy
from flxdesk.sending.events import EngineEvent, EngineState, StateChanged
from support.drip_server import DripServer
from support.engine import final_states, run_in_thread, sent_per_order, wait_for
from support.fault_api import FaultyApi
from support.network import closed_port
from support.sim_clock import SimClock, clocked_clients, limiter_on
from support.timing import three_in_one_second

FAST_RETRIES = RetryPolicy(base_delay=0.05, max_delay=0.2)
# The loopback servers' ports change per test: rows and engines name this destination.
DEST = Destination("loopback-test-api")


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history.sqlite3")


def queue_orders(store: HistoryStore, orders: list[str], status: str = "Closed") -> list[int]:
    return store.add_many_queued([(order, status, "") for order in orders], destination=DEST)


def engine_for(api: DemoApi, store: HistoryStore, token: str = DEMO_TOKEN, **kwargs) -> QueueEngine:
    kwargs.setdefault("policy", FAST_RETRIES)
    kwargs.setdefault("limiter", RateLimiter())
    kwargs.setdefault("destination", DEST.api_url)
    return QueueEngine(store.path, api.url, token, **kwargs)


# The margin over the window stays its base (0.02 s): learning it from round trips would
# read the engine's real ones, the one real-time input left in a virtual-time run.
SPACING = 1.0 + JitterPolicy().base
FIXED_MARGIN = JitterPolicy(round_trips=0)


def api_on(clock: SimClock, api: type[DemoApi] = DemoApi, **kwargs) -> DemoApi:
    """The demo API (or a faulty one) answering in ``clock``'s time."""
    return api(clock=clock.now, sleep=clock.serve, **kwargs)


def engine_on(clock: SimClock, api: DemoApi, store: HistoryStore, **kwargs) -> QueueEngine:
    """An engine whose pacing, waits and requests all run in ``clock``'s time."""
    kwargs.setdefault("limiter", limiter_on(clock, jitter_policy=FIXED_MARGIN))
    return engine_for(api, store, clock=clock, client_factory=clocked_clients(clock), **kwargs)


def after_first(times: list[float]) -> list[float]:
    """Seconds after the first of ``times``, to the microsecond."""
    return [round(t - min(times), 6) for t in sorted(times)]


def test_all_sent_in_order_at_the_rate_limit(store: HistoryStore) -> None:
    orders = [str(n) for n in range(1000, 1008)]
    ids = queue_orders(store, orders)
    clock = SimClock()
    with api_on(clock) as api:
        engine_on(clock, api, store).run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 8}
    assert [seen.answer for seen in api.requests] == [201] * 8  # the API's limit agrees
    # First in, first out, two starts at a time, one spacing apart: the two of a burst
    # leave at the same moment, so they may arrive in either order.
    bursts: dict[float, set[str | None]] = {}
    for seen in api.requests:
        bursts.setdefault(round(seen.arrived - api.requests[0].arrived, 6), set()).add(
            seen.order_id
        )
    assert bursts == {round(n * SPACING, 6): set(orders[2 * n : 2 * n + 2]) for n in range(4)}


def test_503_every_third_request_is_retried(store: HistoryStore) -> None:
    ids = queue_orders(store, [str(n) for n in range(1000, 1010)])
    fault = lambda n: (503, {"message": "busy"}) if n % 3 == 0 else None  # noqa: E731
    with FaultyApi(fault) as api:
        engine_for(api, store).run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 10}
    assert max(sent_per_order(api).values()) == 1  # none sent twice
    assert sum(store.get(i).attempts for i in ids) > 10


def test_connection_reset_is_retried(store: HistoryStore) -> None:
    ids = queue_orders(store, ["1000", "1001", "1002"])
    with FaultyApi(lambda n: "reset" if n == 2 else None) as api:
        engine_for(api, store).run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 3}
    assert sent_per_order(api) == Counter({"1000": 1, "1001": 1, "1002": 1})


def test_answer_slower_than_the_read_timeout_is_retried(store: HistoryStore) -> None:
    ids = queue_orders(store, ["1000"])

    def quick_client(api_url: str, token: str) -> FlxpointClient:
        return FlxpointClient(api_url, token, read_timeout=0.3)

    with FaultyApi(lambda n: ("slow", 0.8) if n == 1 else None) as api:
        engine_for(api, store, client_factory=quick_client).run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 1}
    assert store.get(ids[0]).attempts == 2
    # The slow request was answered after the client gave up, so Flxpoint saw it
    # twice: the documented "may be applied twice" case of a timeout.
    assert sent_per_order(api)["1000"] == 2


@pytest.mark.parametrize(
    ("headers", "minimum_wait"),
    [({"Retry-After": "2"}, 2.0), ({}, 1.0), ({"Retry-After": "0"}, 1.0)],
)
def test_429_waits_out_retry_after(store: HistoryStore, headers: dict, minimum_wait: float) -> None:
    ids = queue_orders(store, ["1000"])
    fault = lambda n: (429, {"message": "slow down"}, headers) if n == 1 else None  # noqa: E731
    clock = SimClock()
    with api_on(clock, FaultyApi, fault=fault) as api:
        engine_on(clock, api, store).run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 1}
    first, second = api.requests
    assert (first.answer, second.answer) == (429, 201)
    assert second.arrived - first.arrived >= minimum_wait  # on the API's virtual clock


def test_slow_api_keeps_two_requests_in_flight(store: HistoryStore) -> None:
    ids = queue_orders(store, [str(n) for n in range(1000, 1010)])
    clock = SimClock()
    with api_on(clock, latency=0.6) as api:
        engine_on(clock, api, store).run(until_idle=True)
    assert final_states(store, ids) == {State.SENT: 10}
    assert [seen.answer for seen in api.requests] == [201] * 10
    arrivals = [seen.arrived for seen in api.requests]
    assert three_in_one_second(arrivals) == []
    # Two start together and are answered 0.6 s later, while the next two wait for the
    # window: the pace is the limit's. One at a time would start them 0.6 s apart.
    assert after_first(arrivals) == [round(n // 2 * SPACING, 6) for n in range(10)]


@pytest.mark.parametrize(("order_id", "code"), [("55", 404), ("1000", 400), ("1001", 403)])
def test_final_answers_are_not_retried(store: HistoryStore, order_id: str, code: int) -> None:
    (update_id,) = queue_orders(store, [order_id])
    fault = (lambda n: (code, {"message": "no"})) if code != 404 else None
    with FaultyApi(fault) as api:
        engine_for(api, store).run(until_idle=True)
    row = store.get(update_id)
    assert row.state is State.FAILED
    assert row.http_code == code
    assert len(api.requests) == 1


def test_401_pauses_everything_until_a_new_token(store: HistoryStore) -> None:
    ids = queue_orders(store, ["1000", "1001", "1002"])
    events: list[EngineEvent] = []
    with DemoApi() as api:
        engine = engine_for(api, store, token="wrong-token", on_event=events.append)
        thread = run_in_thread(engine)
        wait_for(lambda: engine.state is EngineState.NEEDS_TOKEN)
        # what was in flight comes back to the queue: nothing failed or lost
        wait_for(lambda: final_states(store, ids) == {State.QUEUED: 3})
        assert len(api.requests) <= 2  # no more than the two in flight were tried
        tried = len(api.requests)
        engine.set_token(DEMO_TOKEN)
        # The rows the refused token tried are now bound to it: held, not sent silently.
        wait_for(lambda: any(isinstance(e, StateChanged) and e.held for e in events))
        assert len(api.requests) == tried
        for group in store.held_groups(engine.destination):
            store.redirect_held(group, engine.destination)  # the person's one click
        engine.wake()
        wait_for(lambda: final_states(store, ids) == {State.SENT: 3})
        engine.stop()
        thread.join(10)
    assert any(isinstance(e, StateChanged) and e.state is EngineState.NEEDS_TOKEN for e in events)


def test_offline_items_wait_and_resume_by_themselves(store: HistoryStore) -> None:
    ids = queue_orders(store, ["1000", "1001"])
    port = closed_port()
    engine = QueueEngine(
        store.path,
        f"http://127.0.0.1:{port}",
        DEMO_TOKEN,
        policy=FAST_RETRIES,
        limiter=RateLimiter(),
        destination=DEST.api_url,
    )
    thread = run_in_thread(engine)
    wait_for(lambda: engine.state is EngineState.OFFLINE)
    # Waiting, none failed: queued, or the one offline probe on its way.
    waiting = final_states(store, ids)
    assert sum(waiting.values()) == 2 and waiting[State.QUEUED] >= 1
    assert set(waiting) <= {State.QUEUED, State.SENDING}, waiting
    assert {store.get(i).attempts for i in ids} == {0}  # offline does not use up tries
    with DemoApi(port=port) as api:  # the network is back
        wait_for(lambda: final_states(store, ids) == {State.SENT: 2}, timeout=30)
        engine.stop()
        thread.join(10)
    assert sent_per_order(api) == Counter({"1000": 1, "1001": 1})


def test_command_line_run_gives_up_offline_and_leaves_items_queued(store: HistoryStore) -> None:
    ids = queue_orders(store, ["1000"])
    engine = QueueEngine(
        store.path, f"http://127.0.0.1:{closed_port()}", DEMO_TOKEN, destination=DEST.api_url
    )
    engine.run(until_idle=True, offline_give_up=0.5)
    assert final_states(store, ids) == {State.QUEUED: 1}


def test_pause_resume_and_cancel(store: HistoryStore) -> None:
    ids = queue_orders(store, [str(n) for n in range(1000, 1006)])
    with DemoApi() as api:
        engine = engine_for(api, store)
        engine.pause()
        thread = run_in_thread(engine)
        wait_for(lambda: engine.state is EngineState.PAUSED)
        assert api.requests == []
        cancelled = store.cancel_queued()
        engine.wake()
        assert cancelled == ids
        store.add_many_queued([("1100", "Open", "")], destination=DEST)
        engine.resume()
        wait_for(lambda: engine.state is EngineState.IDLE)
        engine.stop()
        thread.join(10)
    assert [seen.order_id for seen in api.requests] == ["1100"]
    assert final_states(store, ids) == {State.CANCELLED: 6}


def test_an_update_in_flight_at_a_crash_is_sent_again_and_marked(store: HistoryStore) -> None:
    done, interrupted, waiting = queue_orders(store, ["1000", "1001", "1002"])
    store.mark_sending(done, DEST)
    store.complete(
        done, ok=True, attempts=1, http_code=201, outcome="success", message="", detail=""
    )
    store.mark_sending(interrupted, DEST)  # then the power went off
    assert store.requeue_interrupted() == 1
    with DemoApi() as api:
        engine_for(api, store).run(until_idle=True)
    assert sorted(seen.order_id for seen in api.requests) == ["1001", "1002"]  # not 1000
    assert store.get(interrupted).resent == 1
    assert store.get(waiting).resent == 0


# Dripped a byte every 40 ms: the status line itself arrives after about a second.
SLOW_CREATED = b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"


@pytest.mark.parametrize(("grace", "state"), [(5.0, State.SENT), (0.0, State.QUEUED)])
def test_a_stop_lets_an_answer_on_its_way_arrive_within_its_grace(
    store: HistoryStore, grace: float, state: State
) -> None:
    """Quitting the window waits a moment for the answer (so an update Flxpoint took is
    not left marked unsent); Ctrl-C on the command line ends the request at once."""
    (row,) = queue_orders(store, ["1000"])
    with DripServer(b"", SLOW_CREATED, interval=0.04) as server:
        engine = QueueEngine(
            store.path,
            server.url,
            DEMO_TOKEN,
            policy=FAST_RETRIES,
            limiter=RateLimiter(),
            destination=DEST.api_url,
        )
        thread = run_in_thread(engine)
        assert server.request_received.wait(10)
        engine.stop(grace=grace)
        thread.join(10)
        assert not thread.is_alive()
    assert store.get(row).state is state
