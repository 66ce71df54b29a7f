"""The shift summary's numbers equal counts the test makes in SQL; its CSV holds them safely."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from flxdesk.history.periods import between, this_shift
from flxdesk.history.store import HistoryStore
from flxdesk.orders.destination import Destination
from flxdesk.orders.statuses import ORDER_STATUSES
from flxdesk.reports.shift_report import (
    RESULTS,
    ShiftSummary,
    summarize,
    summary_lines,
    write_summary_csv,
)

HERE = Destination("https://api.example.test", "f" * 32)
START = datetime(2025, 6, 3, 6, 0).astimezone().timestamp()  # a morning shift, local time
END = START + 8 * 3600
OUTCOMES = {  # state -> outcomes it is recorded with
    "sent": ["success"],
    "failed": ["not_found", "bad_request", "server_error", "invalid", "timeout"],
    "cancelled": [None, "discarded"],
    "queued": [None, "server_error"],
    "sending": [None],
}
# How the test counts each result, written apart from the module's own SQL.
RESULT_CONDITIONS = {
    "sent": "state = 'sent'",
    "failed": "state = 'failed' AND outcome IS NOT 'invalid'",
    "invalid": "state = 'failed' AND outcome = 'invalid'",
    "cancelled": "state = 'cancelled'",
    "waiting": "(state = 'queued' OR state = 'sending')",
}


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    """2,000 updates from 4 hours before the shift to 4 hours after it."""
    store = HistoryStore(tmp_path / "history.sqlite3")
    rng = random.Random(12)
    rows = []
    for n in range(2000):
        state = rng.choice(["sent"] * 6 + list(OUTCOMES))
        outcome = rng.choice(OUTCOMES[state])
        created = rng.uniform(START - 4 * 3600, END + 4 * 3600)
        code = {"success": 201, "not_found": 404, "bad_request": 400}.get(outcome)
        message = f"Order {1000 + n}: {outcome}" if state == "failed" else ""
        rows.append(
            (str(1000 + n), rng.choice(ORDER_STATUSES), state, created, outcome, code, message)
        )
    rows.append(
        (
            '=HYPERLINK("http://127.0.0.1/x")',
            "Closed",
            "failed",
            START + 60,
            "not_found",
            404,
            "+cmd|' /C calc'!A0",
        )
    )
    store.connection.executemany(
        "INSERT INTO updates (order_id, status, state, created_at, outcome, http_code, message,"
        " api_url, token_fp) VALUES (?,?,?,?,?,?,?,?,?)",
        [(*row, *HERE) for row in rows],
    )
    yield store
    store.close()


def sql_count(store: HistoryStore, condition: str, args: tuple = ()) -> int:
    (count,) = store.connection.execute(
        f"SELECT COUNT(*) FROM updates WHERE created_at >= ? AND created_at < ? AND {condition}",
        (START, END, *args),
    ).fetchone()
    return count


@pytest.fixture
def summary(store: HistoryStore) -> ShiftSummary:
    return summarize(store, between(START, END), now=END + 5 * 3600)


def test_counts_by_status_and_result_equal_sql_counts(
    store: HistoryStore, summary: ShiftSummary
) -> None:
    for status in ORDER_STATUSES:
        for result in RESULTS:
            expected = sql_count(store, f"status = ? AND {RESULT_CONDITIONS[result]}", (status,))
            assert summary.by_status.get(status, dict.fromkeys(RESULTS, 0))[result] == expected
    for result in RESULTS:
        assert summary.by_result[result] == sql_count(store, RESULT_CONDITIONS[result])
    assert summary.total == sql_count(store, "1") > 500
    assert all(summary.by_result.values())  # the data has every result


def test_failures_with_their_reasons_equal_sql(store: HistoryStore, summary: ShiftSummary) -> None:
    failed_ids = [
        row[0]
        for row in store.connection.execute(
            "SELECT id FROM updates WHERE state = 'failed' AND created_at >= ? AND created_at < ?"
            " ORDER BY created_at",
            (START, END),
        )
    ]
    assert [failure.update_id for failure in summary.failures] == failed_ids
    reasons = dict(summary.reasons)
    for outcome in OUTCOMES["failed"]:
        assert reasons[outcome] == sql_count(store, "state = 'failed' AND outcome = ?", (outcome,))
    assert sum(reasons.values()) == len(failed_ids)
    assert list(reasons.values()) == sorted(reasons.values(), reverse=True)


def test_every_hour_of_the_period_is_counted_as_sql_counts_it(
    store: HistoryStore, summary: ShiftSummary
) -> None:
    assert [hour.label for hour in summary.hours] == [
        time.strftime("%Y-%m-%d %H:00", time.localtime(START + n * 3600)) for n in range(8)
    ]
    for hour in summary.hours:
        since = datetime.strptime(hour.label, "%Y-%m-%d %H:%M").astimezone().timestamp()
        within = "created_at >= ? AND created_at < ?"
        assert hour.asked == sql_count(store, within, (since, since + 3600))
        assert hour.sent == sql_count(store, f"{within} AND state = 'sent'", (since, since + 3600))
        assert hour.failed == sql_count(
            store, f"{within} AND state = 'failed'", (since, since + 3600)
        )
    assert sum(hour.asked for hour in summary.hours) == summary.total


def test_an_open_period_counts_up_to_now_with_empty_hours_shown(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    update_id = store.add_queued("1001", "Closed", "", destination=HERE)
    store.complete(
        update_id, ok=True, attempts=1, http_code=201, outcome="success", message="", detail=""
    )
    now = time.time() + 2 * 3600
    summary = summarize(store, this_shift(now), now=now)
    assert summary.by_result == {**dict.fromkeys(RESULTS, 0), "sent": 1}
    assert len(summary.hours) in (8, 9)  # the shift's hours, whole or begun
    assert [hour.sent for hour in summary.hours].count(1) == 1
    assert summary.failures == [] and summary.reasons == []


def read_sections(path: Path) -> list[list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    sections, current = [], []
    for row in rows:
        if row:
            current.append(row)
        else:
            sections.append(current)
            current = []
    return [*sections, current]


def test_csv_holds_the_same_numbers_and_formulas_stay_text(
    tmp_path: Path, summary: ShiftSummary
) -> None:
    path = write_summary_csv(summary, tmp_path / "summary.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    head, results, statuses, reasons, hours, failures = read_sections(path)
    assert head[1] == ["period", summary.period.label]
    assert {row[0]: int(row[1]) for row in results[1:]} == {
        **summary.by_result,
        "total": summary.total,
    }
    assert statuses[0] == ["status", *RESULTS, "total"]
    for status, *counts in statuses[1:]:
        assert [int(c) for c in counts[:-1]] == [summary.by_status[status][r] for r in RESULTS]
    assert {row[1]: int(row[2]) for row in reasons[1:]} == dict(summary.reasons)
    assert [(row[0], int(row[1])) for row in hours[1:]] == [
        (hour.label, hour.asked) for hour in summary.hours
    ]
    assert len(failures) - 1 == len(summary.failures)
    dangerous = next(row for row in failures if "HYPERLINK" in row[1])
    assert dangerous[1] == '\'=HYPERLINK("http://127.0.0.1/x")'
    assert dangerous[5] == "'+cmd|' /C calc'!A0"
    cells = [cell for section in read_sections(path) for row in section for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_a_stations_summary_names_the_station_in_its_title_and_csv(
    store: HistoryStore, tmp_path: Path
) -> None:
    store.set_station("PACK-1")
    summary = summarize(store, between(START, END), now=END + 5 * 3600)
    assert summary.station == "PACK-1"
    assert summary_lines(summary)[0].endswith(f"{summary.period.label}, station PACK-1")
    head = read_sections(write_summary_csv(summary, tmp_path / "summary.csv"))[0]
    assert head[2] == ["station", "PACK-1"]


# The supervisor's report runs on the command line: none of its modules may need Qt (the
# layer rule, tests/packaging/test_layers.py, reads their sources; this imports them).
CORE_MODULES = [
    "history.query",
    "sending.retry",
    "history.periods",
    "reports.shift_report",
    "reports.csv_safe",
    "cli.report",
]


def test_importing_the_core_modules_loads_no_qt() -> None:
    imports = "; ".join(f"import flxdesk.{module}" for module in CORE_MODULES)
    check = "import sys; assert not [m for m in sys.modules if m.startswith('PySide6')]"
    subprocess.run([sys.executable, "-c", f"{imports}; {check}"], check=True, timeout=60)


def insert_rows(store: HistoryStore, rows: list[tuple]) -> None:
    """(order ID, state, outcome, queued at, operator) each, queued at the given times."""
    store.connection.executemany(
        "INSERT INTO updates (order_id, status, state, outcome, created_at, operator,"
        " api_url, token_fp) VALUES (?, 'Closed', ?, ?, ?, ?, ?, ?)",
        [(*row, *HERE) for row in rows],
    )


@pytest.fixture
def operators_store(tmp_path: Path) -> HistoryStore:
    """A shift of three people's updates, at times the test chose."""
    store = HistoryStore(tmp_path / "history.sqlite3")
    insert_rows(
        store,
        [
            ("900", "sent", "success", START - 600, "Maria López"),  # before the shift
            ("1", "sent", "success", START, "Maria López"),
            ("2", "sent", "success", START + 60, "Maria López"),
            ("2", "failed", "not_found", START + 120, "Maria López"),  # the same order again
            ("3", "sent", "success", START + 3720, "Maria López"),  # after an hour's pause
            ("10", "sent", "success", START + 10, ""),
            ("", "failed", "invalid", START + 70, ""),
            ("20", "queued", None, START + 600, "Sam Lee"),
        ],
    )
    yield store
    store.close()


