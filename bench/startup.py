"""Start-up benchmark: time from process start to the first paint of flxdesk's main window.

What it measures
    For each run the parent records ``time.perf_counter()`` just before it starts a fresh
    ``sys.executable -c <driver>`` process, and again when it reads the line the child
    writes to stdout at the first Paint event of its main window. The child exits at once
    (``os._exit``), so teardown is not measured. The same is done for a bare PySide6
    ``QMainWindow`` as the baseline, interleaved with the flxdesk runs, and the result is
    the ratio of the two medians. Target: flxdesk at most 1.30 times the bare window.

    Both children run with ``QT_QPA_PLATFORM=offscreen`` unless it is already set. The
    flxdesk child gets a private ``FLXDESK_HOME`` (shared by its runs, so the measured runs
    find the history database the warm-up created, as on every start after the first) and
    ``PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring``, so the developer's data,
    settings and keychain are never touched. Before each run the crash record the
    previous child left (it ends with ``os._exit``) is removed, as a normal quit does,
    so no run is a start after a crash. ``FLXDESK_API_URL`` is removed from its
    environment so that the default address is used.

    Bytecode: both children use a private ``PYTHONPYCACHEPREFIX`` (a temporary folder that
    the warm-up runs fill) and ignore ``PYTHONDONTWRITEBYTECODE``, so every measured run
    loads cached bytecode, as an installed app does, whether or not the checkout has
    ``__pycache__`` folders; nothing is written into the repository.

How to run (from anywhere, with the interpreter that has flxdesk and PySide6)
    python bench/startup.py             # 15 runs of each, after one warm-up of each
    python bench/startup.py --runs 15 --verbose

Output, one line, e.g.
    startup: flxdesk 231 ms, bare QMainWindow 190 ms, ratio 1.22 (target <= 1.30)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.30
MARKER = "flxdesk-bench: first paint"


# Shared by both children: an event filter on the main window that reports its first
# Paint event and ends the process at once. The main window itself receives the first
# Paint event (it is painted before its children), both for flxdesk and for the bare
# QMainWindow, under the offscreen platform as well.
def first_paint_probe(at_first_paint: str = "") -> str:
    """The source of ``on_shown(window)``, which installs that filter.

    ``at_first_paint``: statements run in the filter at the first Paint event, before the
    marker line is written (tests/gui/start/test_first_paint.py reads ``sys.modules``
    there); empty for the benchmark.
    """
    extra = textwrap.indent(at_first_paint.rstrip("\n") + "\n", " " * 16) if at_first_paint else ""
    return f"""
import os
import sys


def on_shown(window):
    from PySide6.QtCore import QEvent, QObject

    class FirstPaintProbe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
{extra}                sys.stdout.write({MARKER!r} + "\\n")
                sys.stdout.flush()
                os._exit(0)
            return False

    probe = FirstPaintProbe(window)
    _probes.append(probe)
    window.installEventFilter(probe)


_probes = []  # keeps the filter alive for as long as the window lives
"""


BASELINE_DRIVER = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    + first_paint_probe()
    + """
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
on_shown(window)
sys.exit(app.exec())
"""
)


def flxdesk_driver(at_first_paint: str = "") -> str:
    """The flxdesk child: the window as a plain ``flxdesk`` start makes it."""
    return (
        "import flxdesk.app\n"
        + first_paint_probe(at_first_paint)
        + """
