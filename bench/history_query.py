"""History search and filters at a million rows, against the 100 ms budget of a filter change.

    python bench/history_query.py [--rows 1000000] [--repeats 7] [--dir FOLDER]

Builds a history of ``--rows`` updates (about 250 days of a busy station; order IDs
rising with time, as Flxpoint numbers them; 4 % failed) in a temporary file, then
times, each as the median of ``--repeats`` runs:

- the plain first page, ``HistoryStore.newest(256)``: the baseline, what the window
  does today at start;
- each filter the history view offers: ``HistoryQuery.run`` (count and bounds) and
  its first page of 256 rows, newest first.

Each filter is printed as a ratio to the 100 ms budget (the work a filter change
may do on the GUI thread) and to the baseline measured in the same run; last the worst
of them. Exits 1 when a filter's count and first page together are over the budget.

Fewer ``--rows`` keep the same 250 days and the same 400,000 orders, each updated less
often (tests/core/history/test_history_query.py checks the filters on a tenth).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from flxdesk.history.periods import between, this_shift, today
from flxdesk.history.query import HistoryFilter, HistoryQuery, IdMatch, StateFilter
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination

BUDGET_MS = 100.0
PAGE = 256  # flxdesk.gui.history.model.PAGE_SIZE
DAYS = 250
FIRST_ORDER = 1_000_000
ORDERS = 400_000  # over the 250 days: 2.5 updates each at a million rows
DESTINATION = Destination("https://api.flxpoint.com", "0" * 32)
STATUSES = ("Closed", "Closed", "Closed", "On Hold", "Canceled", "Open")
FAILURES = (
    (404, "not_found", "Order {} was not found in Flxpoint."),
    (400, "bad_request", "Flxpoint refused the update: invalid status."),
    (503, "server_error", "Flxpoint is having problems (503). Gave up after 6 tries."),
)


def generated_rows(count: int, now: float, seed: int = 12) -> Iterator[tuple]:
    """Rows in the order they would have been written: ids, times and order IDs rising
    (``ORDERS`` of them from ``FIRST_ORDER``, whatever ``count``)."""
    rng = random.Random(seed)
    start = now - DAYS * 86400
    step = (now - start) / count
    for n in range(count):
        created = start + n * step
        order_id = str(FIRST_ORDER + n * ORDERS // count + rng.randrange(-20, 20))
        status = rng.choice(STATUSES)
        waiting = n >= count - 30
        roll = rng.random()
        if waiting:
            row = (State.QUEUED, None, None, 0, None, None, "")
        elif roll < 0.04:
            code, outcome, message = rng.choice(FAILURES)
            row = (State.FAILED, created + 0.4, created + 1, 1, code, outcome, message)
            row = (*row[:6], message.format(order_id))  # the message names the order
        elif roll < 0.045:
            row = (State.FAILED, None, created, 0, None, "invalid", "Unknown status.")
        elif roll < 0.055:
            row = (State.CANCELLED, None, created + 5, 0, None, None, "Cancelled.")
        else:
            row = (State.SENT, created + 0.4, created + 0.9, 1, 201, "success", "Sent.")
        state, started, finished, attempts, code, outcome, message = row
        yield (
            order_id,
            status,
            "",
            state.value,
            created,
            started,
            finished,
            attempts,
            code,
            outcome,
            message,
            *DESTINATION,
        )


def build_history(path: Path, rows: int, now: float) -> None:
    """A history file of ``rows`` updates, fast: one transaction, indexes built afterwards."""
    HistoryStore(path).close()  # the real schema, all migrations
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous=OFF")
        indexes = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='updates'"
            " AND sql IS NOT NULL"
        ).fetchall()
        db.execute("BEGIN")
        for name, _sql in indexes:
            db.execute(f"DROP INDEX {name}")
        db.executemany(
            "INSERT INTO updates (order_id, status, note, state, created_at, started_at,"
            " finished_at, attempts, http_code, outcome, message, api_url, token_fp)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            generated_rows(rows, now),
        )
        for _name, sql in indexes:
            db.execute(sql)
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def median_ms(work: Callable[[], object], repeats: int) -> float:
    work()  # warm the page cache, as a window that has shown the history has
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def filters(store: HistoryStore, now: float) -> list[tuple[str, HistoryFilter]]:
    newest = store.newest(1)[0]
    recent = newest.order_id
    return [
        ("no filter (count + first page)", HistoryFilter()),
        (f"exact order ID {recent}", HistoryFilter(recent, IdMatch.EXACT)),
        (f"prefix {recent[:5]} (narrow)", HistoryFilter(recent[:5])),
        ("prefix 12 (a quarter, mid-history)", HistoryFilter("12")),
        ("prefix 10 (the oldest quarter)", HistoryFilter("10")),
        ("prefix 1 (every row)", HistoryFilter("1")),
        ("prefix 1 today", HistoryFilter.in_period(today(now), order_text="1")),
        ("prefix 12 failed only", HistoryFilter("12", states=StateFilter.FAILED)),
        ("failed only", HistoryFilter(states=StateFilter.FAILED)),
        ("waiting only", HistoryFilter(states=StateFilter.WAITING)),
        ("today", HistoryFilter.in_period(today(now))),
        ("this shift", HistoryFilter.in_period(this_shift(now))),
        (
            "date range, 7 days a month ago",
            HistoryFilter.in_period(between(now - 37 * 86400, now - 30 * 86400, now)),
        ),
        (
            "date range, 90 days",
            HistoryFilter.in_period(between(now - 120 * 86400, now - 30 * 86400, now)),
        ),
        (
            "failed in a 7-day range",
            HistoryFilter.in_period(
                between(now - 37 * 86400, now - 30 * 86400, now), states=StateFilter.FAILED
            ),
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="where the history file goes")
    args = parser.parse_args(argv)
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="flxdesk-query-", dir=args.dir) as folder:
        path = Path(folder) / "history.sqlite3"
        started = time.perf_counter()
        build_history(path, args.rows, now)
        print(
            f"built {args.rows:,} rows in {time.perf_counter() - started:.1f} s "
            f"({path.stat().st_size / 2**20:.0f} MiB); median of {args.repeats} runs",
            flush=True,
        )
        store = HistoryStore(path)
        totals: dict[str, float] = {}  # each filter's count and first page, ms
        try:
            query = HistoryQuery(store)
            baseline = median_ms(lambda: store.newest(PAGE), args.repeats)
            print(
                f"baseline newest({PAGE}): {baseline:.2f} ms = {baseline / BUDGET_MS:.3f} "
                "of the 100 ms budget",
                flush=True,
            )
            for name, f in filters(store, now):
                matches = query.run(f)
                count_ms = median_ms(lambda f=f: query.run(f), args.repeats)
                page_ms = median_ms(lambda m=matches: m.page(PAGE), args.repeats)
                total = totals[name] = count_ms + page_ms
                print(
                    f"{name}: {matches.count:,} rows, plan {matches.plan}; "
                    f"count {count_ms:.2f} ms + page {page_ms:.2f} ms = {total:.2f} ms = "
                    f"{total / BUDGET_MS:.3f} of budget, {total / baseline:.1f}x baseline",
                    flush=True,
                )
        finally:
            store.close()
    worst = max(totals, key=totals.__getitem__)
    over = [name for name, total in totals.items() if total > BUDGET_MS]
    print(
        f"worst filter: {worst}, {totals[worst] / BUDGET_MS:.3f} of the {BUDGET_MS:g} ms "
        f"budget, {totals[worst] / baseline:.1f}x baseline; "
        + (f"over the budget: {', '.join(over)}" if over else "every filter within the budget")
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
