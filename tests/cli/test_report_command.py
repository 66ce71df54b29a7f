"""``flxdesk report``, run for real in subprocesses: the summary's numbers, files, exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flxdesk.history.store import HistoryStore
from flxdesk.orders.destination import Destination
from support.headless import without_display

HERE = Destination("https://api.example.test", "f" * 32)


def flxdesk(
    *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = dict(env or os.environ, FLXDESK_HOME=str(home))
    env.pop("FLXDESK_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", "report", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def history(flxdesk_home: Path) -> Path:
    """Today: 3 sent, 2 failed (one 404, one invalid), 1 waiting; 2 sent last week."""
    flxdesk_home.mkdir(parents=True, exist_ok=True)
    store = HistoryStore(flxdesk_home / "history.sqlite3")
    for order_id in ("1001", "1002", "1003"):
        update_id = store.add_queued(order_id, "Closed", "", destination=HERE)
        store.complete(
            update_id,
            ok=True,
            attempts=1,
            http_code=201,
            outcome="success",
            message=f"Order {order_id} set to Closed.",
            detail="",
        )
    failed = store.add_queued("5000", "On Hold", "", destination=HERE)
    store.complete(
        failed,
        ok=False,
        attempts=1,
        http_code=404,
        outcome="not_found",
        message="Order 5000 was not found in Flxpoint.",
        detail="HTTP 404",
    )
    store.add_rejected([("", "Closed", "", "Line 7 has no order ID.")])
    store.add_queued("1004", "Open", "", destination=HERE)
    week_ago = time.time() - 7 * 86400
    store.connection.executemany(
        "INSERT INTO updates (order_id, status, state, created_at, api_url, token_fp)"
        " VALUES (?, 'Closed', 'sent', ?, ?, ?)",
        [("9001", week_ago, *HERE), ("9002", week_ago, *HERE)],
    )
    store.close()
    return flxdesk_home


def test_report_today_prints_the_numbers_and_writes_csv_and_pdf(
    history: Path, tmp_path: Path
) -> None:
    csv_file, pdf_file = tmp_path / "summary.csv", tmp_path / "summary.pdf"
    done = flxdesk("--since", "today", "--csv", str(csv_file), "--pdf", str(pdf_file), home=history)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("flxdesk shift summary: today, ")
    assert lines[1] == "updates: 6 (sent 3, failed 1, invalid 1, cancelled 0, waiting 1)"
    assert any(line.split() == ["Closed", "3", "0", "1", "0", "0", "4"] for line in lines)
    assert "       1  Order not found in Flxpoint" in lines
    assert any(
        line.endswith("5000  On Hold  404  Order 5000 was not found in Flxpoint.") for line in lines
    )
    assert csv_file.read_text(encoding="utf-8-sig").startswith("flxdesk shift summary")
    assert pdf_file.read_bytes().startswith(b"%PDF")
    assert done.stderr.splitlines() == [f"flxdesk: wrote {csv_file}", f"flxdesk: wrote {pdf_file}"]
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf_file), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert lines[0].removeprefix("flxdesk shift summary: ") in text


def test_report_pdf_draws_offscreen_on_a_machine_without_a_display(
    history: Path, tmp_path: Path
) -> None:
    pdf_file = tmp_path / "summary.pdf"
    done = flxdesk("--since", "today", "--pdf", str(pdf_file), home=history, env=without_display())
    assert done.returncode == 0, done.stderr  # not SIGABRT (-6) for want of a display
    assert done.stderr.splitlines() == [f"flxdesk: wrote {pdf_file}"]
    assert pdf_file.read_bytes().startswith(b"%PDF")


def test_report_over_dates_counts_only_that_range(history: Path) -> None:
    week_ago = time.strftime("%Y-%m-%d", time.localtime(time.time() - 7 * 86400))
    done = flxdesk("--since", week_ago, "--until", week_ago, home=history)
    assert done.returncode == 0, done.stderr
    assert "updates: 2 (sent 2, failed 0, invalid 0, cancelled 0, waiting 0)" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "flxdesk: --since 'yesterday' is not understood; use today,"),
        (["--since", "2025-02-30"], "flxdesk: --since '2025-02-30' is not understood"),
        (["--since", "today", "--until", "later"], "flxdesk: --until 'later' is not understood"),
        (["--since", "2025-06-02", "--until", "2025-06-01"], "flxdesk: --until 2025-06-01 is "),
        (["--since", "2999-01-01"], "flxdesk: --since 2999-01-01 is in the future"),
    ],
)
def test_a_bad_period_exits_2_with_one_plain_line(
    history: Path, args: list[str], message: str
) -> None:
    done = flxdesk(*args, home=history)
    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(message)


def test_without_since_argparse_explains_and_exits_2(history: Path) -> None:
    done = flxdesk(home=history)
    assert done.returncode == 2
    assert "the following arguments are required: --since" in done.stderr


def test_a_file_that_cannot_be_written_exits_2(history: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "summary.csv"
    done = flxdesk("--since", "shift", "--csv", str(target), home=history)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"flxdesk: cannot write {target}: No such file or directory"
    ]


def test_an_unreadable_history_exits_2(flxdesk_home: Path) -> None:
    flxdesk_home.mkdir(parents=True, exist_ok=True)
    (flxdesk_home / "history.sqlite3").write_bytes(b"not a database\n" * 200)
    done = flxdesk("--since", "today", home=flxdesk_home)
    assert done.returncode == 2
    assert done.stderr.startswith("flxdesk: The history file ")
    assert "Traceback" not in done.stderr


def test_report_without_pdf_does_not_load_qt(history: Path) -> None:
    check = (
        "import sys; from flxdesk.app import main; code = main(['report', '--since', 'today']);"
        " assert code == 0, code;"
        " assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'"
    )
    env = dict(os.environ, FLXDESK_HOME=str(history))
    done = subprocess.run(
        [sys.executable, "-c", check], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


SHIFT_START = "2025-06-03 06:00"


@pytest.fixture
def signed_in_history(flxdesk_home: Path) -> Path:
    """A morning shift: Maria's four updates with an hour's pause, one from nobody."""
    from datetime import datetime

    start = datetime(2025, 6, 3, 6, 0).astimezone().timestamp()
    flxdesk_home.mkdir(parents=True, exist_ok=True)
    store = HistoryStore(flxdesk_home / "history.sqlite3")
    store.connection.executemany(
        "INSERT INTO updates (order_id, status, state, outcome, created_at, operator,"
        " api_url, token_fp) VALUES (?, 'Closed', ?, ?, ?, ?, ?, ?)",
        [
            (*row, *HERE)
            for row in [
                ("1", "sent", "success", start, "Maria López"),
                ("2", "sent", "success", start + 60, "Maria López"),
                ("2", "failed", "not_found", start + 120, "Maria López"),
                ("3", "sent", "success", start + 3720, "Maria López"),
                ("10", "sent", "success", start + 10, ""),
            ]
        ],
    )
    store.close()
    return flxdesk_home


def test_report_by_operator_prints_only_the_line_per_operator(signed_in_history: Path) -> None:
    done = flxdesk(
        "--since",
        SHIFT_START,
        "--until",
        "2025-06-03 14:00",
        "--by-operator",
        home=signed_in_history,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "flxdesk shift summary: 2025-06-03 06:00 to 14:00"
    assert [line.split() for line in lines[2:5]] == [
        ["by", "operator", "asked", "sent", "failed", "orders/h", "longest", "gap"],
        ["Maria", "López", "4", "3", "1", "5.6", "1:00:00"],
        ["(nobody", "signed", "in)", "1", "1", "0", "-", "-"],
    ]
    assert lines[5].startswith("orders/h: different orders per hour signed in")
    assert len(lines) == 6  # nothing else: no totals, hours or failures


def test_the_whole_report_and_its_pdf_hold_the_operators(
    signed_in_history: Path, tmp_path: Path
) -> None:
    pdf_file = tmp_path / "summary.pdf"
    done = flxdesk(
        "--since",
        SHIFT_START,
        "--until",
        "2025-06-03 14:00",
        "--pdf",
        str(pdf_file),
        home=signed_in_history,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines.index("failures, oldest first") > lines.index(
        next(line for line in lines if line.startswith("by operator"))
    )
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf_file), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "By operator" in text
        rows = [line.split() for line in text.splitlines()]
        assert ["Maria", "López", "4", "3", "1", "5.6", "1:00:00"] in rows
