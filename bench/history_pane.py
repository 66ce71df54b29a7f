"""The history pane at a million rows: GUI-thread work of its first paint and of a filter change.

    python bench/history_pane.py [--rows 1000000] [--repeats 7] [--dir FOLDER]

Builds a history of ``--rows`` updates (bench/history_query.py's builder: about 250
days of a busy station, 4 % failed, the newest 30 waiting) in a temporary file, and
runs Qt offscreen in this process. Everything measured runs on the GUI thread, from
the first call until the table's viewport has been painted (events are processed
until its Paint event is done), each as the median of ``--repeats`` runs after one
warm-up:

- first paint: a new HistoryPane (filter row, table over the lazy model, details,
  buttons) shown until painted; the baseline is a bare QTableView with the plain
  HistoryModel, shown the same way, in the same run. The pane's work right after
  the first paint (shortcuts, tab order: ``_finish_setup``) is reported apart;
- a filter change: the filter row set, then ``HistoryPane.apply_filter`` (count and
  first page through flxdesk.history.query, model reset, count label) until the
  table is painted again; the baseline is the bare table's model ``reload()``
  (the plain first page again) until painted.

Each is printed as a ratio to the 100 ms budget and to its baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QTableView, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_query import build_history

from flxdesk.gui.history.model import HistoryModel, header_labels
from flxdesk.gui.history.pane import HistoryPane
from flxdesk.gui.history.period_chooser import ANY_TIME, SHIFT, TODAY
from flxdesk.gui.sending.engine_thread import EngineThread
from flxdesk.history.store import HistoryStore

BUDGET_MS = 100.0
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def quiet_offscreen(mode, context, message: str) -> None:
    """Qt's messages, without the one the offscreen platform prints for every layout change."""
    if message != OFFSCREEN_NOISE:
        print(message, file=sys.stderr)


