"""Writing a run's results to CSV, for the window's Export and the command line's --results.

Excel opens the file directly: UTF-8 with a byte-order mark, one row per update, its
result (sent, failed, cancelled, queued, or invalid for a row that could not be sent)
and Flxpoint's answer.

Every cell goes through ``csv_safe``: an order ID, note or server message such as
``=HYPERLINK(...)`` is written so spreadsheets show it as text, and stays recoverable.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from flxdesk.csv_safe import SafeWriter
from flxdesk.outcomes import Outcome
from flxdesk.store import UpdateRow

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


def export_rows(path: Path, rows: Iterable[UpdateRow]) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as out:  # BOM: Excel reads UTF-8
        writer = SafeWriter(out)  # cells that would start a formula stay text
        writer.writerow(EXPORT_COLUMNS)
        for row in rows:
            finished = (
                time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(row.finished_at))
                if row.finished_at
                else ""
            )
            writer.writerow(
                [
                    row.order_id,
                    row.status,
                    row.note,
                    "invalid" if row.outcome == Outcome.INVALID else row.state.value,
                    row.http_code or "",
                    row.message,
                    row.attempts,
                    "yes" if row.resent else "",
                    finished,
                ]
            )
