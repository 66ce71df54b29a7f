"""Throughput benchmark: a lone station's updates through the queue engine to the demo API.

    python bench/throughput.py [--updates 100] [--limit bucket|window] [--jitter-ms 20]
                               [--seed 18] [--latency-ms 50 600]

For an API answering in 50 ms and in 600 ms, prints the rate of updates sent (as the
server counted them) as a ratio of the token's limit, 2 requests per second, and the
requests answered 429. The server is the demo API's token bucket by default, or its
strict window (at most 2 in any 1.0 s, ``Retry-After: 1``); ``--jitter-ms J`` counts each
request 0-J ms after it arrives (seeded, the same draws every run), as different network
paths to Flxpoint do, on the strict window unless ``--limit bucket``. Targets: with no
jitter at least 0.97 and no 429; at 0-20 ms at least 0.98 and no 429; at 0-40 ms at
least 0.94 and no 429 (41 updates). Everything runs on 127.0.0.1; nothing touches the keychain.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import DEMO_DESTINATION, Destination
from flxdesk.sending.engine import QueueEngine
from support.strict_server import SEED, Pace, pace


def target(jitter_ms: float) -> str:
    if not jitter_ms:
        return ">= 0.97, no 429"
    if jitter_ms <= 20:
        return ">= 0.98, no 429"
    if jitter_ms <= 40:
        return ">= 0.94, no 429"
    return "none set"


def run_once(api: DemoApi, updates: int) -> tuple[Pace, float]:
    """(pace as the server counted it, seconds) for one run of ``updates`` against ``api``."""
    with tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as folder:
        store = HistoryStore(Path(folder) / "history.sqlite3")
        store.add_many_queued(
            [(str(1000 + n % 1000), "Closed", "") for n in range(updates)],
            destination=Destination(DEMO_DESTINATION),
        )
        with api:
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
    return pace(api.requests), elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=100)
    parser.add_argument("--limit", choices=("bucket", "window"), default=None)
    parser.add_argument(
        "--jitter-ms", type=float, default=0.0, help="count each request 0-J ms after arrival"
    )
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the arrival jitter")
    parser.add_argument("--latency-ms", type=float, nargs="+", default=[50.0, 600.0])
    args = parser.parse_args(argv)
    limit = args.limit or ("window" if args.jitter_ms else "bucket")
    server = {"window": "strict window", "bucket": "token bucket"}[limit]
    if args.jitter_ms:
        server += f", 0-{args.jitter_ms:g} ms arrival jitter"
    for latency_ms in args.latency_ms:
        api = DemoApi(
            latency=latency_ms / 1000, limit=limit, jitter=args.jitter_ms / 1000, seed=args.seed
        )
        figures, elapsed = run_once(api, args.updates)
        print(
            f"throughput at {latency_ms:g} ms per answer, {server}: rate {figures.describe()}, "
            f"{args.updates} updates in {elapsed:.1f} s (target: {target(args.jitter_ms)})",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
