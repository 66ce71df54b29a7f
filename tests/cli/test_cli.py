"""The command line, run for real in subprocesses against loopback demo APIs."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.history.store import HistoryStore, State
from flxdesk.host.instance_lock import InstanceLock


def cli_env(home: Path, demo_api: DemoApi, token: str | None = DEMO_TOKEN) -> dict[str, str]:
    env = dict(os.environ, FLXDESK_HOME=str(home), FLXDESK_API_URL=demo_api.url)
    env.pop("FLXDESK_TOKEN", None)
    if token:
        env["FLXDESK_TOKEN"] = token
    return env


def flxdesk(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def write_csv(path: Path, rows: list[str], header: str = "order_id,status,note") -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_bulk_file_sends_every_row_and_writes_results(
    tmp_path: Path, demo_api: DemoApi, flxdesk_home: Path
) -> None:
    source = write_csv(tmp_path / "orders.csv", ["1001,Closed,dock 3", "1002,,", "1003,On Hold,"])
    results = tmp_path / "results.csv"
    done = flxdesk(
        "bulk",
        str(source),
        "--status",
        "Canceled",
        "--results",
        str(results),
        env=cli_env(flxdesk_home, demo_api),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert sorted(lines) == [
        "sent\t1001\tClosed\tOrder 1001 set to Closed.",
        "sent\t1002\tCanceled\tOrder 1002 set to Canceled.",
        "sent\t1003\tOn Hold\tOrder 1003 set to On Hold.",
    ]
    with results.open(encoding="utf-8-sig") as written:
        rows = list(csv.DictReader(written))
    assert [(r["order_id"], r["result"], r["http_code"]) for r in rows] == [
        ("1001", "sent", "201"),
        ("1002", "sent", "201"),
        ("1003", "sent", "201"),
    ]
    assert "3 sent, 0 failed, 0 invalid, 0 left queued" in done.stderr


def test_bad_rows_and_failures_give_exit_code_1(
    tmp_path: Path, demo_api: DemoApi, flxdesk_home: Path
) -> None:
    source = write_csv(tmp_path / "o.csv", ["1001,Closed,", "77,Closed,", ",Closed,", "1005,Lost,"])
    results = tmp_path / "results.csv"
    done = flxdesk(
        "bulk", str(source), "--results", str(results), env=cli_env(flxdesk_home, demo_api)
    )
    assert done.returncode == 1
    assert "failed\t77\tClosed\tOrder 77 was not found in Flxpoint (404)" in done.stdout
    assert "o.csv line 4: Scan or type an order ID first." in done.stderr
    assert "o.csv line 5: Unknown status 'Lost'" in done.stderr
    assert "1 sent, 1 failed, 2 invalid" in done.stderr
    with results.open(encoding="utf-8-sig") as written:
        outcome = {(r["order_id"], r["result"]) for r in csv.DictReader(written)}
    assert outcome == {("1001", "sent"), ("77", "failed"), ("", "invalid"), ("1005", "invalid")}


def test_update_one_order(demo_api: DemoApi, flxdesk_home: Path) -> None:
    done = flxdesk(
        "update",
        "1500",
        "--status",
        "Not Managed",
        "--note",
        "x",
        env=cli_env(flxdesk_home, demo_api),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "sent\t1500\tNot Managed\tOrder 1500 set to Not Managed.\n"
    (seen,) = demo_api.requests
    assert seen.query == {"status": ["Not Managed"], "updateNote": ["x"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["update", "1", "--status", "Shipped"], "unknown status 'Shipped'"),
        (["bulk", "missing.csv"], "There is no file"),
        (["update", "1"], "required: --status"),
    ],
)
def test_usage_and_file_errors_give_exit_code_2(
    demo_api: DemoApi, flxdesk_home: Path, args: list[str], message: str
) -> None:
    done = flxdesk(*args, env=cli_env(flxdesk_home, demo_api))
    assert done.returncode == 2
    assert message in done.stderr
    assert demo_api.requests == []


def test_no_token_is_a_clear_setup_error(demo_api: DemoApi, flxdesk_home: Path) -> None:
    done = flxdesk("update", "1001", "--status", "Open", env=cli_env(flxdesk_home, demo_api, None))
    assert done.returncode == 2
    assert "No system keychain" in done.stderr and "FLXDESK_TOKEN" in done.stderr


def test_rejected_token_stops_and_leaves_the_update_queued(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    done = flxdesk(
        "update", "1001", "--status", "Open", env=cli_env(flxdesk_home, demo_api, "revoked1")
    )
    assert done.returncode == 1
    assert "Account, Source and Channel" in done.stderr
    assert "1 update(s) left queued; run 'flxdesk resume'" in done.stderr
    tried = len(demo_api.requests)
    # Queued under the refused token: a new token sends it only when told to.
    held = flxdesk("resume", env=cli_env(flxdesk_home, demo_api))
    assert held.returncode == 1
    assert "1 update was queued under a different API token; they are held." in held.stderr
    assert "'flxdesk resume --to-current'" in held.stderr
    assert len(demo_api.requests) == tried
    resumed = flxdesk("resume", "--to-current", env=cli_env(flxdesk_home, demo_api))
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.startswith("sent\t1001\tOpen")
    assert demo_api.requests[-1].headers["x-api-token"] == DEMO_TOKEN


def test_resume_holds_updates_queued_for_another_api_address(flxdesk_home: Path) -> None:
    """Queued for A (left there by a 401), resumed with the address changed to B."""
    with DemoApi(token="token-for-a") as server_a, DemoApi() as server_b:
        orders = [str(n) for n in range(1300, 1305)]
        source = write_csv(flxdesk_home.parent / "o.csv", [f"{o},Closed," for o in orders])
        first = flxdesk("bulk", str(source), env=cli_env(flxdesk_home, server_a))
        assert first.returncode == 1  # the token was refused: all left queued for A
        held = flxdesk("resume", env=cli_env(flxdesk_home, server_b))
        assert held.returncode == 1
        assert f"5 updates were queued for {server_a.url}; they are held." in held.stderr
        assert f"flxdesk now sends to {server_b.url}" in held.stderr
        assert server_b.requests == []  # nothing reaches B until the person says so
        moved = flxdesk("resume", "--to-current", env=cli_env(flxdesk_home, server_b))
        assert moved.returncode == 0, moved.stderr
        assert f"Sending them to {server_b.url}" in moved.stderr
    assert Counter(seen.order_id for seen in server_b.requests) == dict.fromkeys(orders, 1)
    assert {seen.answer for seen in server_b.requests} == {201}


def test_a_second_instance_on_the_same_data_folder_is_refused(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    lock = InstanceLock(flxdesk_home, "flxdesk window")
    try:
        done = flxdesk("update", "1001", "--status", "Open", env=cli_env(flxdesk_home, demo_api))
    finally:
        lock.release()
    assert done.returncode == 2
    assert f"flxdesk window (process {os.getpid()}" in done.stderr
    assert "already using the data folder" in done.stderr
    assert demo_api.requests == []


def test_killed_run_resumes_without_sending_anything_twice(
    tmp_path: Path, flxdesk_home: Path
) -> None:
    orders = [str(n) for n in range(1000, 1016)]
    source = write_csv(tmp_path / "o.csv", [f"{o},Closed," for o in orders])
    with DemoApi(latency=0.3) as demo_api:
        env = cli_env(flxdesk_home, demo_api)
        process = subprocess.Popen(
            [sys.executable, "-m", "flxdesk", "bulk", str(source)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        store = HistoryStore(flxdesk_home / "history.sqlite3")
        deadline = time.monotonic() + 60
        while store.count_by_state()[State.SENT] < 5:
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)  # polling a subprocess's database; there is no signal to wait on
        process.kill()  # SIGKILL; TerminateProcess on Windows
        process.wait(timeout=30)
        killed = store.count_by_state()
        assert killed[State.SENT] >= 5 and killed[State.QUEUED] > 0
        resumed = flxdesk("resume", env=env)
        assert resumed.returncode == 0, resumed.stderr
    rows = store.newest(100)
    assert {row.state for row in rows} == {State.SENT}
    assert sorted(row.order_id for row in rows) == orders
    sent = Counter(seen.order_id for seen in demo_api.requests if seen.answer == 201)
    assert set(sent) == set(orders)  # nothing lost
    twice = {order for order, count in sent.items() if count > 1}
    resent = {row.order_id for row in rows if row.resent}
    assert twice <= resent  # only updates in flight at the kill may arrive twice
    assert len(resent) <= killed[State.SENDING]


def test_an_unusable_station_name_is_refused_before_anything_is_queued(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    env = dict(cli_env(flxdesk_home, demo_api), FLXDESK_STATION="x" * 65)
    done = flxdesk("update", "1001", "--status", "Open", env=env)
    assert done.returncode == 2
    assert "FLXDESK_STATION cannot be used as the station's name" in done.stderr
    assert demo_api.requests == []


def test_a_sent_update_names_its_station_in_the_results(
    tmp_path: Path, demo_api: DemoApi, flxdesk_home: Path
) -> None:
    source = write_csv(tmp_path / "orders.csv", ["1001,Closed,"])
    results = tmp_path / "results.csv"
    env = dict(cli_env(flxdesk_home, demo_api), FLXDESK_STATION="DOCK 3")
    done = flxdesk("bulk", str(source), "--results", str(results), env=env)
    assert done.returncode == 0, done.stderr
    with results.open(encoding="utf-8-sig") as written:
        assert [row["station"] for row in csv.DictReader(written)] == ["DOCK 3"]
