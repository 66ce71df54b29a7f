"""Hangs benchmark: how soon flxdesk gets past a server or a history that holds it up.

    python bench/hangs.py [--runs 3]

The tests show that each of these ends, and how (tests/core/flxpoint/test_api_client.py,
tests/core/sending/test_engine_faults.py, tests/cli/test_cli_faults.py,
tests/gui/window/test_window_faults.py); this measures how long each takes in real time,
against a baseline of the same run, the median of ``--runs`` (a ratio against a baseline
under a millisecond is printed against 1 ms):

- a dripping answer (a byte every 0.3 s, which no socket timeout ends) against its
  1.5 s deadline (target: under 4 s);
- the queue engine's ``stop`` with a request that never answers on the wire, against
  the stop of an idle engine (target: under 1.5 s);
- Ctrl-C in ``flxdesk update`` with its request hanging, against Ctrl-C while it waits
  offline with nothing on the wire (target: under 2 s);
- File > Quit in the window with its request hanging, against a quit once the update
  was sent (target: under 5 s);
- the longest scan in the window while another program holds the history's write lock,
  against the longest with the history free (target: under 1 s; the window's busy
  timeout is 30 ms).

Everything runs on 127.0.0.1 in temporary folders, the window offscreen; nothing touches
the keychain.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from flxdesk.flxpoint.client import FlxpointClient
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.history.store import HistoryStore
from flxdesk.orders.destination import Destination
from flxdesk.sending.engine import QueueEngine
from flxdesk.sending.events import StateChanged
from support.drip_server import DripServer
from support.network import closed_port
from support.process import NEW_PROCESS_GROUP, interrupt
from support.quit_driver import start_window

DRIPPED_ANSWER = b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"
DEADLINE_SECONDS = 1.5
WINDOW_TOKEN = "bench-hangs-token-0123"


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def dripping_answer() -> float:
    with DripServer(b"", DRIPPED_ANSWER, interval=0.3) as server:
        client = FlxpointClient(server.url, "bench-token", read_timeout=5, deadline=1.5)
        started = time.perf_counter()
        result = client.update_status("1", "Open")
        took = time.perf_counter() - started
        client.close()
    if result.http_code is not None:
        raise SystemExit(f"the dripping answer was not ended: {result}")
    return took


def engine_stop(hanging: bool) -> float:
    """Seconds from ``stop`` to the end of ``run``: a request on the wire, or none."""
    with tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as folder:
        store = HistoryStore(Path(folder) / "history.sqlite3")
        destination = Destination("bench-hangs")
        if hanging:
            store.add_many_queued([("1000", "Closed", "")], destination=destination)
        looked = threading.Event()  # the engine has looked at the queue once
        with DripServer.never_answering() as server:
            engine = QueueEngine(
                store.path,
                server.url,
                DEMO_TOKEN,
                destination=destination.api_url,
                on_event=lambda event: looked.set() if isinstance(event, StateChanged) else None,
            )
            thread = threading.Thread(target=engine.run, daemon=True)
            thread.start()
            if hanging:
                server.request_received.wait(30)
            else:
                looked.wait(30)
            started = time.perf_counter()
            engine.stop()
            thread.join(60)
            took = time.perf_counter() - started
        store.close()
    return took


def command_line_interrupt(hanging: bool) -> float:
    """Seconds from Ctrl-C to the end of ``flxdesk update``: its request hanging, or
    waiting offline with nothing on the wire."""
    with (
        tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as home,
        DripServer.never_answering() as server,
    ):
        url = server.url if hanging else f"http://127.0.0.1:{closed_port()}"
        env = dict(os.environ, FLXDESK_HOME=home, FLXDESK_API_URL=url, FLXDESK_TOKEN=DEMO_TOKEN)
        run = subprocess.Popen(
            [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Closed"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            **NEW_PROCESS_GROUP,
        )
        try:
            if hanging:
                server.request_received.wait(60)
            else:
                for line in run.stderr:
                    if line.startswith("flxdesk: offline"):
                        break
            started = time.perf_counter()
            interrupt(run)
            run.wait(timeout=60)
            took = time.perf_counter() - started
        finally:
            if run.poll() is None:
                run.kill()
            run.communicate(timeout=10)
    return took


def window_quit(hanging: bool) -> float:
    """Seconds from File > Quit to the window's process ending: its request hanging, or
    the update sent."""
    with tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as home:
        flag = Path(home) / "quit-now"
        server = DripServer.never_answering() if hanging else DemoApi(token=WINDOW_TOKEN)
        with server:
            window = start_window(flag, Path(home) / "data", server.url, WINDOW_TOKEN)
            try:
                if isinstance(server, DripServer):
                    server.request_received.wait(60)
                else:
                    sent_in(Path(home) / "data" / "history.sqlite3", within=60)
                started = time.perf_counter()
                flag.touch()
                window.wait(timeout=60)
                took = time.perf_counter() - started
            finally:
                if window.poll() is None:
                    window.kill()
                window.communicate(timeout=10)
    return took


def sent_in(history: Path, within: float) -> None:
    """Until the history (written by another process) has a sent update."""
    from flxdesk.history.store import State

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{history}?mode=ro", uri=True, timeout=1) as db:
                if db.execute("SELECT 1 FROM updates WHERE state=?", (State.SENT,)).fetchone():
                    return
        except sqlite3.Error:
            pass  # not created yet
        threading.Event().wait(0.02)
    raise SystemExit(f"no update was sent in {history} within {within:g} s")


def scans_with_the_history(locked: bool, runs: int) -> float:
    """The longest the window's thread spends on one of ``runs`` scans (at least five,
    after one to warm up): the history locked by another program, or free."""
    from PySide6.QtWidgets import QApplication

    from flxdesk.gui.start.startup import build_app
    from flxdesk.host.paths import app_paths

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as home:
        os.environ["FLXDESK_HOME"] = home
        running = build_app(app_paths().ensure(), demo=True)
        try:
            running.window.show()
            app.processEvents()
            running.window.order_id_edit.setText("1999")
            running.window.scan_desk.submit()  # what a first scan loads is not the figure
            app.processEvents()
            other = sqlite3.connect(running.store.path, timeout=0, isolation_level=None)
            if locked:
                other.execute("BEGIN IMMEDIATE")
            took = []
            for n in range(max(runs, 5)):
                running.window.order_id_edit.setText(str(1000 + n))
                started = time.perf_counter()
                running.window.scan_desk.submit()
                took.append(time.perf_counter() - started)
                app.processEvents()
            if locked:
                other.execute("COMMIT")
            other.close()
        finally:
            running.close()
    return max(took)


def say(what: str, took: float, baseline: float, target: float) -> None:
    print(
        f"hangs: {what} {took * 1000:.0f} ms against {baseline * 1000:.0f} ms "
        f"({took / max(baseline, 1e-3):.1f}x); target under {target:g} s",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    runs = args.runs
    say(
        "a dripping answer ended at its deadline",
        median_of(runs, dripping_answer),
        DEADLINE_SECONDS,
        4.0,
    )
    say(
        "stop with a request hanging",
        median_of(runs, lambda: engine_stop(hanging=True)),
        median_of(runs, lambda: engine_stop(hanging=False)),
        1.5,
    )
    say(
        "Ctrl-C in the command line with its request hanging",
        median_of(runs, lambda: command_line_interrupt(hanging=True)),
        median_of(runs, lambda: command_line_interrupt(hanging=False)),
        2.0,
    )
    say(
        "quitting the window with its request hanging",
        median_of(runs, lambda: window_quit(hanging=True)),
        median_of(runs, lambda: window_quit(hanging=False)),
        5.0,
    )
    say(
        "a scan with the history locked",
        scans_with_the_history(locked=True, runs=runs),
        scans_with_the_history(locked=False, runs=runs),
        1.0,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
