"""The floor's report: the shift summary of every station together, and a line per station.

The rows the stations published in the period (flxdesk.floor.outbox) are summed up by
the station report's own rules (flxdesk.reports.shift_report.summarize, run on a copy
of them in memory), so "sent", "failed" or "waiting" mean the same on the floor as at a
station; each failure names its station. Each station's line says what it sent,
failed and still waits to send in the period, and when it last reached the floor.
Only rows written by the login that owns their station's name are read
(flxdesk.floor.boundary), and every value is read as untrusted: a time no clock shows
is left out, never a traceback.

On a floor with operators (version 3) each station's line also names who is signed in
there now (``signed_in_now``: as the station last said, if it was seen in the last
``SIGNED_IN_FRESH_SECONDS``), and the report has a line per operator for the whole floor
(``operators``: sent, failed, orders per hour while signed in, the longest gap), made by
the station summary's rules on the same copy: an operator who worked at two stations
has one line.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from flxdesk.floor.duplicates import OWNED_ROWS, clock_text, finite_moment
from flxdesk.floor.login_check import plain
from flxdesk.history.periods import Period
from flxdesk.host.i18n import translate
from flxdesk.reports.shift_report import (
    OperatorLine,
    ShiftSummary,
    summarize,
    summary_lines,
    write_summary_csv,
)

SIGNED_IN_FRESH_SECONDS = 120.0  # four heartbeats: a station silent longer says nobody


class StationLine(NamedTuple):
    name: str
    sent: int
    failed: int
    waiting: int
    last_seen: float | None  # epoch seconds, the floor's clock
    operator: str = ""  # who the station last said is signed in ("" nobody, or no operators)
    operator_since: float | None = None  # since when (the floor's clock)


def signed_in_now(line: StationLine, now: float) -> str:
    """Who is signed in at the station now, as far as the floor knows ("" nobody, or a
    station not seen lately)."""
    seen = finite_moment(line.last_seen)
    if not line.operator or seen is None or now - seen > SIGNED_IN_FRESH_SECONDS:
        return ""
    return plain(line.operator)


class FloorReport(NamedTuple):
    summary: ShiftSummary
    stations: list[StationLine]

    @property
    def operators(self) -> tuple[OperatorLine, ...]:
        """A line per operator of the whole floor, made by the station summary's rules
        (flxdesk.reports.shift_report) on the floor's rows: by name, nobody last."""
        return self.summary.operators


def _period_sql(period: Period) -> tuple[str, tuple[float, ...]]:
    if period.until is None:
        return "u.queued_at >= to_timestamp(%s)", (period.since,)
    return "u.queued_at >= to_timestamp(%s) AND u.queued_at < to_timestamp(%s)", (
        period.since,
        period.until,
    )


def floor_report(connection: Any, period: Period, now: float | None = None) -> FloorReport:
    """Read the floor's rows of ``period`` (one snapshot) and sum them up."""
    from flxdesk.floor.schema import ROSTER_FROM, floor_version
    from flxdesk.history.store import HistoryStore

    now = time.time() if now is None else now
    where, args = _period_sql(period)
    with connection.transaction():
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        operators = (floor_version(connection) or 0) >= ROSTER_FROM
        who = "u.operator, u.approved_by" if operators else "'', ''"
        rows = connection.execute(
            "SELECT u.order_id, u.status, u.note, u.state, extract(epoch FROM u.queued_at),"
            " extract(epoch FROM u.finished_at), u.attempts, u.http_code, u.outcome,"
            f" u.station || ': ' || u.message, {who} FROM {OWNED_ROWS} WHERE {where}",
            args,
        ).fetchall()
        signed_in = "s.operator, extract(epoch FROM s.operator_since)" if operators else "'', NULL"
        stations = [
            StationLine(
                str(name),
                sent,
                failed,
                waiting,
                finite_moment(seen),
                str(operator),
                finite_moment(since),
            )
            for name, sent, failed, waiting, seen, operator, since in connection.execute(
                "SELECT s.name, count(u.*) FILTER (WHERE u.state = 'sent'),"
                " count(u.*) FILTER (WHERE u.state = 'failed'),"
                " count(u.*) FILTER (WHERE u.state IN ('queued', 'sending')),"
                f" extract(epoch FROM s.last_seen), {signed_in}"
                " FROM flxdesk.stations s LEFT JOIN flxdesk.updates u"
                f" ON u.station = s.name AND u.login = s.login AND {where}"
                " GROUP BY s.name, s.last_seen ORDER BY s.name",
                args,
            )
        ]
    copy = HistoryStore(Path(":memory:"))
    try:
        copy.connection.executemany(
            "INSERT INTO updates (order_id, status, note, state, created_at, finished_at,"
            " attempts, http_code, outcome, message, operator, approved_by)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                # a name is another station's text: plain, never a control character
                (
                    *row[:4],
                    finite_moment(row[4]),
                    finite_moment(row[5]),
                    *row[6:10],
                    plain(str(row[10] or "")),
                    plain(str(row[11] or "")),
                )
                for row in rows
                if finite_moment(row[4]) is not None
            ],
        )
        label = translate("FloorReport", "{period}, whole floor").format(period=period.label)
        summary = summarize(copy, period._replace(label=label), now)
    finally:
        copy.close()
    return FloorReport(summary, stations)


def _seen(moment: float | None) -> str:
    return clock_text(moment, "%Y-%m-%d %H:%M")


def report_lines(report: FloorReport, max_failures: int | None = None) -> list[str]:
    """The floor's report as text: the stations, the operators, then the summary of all."""
    heads = (
        translate("FloorReport", "sent"),
        translate("FloorReport", "failed"),
        translate("FloorReport", "waiting"),
    )
    station_head = translate("FloorReport", "station")
    seen_head = translate("FloorReport", "last seen")
    lines = [
        translate("FloorReport", "flxdesk floor summary: {period}").format(
            period=report.summary.period.label
        ),
        "",
        f"{station_head:<20}"
        + "".join(f"{head:>10}" for head in heads)
        + "  "
        + f"{seen_head:<18}"
        + translate("FloorReport", "signed in"),
    ]
    now = report.summary.made_at
    for line in report.stations:
        cells = "".join(f"{cell:>10}" for cell in (line.sent, line.failed, line.waiting))
        who = signed_in_now(line, now) or "-"
        lines.append(f"{plain(line.name):<20}{cells}  {_seen(line.last_seen):<18}{who}")
    if not report.stations:
        lines.append("  " + translate("FloorReport", "no station has reached the floor yet"))
    totals = [sum(column) for column in zip(*(s[1:4] for s in report.stations), strict=False)]
    if totals:
        total = translate("FloorReport", "total")
        lines.append(f"{total:<20}" + "".join(f"{cell:>10}" for cell in totals))
    return [*lines, "", *summary_lines(report.summary, max_failures)[1:]]


def write_floor_csv(report: FloorReport, path: Path) -> Path:
    """The station report's CSV of sections, with the stations' section first."""
    now = report.summary.made_at
    stations: list[Sequence[object]] = [
        ["station", "sent", "failed", "waiting", "last seen", "signed in"],
        *(
            [s.name, s.sent, s.failed, s.waiting, _seen(s.last_seen), signed_in_now(s, now)]
            for s in report.stations
        ),
    ]
    return write_summary_csv(report.summary, path, sections=[stations])
