"""The shift summary PDF: one page that renders (pdftoppm) and names its period (pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from flxdesk.history.periods import between
from flxdesk.reports.shift_report import Failure, Hour, ShiftSummary

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="needs poppler-utils (installed by .ci/run)",
)

START = datetime(2025, 6, 3, 6, 0).astimezone().timestamp()


def summary_with(failures: int, hours: int = 8) -> ShiftSummary:
    period = between(START, START + hours * 3600, now=START + 9 * 3600)
    by_status = {
        status: {"sent": 40 + n, "failed": 3, "invalid": 1, "cancelled": 0, "waiting": 2}
        for n, status in enumerate(["Closed", "On Hold", "Canceled", "Open", "Failed"])
    }
    failed = [
        Failure(
            n,
            START + 60 * n,
            str(5000 + n),
            "Closed",
            404,
            "not_found",
            f"Order {5000 + n} was not found in Flxpoint.",
        )
        for n in range(failures)
    ]
    hour_rows = [
        Hour(datetime.fromtimestamp(START + n * 3600).strftime("%Y-%m-%d %H:00"), 30, 28, 2)
        for n in range(hours)
    ]
    reasons = [("not_found", failures), ("server_error", 4), ("invalid", 5)]
    return ShiftSummary(period, START + 9 * 3600, by_status, reasons, failed, hour_rows)


def render(qapp, summary: ShiftSummary, folder: Path) -> tuple[list[Path], str]:
    """Write the PDF, render its pages to PNG and extract its text."""
    from flxdesk.gui.reports.shift_summary_pdf import write_shift_summary_pdf

    pdf = write_shift_summary_pdf(summary, folder / "summary.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", str(pdf), str(folder / "page")], check=True, timeout=60
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return sorted(folder.glob("page*.png")), text


def test_the_pdf_renders_on_one_page_and_names_the_period(qapp, tmp_path: Path) -> None:
    summary = summary_with(failures=3)
    pages, text = render(qapp, summary, tmp_path)
    assert len(pages) == 1 and pages[0].stat().st_size > 10_000  # drawn, not blank
    assert summary.period.label == "2025-06-03 06:00 to 14:00"
    assert "flxdesk shift summary" in text
    assert f"Period: {summary.period.label}" in text
    assert "Order 5002 was not found in Flxpoint." in text
    assert "Throughput per hour" in text and "Failure reasons" in text
    total_line = next(line for line in text.splitlines() if line.startswith("updates "))
    assert total_line.split()[1:] == ["210", "15", "5", "0", "10"]  # sent ... waiting


def test_many_failures_still_fit_one_page_and_the_rest_are_counted(qapp, tmp_path) -> None:
    summary = summary_with(failures=400, hours=24 * 7)
    pages, text = render(qapp, summary, tmp_path)
    assert len(pages) == 1
    assert "Throughput per day" in text  # a week is charted per day
    shown = text.count("was not found in Flxpoint.")
    assert 5 < shown < 400
    assert f"... and {400 - shown} more failures: the CSV lists them all" in text


def test_a_pdf_into_a_missing_folder_is_a_plain_error(qapp, tmp_path: Path) -> None:
    from flxdesk.gui.reports.shift_summary_pdf import write_shift_summary_pdf

    with pytest.raises(FileNotFoundError):
        write_shift_summary_pdf(summary_with(1), tmp_path / "no-such-folder" / "summary.pdf")


def test_the_pdf_has_a_line_per_operator_when_anyone_signed_in(qapp, tmp_path: Path) -> None:
    from flxdesk.reports.shift_report import OperatorLine

    operators = (
        OperatorLine("Maria López", 4, 3, 1, 3, START, START + 3720, 1920.0, 3600.0),
        OperatorLine("Sam Lee", 1, 0, 0, 1, START + 600, START + 600, 0.0, None),
        OperatorLine("", 2, 1, 1, 2, START + 10, START + 70, 60.0, 60.0),
    )
    summary = summary_with(failures=3)._replace(operators=operators)
    pages, text = render(qapp, summary, tmp_path)
    assert len(pages) == 1
    lines = [line.split() for line in text.splitlines()]
    assert ["By", "operator"] in lines
    assert ["Maria", "López", "4", "3", "1", "5.6", "1:00:00"] in lines
    assert ["Sam", "Lee", "1", "0", "0", "-", "-"] in lines
    assert ["(nobody", "signed", "in)", "2", "1", "1", "120.0", "0:01:00"] in lines
    assert "a pause over 30 minutes counts as 30" in " ".join(text.split())
    assert text.index("By operator") < text.index("Failures, oldest first")
    assert "Order 5002 was not found in Flxpoint." in text  # the failures still fit


def test_the_pdf_has_no_operator_section_when_nobody_signed_in(qapp, tmp_path: Path) -> None:
    _, text = render(qapp, summary_with(failures=3), tmp_path)
    assert "By operator" not in text
