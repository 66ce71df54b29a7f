"""Running the real ``flxdesk`` command in a child process."""

from __future__ import annotations

import subprocess
import sys
import threading


def first_error_line_of_window(*args: str, env: dict[str, str] | None = None) -> str:
    """Start the window and read the first line flxdesk writes to stderr ("flxdesk: ..."),
    past what Qt's platform plugin may say first (the window may already be shown: the
    history is opened just after the first paint).

    A start-up refusal goes to stderr and to a dialog, which waits for a click: the
    process is killed once the line is read. "" when the process ends without one.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "flxdesk", *args], env=env, stderr=subprocess.PIPE, text=True
    )
    deadline = threading.Timer(60, process.kill)  # a window that never says anything
    deadline.start()
    try:
        for line in process.stderr:
            if line.startswith("flxdesk"):
                return line
        return ""
    finally:
        deadline.cancel()
        process.kill()
        process.wait(timeout=30)
        process.stderr.close()
