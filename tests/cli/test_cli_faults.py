"""The command line through faults: Ctrl-C (Ctrl-Break on Windows), and storage faults in one
plain line, exit 2.

Real subprocesses against loopback servers; a small tmpfs for a full or read-only disk
(skipped, with the reason, where it cannot be mounted).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.history.store import HistoryStore, State
from support.drip_server import DripServer
from support.process import NEW_PROCESS_GROUP, interrupt
from support.tmpfs import fill_disk, make_read_only, small_tmpfs


def cli_env(home: Path, api_url: str) -> dict[str, str]:
    return dict(
        os.environ, FLXDESK_HOME=str(home), FLXDESK_API_URL=api_url, FLXDESK_TOKEN=DEMO_TOKEN
    )


def flxdesk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def only_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(
    "signal_name",
    [
        "Ctrl-C",
        pytest.param("SIGTERM", marks=pytest.mark.skipif(sys.platform == "win32", reason="POSIX")),
    ],
)
def test_ctrl_c_or_sigterm_ends_the_command_line_and_its_request_and_leaves_the_row_queued(
    flxdesk_home: Path, signal_name: str
) -> None:
    """How soon it ends is bench/hangs.py's figure; here, that the signal ends it."""
    with DripServer.never_answering() as server:
        run = subprocess.Popen(
            [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Closed"],
            env=cli_env(flxdesk_home, server.url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **NEW_PROCESS_GROUP,
        )
        try:
            assert server.request_received.wait(60)
            if signal_name == "SIGTERM":  # a scheduler's or systemd's stop
                run.send_signal(signal.SIGTERM)
            else:
                interrupt(run)
            code = run.wait(timeout=30)  # a guard against a hang only
        finally:
            if run.poll() is None:
                run.kill()
            _, stderr = run.communicate(timeout=10)
    assert code == 1, stderr  # left queued
    assert "interrupted" in stderr and "1 update(s) left queued" in stderr
    assert "Traceback" not in stderr
    store = HistoryStore(flxdesk_home / "history.sqlite3")
    try:
        (row,) = store.newest(5)
    finally:
        store.close()
    assert (row.order_id, row.state, row.resent) == ("1001", State.QUEUED, 1)
    # No answer and no timeout recorded: the signal ended the request, not its deadline.
    assert (row.attempts, row.outcome) == (0, None)


def test_a_results_file_in_a_missing_folder_is_refused_before_anything_is_sent(
    tmp_path: Path, flxdesk_home: Path, demo_api: DemoApi
) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text("order_id\n1001\n", encoding="utf-8")
    results = tmp_path / "no such folder" / "results.csv"
    done = flxdesk(
        "bulk", str(orders), "--status", "Closed", "--results", str(results),
        env=cli_env(flxdesk_home, demo_api.url),
    )  # fmt: skip
    assert done.returncode == 2
    line = only_line(done.stderr)
    assert line.startswith(f"flxdesk: The results file {results} cannot be written: the folder ")
    assert "does not exist" in line
    assert demo_api.requests == []


def test_a_history_that_is_not_a_database_is_named_and_left_as_it_is(
    flxdesk_home: Path, demo_api: DemoApi
) -> None:
    flxdesk_home.mkdir(parents=True, exist_ok=True)
    history = flxdesk_home / "history.sqlite3"
    history.write_bytes(b"my shopping list\n" * 300)
    done = flxdesk("update", "1001", "--status", "Closed", env=cli_env(flxdesk_home, demo_api.url))
    assert done.returncode == 2
    line = only_line(done.stderr)
    assert line.startswith(f"flxdesk: The history file {history} is not a flxdesk history")
    assert "set it aside" in line
    assert history.read_bytes() == b"my shopping list\n" * 300  # never changed by the CLI
    assert demo_api.requests == []


def test_a_history_locked_by_another_program_is_named_with_what_to_do(
    flxdesk_home: Path, demo_api: DemoApi
) -> None:
    HistoryStore(flxdesk_home / "history.sqlite3").close()
    other = sqlite3.connect(flxdesk_home / "history.sqlite3", timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        done = flxdesk(
            "update", "1001", "--status", "Closed", env=cli_env(flxdesk_home, demo_api.url)
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 2
    line = only_line(done.stderr)
    assert "is locked by another program" in line and "close that program or wait" in line
    assert str(flxdesk_home / "history.sqlite3") in line
    assert demo_api.requests == []


@pytest.mark.tmpfs
def test_a_read_only_data_folder_is_named_with_what_to_do(
    tmp_path: Path, demo_api: DemoApi
) -> None:
    with small_tmpfs(tmp_path / "disk") as disk:
        home = disk / "flxdesk"
        HistoryStore(home / "history.sqlite3").close()
        (home / "logs").mkdir()
        make_read_only(disk)
        done = flxdesk("update", "1001", "--status", "Closed", env=cli_env(home, demo_api.url))
    assert done.returncode == 2
    line = only_line(done.stderr)
    assert "is read-only" in line and "FLXDESK_HOME" in line
    assert str(home) in line
    assert demo_api.requests == []


@pytest.mark.tmpfs
def test_a_full_disk_is_named_with_what_to_do(tmp_path: Path, demo_api: DemoApi) -> None:
    with small_tmpfs(tmp_path / "disk") as disk:
        home = disk / "flxdesk"
        store = HistoryStore(home / "history.sqlite3")
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        (home / "logs").mkdir()
        fill_disk(disk)
        done = flxdesk("update", "1001", "--status", "Closed", env=cli_env(home, demo_api.url))
    assert done.returncode == 2
    line = only_line(done.stderr)
    assert "is full" in line and "free some space" in line
    assert demo_api.requests == []


def test_an_outage_is_waited_out_and_said_in_words(flxdesk_home: Path) -> None:
    from support.fault_api import FaultyApi

    outage = lambda n: (502, {"message": "Bad Gateway"}) if n <= 2 else None  # noqa: E731
    with FaultyApi(outage) as api:
        done = flxdesk("update", "1001", "--status", "Closed", env=cli_env(flxdesk_home, api.url))
    assert done.returncode == 0, done.stderr
    assert "flxdesk: Flxpoint is not answering since " in done.stderr
    assert "waiting for Flxpoint" in done.stderr
    assert done.stdout.startswith("sent\t1001\tClosed\t")
    assert [seen.answer for seen in api.requests] == [502, 502, 201]
