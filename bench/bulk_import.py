"""Bulk import benchmark: the longest GUI-thread stall while a 200k-row file is imported.

    python bench/bulk_import.py [--rows 200000]

Runs the real window in demo mode (offscreen) with its engine paused, writes a CSV of
``--rows`` rows, opens Bulk update, imports the file, waits for the preview, changes
the default note (a re-check of every row) and waits again, then presses Queue and
waits until every row is in the history and the window has taken the report (then
``TAIL_SECONDS`` more: the bulk panel's counts over the new batch). A 5 ms timer on the
GUI thread measures the gaps between its ticks: first on the idle window (the
baseline), then during import and preview, then while queueing. Target: no stall over
50 ms in the whole run; the longest is printed as a ratio of that target. Data goes to
a temporary folder; the keychain is not used.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
SETTLE_SECONDS = 1.0  # start-up work (first paint, engine start) is not "idle"
IDLE_SECONDS = 3.0
TAIL_SECONDS = 1.0  # measured on after the rows are written: the window takes the report
TARGET_MS = 50.0


def write_orders(path: Path, rows: int) -> None:
    lines = (f"{100000 + n},Closed,pallet {n % 40}\n" for n in range(rows))
    path.write_text("order_id,status,note\n" + "".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="flxdesk-bench-")
    os.environ["FLXDESK_HOME"] = home
    source = Path(home) / "orders.csv"
    write_orders(source, args.rows)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from flxdesk.gui.bulk.dialog import BulkDialog
    from flxdesk.gui.start.startup import build_app
    from flxdesk.history.store import State
    from flxdesk.host.paths import app_paths

    app = QApplication(sys.argv[:1])
    running = build_app(app_paths().ensure(), demo=True)
    running.window.show()

    gaps = {"idle": 0.0, "import": 0.0, "queue": 0.0}
    written: dict = {}  # when the store writer reported the batch, and the batch
    running.window.store_writer.written.connect(
        lambda pending, queued: written.update(at=time.perf_counter(), queued=queued)
    )
    took = {"import": 0.0, "queue": 0.0, "written": 0.0}
    state: dict = {"phase": "idle", "last": time.perf_counter(), "started": time.perf_counter()}

    def enter(phase: str) -> None:
        now = time.perf_counter()
        if state["phase"] in took:
            took[state["phase"]] = now - state["phase_started"]
        state.update(phase=phase, phase_started=now)

    def tick() -> None:
        now = time.perf_counter()
        stall = (now - state["last"]) * 1000 - TICK_MS
        phase = state["phase"]
        if phase in gaps and (phase != "idle" or now - state["started"] >= SETTLE_SECONDS):
            gaps[phase] = max(gaps[phase], stall)
        dialog: BulkDialog | None = state.get("dialog")
        if phase == "idle" and now - state["started"] >= SETTLE_SECONDS + IDLE_SECONDS:
            running.engine_thread.pause()  # only reading and queueing are measured
            enter("import")
            running.window.menus.bulk_action.trigger()
        elif phase == "import" and dialog is None:
            dialog = running.window.findChild(BulkDialog, "bulkDialog")
            if dialog is not None:
                state["dialog"] = dialog
                dialog.import_file(source)
        elif phase == "import" and dialog.preview_is_current and dialog.source == str(source):
            if not state.get("rechecked"):
                state["rechecked"] = True
                dialog.note_edit.setText("re-checked")
            elif dialog.preview_model.rowCount() == args.rows:
                enter("queue")
                state["last"] = time.perf_counter()
                dialog.queue_button.click()  # the dialog queues and is deleted
                state["dialog"] = None
                return
        elif phase == "queue" and written and now - written["at"] >= TAIL_SECONDS:
            took["written"] = written["at"] - state["phase_started"]
            enter("done")
            app.quit()
        state["last"] = time.perf_counter()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    timer.stop()
    queued = written["queued"]
    counts = running.store.count_by_state(queued.batch_id)
    running.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    longest = max(gaps["import"], gaps["queue"])
    print(
        f"bulk import: longest GUI stall {longest:.1f} ms, {longest / TARGET_MS:.2f} of the "
        f"50 ms target (idle baseline {gaps['idle']:.1f} ms); importing and previewing "
        f"{args.rows} rows {gaps['import']:.1f} ms ({took['import']:.1f} s), queueing them "
        f"{gaps['queue']:.1f} ms (written in {took['written']:.1f} s: "
        f"{counts[State.QUEUED]} queued, {queued.rejected} rejected); "
        f"peak memory {peak_mb:.0f} MB"
    )
    if counts[State.QUEUED] != args.rows:
        print(f"NOT ALL ROWS QUEUED: {counts}", file=sys.stderr)
        sys.stdout.flush()
        os._exit(1)
    # PySide6 6.12 can abort while finalizing the interpreter with this timer's Python
    # slot still alive (bool_dealloc); the measurement is printed, so leave at once.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
