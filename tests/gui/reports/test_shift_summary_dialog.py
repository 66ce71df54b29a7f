"""File → Shift summary… in the real window: its numbers are the history's, counted in SQL."""

from __future__ import annotations

import csv
import random
import re
import shutil
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QFileDialog
from pytestqt.qtbot import QtBot

from flxdesk.gui.reports.shift_summary_dialog import ShiftSummaryDialog
from flxdesk.gui.start.startup import RunningApp
from flxdesk.history.store import State
from support.window import scan, visible_child

NOW = time.time()
OUTCOMES = {"sent": "success", "failed": "not_found", "cancelled": "discarded", "queued": None}


def fill(running: RunningApp, rows: int = 3000) -> None:
    """Updates over the last 20 hours, of every result and several statuses; the waiting
    ones are queued for another API address, so the demo engine holds them."""
    rng = random.Random(12)
    values = []
    for n in range(rows):
        state = rng.choice(["sent"] * 6 + ["failed", "cancelled", "queued"])
        outcome = OUTCOMES[state]
        if state == "failed" and rng.random() < 0.3:
            outcome = "invalid"
        status = rng.choice(["Closed", "On Hold", "Canceled"])
        values.append(
            (str(1000 + n % 1000), status, state, NOW - rng.uniform(0, 20 * 3600), outcome)
        )
    running.store.connection.executemany(
        "INSERT INTO updates (order_id, status, note, state, created_at, outcome, message, api_url)"
        " VALUES (?, ?, '', ?, ?, ?, 'why', 'https://elsewhere.example')",
        values,
    )


def sql_counts(running: RunningApp, since: float, until: float) -> dict[str, int]:
    counts = dict.fromkeys(["sent", "failed", "invalid", "cancelled", "waiting"], 0)
    for state, outcome, count in running.store.connection.execute(
        "SELECT state, outcome, COUNT(*) FROM updates NOT INDEXED"
        " WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2",
        (since, until),
    ):
        result = {"queued": "waiting", "sending": "waiting"}.get(state, state)
        counts["invalid" if outcome == "invalid" else result] += count
    return counts


def sql_per_hour(running: RunningApp, since: float, until: float) -> dict[str, tuple]:
    rows = running.store.connection.execute(
        "SELECT strftime('%Y-%m-%d %H:00', created_at, 'unixepoch', 'localtime'), COUNT(*),"
        " SUM(state = 'sent'), SUM(state = 'failed') FROM updates NOT INDEXED"
        " WHERE created_at >= ? AND created_at < ? GROUP BY 1",
        (since, until),
    )
    return {hour: (asked, sent, failed) for hour, asked, sent, failed in rows}


def shown_totals(dialog: ShiftSummaryDialog) -> dict[str, int]:
    numbers = dialog.totals.text().split(": ", 1)[1]
    total, *results = re.findall(r"(\w+) (\d+)|(\d+) updates?\b", numbers)  # "1 update"
    counts = {name: int(count) for name, count, _ in results}
    assert int(total[2]) == sum(counts.values())
    return counts


def shown_per_hour(dialog: ShiftSummaryDialog) -> dict[str, tuple]:
    lines = dialog.text.toPlainText().split("per hour", 1)[1].split("\n\n", 1)[0]
    hours = {}
    for line in lines.splitlines()[1:]:
        label, asked, sent, failed = line[:20].strip(), *map(int, line[20:].split())
        if asked:
            hours[label] = (asked, sent, failed)
    return hours


def open_summary(qtbot: QtBot, running: RunningApp) -> ShiftSummaryDialog:
    running.window.findChild(QAction, "shiftSummaryAction").trigger()
    dialog = visible_child(running.window, ShiftSummaryDialog, "shiftSummaryDialog")
    assert dialog is not None
    return dialog


