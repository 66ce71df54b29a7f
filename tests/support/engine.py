"""Driving the queue engine in tests: its loop on a thread, and waiting for what it did."""

from __future__ import annotations

import threading
import time
from collections import Counter

from flxdesk.flxpoint.demo_api import DemoApi
from flxdesk.history.store import HistoryStore
from flxdesk.sending.engine import QueueEngine


def run_in_thread(engine: QueueEngine, **kwargs) -> threading.Thread:
    thread = threading.Thread(target=engine.run, kwargs=kwargs, daemon=True)
    thread.start()
    return thread


def wait_for(condition, timeout: float = 20.0) -> None:
    """Poll ``condition`` (the engine has no Qt signal to wait on) until true or timeout."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        threading.Event().wait(0.02)


def final_states(store: HistoryStore, ids: list[int]) -> Counter:
    return Counter(store.get(update_id).state for update_id in ids)


def sent_per_order(api: DemoApi) -> Counter:
    return Counter(seen.order_id for seen in api.requests if seen.answer == 201)