def test_each_operator_is_counted_exactly_with_nobody_signed_in_last(
    operators_store: HistoryStore,
) -> None:
    summary = summarize(operators_store, between(START, END), now=END)
    maria, sam, nobody = summary.operators
    assert summary.anyone_signed_in
    # Maria: 60 s + 60 s + an hour's pause counted as 30 minutes = 1,920 s signed in.
    assert maria == ("Maria López", 4, 3, 1, 3, START, START + 3720, 1920.0, 3600.0)
    assert maria.orders_per_hour == pytest.approx(3 * 3600 / 1920)  # 5.625
    assert sam == ("Sam Lee", 1, 0, 0, 1, START + 600, START + 600, 0.0, None)
    assert sam.orders_per_hour is None  # one update: no time to divide by
    assert nobody == ("", 2, 1, 1, 2, START + 10, START + 70, 60.0, 60.0)
    assert nobody.label == "(nobody signed in)" and nobody.orders_per_hour == 120.0


def test_the_text_has_a_line_per_operator_and_the_rule_behind_orders_per_hour(
    operators_store: HistoryStore,
) -> None:
    from flxdesk.reports.shift_report import operator_section

    summary = summarize(operators_store, between(START, END), now=END)
    section = operator_section(summary)
    assert [line.split() for line in section[:4]] == [
        ["by", "operator", "asked", "sent", "failed", "orders/h", "longest", "gap"],
        ["Maria", "López", "4", "3", "1", "5.6", "1:00:00"],
        ["Sam", "Lee", "1", "0", "0", "-", "-"],
        ["(nobody", "signed", "in)", "2", "1", "1", "120.0", "0:01:00"],
    ]
    assert "a pause over 30 minutes counted as 30" in section[4]
    lines = summary_lines(summary)
    start = lines.index(section[0])
    assert lines[start : start + len(section)] == section
    assert lines.index("failures, oldest first") > start  # before the failures


