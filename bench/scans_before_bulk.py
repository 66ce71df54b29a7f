"""Scans before bulk: a scan's latency while another station runs a bulk on the floor.

    python bench/scans_before_bulk.py [--bulk 2000] [--scan-stations 3] [--every 4]
                                      [--idle-scans 10] [--jitter-ms 20] [--seed 18]

Starts a real PostgreSQL on 127.0.0.1 (tests/support/postgres.py) and, on a fresh floor
each time, runs real command-line stations with one token against the demo API's strict
window (at most 2 requests in any 1.0 s, each counted 0-J ms after it arrives):

1. the idle floor: ``--scan-stations`` packing stations (PACK-1, ...) each send a scan
   every ``--every`` s (``flxdesk update``, staggered), ``--idle-scans`` each;
2. the same scans while OFFICE runs ``flxdesk bulk`` of ``--bulk`` rows, until the bulk
   is done.

A scan's latency is from its command's start to its request reaching the API (the
arrival of the request answered 201). Each scan is its own command in a data folder of
its own (a second command in one folder is refused while the first runs). Prints the
median and 95th percentile of both runs, the loaded run's as a difference and a ratio to
the idle floor's, and the whole loaded run's budget use (updates sent per second as a
share of the token's 2, first to last) with the 429s of bulk and scans.

Targets (issue 23, point 10): during a bulk of 2,000, the scans' 95th percentile within
1.0 s of the idle floor's, and the budget used >= 0.95.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from flxdesk.flxpoint.demo_api import DemoApi, SeenRequest
from support.floor import init_floor
from support.postgres import running_server
from support.stations import station_env
from support.strict_server import SEED, Pace, pace

FIRST_BULK_ORDER = 1000
FIRST_SCAN_ORDER = 100_000  # scans never share an order with the bulk (no duplicate held)
SCAN_STATUS = "Open"
BULK_STATUS = "Closed"
TARGET_P95_EXTRA_SECONDS = 1.0
TARGET_BUDGET = 0.95


class Scan(NamedTuple):
    order_id: str
    started: float  # time.monotonic() just before its command started
    run: subprocess.Popen


class RunFigures(NamedTuple):
    latencies: list[float]  # seconds, one per scan that reached the API
    lost: int  # scans whose update never reached the API with 201
    scan_429: int
    bulk_429: int
    pace: Pace
    exit_codes: list[int]
    seconds: float


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def command(home: Path, api: DemoApi, name: str, floor_url: str, args: list[str]):
    home.mkdir(parents=True)
    return subprocess.Popen(
        [sys.executable, "-m", "flxdesk", *args],
        env=station_env(home, api, name, {"FLXDESK_FLOOR_URL": floor_url}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def one_run(
    folder: Path, api: DemoApi, floor_url: str, args: argparse.Namespace, bulk: int
) -> RunFigures:
    """Scans every ``args.every`` s per station: ``args.idle_scans`` each without a bulk,
    else until OFFICE's bulk of ``bulk`` rows is done."""
    office = None
    started = time.monotonic()
    if bulk:
        rows = folder / "bulk.csv"
        rows.write_text(
            "order_id\n" + "".join(f"{FIRST_BULK_ORDER + n}\n" for n in range(bulk)),
            encoding="utf-8",
        )
        office = command(
            folder / "office",
            api,
            "OFFICE",
            floor_url,
            ["bulk", str(rows), "--status", BULK_STATUS],
        )
    stations = args.scan_stations
    scans: list[Scan] = []
    tick = 0  # the scans' schedule, one station after the other: every/stations apart
    while True:
        if office is None and tick >= args.idle_scans * stations:
            break
        if office is not None and office.poll() is not None:
            break
        due = started + tick * args.every / stations
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(min(pause, 0.2))  # a schedule, not a synchronisation; bulk checked
            continue
        station = tick % stations + 1
        order_id = str(FIRST_SCAN_ORDER + len(scans))
        home = folder / f"pack-{station}" / f"scan-{tick // stations}"
        scan_started = time.monotonic()
        run = command(
            home, api, f"PACK-{station}", floor_url, ["update", order_id, "--status", SCAN_STATUS]
        )
        scans.append(Scan(order_id, scan_started, run))
        tick += 1
    codes = []
    errors = []
    for run in ([office] if office else []) + [scan.run for scan in scans]:
        _, stderr = run.communicate(timeout=600)
        codes.append(run.returncode)
        if run.returncode:
            errors.append(stderr.strip().splitlines()[-1:] or ["(no message)"])
    seconds = time.monotonic() - started
    for error in errors[:5]:
        print(f"  a command failed: {error[0]}", file=sys.stderr)
    requests: list[SeenRequest] = list(api.requests)
    reached: dict[str, float] = {}
    scan_ids = {scan.order_id for scan in scans}
    scan_429 = bulk_429 = 0
    for seen in requests:
        if seen.answer == 429:
            if seen.order_id in scan_ids:
                scan_429 += 1
            else:
                bulk_429 += 1
        elif seen.answer == 201 and seen.order_id in scan_ids:
            reached.setdefault(seen.order_id, seen.arrived)
    latencies = [reached[s.order_id] - s.started for s in scans if s.order_id in reached]
    return RunFigures(
        latencies,
        len(scans) - len(latencies),
        scan_429,
        bulk_429,
        pace(requests),
        codes,
        seconds,
    )


