"""Running the real ``flxdesk`` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from support.paths import ROOT


def child_env(**overrides: str) -> dict[str, str]:
    """This process's environment with ``overrides``, for a child that imports the
    tests' own modules (``python -m support.…``): tests/ first on PYTHONPATH."""
    path = os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, **overrides, "PYTHONPATH": path}


def run_flxdesk(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``flxdesk *args`` to its end in a child with ``env``: its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


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


# Ctrl-C for a child process. POSIX: SIGINT. Windows has no SIGINT to send; a console
# program gets Ctrl-Break (SIGBREAK in Python) when it runs in a process group of its own.
NEW_PROCESS_GROUP = (
    {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32" else {}
)


def interrupt(process: subprocess.Popen) -> None:
    """Press Ctrl-C (Ctrl-Break on Windows) in ``process``, started with NEW_PROCESS_GROUP."""
    import signal

    process.send_signal(signal.CTRL_BREAK_EVENT if sys.platform == "win32" else signal.SIGINT)
