"""The shift summary: what a station did in a period, for the supervisor at the end of it.

Counts the updates asked for in the period (by when they were queued: scanned,
typed or imported): by result and by requested status, the failures with their
reasons, the throughput per hour of local time and, when anyone was signed in
(flxdesk.operators), a line per operator. The same numbers go to the
command line (``flxdesk report``), a CSV file (``write_summary_csv``) and a
one-page PDF (flxdesk.gui.reports.shift_summary_pdf).

Per operator (the name the history keeps on each update; updates with none are
"(nobody signed in)"): updates asked, sent and failed, the different orders per hour
while signed in, and the longest gap between two of their updates. The time signed in
is read from their updates, as the history keeps no sign-ins: from their first update
in the period to their last, where a pause longer than ``PAUSE_COUNTED_MINUTES`` counts
as that long (the idle sign-out, 30 minutes unless IT set another, would have signed
them out; the longest gap shows such a pause whole).

Results: ``sent``; ``failed`` (Flxpoint's answer was final: refused, not found, ...);
``invalid`` (a pasted or imported row that could not be sent: no ID, unknown status);
``cancelled``; ``waiting`` (still queued or being sent).

The text and the PDF speak the window's language (flxdesk.host.i18n); the CSV stays English,
a file for spreadsheets and other programs.
"""

from __future__ import annotations

import sqlite3
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
PAUSE_COUNTED_MINUTES = 30.0  # a longer pause between two updates counts as this long
MIN_SIGNED_IN_SECONDS = 60.0  # less time signed in than this gives no rate per hour
NOBODY_SIGNED_IN = QT_TRANSLATE_NOOP("ShiftReport", "(nobody signed in)")


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


class OperatorLine(NamedTuple):
    """One operator's updates in the period (``name`` "" for nobody signed in)."""

    name: str
    asked: int  # updates queued
    sent: int  # of those, sent
    failed: int  # of those, failed or invalid
    orders: int  # different order IDs among them
    first_at: float  # when the first was queued
    last_at: float  # when the last was queued
    signed_in: float  # seconds, from their updates (see the module's docstring)
    longest_gap: float | None  # seconds between two of their updates; None with one update

    @property
    def orders_per_hour(self) -> float | None:
        """Different orders per hour signed in; None when signed in too short to say."""
        if self.signed_in < MIN_SIGNED_IN_SECONDS:
            return None
        return self.orders * 3600.0 / self.signed_in

    @property
    def label(self) -> str:
        """The name, or "(nobody signed in)" in the window's language."""
        return self.name or translate("ShiftReport", NOBODY_SIGNED_IN)


class ShiftSummary(NamedTuple):
    period: Period
    made_at: float  # when the summary was made
    by_status: dict[str, dict[str, int]]  # requested status -> result -> count
    reasons: list[tuple[str, int]]  # outcome -> failures, most first
    failures: list[Failure]  # oldest first
    hours: list[Hour]  # every hour of the period, oldest first
    station: str = ""  # the station whose history it is ("" for the whole floor)
    # By name, "(nobody signed in)" last; none when no update of the period names anyone.
    operators: tuple[OperatorLine, ...] = ()

    @property
    def anyone_signed_in(self) -> bool:
        """Whether an update of the period names an operator (the section is shown then)."""
        return any(line.name for line in self.operators)

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
    with read_snapshot(db):  # the queries see the same rows
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
        operators = _operator_lines(db, source, where, args)
    end = now if period.until is None else min(period.until, max(now, period.since))
    labels = set(_hour_labels(period.since, end)) | set(counted)  # rows from a clock set back
    hours = [counted.get(label, Hour(label, 0, 0, 0)) for label in sorted(labels)]
    return ShiftSummary(period, now, by_status, reasons, failures, hours, store.station, operators)


class _Tally:
    """One operator's numbers while the period's rows go by (``_operator_lines``)."""

    __slots__ = ("asked", "failed", "first", "last", "longest_gap", "orders", "sent", "signed_in")

    def __init__(self, created_at: float) -> None:
        self.asked, self.sent, self.failed = 0, 0, 0
        self.orders: set[str] = set()
        self.first = self.last = created_at
        self.signed_in = self.longest_gap = 0.0

    def line(self, name: str) -> OperatorLine:
        return OperatorLine(
            name,
            self.asked,
            self.sent,
            self.failed,
            len(self.orders),
            self.first,
            self.last,
            self.signed_in,
            self.longest_gap if self.asked > 1 else None,
        )