sys.exit(flxdesk.app.main([], on_shown=on_shown))
"""
    )


FLXDESK_DRIVER = flxdesk_driver()


class ChildFailed(RuntimeError):
    """A child process did not report its first paint."""


def child_env(*, pycache: str, flxdesk_home: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if flxdesk_home is not None:
        env["FLXDESK_HOME"] = flxdesk_home
        env.pop("FLXDESK_API_URL", None)
    return env


def time_to_first_paint(
    name: str, command: list[str], env: dict[str, str], timeout: float
) -> float:
    """Seconds from just before Popen until the child's first-paint line is read.

    Shared with bench/frozen.py, whose frozen children print the same MARKER.
    """
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        # cwd is the repository root, so ``-c`` imports flxdesk from this checkout.
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            cwd=REPO_ROOT,
            env=env,
            text=True,
        )
        timed_out = threading.Event()

        def kill_on_timeout() -> None:
            timed_out.set()
            proc.kill()

        watchdog = threading.Timer(timeout, kill_on_timeout)
        watchdog.start()
        painted_at: float | None = None
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                if line.rstrip("\n") == MARKER:
                    painted_at = time.perf_counter()
                    break
        finally:
            watchdog.cancel()
            if painted_at is None:
                proc.kill()
            proc.stdout.close()
            returncode = proc.wait()
        if painted_at is None:
            stderr.seek(0)
            details = stderr.read().decode(errors="replace").strip()
            if timed_out.is_set():
                reason = f"did not paint within {timeout:g} s and was killed"
            else:
                reason = f"exited with code {returncode} without reporting a first paint"
            raise ChildFailed(
                f"{name}: the child process {reason}."
                + (f"\n--- its stderr ---\n{details}" if details else "")
            )
    return painted_at - start


def forget_abrupt_end(home: str) -> None:
    """Remove the crash record a child leaves by ending with ``os._exit``.

    A normal quit removes it. Left in place, every measured start would be the start
    after a crash, which also builds the "did not close normally" notice. The measured
    start is the everyday one.
    """
    for record in Path(home, "logs").glob("*-running.fault"):
        record.unlink()


def time_flxdesk(pycache: str, home: str, timeout: float) -> float:
    forget_abrupt_end(home)
    env = child_env(pycache=pycache, flxdesk_home=home)
    return time_to_first_paint("flxdesk", [sys.executable, "-c", FLXDESK_DRIVER], env, timeout)


def time_baseline(pycache: str, timeout: float) -> float:
    env = child_env(pycache=pycache, flxdesk_home=None)
    command = [sys.executable, "-c", BASELINE_DRIVER]
    return time_to_first_paint("bare QMainWindow", command, env, timeout)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time from process start to the first paint of flxdesk's main window, "
        "as a ratio to a bare PySide6 QMainWindow."
    )
    parser.add_argument(
        "--runs", type=int, default=15, help="measured runs of each, interleaved (default 15)"
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds allowed per child (default 30)"
    )
    parser.add_argument("--verbose", action="store_true", help="also print every run")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.timeout <= 0:
        parser.error("--timeout must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    app_times: list[float] = []
    bare_times: list[float] = []
    try:
        with (
            tempfile.TemporaryDirectory(
                prefix="flxdesk-bench-pycache-", ignore_cleanup_errors=True
            ) as pycache,
            tempfile.TemporaryDirectory(
                prefix="flxdesk-bench-home-", ignore_cleanup_errors=True
            ) as home,
        ):
            # Warm-up, not counted: file caches, the bytecode cache, and flxdesk's data
            # folder (the first run creates the history database, as on first install;
            # the measured runs are the everyday start with an existing history).
            time_flxdesk(pycache, home, args.timeout)
            time_baseline(pycache, args.timeout)
            for run in range(1, args.runs + 1):
                app_times.append(time_flxdesk(pycache, home, args.timeout))
                bare_times.append(time_baseline(pycache, args.timeout))
                if args.verbose:
                    print(
                        f"run {run}: flxdesk {app_times[-1] * 1000:.0f} ms, "
                        f"bare QMainWindow {bare_times[-1] * 1000:.0f} ms"
                    )
    except ChildFailed as error:
        print(f"startup benchmark failed: {error}", file=sys.stderr)
        return 1
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    ratio = app_median / bare_median
    print(
        f"startup: flxdesk {app_median * 1000:.0f} ms, "
        f"bare QMainWindow {bare_median * 1000:.0f} ms, "
        f"ratio {ratio:.2f} (target <= {TARGET_RATIO:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
