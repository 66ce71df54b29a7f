"""What durable commits cost: updates queued per second with synchronous=NORMAL vs FULL.

    python bench/store_durability.py [--rows 10000] [--repeats 9] [--dir FOLDER]

A 10,000-row CSV import is queued the way the window's bulk mode does it (read and
check the file, record the batch, queue every valid row in one transaction), into a
fresh history file each time, alternating NORMAL and FULL; the medians are printed
with their ratio. FULL is what flxdesk uses: each commit is on disk before the
update is sent. Scans queued one at a time (one commit each) are measured the same
way, since that is where the extra fsync per commit shows. Both are compared with
the token's 2 requests per second.

fsync costs what the disk makes it cost, so run it on the disk the history lives
on: the default folder is a temporary one in the current directory (a tmpfs /tmp
would hide the cost).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flxdesk.bulk.reading import read_import_file
from flxdesk.history.store import HistoryStore, Synchronous
from flxdesk.orders.destination import Destination

MODES: tuple[Synchronous, ...] = ("NORMAL", "FULL")
DESTINATION = Destination("https://api.flxpoint.com", "0" * 32)
SCANS = 200
SENDING_RATE = 2.0


def write_import(path: Path, rows: int) -> Path:
    lines = ["order_id,status,note"]
    lines += [f"{100000 + n},Closed,end of shift" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def queue_import(store: HistoryStore, source: Path) -> int:
    """As MainWindow.queue_bulk: returns how many updates were queued."""
    imported = read_import_file(source, "Closed", "")
    batch_id = store.new_batch(source.name)
    store.add_rejected(
        [(r.order_id, r.status, r.note, r.problem) for r in imported.invalid_rows], batch_id
    )
    ids = store.add_many_queued(
        [(r.order_id, r.status, r.note) for r in imported.valid_rows],
        batch_id,
        destination=DESTINATION,
    )
    return len(ids)


def queue_scans(store: HistoryStore) -> int:
    """As MainWindow.submit, once per scan: one commit each."""
    for n in range(SCANS):
        store.add_queued(str(100000 + n), "Closed", "", destination=DESTINATION)
    return SCANS


def rate(folder: Path, mode: Synchronous, work: Callable[[HistoryStore], int]) -> float:
    """Updates queued per second into a fresh history file opened with ``mode``."""
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        store = HistoryStore(Path(scratch) / "history.sqlite3", synchronous=mode)
        try:
            started = time.perf_counter()
            queued = work(store)
            elapsed = time.perf_counter() - started
        finally:
            store.close()
    return queued / elapsed


def measure(folder: Path, repeats: int, work: Callable[[HistoryStore], int]) -> dict[str, float]:
    """Median rate per mode, after a warm-up; the modes take turns going first."""
    rates: dict[str, list[float]] = {mode: [] for mode in MODES}
    rate(folder, MODES[0], work)  # imports, page cache, file system metadata
    for repeat in range(repeats):
        for mode in MODES if repeat % 2 == 0 else MODES[::-1]:
            rates[mode].append(rate(folder, mode, work))
    return {mode: statistics.median(values) for mode, values in rates.items()}


def report(what: str, medians: dict[str, float]) -> None:
    normal, full = medians["NORMAL"], medians["FULL"]
    print(
        f"{what}: NORMAL {normal:,.0f}/s, FULL {full:,.0f}/s, ratio FULL/NORMAL "
        f"{full / normal:.2f}; FULL queues {full / SENDING_RATE:,.0f}x faster than "
        f"{SENDING_RATE:.0f} updates/s are sent",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--dir", type=Path, default=Path.cwd(), help="where the files go")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="flxdesk-durability-", dir=args.dir) as folder:
        where = Path(folder)
        print(f"history files in {where}, median of {args.repeats} runs per mode", flush=True)
        source = write_import(where / "orders.csv", args.rows)
        report(
            f"{args.rows:,}-row import",
            measure(where, args.repeats, lambda s: queue_import(s, source)),
        )
        report(f"{SCANS} scans, one commit each", measure(where, args.repeats, queue_scans))
    return 0


if __name__ == "__main__":
    sys.exit(main())
