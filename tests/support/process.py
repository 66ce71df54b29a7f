"""Running the real ``flxdesk`` command in a child process."""

from __future__ import annotations

import subprocess
import sys


def first_error_line_of_window(*args: str, env: dict[str, str] | None = None) -> str:
    """Start the window and read the first line it writes to stderr.

    A start-up refusal goes to stderr and to a dialog, which waits for a click: the
    process is killed once the line is read.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "flxdesk", *args], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        return process.stderr.readline()
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stderr.close()
