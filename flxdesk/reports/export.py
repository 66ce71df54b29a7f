"""Writing results to CSV: a run's (the window's Export, the command line's --results), or
every row of a history filter (the history pane's Export this filter).

Excel opens the file directly: UTF-8 with a byte-order mark, one row per update, its
result (sent, failed, cancelled, queued, or invalid for a row that could not be sent),
Flxpoint's answer, the station it was asked for at, the operator signed in there and
the supervisor who approved its status (flxdesk.operators).

Every cell goes through ``csv_safe``: an order ID, note or server message such as
``=HYPERLINK(...)`` is written so spreadsheets show it as text, and stays recoverable.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from flxdesk.history.store import HistoryStore, UpdateRow
from flxdesk.orders.outcomes import Outcome
from flxdesk.reports.csv_safe import SafeWriter

if TYPE_CHECKING:
    from flxdesk.history.query import HistoryFilter, Matches

FILTER_PAGE = 5_000  # rows read per query when exporting a filter

# A new column goes at the end: supervisors' spreadsheets and scripts read by position.
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
    "station",
    "operator",  # who asked for it at the station ("" with nobody signed in)
    "approved_by",  # the supervisor who approved its status ("" when none was needed)
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
                    row.station,
                    row.operator,
                    row.approved_by,
                ]
            )


def export_filter(
    store: HistoryStore,
    f: HistoryFilter,
    path: Path,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Every row ``f`` matches now, newest first, as a results CSV; returns how many.

    Read a page at a time, so a filter matching a million rows needs little memory;
    ``progress`` gets the share written (0.0 to 1.0) after each page.
    """
    from flxdesk.history.query import HistoryQuery

    matches = HistoryQuery(store).run(f)
    written = [0]

    def rows() -> Iterator[UpdateRow]:
        for page in _pages(matches):
            yield from page
            written[0] += len(page)
            if progress is not None:
                progress(min(written[0] / max(matches.count, 1), 1.0))

    export_rows(path, rows())
    return written[0]


def _pages(matches: Matches) -> Iterator[list[UpdateRow]]:
    before = None
    while True:
        page = matches.page(FILTER_PAGE, before)
        if page:
            yield page
        if len(page) < FILTER_PAGE:
            return
        before = page[-1].id
