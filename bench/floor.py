"""Stations sharing one token, through the floor and without it, in one run.

    python bench/floor.py [--jitter-ms 20] [--seed 18] [--cost-requests 2000]

Starts a real PostgreSQL on 127.0.0.1 (tests/support/postgres.py: Debian's
``postgresql`` package, or ``FLXDESK_TEST_PG_BIN``), makes a floor in it, and runs real
command-line stations (their own data folders, one token) against the demo API's strict
window (at most 2 requests let through in any 1.0 s, each counted 0-J ms after it
arrives): 3 stations x 20 updates and 5 x 12 at once, each first without a floor and then
through it, and a lone station of 40 on the floor. For each it prints the combined rate of
successful updates as a ratio of the token's 2 per second, and the share answered 429.

Last, the floor's cost per request: the reservation's round trip (one
``flxdesk.reserve_slot`` call) on loopback, median and 95th percentile, beside a bare
``SELECT 1`` on the same connection as the baseline.

Targets (issue 18): 3 x 20 and 5 x 12 through the floor >= 0.95 with <= 1% answered 429;
a lone station on the floor >= 0.95 with no 429; <= 5 ms per request.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import psycopg

from flxdesk.floor.slots import reserve
from flxdesk.flxpoint.demo_api import DemoApi
from support.floor import init_floor
from support.postgres import running_server
from support.stations import StationsRun, run_stations
from support.strict_server import SEED

RUNS = ((3, 20), (5, 12))
LONE_ORDERS = 40
COST_KEY = "t1:" + "b" * 64  # a token key's form, as the floor requires


def stations_run(
    stations: int, orders: int, jitter_ms: float, seed: int, floor_url: str | None
) -> StationsRun:
    env = {"FLXDESK_FLOOR_URL": floor_url} if floor_url else {}
    with (
        tempfile.TemporaryDirectory(prefix="flxdesk-bench-floor-") as folder,
        DemoApi(limit="window", jitter=jitter_ms / 1000, seed=seed) as api,
    ):
        return run_stations(Path(folder), api, stations, orders, env=env)


def describe(label: str, run: StationsRun, asked: int) -> str:
    figures = run.pace
    all_sent = "all sent" if figures.sent == asked else f"{figures.sent} of {asked} sent"
    return (
        f"{label:<40} {figures.ratio:.3f} of the limit, {figures.throttled_share:5.1%} "
        f"answered 429 ({figures.throttled} of {figures.requests}), {all_sent}, "
        f"exit codes {run.exit_codes}"
    )


def round_trips(url: str, count: int) -> tuple[list[float], list[float]]:
    """Seconds per reservation and per ``SELECT 1``, interleaved, on one connection."""
    reservations, baseline = [], []
    with psycopg.connect(url, autocommit=True) as connection:
        for _ in range(20):  # warm the connection and the function's plan
            reserve(connection, COST_KEY)
        for _ in range(count):
            started = time.perf_counter()
            reserve(connection, COST_KEY)
            reservations.append(time.perf_counter() - started)
            started = time.perf_counter()
            connection.execute("SELECT 1").fetchone()
            baseline.append(time.perf_counter() - started)
    return reservations, baseline


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--jitter-ms", type=float, default=20.0, help="count each request 0-J ms after arrival"
    )
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the arrival jitter")
    parser.add_argument(
        "--cost-requests", type=int, default=2000, help="reservations timed for the cost"
    )
    args = parser.parse_args(argv)
    print(
        f"strict window (2 in any 1.0 s), 0-{args.jitter_ms:g} ms arrival jitter, seed {args.seed}",
        flush=True,
    )
    codes: list[int] = []
    with running_server() as server:
        for stations, orders in RUNS:
            for floor in (False, True):
                url = init_floor(server.url(server.new_database())) if floor else None
                run = stations_run(stations, orders, args.jitter_ms, args.seed, url)
                codes += run.exit_codes
                where = "through the floor" if floor else "without a floor"
                print(describe(f"{stations} x {orders}, {where}", run, stations * orders))
        url = init_floor(server.url(server.new_database()))
        run = stations_run(1, LONE_ORDERS, args.jitter_ms, args.seed, url)
        codes += run.exit_codes
        print(describe(f"1 x {LONE_ORDERS}, a lone station on the floor", run, LONE_ORDERS))
        reservations, baseline = round_trips(url, args.cost_requests)
    ms = 1000
    print(
        f"floor cost per request on loopback ({args.cost_requests} reservations): median "
        f"{statistics.median(reservations) * ms:.2f} ms, 95th percentile "
        f"{p95(reservations) * ms:.2f} ms; a bare SELECT 1: median "
        f"{statistics.median(baseline) * ms:.2f} ms (ratio "
        f"{statistics.median(reservations) / statistics.median(baseline):.1f})"
    )
    return 0 if all(code == 0 for code in codes) else 1


if __name__ == "__main__":
    sys.exit(main())
