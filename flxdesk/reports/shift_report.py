"""The shift summary: what a station did in a period, for the supervisor at the end of it.

Counts the updates asked for in the period (by when they were queued: scanned,
typed or imported): by result and by requested status, the failures with their
reasons, and the throughput per hour of local time. The same numbers go to the
command line (``flxdesk report``), a CSV file (``write_summary_csv``) and a
one-page PDF (flxdesk.gui.reports.shift_summary_pdf).

Results: ``sent``; ``failed`` (Flxpoint's answer was final: refused, not found, ...);
``invalid`` (a pasted or imported row that could not be sent: no ID, unknown status);
``cancelled``; ``waiting`` (still queued or being sent).

The text and the PDF speak the window's language (flxdesk.host.i18n); the CSV stays English,
a file for spreadsheets and other programs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from flxdesk.history.periods import Period
from flxdesk.history.query import read_snapshot
from flxdesk.history.store import HistoryStore
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.orders.outcomes import supervisor_words
from flxdesk.orders.statuses import status_label
from flxdesk.reports.csv_safe import SafeWriter

RESULTS = ("sent", "failed", "invalid", "cancelled", "waiting")
_RESULT_WORDS = (  # marked for translation; the keys above stay English (CSV, SQL)
    QT_TRANSLATE_NOOP("ShiftReport", "sent"),
    QT_TRANSLATE_NOOP("ShiftReport", "failed"),
    QT_TRANSLATE_NOOP("ShiftReport", "invalid"),
    QT_TRANSLATE_NOOP("ShiftReport", "cancelled"),
    QT_TRANSLATE_NOOP("ShiftReport", "waiting"),
    QT_TRANSLATE_NOOP("ShiftReport", "total"),
)
RESULT_SQL = (
    "CASE WHEN state = 'failed' AND outcome = 'invalid' THEN 'invalid'"
    " WHEN state IN ('queued', 'sending') THEN 'waiting' ELSE state END"
)
HOUR_SQL = "strftime('%Y-%m-%d %H:00', created_at, 'unixepoch', 'localtime')"


def result_word(result: str) -> str:
    """A result (``RESULTS``, or "total") in the window's language."""
    return translate("ShiftReport", result)


class Failure(NamedTuple):
    update_id: int
    created_at: float
    order_id: str
    status: str
    http_code: int | None
    outcome: str
    message: str


class Hour(NamedTuple):
    label: str  # "2025-06-03 06:00", local time
    asked: int  # updates queued in this hour
    sent: int  # of those, sent
    failed: int  # of those, failed or invalid


class ShiftSummary(NamedTuple):
    period: Period
    made_at: float  # when the summary was made
    by_status: dict[str, dict[str, int]]  # requested status -> result -> count
    reasons: list[tuple[str, int]]  # outcome -> failures, most first
    failures: list[Failure]  # oldest first
    hours: list[Hour]  # every hour of the period, oldest first
    station: str = ""  # the station whose history it is ("" for the whole floor)

    @property
    def by_result(self) -> dict[str, int]:
        totals = dict.fromkeys(RESULTS, 0)
        for counts in self.by_status.values():
            for result, count in counts.items():
                totals[result] += count
        return totals

    @property
    def total(self) -> int:
        return sum(self.by_result.values())

    def days(self) -> list[Hour]:
        """The hours added up per day (label "2025-06-03"), for long periods."""
        days: dict[str, list[int]] = {}
        for hour in self.hours:
            totals = days.setdefault(hour.label[:10], [0, 0, 0])
            totals[0] += hour.asked
            totals[1] += hour.sent
            totals[2] += hour.failed
        return [Hour(day, *totals) for day, totals in days.items()]


def _period_sql(period: Period) -> tuple[str, tuple[float, ...]]:
    if period.until is None:
        return "created_at >= ?", (period.since,)
    return "created_at >= ? AND created_at < ?", (period.since, period.until)


def summarize(store: HistoryStore, period: Period, now: float | None = None) -> ShiftSummary:
    """The numbers of ``period``, read in one snapshot of the history."""
    now = time.time() if now is None else now
    db = store.connection
    where, args = _period_sql(period)
    source = "updates INDEXED BY updates_by_created_at"
    with read_snapshot(db):  # the four queries see the same rows
        by_status: dict[str, dict[str, int]] = {}
        for status, result, count in db.execute(
            f"SELECT status, {RESULT_SQL}, COUNT(*) FROM {source} WHERE {where}"
            " GROUP BY 1, 2 ORDER BY 1",
            args,
        ):
            by_status.setdefault(status, dict.fromkeys(RESULTS, 0))[result] = count
        reasons = [
            (outcome, count)
            for outcome, count in db.execute(
                f"SELECT COALESCE(outcome, ''), COUNT(*) FROM {source}"
                f" WHERE {where} AND state = 'failed' GROUP BY 1 ORDER BY 2 DESC, 1",
                args,
            )
        ]
        failures = [
            Failure(update_id, created_at, order_id, status, http_code, outcome or "", message)
            for update_id, created_at, order_id, status, http_code, outcome, message in db.execute(
                "SELECT id, created_at, order_id, status, http_code, outcome, message"
                f" FROM {source} WHERE {where} AND state = 'failed' ORDER BY created_at, id",
                args,
            )
        ]
        counted = {
            label: Hour(label, asked, sent, failed)
            for label, asked, sent, failed in db.execute(
                f"SELECT {HOUR_SQL}, COUNT(*), SUM(state = 'sent'), SUM(state = 'failed')"
                f" FROM {source} WHERE {where} GROUP BY 1",
                args,
            )
        }
    end = now if period.until is None else min(period.until, max(now, period.since))
    labels = set(_hour_labels(period.since, end)) | set(counted)  # rows from a clock set back
    hours = [counted.get(label, Hour(label, 0, 0, 0)) for label in sorted(labels)]
    return ShiftSummary(period, now, by_status, reasons, failures, hours, store.station)


