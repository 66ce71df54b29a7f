"""Soak benchmark: the real window through thousands of scans, as a station's long shift.

    python bench/soak.py [--updates 5000] [--warm-up 250]

Runs the real window offscreen in demo mode and scans order IDs into the order field
with key events (one in ten is an unknown ID, so failures are shown too), keeping a
few queued at all times. Pace is not what is measured here, so the demo API and the
token's limiter are unthrottled. It prints the updates done, the resident memory (RSS)
after the warm-up, half-way and at the end (end/warm-up ratio: the target is <= 1.10),
the longest GUI-thread stall, and the reference counts of None/True/False (a Qt
binding that loses them aborts the process long before the end). Exit code 1 when
memory grew over 10%.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
KEEP_QUEUED = 8
RSS_GROWTH_LIMIT = 1.10
STALL_TARGET_MS = 50.0


def resident_bytes() -> int:
    """Current RSS on Linux; elsewhere the peak (all this benchmark can get portably)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def singleton_counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=5000)
    parser.add_argument("--warm-up", type=int, default=250)
    args = parser.parse_args(argv)
    os.environ["FLXDESK_HOME"] = tempfile.mkdtemp(prefix="flxdesk-soak-")

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from flxdesk.flxpoint.demo_api import DEMO_TOKEN
    from flxdesk.flxpoint.rate_limit import RateLimiter, use_limiter_for_token
    from flxdesk.gui.start.startup import build_app
    from flxdesk.host.paths import app_paths

    app = QApplication(sys.argv[:1])
    running = build_app(app_paths().ensure(), demo=True)
    running.demo_api.requests_per_second = None
    use_limiter_for_token(DEMO_TOKEN, RateLimiter(max_starts=10_000))
    window = running.window
    # The demo knows orders 1000-1999 only, so the soak scans each many times: the
    # station's duplicate guard would (rightly) hold the repeats.
    window.scan_desk.guard.window_seconds = 0
    # One scan in ten fails on purpose; the station goes on scanning past the failures
    # (a worker would acknowledge them), so the panel keeps filling instead.
    window.preferences.station = window.preferences.station._replace(
        refuse_while_unacknowledged=False
    )
    window.show()

    total = args.warm_up + args.updates
    progress = {"scanned": 0, "finished": 0, "failed": 0, "stall_ms": 0.0}
    marks: dict[str, object] = {}
    last_tick = [time.perf_counter()]

    def on_finished(_update_id: int, ok: bool, _message: str) -> None:
        progress["finished"] += 1
        progress["failed"] += not ok
        if progress["finished"] == args.warm_up:
            marks["start"] = (resident_bytes(), singleton_counts(), time.perf_counter())
            progress["stall_ms"] = 0.0  # start-up and first imports are not the soak
        if progress["finished"] == args.warm_up + args.updates // 2:
            marks["half"] = resident_bytes()
        if progress["finished"] == total:
            marks["end"] = (resident_bytes(), singleton_counts(), time.perf_counter())
            app.quit()

    def tick() -> None:
        now = time.perf_counter()
        progress["stall_ms"] = max(progress["stall_ms"], (now - last_tick[0]) * 1000 - TICK_MS)
        last_tick[0] = now
        in_queue = progress["scanned"] - progress["finished"]
        if progress["scanned"] < total and in_queue < KEEP_QUEUED:
            number = progress["scanned"]
            order_id = str(9000 + number % 100) if number % 10 == 9 else str(1000 + number % 1000)
            QTest.keyClicks(window.order_id_edit, order_id)
            QTest.keyClick(window.order_id_edit, Qt.Key.Key_Return)
            progress["scanned"] += 1

    running.engine_thread.updateFinished.connect(on_finished)
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    timer.stop()
    running.close()

    rss_start, counts_start, started = marks["start"]
    rss_end, counts_end, ended = marks["end"]
    growth = rss_end / rss_start
    print(
        f"soak: {args.updates} updates after a {args.warm_up}-update warm-up "
        f"({progress['failed']} failed as expected, unknown IDs) in {ended - started:.0f} s"
    )
    print(
        f"soak: RSS {rss_start / 2**20:.1f} MiB -> {marks['half'] / 2**20:.1f} MiB (half-way)"
        f" -> {rss_end / 2**20:.1f} MiB, "
        f"ratio {growth:.3f} (limit {RSS_GROWTH_LIMIT:.2f})"
    )
    print(
        f"soak: longest GUI stall {progress['stall_ms']:.1f} ms, "
        f"{progress['stall_ms'] / STALL_TARGET_MS:.2f} of the 50 ms target"
    )
    print(
        "soak: references to None/True/False "
        f"{'/'.join(map(str, counts_start))} -> {'/'.join(map(str, counts_end))}"
    )
    sys.stdout.flush()
    return 0 if growth <= RSS_GROWTH_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