def test_the_csv_has_the_operators_section_before_the_failures(
    operators_store: HistoryStore, tmp_path: Path
) -> None:
    summary = summarize(operators_store, between(START, END), now=END)
    sections = read_sections(write_summary_csv(summary, tmp_path / "summary.csv"))
    *_, hours, operators, failures = sections
    assert hours[0][0] == "hour"  # after the hours
    assert operators == [
        [
            "operator",
            "asked",
            "sent",
            "failed",
            "orders",
            "orders per hour",
            "signed in (min)",
            "longest gap (min)",
            "first update",
            "last update",
        ],
        [
            "Maria López",
            "4",
            "3",
            "1",
            "3",
            "5.6",
            "32.0",
            "60.0",
            time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(START)),
            time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(START + 3720)),
        ],
        ["Sam Lee", "1", "0", "0", "1", "", "0.0", "", *[operators[2][8]] * 2],
        ["(nobody signed in)", "2", "1", "1", "2", "120.0", "1.0", "1.0", *operators[3][8:]],
    ]
    assert failures[0][0] == "failed at"


def test_without_anyone_signed_in_the_summary_is_as_before(
    store: HistoryStore, summary: ShiftSummary, tmp_path: Path
) -> None:
    assert summary.operators == () and not summary.anyone_signed_in
    assert not [line for line in summary_lines(summary) if line.startswith("by operator")]
    sections = read_sections(write_summary_csv(summary, tmp_path / "summary.csv"))
    assert [section[0][0] for section in sections[2:]] == [
        "status",
        "failure reason",
        "hour",
        "failed at",
    ]


def test_the_section_alone_says_when_nobody_signed_in(summary: ShiftSummary) -> None:
    from flxdesk.reports.shift_report import operator_section

    assert operator_section(summary)[1] == "  nobody signed in during the period"
