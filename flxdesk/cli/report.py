"""``flxdesk report``: the shift summary on the command line, and as CSV or PDF files.

    flxdesk report --since today|shift|DATE|DATETIME [--until DATE|DATETIME]
                   [--by-operator] [--csv FILE] [--pdf FILE] [--demo]

Prints the summary (flxdesk.reports.shift_report) to stdout; ``--by-operator`` prints
only its line per operator (the files, when asked for, hold the whole summary). Exit
codes: 0 when the summary was made (and the files written), 2 when ``--since`` or
``--until`` is not understood, the history cannot be read, or a file cannot be written;
each with one plain line on stderr. It only reads the history, so it runs while the window is open.

The PDF is drawn by Qt (flxdesk.gui); this module does not import Qt: the caller
passes the writer (flxdesk.app does), so the other commands start without Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from flxdesk.cli.common import Exit, Parser, hide_token_like
from flxdesk.history.periods import HELP, SHIFT_HOURS, InvalidPeriod, parse_period

if TYPE_CHECKING:
    from flxdesk.reports.shift_report import ShiftSummary

PdfWriter = Callable[["ShiftSummary", Path], Path]  # (summary, target) -> written file
FAILURES_PRINTED = 50


def add_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    report = commands.add_parser(
        "report", help="print the shift summary of a period; also as CSV or PDF"
    )
    report.add_argument(
        "--since",
        required=True,
        help=f"start of the period: {HELP}; 'shift' is the last {SHIFT_HOURS} hours",
    )
    report.add_argument(
        "--until", help="end of the period (default: now); a date alone includes that day"
    )
    report.add_argument(
        "--by-operator",
        action="store_true",
        help="print only the line per operator: sent, failed, orders per hour signed in, "
        "the longest gap (the files still hold the whole summary)",
    )
    report.add_argument("--csv", type=Path, help="also write the summary to this CSV file")
    report.add_argument("--pdf", type=Path, help="also write a one-page PDF to print")
    report.add_argument("--demo", action="store_true", help="the demo's history, not the real one")
    report.add_argument(
        "--floor",
        action="store_true",
        help="the whole floor: every station's totals and a line per station (flxdesk.floor)",
    )


def run_report(args: argparse.Namespace, pdf_writer: PdfWriter | None = None) -> int:
    from flxdesk.history.schema import HistoryFileError
    from flxdesk.history.store import HistoryStore
    from flxdesk.host.paths import app_paths, demo_paths
    from flxdesk.reports.shift_report import summarize, summary_lines, write_summary_csv

    try:
        period = parse_period(args.since, args.until)
    except InvalidPeriod as problem:
        return _usage_error(str(problem))
    paths = app_paths().ensure()
    if args.demo:
        paths = demo_paths(paths)
    try:
        store = HistoryStore(paths.history_db)
    except HistoryFileError as problem:
        return _usage_error(str(problem))
    try:
        summary = summarize(store, period)
    finally:
        store.close()
    lines = (
        by_operator_lines(summary) if args.by_operator else summary_lines(summary, FAILURES_PRINTED)
    )
    print("\n".join(lines), flush=True)
    return write_report_files(
        args, lambda path: write_summary_csv(summary, path), summary, pdf_writer
    )


def by_operator_lines(summary: ShiftSummary) -> list[str]:
    """What ``--by-operator`` prints: the summary's title and its line per operator."""
    from flxdesk.reports.shift_report import operator_section, title_line

    return [title_line(summary), "", *operator_section(summary)]


def write_report_files(
    args: argparse.Namespace,
    write_csv: Callable[[Path], Path],
    summary: ShiftSummary,
    pdf_writer: PdfWriter | None,
) -> int:
    """``--csv`` and ``--pdf`` of a report (a station's or the floor's): each file said on
    stderr once written; exit 2 with words when one cannot be."""
    written = []
    try:
        if args.csv:
            written.append(write_csv(args.csv))
        if args.pdf:
            if pdf_writer is None:
                return _usage_error("this flxdesk cannot write PDF files; use --csv.")
            written.append(pdf_writer(summary, args.pdf))
    except OSError as problem:
        name = problem.filename or args.pdf or args.csv
        return _usage_error(f"cannot write {name}: {problem.strerror or problem}")
    for path in written:
        print(f"flxdesk: wrote {path}", file=sys.stderr)
    return Exit.OK


def _usage_error(message: str) -> int:
    print(f"flxdesk: {hide_token_like(message)}", file=sys.stderr)
    return Exit.USAGE