def test_the_dialog_numbers_equal_a_count_in_sql_for_each_period(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    fill(demo_app)
    dialog = open_summary(qtbot, demo_app)
    assert dialog.period.key == "shift" and dialog.windowTitle() == "Shift summary"
    checked = []
    for choose in (
        lambda: None,  # this shift, the default
        lambda: dialog.findChild(QComboBox, "summaryPeriod").setCurrentText("Today"),
        lambda: dialog.period.set_days(date.today() - timedelta(days=1), date.today()),
    ):
        choose()
        period = dialog.summary.period
        until = period.until or dialog.summary.made_at + 1
        assert shown_totals(dialog) == sql_counts(demo_app, period.since, until)
        assert shown_per_hour(dialog) == sql_per_hour(demo_app, period.since, until)
        checked.append(sum(shown_totals(dialog).values()))
    assert 0 < checked[0] < checked[2] and checked[1] <= checked[2] == 3000
    assert dialog.totals.text().startswith(dialog.summary.period.label[0].upper())


def test_save_csv_and_pdf_from_the_dialog(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path
) -> None:
    fill(demo_app, rows=400)
    dialog = open_summary(qtbot, demo_app)
    totals = shown_totals(dialog)

    for button, name, target in (
        (dialog.save_csv_button, "summaryCsvDialog", tmp_path / "summary.csv"),
        (dialog.save_pdf_button, "summaryPdfDialog", tmp_path / "summary.pdf"),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        chooser = visible_child(dialog, QFileDialog, name)
        chooser.selectFile(str(target))
        chooser.accept()
        assert dialog.message.text() == f"Saved {target}."

    with (tmp_path / "summary.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[1] == ["period", dialog.summary.period.label]
    assert rows[2] == ["station", demo_app.window.station_name]
    results = rows.index(["result", "updates"])
    in_csv = {row[0]: int(row[1]) for row in rows[results + 1 : results + 6]}
    assert in_csv == totals
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "summary.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        assert f"Period: {dialog.summary.period.label}" in text
        assert f"Station: {demo_app.window.station_name}" in text


def test_the_summary_has_a_line_per_operator_who_signed_in(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    start = NOW - 3600
    demo_app.store.connection.executemany(
        "INSERT INTO updates (order_id, status, state, created_at, outcome, operator, api_url)"
        " VALUES (?, 'Closed', ?, ?, ?, ?, 'https://elsewhere.example')",
        [
            ("1", "sent", start, "success", "Maria López"),
            ("2", "failed", start + 600, "not_found", "Maria López"),
            ("3", "sent", start + 1200, "success", "Maria López"),
            ("4", "sent", start + 300, "success", ""),
        ],
    )
    dialog = open_summary(qtbot, demo_app)
    lines = [line.split() for line in dialog.text.toPlainText().splitlines()]
    assert ["by", "operator", "asked", "sent", "failed", "orders/h", "longest", "gap"] in lines
    # Three orders in the 20 minutes from her first update to her last: 9 an hour.
    assert ["Maria", "López", "3", "2", "1", "9.0", "0:10:00"] in lines
    assert ["(nobody", "signed", "in)", "1", "1", "0", "-", "-"] in lines
    assert "per operator" in dialog.text.accessibleDescription()


def test_a_file_that_cannot_be_written_is_said_plainly(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path
) -> None:
    dialog = open_summary(qtbot, demo_app)
    target = tmp_path / "no-such-folder" / "summary.csv"
    dialog.save_csv(target)
    assert dialog.message.text() == f"{target} cannot be written: No such file or directory"


def test_scans_go_on_while_the_summary_is_open_and_reopening_counts_again(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    dialog = open_summary(qtbot, demo_app)
    assert not dialog.isModal()
    assert shown_totals(dialog)["sent"] == 0
    scan(qtbot, demo_app.window, "1101")
    qtbot.waitUntil(lambda: len(demo_app.demo_api.requests) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: demo_app.store.count_by_state()[State.SENT] == 1)
    assert open_summary(qtbot, demo_app) is dialog  # one dialog, counted again
    assert shown_totals(dialog)["sent"] == 1
