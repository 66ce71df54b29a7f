"""SIGTERM (a desktop's logout, systemd, ``kill``) ends the window as File → Quit does:
what waits is written, the lock and the crash record are given back, and the next start
does not say the last run "did not close normally" (before, it did)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from support.paths import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows sends no SIGTERM")


def start_window(home: Path) -> tuple[subprocess.Popen, queue.Queue[str]]:
    env = dict(
        os.environ,
        FLXDESK_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(
            filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")])
        ),
    )
    window = subprocess.Popen(
        [sys.executable, "-m", "support.x_station"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in window.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return window, lines


def lines_until_ready(lines: queue.Queue[str]) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while "ready" not in seen:
        seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))
    return seen


def test_sigterm_ends_the_window_as_a_quit_and_the_next_start_says_nothing_of_a_crash(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    window, lines = start_window(home)
    try:
        assert not any(line.startswith("notice") for line in lines_until_ready(lines))
        running_record = home / "logs" / "flxdesk-demo-running.fault"
        assert running_record.exists()  # armed while the window runs
        window.send_signal(signal.SIGTERM)
        assert window.wait(timeout=60) == 0
    finally:
        if window.poll() is None:
            window.kill()
        window.stdin.close()
        window.stdout.close()
    assert not running_record.exists()
    again, again_lines = start_window(home)
    try:
        seen = lines_until_ready(again_lines)
        assert not any(line.startswith("notice") for line in seen), seen
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(timeout=60)
        again.stdin.close()
        again.stdout.close()
