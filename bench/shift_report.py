"""The shift summary at a million rows, with its section per operator, against the same
summary without that section.

    python bench/shift_report.py [--rows 1000000] [--repeats 7] [--dir FOLDER]

Builds bench/history_query.py's history of ``--rows`` updates (about 250 days of a busy
station) and names an operator on each row as three shifts of three people would, one
update in ten with nobody signed in. Then times, each as the median of ``--repeats``
runs, ``summarize`` (what File → Shift summary… and ``flxdesk report`` do) for a shift,
today, 7, 90 and 250 days: the baseline is the same call without the per-operator
query, as before operators, measured in the same run. Printed: both, their ratio, and
the per-operator section's own cost. Then the same with no operator on any row (sign-in
off, flxdesk's default), where the section is only a quick look for a name.
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from flxdesk.history.periods import between, this_shift, today
from flxdesk.history.store import HistoryStore
from flxdesk.reports import shift_report

HERE = Path(__file__).resolve().parent
# Three shifts of eight hours, three people each; one update in ten with nobody signed in.
OPERATOR_SQL = (
    "CASE WHEN id % 10 = 0 THEN '' ELSE 'Operator ' ||"
    " (CAST(strftime('%H', created_at, 'unixepoch', 'localtime') AS INTEGER) / 8 * 3 + id % 3)"
    " END"
)


def history_query():
    """bench/history_query.py (its builder of big histories)."""
    spec = importlib.util.spec_from_file_location("history_query", HERE / "history_query.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def name_operators(path: Path) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous=OFF")
        db.execute(f"UPDATE updates SET operator = {OPERATOR_SQL}")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="where the history file goes")
    args = parser.parse_args(argv)
    builder = history_query()
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="flxdesk-report-", dir=args.dir) as folder:
        path = Path(folder) / "history.sqlite3"
        started = time.perf_counter()
        builder.build_history(path, args.rows, now)
        name_operators(path)
        print(
            f"built {args.rows:,} rows with operators in {time.perf_counter() - started:.1f} s;"
            f" median of {args.repeats} runs",
            flush=True,
        )
        store = HistoryStore(path)
        try:
            periods = [
                ("this shift", this_shift(now)),
                ("today", today(now)),
                ("7 days", between(now - 7 * 86400, now, now)),
                ("90 days", between(now - 90 * 86400, now, now)),
                ("250 days (every row)", between(now - 251 * 86400, now, now)),
            ]
            for name, period in periods:
                time_one(store, name, period, now, builder.median_ms, args.repeats)
            store.connection.execute("UPDATE updates SET operator = ''")
            for name, period in periods:
                time_one(store, f"sign-in off, {name}", period, now, builder.median_ms, 3)
        finally:
            store.close()
    return 0


def time_one(store: HistoryStore, name: str, period, now: float, median_ms, repeats: int) -> None:
    with_operators = shift_report._operator_lines
    try:
        shift_report._operator_lines = lambda *_: ()
        baseline = median_ms(lambda: shift_report.summarize(store, period, now), repeats)
    finally:
        shift_report._operator_lines = with_operators
    summary = shift_report.summarize(store, period, now)
    figure = median_ms(lambda: shift_report.summarize(store, period, now), repeats)
    print(
        f"{name}: {summary.total:,} updates, {len(summary.operators)} operator lines;"
        f" summary {figure:.1f} ms against {baseline:.1f} ms without operators"
        f" = {figure / baseline:.2f}x (the section {figure - baseline:.1f} ms)",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