def _hour_labels(since: float, until: float) -> list[str]:
    """Every local hour that has a moment in ``since <= t < until`` (at least one)."""
    moments = [since]
    while moments[-1] + 1800 < until:  # half hours: no local hour is skipped
        moments.append(moments[-1] + 1800)
    moments.append(max(since, until - 0.001))
    return [time.strftime("%Y-%m-%d %H:00", time.localtime(moment)) for moment in moments]


def _stamp(moment: float, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    return time.strftime(fmt, time.localtime(moment))


def summary_lines(summary: ShiftSummary, max_failures: int | None = None) -> list[str]:
    """The summary as plain text lines (the command line prints them)."""
    totals = summary.by_result
    words = {result: result_word(result) for result in (*RESULTS, "total")}
    none = "  " + translate("ShiftReport", "none")
    by_status = translate("ShiftReport", "by status")
    per_hour = translate("ShiftReport", "per hour")
    title = (
        translate("ShiftReport", "flxdesk shift summary: {period}, station {station}")
        if summary.station
        else translate("ShiftReport", "flxdesk shift summary: {period}")
    )
    lines = [
        title.format(period=summary.period.label, station=summary.station),
        translate("ShiftReport", "updates: {total} ({counts})").format(
            total=summary.total,
            counts=", ".join(f"{words[result]} {totals[result]}" for result in RESULTS),
        ),
        "",
        f"{by_status:<20}" + "".join(f"{words[result]:>10}" for result in (*RESULTS, "total")),
    ]
    for status, counts in summary.by_status.items():
        cells = [counts[result] for result in RESULTS] + [sum(counts.values())]
        lines.append(f"{status_label(status):<20}" + "".join(f"{cell:>10}" for cell in cells))
    lines += ["", translate("ShiftReport", "failure reasons")]
    lines += [f"  {count:>6}  {supervisor_words(outcome)}" for outcome, count in summary.reasons]
    if not summary.reasons:
        lines.append(none)
    hour_heads = (
        translate("ShiftReport", "asked"),
        translate("ShiftReport", "sent"),
        translate("ShiftReport", "failed"),
    )
    lines += [
        "",
        f"{per_hour:<20}" + "".join(f"{h:>10}" for h in hour_heads),
    ]
    lines += [f"{h.label:<20}{h.asked:>10}{h.sent:>10}{h.failed:>10}" for h in summary.hours]
    lines += ["", translate("ShiftReport", "failures, oldest first")]
    shown = summary.failures if max_failures is None else summary.failures[:max_failures]
    for failure in shown:
        code = str(failure.http_code or "-")
        lines.append(
            f"  {_stamp(failure.created_at)}  {failure.order_id}  "
            f"{status_label(failure.status)}  {code}  "
            f"{failure.message or supervisor_words(failure.outcome)}"
        )
    if len(shown) < len(summary.failures):
        more = len(summary.failures) - len(shown)
        lines.append(
            "  "
            + translate("ShiftReport", "... and {more} more (--csv lists all)").format(more=more)
        )
    if not summary.failures:
        lines.append(none)
    return lines


def write_summary_csv(
    summary: ShiftSummary, path: Path, sections: Sequence[Sequence[Sequence[object]]] = ()
) -> Path:
    """The summary as one CSV file of sections (Excel reads it: UTF-8 with BOM).

    ``sections``: more sections (lists of rows) written after the heading, such as the
    floor report's stations (flxdesk.floor.report).
    """
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = SafeWriter(out)
        period = summary.period
        writer.writerow(["flxdesk shift summary"])
        writer.writerow(["period", period.label])
        if summary.station:
            writer.writerow(["station", summary.station])
        writer.writerow(["from", _stamp(period.since)])
        writer.writerow(["to", _stamp(period.until) if period.until else "now"])
        writer.writerow(["made at", _stamp(summary.made_at)])
        writer.writerow([])
        for section in sections:
            for row in section:
                writer.writerow(list(row))
            writer.writerow([])
        writer.writerow(["result", "updates"])
        for result, count in summary.by_result.items():
            writer.writerow([result, count])
        writer.writerow(["total", summary.total])
        writer.writerow([])
        writer.writerow(["status", *RESULTS, "total"])
        for status, counts in summary.by_status.items():
            writer.writerow([status, *(counts[r] for r in RESULTS), sum(counts.values())])
        writer.writerow([])
        writer.writerow(["failure reason", "outcome", "failures"])
        for outcome, count in summary.reasons:
            writer.writerow([supervisor_words(outcome, english=True), outcome, count])
        writer.writerow([])
        writer.writerow(["hour", "asked", "sent", "failed"])
        for hour in summary.hours:
            writer.writerow(list(hour))
        writer.writerow([])
        writer.writerow(["failed at", "order_id", "status", "http_code", "reason", "message"])
        for failure in summary.failures:
            writer.writerow(
                [
                    _stamp(failure.created_at),
                    failure.order_id,
                    failure.status,
                    failure.http_code or "",
                    supervisor_words(failure.outcome, english=True),
                    failure.message,
                ]
            )
    return path
