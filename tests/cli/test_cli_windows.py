"""The command line's Windows troubles, run here: a cp1252 console, Credential Manager
without a logon session, and Ctrl-Break (SIGBREAK).

Real subprocesses against loopback servers; the Windows-only modules are stand-ins
(support/windows/), and Ctrl-Break's handling gets a stand-in signal number.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from flxdesk.cli import run_parts
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from support.paths import ROOT

ORDER_ID = "订单-1001"  # Chinese: not in cp1252
SERVER_TEXT = "Estado no válido → use Ωmega"  # "→" and "Ω" are not in cp1252, "á" is


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", *args],
        env=env,
        capture_output=True,
        timeout=120,
    )


def test_a_cp1252_console_gets_escapes_for_what_it_cannot_show_and_never_a_crash(
    httpserver: HTTPServer, flxdesk_home: Path
) -> None:
    """Windows redirects console output in the ANSI code page (cp1252 in the West)."""
    httpserver.expect_request(f"/orders/{ORDER_ID}/status", method="PATCH").respond_with_json(
        {"message": SERVER_TEXT}, status=400
    )
    env = dict(
        os.environ,
        FLXDESK_HOME=str(flxdesk_home),
        FLXDESK_API_URL=httpserver.url_for("").rstrip("/"),
        FLXDESK_TOKEN=DEMO_TOKEN,
        PYTHONIOENCODING="cp1252",
    )
    sent = run_cli("update", ORDER_ID, "--status", "Closed", env=env)
    stdout, stderr = sent.stdout.decode("cp1252"), sent.stderr.decode("cp1252")
    assert sent.returncode == 1, stderr  # the update failed (400); the run did not
    assert "Traceback" not in stderr and "UnicodeEncodeError" not in stderr
    escaped_id = ORDER_ID.encode("ascii", "backslashreplace").decode()
    assert stdout.startswith(f"failed\t{escaped_id}\tClosed\t")
    assert "Estado no válido \\u2192 use \\u03a9mega" in stdout
    assert "1 failed" in stderr

    report = run_cli("report", "--since", "today", env=env)
    stdout, stderr = report.stdout.decode("cp1252"), report.stderr.decode("cp1252")
    assert report.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert escaped_id in stdout  # the failure, listed with its order ID


def test_credential_manager_without_a_logon_session_is_one_plain_line(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    """A scheduled task "whether the user is logged on or not": keyring's Windows backend
    raises pywintypes.error 1312; the command line says what it means and what to do."""
    env = {k: v for k, v in os.environ.items() if k != "FLXDESK_TOKEN"}
    windows = ROOT / "tests" / "support" / "windows"
    env |= {
        "FLXDESK_HOME": str(flxdesk_home),
        "FLXDESK_API_URL": demo_api.url,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(windows)]),
        "PYTHON_KEYRING_BACKEND": "support.windows.credential_manager.NoLogonSession",
    }
    done = run_cli("update", "1001", "--status", "Closed", env=env)
    stderr = done.stderr.decode()
    assert done.returncode == 2
    assert "Traceback" not in stderr
    (line,) = stderr.splitlines()
    assert line.startswith("flxdesk: Windows Credential Manager cannot be used in this session")
    assert "Windows error 1312" in line and "Set FLXDESK_TOKEN instead" in line
    assert demo_api.requests == []


class StoppableEngine:
    def __init__(self) -> None:
        self.stopped = threading.Event()

    def stop(self) -> None:
        self.stopped.set()


def test_ctrl_break_stops_the_engine_where_the_platform_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows' Ctrl-Break is SIGBREAK; unhandled it ends the process on the spot, with the
    rows on the wire unaccounted for. A POSIX signal stands in for its number here."""
    if not hasattr(signal, "SIGBREAK"):
        monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    unhandled = []
    before = signal.signal(signal.SIGBREAK, lambda number, frame: unhandled.append(number))
    try:
        engine = StoppableEngine()
        restore = run_parts.stop_on_interrupt(engine)
        try:
            signal.raise_signal(signal.SIGBREAK)
            assert engine.stopped.wait(10), "Ctrl-Break did not reach the engine"
        finally:
            restore()
        assert unhandled == []
        signal.raise_signal(signal.SIGBREAK)  # the handler before is back
        assert unhandled == [signal.SIGBREAK]
    finally:
        signal.signal(signal.SIGBREAK, before)
