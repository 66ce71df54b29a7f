"""Throughput benchmark: 100 updates through the queue engine to the demo API.

    python bench/throughput.py [--updates 100]

For an API answering in 50 ms and in 600 ms, prints the achieved rate of request
starts (as seen by the server) as a ratio of the token's limit, 2 requests per second,
and the number of 429 answers. Target: ratio at least 0.97 with zero 429s at both.
Everything runs on 127.0.0.1; nothing touches the keychain.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import DEMO_DESTINATION, Destination
from flxdesk.sending.engine import QueueEngine

LIMIT_PER_SECOND = 2.0


def run_once(latency: float, updates: int) -> tuple[float, int, float]:
    """(rate ratio, 429 count, seconds) for one run against an API with ``latency``."""
    with tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as folder:
        store = HistoryStore(Path(folder) / "history.sqlite3")
        store.add_many_queued(
            [(str(1000 + n % 1000), "Closed", "") for n in range(updates)],
            destination=Destination(DEMO_DESTINATION),
        )
        with DemoApi(latency=latency) as api:
            started = time.monotonic()
            engine = QueueEngine(
                store.path, api.url, DEMO_TOKEN, limiter=RateLimiter(), destination=DEMO_DESTINATION
            )
            engine.run(until_idle=True)
            elapsed = time.monotonic() - started
        counts = store.count_by_state()
        store.close()
    if counts[State.SENT] != updates:
        raise SystemExit(f"only {counts[State.SENT]} of {updates} updates were sent: {counts}")
    arrivals = sorted(seen.arrived for seen in api.requests)
    rate = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0])
    throttled = sum(seen.answer == 429 for seen in api.requests)
    return rate / LIMIT_PER_SECOND, throttled, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=100)
    args = parser.parse_args(argv)
    for latency in (0.05, 0.6):
        ratio, throttled, elapsed = run_once(latency, args.updates)
        print(
            f"throughput at {latency * 1000:.0f} ms per answer: rate {ratio:.3f} of 2/s, "
            f"{throttled} answers 429, {args.updates} updates in {elapsed:.1f} s "
            "(target: >= 0.97 and 0 429s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
