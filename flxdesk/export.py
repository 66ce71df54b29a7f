"""Writing a run's results to CSV, for the window's Export and the command line's --results.

Excel opens the file directly: UTF-8 with a byte-order mark, one row per update, its
result (sent, failed, cancelled, queued, or invalid for a row that could not be sent)
and Flxpoint's answer.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some
do after a tab or carriage return) as a formula, so an order ID, note or server message
such as ``=HYPERLINK(...)`` could act when the file is opened. As OWASP advises for CSV
injection, such cells get a leading single quote, which spreadsheets show as text; a cell
that itself starts with a quote gets one too, so removing exactly one leading quote from
any escaped cell gives back the value (``unescape_cell``).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from pathlib import Path

from flxdesk.store import UpdateRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"

EXPORT_COLUMNS = (
    "order_id",
    "status",
    "note",
    "result",
    "http_code",
    "message",
    "attempts",
    "resent",
    "finished_at",
)


def escape_cell(value: str) -> str:
    """``value`` as a cell that spreadsheet programs show as text, never run."""
    if value.startswith((*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + value
    return value


def unescape_cell(cell: str) -> str:
    """The value ``escape_cell`` was given."""
    return cell.removeprefix(ESCAPE)


def export_rows(path: Path, rows: Iterable[UpdateRow]) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as out:  # BOM: Excel reads UTF-8
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        for row in rows:
            finished = (
                time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(row.finished_at))
                if row.finished_at
                else ""
            )
            writer.writerow(
                [
                    escape_cell(row.order_id),
                    escape_cell(row.status),
                    escape_cell(row.note),
                    "invalid" if row.outcome == "invalid" else row.state.value,
                    row.http_code or "",
                    escape_cell(row.message),
                    row.attempts,
                    "yes" if row.resent else "",
                    finished,
                ]
            )
