"""GUI responsiveness benchmark: the longest GUI-thread stall during a 200-update run.

    python bench/responsiveness.py [--updates 200]

Runs the real window in demo mode (offscreen), with its sounds on, queues the updates as
a bulk run (one in ten an unknown order, so the failure panel fills as it goes), and
measures the gaps between ticks of a 5 ms timer on the GUI thread until every update
is sent. The same measurement on the idle window first gives the baseline. Target: no
stall over 50 ms. Data goes to a temporary folder; the keychain is not used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
SETTLE_SECONDS = 1.0  # start-up work (first paint, engine start) is not "idle"
IDLE_SECONDS = 3.0
TARGET_MS = 50.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=200)
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="flxdesk-bench-")
    os.environ["FLXDESK_HOME"] = home

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from flxdesk.bulk.reading import parse_import_text
    from flxdesk.gui.start.startup import build_app
    from flxdesk.history.store import State
    from flxdesk.host.paths import app_paths

    app = QApplication(sys.argv[:1])
    running = build_app(app_paths().ensure(), demo=True)
    running.window.show()

    gaps: dict[str, float] = {"idle": 0.0, "run": 0.0}
    phase = {"name": "idle", "last": time.perf_counter(), "started": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        stall = (now - phase["last"]) * 1000 - TICK_MS
        settled = phase["name"] == "run" or now - phase["started"] >= SETTLE_SECONDS
        if settled:
            gaps[phase["name"]] = max(gaps[phase["name"]], stall)
        phase["last"] = now
        if phase["name"] == "idle" and now - phase["started"] >= SETTLE_SECONDS + IDLE_SECONDS:
            # One in ten is unknown (404): the failure panel and the sounds work meanwhile.
            orders = "\n".join(
                str(9000 + n) if n % 10 == 9 else str(1000 + n % 1000) for n in range(args.updates)
            )
            phase["name"] = "run"
            phase["batch"] = running.window.bulk.queue(parse_import_text(orders, "Closed"), "bench")
            phase["last"] = time.perf_counter()
        elif phase["name"] == "run":
            counts = running.store.count_by_state(phase["batch"])
            if counts[State.QUEUED] + counts[State.SENDING] == 0:
                app.quit()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    app.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    running.close()
    print(
        f"responsiveness: longest GUI stall {gaps['run']:.1f} ms during {args.updates} updates "
        f"({elapsed:.0f} s), idle baseline {gaps['idle']:.1f} ms, "
        f"{gaps['run'] / TARGET_MS:.2f} of the 50 ms target"
    )
    # PySide6 6.12 can abort while finalizing the interpreter with this timer's Python
    # slot still alive (bool_dealloc); the measurement is printed, so leave at once.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