class PaintWatch(QObject):
    """Counts Paint events of one widget (the table's viewport)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False

    def until_painted(self, app: QApplication, before: int) -> None:
        deadline = time.perf_counter() + 10
        while self.paints <= before:
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("the table was not painted within 10 s")


def median_ms(work: Callable[[], float], repeats: int) -> float:
    work()  # warm-up: the page cache, Python's first calls
    return statistics.median(work() for _ in range(repeats))


def first_paint_bare(app: QApplication, store: HistoryStore) -> float:
    started = time.perf_counter()
    view = QTableView()
    model = HistoryModel(store, view)
    view.setModel(model)
    view.horizontalHeader().setModel(header_labels(view))
    view.resize(900, 400)
    watch = PaintWatch(view.viewport())
    view.show()
    watch.until_painted(app, 0)
    elapsed = time.perf_counter() - started
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed * 1000


def new_pane(store: HistoryStore, engine: EngineThread) -> HistoryPane:
    pane = HistoryPane(store, engine)
    pane.resize(900, 400)
    return pane


def first_paint_pane(
    app: QApplication, store: HistoryStore, engine: EngineThread, setup: list[float]
) -> float:
    started = time.perf_counter()
    pane = new_pane(store, engine)
    watch = PaintWatch(pane.view.viewport())
    pane.show()
    watch.until_painted(app, 0)
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    pane.finish_setup()  # as the window does after its first paint
    setup.append((time.perf_counter() - started) * 1000)
    pane.close()
    pane.deleteLater()
    app.processEvents()
    return elapsed * 1000


def set_filter_row(
    pane: HistoryPane,
    text: str = "",
    exact: bool = False,
    state: int = 0,
    period: str = ANY_TIME,
    days: tuple[date, date] | None = None,
) -> None:
    """Set the filter row as a person would, without running the filter yet."""
    bar = pane.filters
    for widget in (bar.search, bar.exact, bar.state, bar.period):
        widget.blockSignals(True)
    bar.search.setText(text)
    bar.exact.setChecked(exact)
    bar.state.setCurrentIndex(state)
    if days is not None:
        bar.period.set_days(*days)
    else:
        bar.period.choose(period)
    for widget in (bar.search, bar.exact, bar.state, bar.period):
        widget.blockSignals(False)


def filter_rows(store: HistoryStore) -> list[tuple[str, dict]]:
    newest = store.newest(1)[0].order_id
    month_ago = date.today() - timedelta(days=30)
    failed, waiting = 1, 2
    return [
        (f"exact order ID {newest}", {"text": newest, "exact": True}),
        (f"prefix {newest[:5]} (narrow)", {"text": newest[:5]}),
        ("prefix 12 (a quarter)", {"text": "12"}),
        ("prefix 1 (every row)", {"text": "1"}),
        ("prefix 12, failed only", {"text": "12", "state": failed}),
        ("prefix 1, today", {"text": "1", "period": TODAY}),
        ("failed only", {"state": failed}),
        ("waiting only", {"state": waiting}),
        ("today", {"period": TODAY}),
        ("this shift", {"period": SHIFT}),
        ("7 days a month ago", {"days": (month_ago - timedelta(days=6), month_ago)}),
        ("90 days", {"days": (month_ago - timedelta(days=89), month_ago)}),
        ("back to no filter", {}),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="where the history file goes")
    args = parser.parse_args(argv)
    qInstallMessageHandler(quiet_offscreen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="flxdesk-pane-", dir=args.dir) as folder:
        path = Path(folder) / "history.sqlite3"
        started = time.perf_counter()
        build_history(path, args.rows, time.time())
        print(
            f"built {args.rows:,} rows in {time.perf_counter() - started:.1f} s; "
            f"GUI-thread ms, median of {args.repeats}",
            flush=True,
        )
        store = HistoryStore(path)
        engine = EngineThread(path, "http://127.0.0.1:9")  # never started
        try:
            run(app, store, engine, args.repeats)
        finally:
            store.close()
    return 0


def run(app: QApplication, store: HistoryStore, engine: EngineThread, repeats: int) -> None:
    bare = median_ms(lambda: first_paint_bare(app, store), repeats)
    setup: list[float] = []
    pane_ms = median_ms(lambda: first_paint_pane(app, store, engine, setup), repeats)
    print(
        f"first paint: pane {pane_ms:.1f} ms = {pane_ms / BUDGET_MS:.2f} of budget, "
        f"bare QTableView + plain model {bare:.1f} ms, ratio {pane_ms / bare:.2f}; "
        f"setup after the first paint {statistics.median(setup):.1f} ms",
        flush=True,
    )

    view = QTableView()
    plain = HistoryModel(store, view)
    view.setModel(plain)
    view.resize(900, 400)
    bare_watch = PaintWatch(view.viewport())
    view.show()
    bare_watch.until_painted(app, 0)

    def reload_bare() -> float:
        before = bare_watch.paints
        started = time.perf_counter()
        plain.reload()
        bare_watch.until_painted(app, before)
        return (time.perf_counter() - started) * 1000

    baseline = median_ms(reload_bare, repeats)
    view.close()
    print(f"baseline: plain model reload() until painted {baseline:.1f} ms", flush=True)

    pane = new_pane(store, engine)
    watch = PaintWatch(pane.view.viewport())
    pane.show()
    watch.until_painted(app, 0)
    pane.finish_setup()
    worst = 0.0
    for name, row in filter_rows(store):

        def change(row: dict = row) -> float:
            set_filter_row(pane)  # from no filter each time, as the bench's baseline
            pane.model.set_filter(None)
            app.processEvents()
            set_filter_row(pane, **row)
            before = watch.paints
            started = time.perf_counter()
            pane.apply_filter()
            watch.until_painted(app, before)
            return (time.perf_counter() - started) * 1000

        ms = median_ms(change, repeats)
        worst = max(worst, ms)
        count = pane.model.match_count
        print(
            f"filter change, {name}: {'all' if count is None else f'{count:,}'} rows, "
            f"{ms:.1f} ms = {ms / BUDGET_MS:.2f} of budget, {ms / baseline:.1f}x baseline",
            flush=True,
        )
    print(f"worst filter change: {worst:.1f} ms = {worst / BUDGET_MS:.2f} of the 100 ms budget")
    pane.close()


if __name__ == "__main__":
    sys.exit(main())