def measured(server, args: argparse.Namespace, bulk: int) -> RunFigures:
    url = init_floor(server.url(server.new_database()))
    orders = range(FIRST_BULK_ORDER, FIRST_SCAN_ORDER + 100_000)
    with (
        tempfile.TemporaryDirectory(prefix="flxdesk-bench-scans-") as folder,
        DemoApi(
            limit="window",
            jitter=args.jitter_ms / 1000,
            seed=args.seed,
            order_ids=orders,
            keep_requests=1_000_000,
        ) as api,
    ):
        return one_run(Path(folder), api, url, args, bulk)


def describe(label: str, figures: RunFigures) -> str:
    latencies = figures.latencies
    lost = f", {figures.lost} never reached it" if figures.lost else ""
    return (
        f"{label:<28} {len(latencies)} scans: median {statistics.median(latencies):.2f} s, "
        f"95th percentile {p95(latencies):.2f} s, worst {max(latencies):.2f} s{lost}; "
        f"429s: {figures.scan_429} to scans, {figures.bulk_429} to the bulk; "
        f"{figures.seconds:.0f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulk", type=int, default=2000, help="rows of OFFICE's bulk")
    parser.add_argument("--scan-stations", type=int, default=3, help="stations that scan")
    parser.add_argument(
        "--every", type=float, default=4.0, help="seconds between a station's scans"
    )
    parser.add_argument("--idle-scans", type=int, default=10, help="scans per station, idle floor")
    parser.add_argument(
        "--jitter-ms", type=float, default=20.0, help="count each request 0-J ms after arrival"
    )
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the arrival jitter")
    args = parser.parse_args(argv)
    if not 1 <= args.bulk <= FIRST_SCAN_ORDER - FIRST_BULK_ORDER:
        parser.error(f"--bulk must be 1 to {FIRST_SCAN_ORDER - FIRST_BULK_ORDER}")
    print(
        f"strict window (2 in any 1.0 s), 0-{args.jitter_ms:g} ms arrival jitter, seed "
        f"{args.seed}; {args.scan_stations} stations scanning every {args.every:g} s",
        flush=True,
    )
    with running_server() as server:
        idle = measured(server, args, 0)
        print(describe("idle floor", idle), flush=True)
        loaded = measured(server, args, args.bulk)
        print(describe(f"during a bulk of {args.bulk}", loaded), flush=True)
    idle_median, idle_p95 = statistics.median(idle.latencies), p95(idle.latencies)
    median, high = statistics.median(loaded.latencies), p95(loaded.latencies)
    print(
        f"scans during the bulk against the idle floor: median {median - idle_median:+.2f} s "
        f"(x{median / idle_median:.2f}), 95th percentile {high - idle_p95:+.2f} s "
        f"(x{high / idle_p95:.2f}) (target: <= +{TARGET_P95_EXTRA_SECONDS:g} s)"
    )
    print(
        f"budget used over the whole run with the bulk: {loaded.pace.describe()} "
        f"(target: >= {TARGET_BUDGET:g})"
    )
    codes = idle.exit_codes + loaded.exit_codes
    return 0 if all(code == 0 for code in codes) and not (idle.lost or loaded.lost) else 1


if __name__ == "__main__":
    sys.exit(main())