def _operator_lines(
    db: sqlite3.Connection, source: str, where: str, args: tuple[float, ...]
) -> tuple[OperatorLine, ...]:
    """A line per operator, from one pass over the period's rows in the order they were
    queued (the index's order: nothing to sort). Each gap is the time since the same
    operator's previous update (0 for their first). In Python: SQL's window function
    (LAG ... PARTITION BY operator) sorts every row first, about twice as slow.
    """
    named = db.execute(
        f"SELECT 1 FROM {source} WHERE {where} AND operator != '' LIMIT 1", args
    ).fetchone()
    if named is None:  # sign-in is off, or nobody signed in: no section (a quick look)
        return ()
    cap = PAUSE_COUNTED_MINUTES * 60
    tallies: dict[str, _Tally] = {}
    for name, order_id, state, created_at in db.execute(
        f"SELECT operator, order_id, state, created_at FROM {source} WHERE {where}"
        " ORDER BY created_at, id",
        args,
    ):
        tally = tallies.get(name)
        if tally is None:
            tally = tallies[name] = _Tally(created_at)
        # Inline, not a method: a call per row costs a fifth more at 360,000 rows.
        tally.asked += 1
        if state == "sent":
            tally.sent += 1
        elif state == "failed":
            tally.failed += 1
        tally.orders.add(order_id)
        gap = created_at - tally.last
        tally.signed_in += gap if gap < cap else cap
        if gap > tally.longest_gap:
            tally.longest_gap = gap
        tally.last = created_at
    names = sorted(tallies, key=lambda name: (name == "", name))  # nobody last
    return tuple(tallies[name].line(name) for name in names)


def _hour_labels(since: float, until: float) -> list[str]:
    """Every local hour that has a moment in ``since <= t < until`` (at least one)."""
    moments = [since]
    while moments[-1] + 1800 < until:  # half hours: no local hour is skipped
        moments.append(moments[-1] + 1800)
    moments.append(max(since, until - 0.001))
    return [time.strftime("%Y-%m-%d %H:00", time.localtime(moment)) for moment in moments]


def _stamp(moment: float, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    return time.strftime(fmt, time.localtime(moment))


def title_line(summary: ShiftSummary) -> str:
    """The summary's first line: its period, and its station when it has one."""
    title = (
        translate("ShiftReport", "flxdesk shift summary: {period}, station {station}")
        if summary.station
        else translate("ShiftReport", "flxdesk shift summary: {period}")
    )
    return title.format(period=summary.period.label, station=summary.station)


def summary_lines(summary: ShiftSummary, max_failures: int | None = None) -> list[str]:
    """The summary as plain text lines (the command line prints them)."""
    totals = summary.by_result
    words = {result: result_word(result) for result in (*RESULTS, "total")}
    none = "  " + translate("ShiftReport", "none")
    by_status = translate("ShiftReport", "by status")
    per_hour = translate("ShiftReport", "per hour")
    lines = [
        title_line(summary),
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
    if summary.anyone_signed_in:
        lines += ["", *operator_section(summary)]
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


def duration_text(seconds: float | None) -> str:
    """``seconds`` as hours, minutes and seconds ("1:05:09"); "-" for None."""
    if seconds is None:
        return "-"
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02}:{whole % 60:02}"


def rate_text(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.1f}"


def operator_section(summary: ShiftSummary) -> list[str]:
    """The lines per operator (``flxdesk report --by-operator`` prints them alone)."""
    heads = (
        translate("ShiftReport", "asked"),
        translate("ShiftReport", "sent"),
        translate("ShiftReport", "failed"),
        translate("ShiftReport", "orders/h"),
        translate("ShiftReport", "longest gap"),
    )
    title = translate("ShiftReport", "by operator")
    width = max([20, len(title) + 2, *(len(line.label) + 2 for line in summary.operators)])
    lines = [f"{title:<{width}}" + "".join(f"{head:>12}" for head in heads)]
    for line in summary.operators:
        cells = (
            line.asked,
            line.sent,
            line.failed,
            rate_text(line.orders_per_hour),
            duration_text(line.longest_gap),
        )
        lines.append(f"{line.label:<{width}}" + "".join(f"{cell:>12}" for cell in cells))
    if not summary.operators:
        lines.append("  " + translate("ShiftReport", "nobody signed in during the period"))
    words = translate(
        "ShiftReport",
        "orders/h: different orders per hour signed in, from the operator's first update to "
        "their last, a pause over {minutes} minutes counted as {minutes}",
    )
    lines.append(words.format(minutes=f"{PAUSE_COUNTED_MINUTES:g}"))
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
        if summary.anyone_signed_in:
            _write_operators(writer, summary)
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


def _write_operators(writer: SafeWriter, summary: ShiftSummary) -> None:
    writer.writerow(
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
        ]
    )
    for line in summary.operators:
        rate = line.orders_per_hour
        gap = line.longest_gap
        writer.writerow(
            [
                line.name or NOBODY_SIGNED_IN,  # English, like the rest of the file
                line.asked,
                line.sent,
                line.failed,
                line.orders,
                "" if rate is None else round(rate, 1),
                round(line.signed_in / 60, 1),
                "" if gap is None else round(gap / 60, 1),
                _stamp(line.first_at),
                _stamp(line.last_at),
            ]
        )
