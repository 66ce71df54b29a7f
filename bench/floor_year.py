"""A year of floor: reports, the mirror, the duplicate lookup and publishing on a big floor.

    python bench/floor_year.py [--rows 10000000] [--stations 20] [--repeat 7]

Starts a real PostgreSQL on 127.0.0.1 (tests/support/postgres.py), makes a floor, and
times each reader on a baseline floor of one day's rows, then again after filling it
with ``--rows`` updates of ``--stations`` stations spread over 365 days (a year of a
busy floor: 10 million rows is about 27,000 a day). Each figure is the median of
``--repeat`` runs, printed with its target and its ratio to the one-day baseline:

- ``flxdesk report --floor`` of one day (flxdesk.floor.report.floor_report and its lines),
  as a station login: <= 2 s;
- the window's mirror read (flxdesk.floor.duplicates, the duplicate window of 10 minutes): <= 50 ms;
- the duplicate lookup (flxdesk.floor.duplicates.find_duplicate): <= 20 ms;
- publishing one update as a station does (flxdesk.floor.outbox.publish): median <= 5 ms;
- ``flxdesk floor prune`` of the rows older than 300 days, once, last (its own time).

The rows are written by the owner in one INSERT ... SELECT from generate_series, with the
indexes dropped and made again (as a restore would); that build is not a figure. Each
row names one of three operators per station (the report's line per operator).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import psycopg

from flxdesk.floor.duplicates import RecentElsewhere, find_duplicate
from flxdesk.floor.outbox import OutboxItem, publish
from flxdesk.floor.report import floor_report, report_lines
from flxdesk.floor.schema import prune
from flxdesk.history.periods import Period
from support.floor import HISTORY_ID, connect_as, floor_with_stations
from support.postgres import running_server

DAY = 86400.0
TARGETS = {"report": 2.0, "mirror": 0.050, "duplicate": 0.020, "publish": 0.005}

FILL = """
INSERT INTO flxdesk.updates (station, history_id, local_id, login, revision, order_id,
    status, note, state, outcome, message, http_code, attempts, queued_at, finished_at,
    operator)
SELECT 'PACK-' || s, %(history)s, n, 'pack' || s, 1, (100000 + (n * 7919) %% 5000000)::text,
       (ARRAY['Closed','Closed','Closed','Open','On Hold','Canceled'])[1 + n %% 6], '',
       CASE WHEN n %% 50 = 0 THEN 'failed' WHEN n %% 997 = 0 THEN 'queued' ELSE 'sent' END,
       CASE WHEN n %% 50 = 0 THEN 'not_found' ELSE 'success' END, '',
       CASE WHEN n %% 50 = 0 THEN 404 ELSE 201 END, 1, at, at + interval '1 second',
       'Operator ' || (n %% (3 * %(stations)s::int))  -- three shifts at each station
  FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS n,
       LATERAL (SELECT 1 + n %% %(stations)s::int AS s,
                now() - make_interval(secs => %(span)s::float8 * ((n * 0.6180339887)
                                               - floor(n * 0.6180339887))) AS at) AS v
"""
INDEXES = (
    ("updates_by_queued_at", "(queued_at)"),
    ("updates_by_order", "(order_id, status, queued_at)"),
    ("updates_by_station", "(station, queued_at)"),
)


def median_of(repeat: int, run: Callable[[], object]) -> float:
    run()  # warm: plans, caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def fill(owner: str, rows: int, stations: int, span: float, first: int = 1) -> float:
    started = time.monotonic()
    with psycopg.connect(owner, autocommit=True) as db:
        db.execute("SET maintenance_work_mem = '256MB'")
        for name, _ in INDEXES:
            db.execute(f"DROP INDEX flxdesk.{name}")
        step = 1_000_000
        for low in range(first, first + rows, step):
            high = min(first + rows - 1, low + step - 1)
            db.execute(
                FILL,
                {"stations": stations, "history": HISTORY_ID, "span": span,
                 "first": low, "last": high},
            )  # fmt: skip
            print(f"  ... {high - first + 1:,} rows", flush=True)
        for name, columns in INDEXES:
            db.execute(f"CREATE INDEX {name} ON flxdesk.updates {columns}")
        db.execute("VACUUM ANALYZE flxdesk.updates")
    return time.monotonic() - started


def measure(urls: dict[str, str], repeat: int, local_id: list[int]) -> dict[str, float]:
    today = Period(time.time() - DAY, None, "the last day")
    with connect_as(urls["pack1"], "pack1") as reader, connect_as(urls["pack2"], "pack2") as pub:
        recent = RecentElsewhere("PACK-2")

        def one_publish() -> None:
            local_id[0] += 1
            values = ("PACK-2", HISTORY_ID, local_id[0], 1, "777777", "Closed", "", "sent")
            values += ("success", "", 201, 1, time.time(), time.time(), "Maria López", "")
            publish(pub, [OutboxItem(local_id[0], values)], "PACK-2", "bench")

        return {
            "report": median_of(repeat, lambda: report_lines(floor_report(reader, today))),
            "mirror": median_of(repeat, lambda: recent.refresh(reader, 600.0)),
            "duplicate": median_of(
                repeat, lambda: find_duplicate(reader, "123457", "Closed", "PACK-1", 600.0)
            ),
            "publish": median_of(max(repeat, 50), one_publish),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    logins = [f"pack{n}" for n in range(1, args.stations + 1)]
    with running_server() as server:
        owner, urls = floor_with_stations(server, *logins)
        with psycopg.connect(owner, autocommit=True) as db:
            for n, login in enumerate(logins, 1):
                db.execute(
                    "INSERT INTO flxdesk.stations (name, login) VALUES (%s, %s)",
                    (f"PACK-{n}", login),
                )
        per_day = max(1, args.rows // 365)
        fill(owner, per_day, args.stations, DAY)  # the baseline: one day of the same floor
        local_id = [10**12]
        baseline = measure(urls, args.repeat, local_id)
        built = fill(owner, args.rows - per_day, args.stations, 365 * DAY, first=per_day + 1)
        with psycopg.connect(owner, autocommit=True) as db:
            (count,) = db.execute("SELECT count(*) FROM flxdesk.updates").fetchone()
            (size,) = db.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('flxdesk.updates'))"
            ).fetchone()
        print(
            f"floor of {count:,} updates, {args.stations} stations, 365 days ({size}); "
            f"built in {built:.0f} s",
            flush=True,
        )
        year = measure(urls, args.repeat, local_id)
        failed = 0
        for name, seconds in year.items():
            ok = seconds <= TARGETS[name]
            failed += not ok
            print(
                f"{name:<10} {seconds * 1000:9.1f} ms (median of {args.repeat}), "
                f"target <= {TARGETS[name] * 1000:g} ms: {'met' if ok else 'MISSED'}; "
                f"one-day floor {baseline[name] * 1000:.1f} ms (ratio "
                f"{seconds / baseline[name]:.2f})",
                flush=True,
            )
        with psycopg.connect(owner, autocommit=True) as db:
            started = time.monotonic()
            gone = prune(db, 300)
            print(f"prune --older-than 300: {gone:,} rows in {time.monotonic() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
