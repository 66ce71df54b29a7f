"""SIGTERM (a desktop's logout, systemd, ``kill``) ends the real window as a quit does.

The window runs as a person starts it, in a child process on the offscreen platform,
with a scan on the wire to a server that never answers. After the signal the process
ends by itself, the update stays queued (nothing lost), the single-instance lock and
the crash record are given back, and the next start says nothing of a crash.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from flxdesk.history.store import HistoryStore, State
from flxdesk.host.instance_lock import InstanceLock
from support.drip_server import DripServer
from support.env_keyring import TOKEN_VARIABLE
from support.process import child_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def window_env(home: Path, api_url: str) -> dict[str, str]:
    env = child_env(
        FLXDESK_HOME=str(home),
        FLXDESK_API_URL=api_url,
        PYTHON_KEYRING_BACKEND="support.env_keyring.EnvKeyring",
        QT_QPA_PLATFORM="offscreen",
    )
    env[TOKEN_VARIABLE] = "sigterm-test-token-0123"
    return env


class Window:
    """The window in a child process, read line by line as it prints."""

    def __init__(self, env: dict[str, str], order_id: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "support.signal_driver", order_id],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []

    def read_until(self, line: str) -> None:
        killer = threading.Timer(60, self.process.kill)  # a window that never says it
        killer.start()
        try:
            for said in self.process.stdout:
                self.lines.append(said.strip())
                if said.strip() == line:
                    return
        finally:
            killer.cancel()
        raise AssertionError(f"the window ended without {line!r}: {self.process.stderr.read()}")

    def terminate(self) -> tuple[int, str]:
        """SIGTERM, then the exit code and stderr; killed if it does not end in 30 s."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            _out, err = self.process.communicate(timeout=10)
        return code, err


def test_sigterm_ends_the_window_as_a_quit_does(flxdesk_home: Path) -> None:
    fault_file = flxdesk_home / "logs" / "flxdesk-running.fault"
    with DripServer.never_answering() as server:
        env = window_env(flxdesk_home, server.url)
        first = Window(env, "1234")
        first.read_until("crash notice: no")
        first.read_until("scanned")
        assert server.request_received.wait(60)  # the update is on the wire
        assert fault_file.exists()  # the crash record is armed while the window runs
        code, err = first.terminate()
        assert code == 0, err
        assert not fault_file.exists()  # given back: a polite end is not a crash
        InstanceLock(flxdesk_home, "a test").release()  # and the folder is free

        store = HistoryStore(flxdesk_home / "history.sqlite3")
        try:
            (row,) = store.newest(10)
        finally:
            store.close()
        # Nothing lost: the update on the wire is queued again, marked as maybe sent.
        assert (row.order_id, row.state, row.resent) == ("1234", State.QUEUED, 1)

        second = Window(env, "-")
        second.read_until("crash notice: no")
        second.read_until("scanned")
        code, err = second.terminate()
    assert code == 0, err
    log_text = (flxdesk_home / "logs" / "flxdesk.log").read_text(encoding="utf-8")
    assert "ended abnormally" not in log_text
    assert log_text.count("Asked to end (SIGTERM)") == 2
