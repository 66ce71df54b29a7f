"""The shift summary as a one-page PDF a supervisor can print (QPdfWriter).

Top to bottom: the title naming the period, the totals by result, the table by
requested status, the throughput chart (per hour, or per day for periods over two
days), the failure reasons, a line per operator when anyone was signed in (the first
``OPERATORS_SHOWN``), and as many failures as fit; the rest are counted and the CSV
lists them all.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
)

from flxdesk.gui.reports.pdf_page import mm_to_dots as _px
from flxdesk.gui.reports.pdf_page import pdf_page
from flxdesk.host.i18n import translate
from flxdesk.orders.outcomes import supervisor_words
from flxdesk.orders.statuses import status_label
from flxdesk.reports.shift_report import (
    PAUSE_COUNTED_MINUTES,
    RESULTS,
    ShiftSummary,
    duration_text,
    rate_text,
    result_word,
)
from flxdesk.station.palette import STATE_TEXT, Scheme

MARGIN_MM = 15.0
HOURS_SHOWN_AS_HOURS = 48  # longer periods are charted per day
OPERATORS_SHOWN = 12  # the CSV lists them all
# Paper is white: the light scheme's words for sent and failed.
SENT_COLOUR = QColor(STATE_TEXT["sent"][Scheme.LIGHT])
FAILED_COLOUR = QColor(STATE_TEXT["failed"][Scheme.LIGHT])


def write_shift_summary_pdf(summary: ShiftSummary, target: Path) -> Path:
    """Write ``summary`` to ``target`` as a one-page PDF; needs a QGuiApplication (fonts)."""
    title = translate("ShiftSummaryPdf", "flxdesk shift summary: {period}").format(
        period=summary.period.label
    )
    with pdf_page(target, title) as (painter, width, height):
        _Page(painter, width, height).draw(summary)
    return target


def write_with_own_application(summary: ShiftSummary, target: Path) -> Path:
    """For ``flxdesk report --pdf``: makes the QGuiApplication the fonts need, if none.

    With no display (a scheduled task on a Linux server) Qt's offscreen platform is used,
    so the command works where no one is logged in.
    """
    from flxdesk.gui.common.display import drawing_application

    drawing_application()
    return write_shift_summary_pdf(summary, target)


class _Page:
    """Draws from the top down; ``y`` is where the next line goes."""

    def __init__(self, painter: QPainter, width: int, height: int) -> None:
        self.painter = painter
        self.left = _px(MARGIN_MM)
        self.width = width - 2 * _px(MARGIN_MM)
        self.bottom = height - _px(MARGIN_MM)
        self.y = _px(MARGIN_MM)
        self.text_font = QFont()
        self.text_font.setPointSizeF(9.5)
        if hasattr(QFont, "Tag"):  # Qt 6.7+: no "fl"/"fi" ligatures, so the text searches
            self.text_font.setFeature(QFont.Tag("liga"), 0)
        self.line = QFontMetricsF(self.text_font, painter.device()).height() * 1.15

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.text_font)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(self, text: str, x: float = 0.0, width: float | None = None, **kwargs) -> None:
        font = kwargs.get("font", self.text_font)
        align = kwargs.get("align", Qt.AlignmentFlag.AlignLeft)
        width = self.width - x if width is None else width
        self.painter.setFont(font)
        self.painter.setPen(kwargs.get("colour", QColor("black")))
        metrics = QFontMetricsF(font, self.painter.device())
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        self.painter.drawText(QRectF(self.left + x, self.y, width, self.line * 2), align, shown)

    def heading(self, text: str) -> None:
        self.y += self.line * 0.6
        self.text(text, font=self.font(12, bold=True))
        self.y += self.line * 1.4

    def table(self, header: list[str], rows: list[list[str]], first_width: float) -> None:
        """A left column of ``first_width`` and right-aligned number columns."""
        columns = len(header) - 1
        cell = (self.width - first_width) / max(columns, 1)
        for number, cells in enumerate([header, *rows]):
            bold = number == 0
            font = self.font(9.5, bold=bold)
            self.text(cells[0], 0, first_width - _px(2), font=font)
            for column, value in enumerate(cells[1:]):
                x = first_width + column * cell
                self.text(value, x, cell, font=font, align=Qt.AlignmentFlag.AlignRight)
            self.y += self.line

    def draw(self, summary: ShiftSummary) -> None:
        self.text(
            translate("ShiftSummaryPdf", "flxdesk shift summary"), font=self.font(18, bold=True)
        )
        self.y += self.line * 2
        period = translate("ShiftSummaryPdf", "Period: {period}").format(
            period=summary.period.label
        )
        self.text(period, font=self.font(11, bold=True))
        self.y += self.line * 1.3
        if summary.station:
            station = translate("ShiftSummaryPdf", "Station: {station}")
            self.text(station.format(station=summary.station), font=self.font(11, bold=True))
            self.y += self.line * 1.3
        made = time.strftime("%Y-%m-%d %H:%M", time.localtime(summary.made_at))
        self.text(
            translate(
                "ShiftSummaryPdf",
                "Made {time}. Counts updates by when they were scanned or imported.",
            ).format(time=made)
        )
        self.y += self.line

        totals = summary.by_result
        words = [result_word(r) for r in RESULTS]
        total = summary.total
        self.heading(translate("ShiftSummaryPdf", "%n update(s)", None, total))
        self.table(
            ["", *words],
            [[translate("ShiftSummaryPdf", "updates"), *(str(totals[r]) for r in RESULTS)]],
            _px(40),
        )

        self.heading(translate("ShiftSummaryPdf", "By status"))
        rows = [
            [status_label(status), *(str(counts[r]) for r in RESULTS), str(sum(counts.values()))]
            for status, counts in summary.by_status.items()
        ]
        header = [translate("ShiftSummaryPdf", "status"), *words, result_word("total")]
        self.table(header, rows or [[translate("ShiftSummaryPdf", "none"), *"0" * 6]], _px(40))

        long_period = len(summary.hours) > HOURS_SHOWN_AS_HOURS
        self.heading(
            translate("ShiftSummaryPdf", "Throughput per day")
            if long_period
            else translate("ShiftSummaryPdf", "Throughput per hour")
        )
        self._chart(summary.days() if long_period else summary.hours, long_period)

        self.heading(translate("ShiftSummaryPdf", "Failure reasons"))
        reasons = [[supervisor_words(outcome), str(count)] for outcome, count in summary.reasons]
        header = [translate("ShiftSummaryPdf", "reason"), translate("ShiftSummaryPdf", "failures")]
        self.table(
            header, reasons or [[translate("ShiftSummaryPdf", "none"), "0"]], self.width - _px(30)
        )

        if summary.anyone_signed_in:
            self._operators(summary)

        self.heading(translate("ShiftSummaryPdf", "Failures, oldest first"))
        self._failures(summary)

    def _operators(self, summary: ShiftSummary) -> None:
        self.heading(translate("ShiftSummaryPdf", "By operator"))
        header = [
            translate("ShiftSummaryPdf", "operator"),
            translate("ShiftSummaryPdf", "asked"),
            result_word("sent"),
            result_word("failed"),
            translate("ShiftSummaryPdf", "orders/h"),
            translate("ShiftSummaryPdf", "longest gap"),
        ]
        lines = summary.operators
        rows = [
            [
                line.label,
                str(line.asked),
                str(line.sent),
                str(line.failed),
                rate_text(line.orders_per_hour),
                duration_text(line.longest_gap),
            ]
            for line in lines[:OPERATORS_SHOWN]
        ]
        self.table(header, rows, _px(60))
        small = self.font(7.5)
        if len(lines) > OPERATORS_SHOWN:
            more = translate(
                "ShiftSummaryPdf", "... and {more} more operators: the CSV lists them all."
            )
            self.text(more.format(more=len(lines) - OPERATORS_SHOWN), font=small)
            self.y += self.line
        rule = translate(
            "ShiftSummaryPdf",
            "orders/h: different orders per hour signed in, from the operator's first "
            "update to their last; a pause over {minutes} minutes counts as {minutes}.",
        )
        self.text(rule.format(minutes=f"{PAUSE_COUNTED_MINUTES:g}"), font=small)
        self.y += self.line * 0.6

    def _chart(self, buckets: list, per_day: bool) -> None:
        """Bars of updates sent (green) and failed (red) per hour or day, with a scale."""
        height = _px(32)
        label_room = self.line * 1.2
        base = self.y + height
        most = max((b.sent + b.failed for b in buckets), default=0) or 1
        slot = self.width / max(len(buckets), 1)
        bar = slot * 0.7
        painter = self.painter
        painter.setPen(Qt.PenStyle.NoPen)
        for n, bucket in enumerate(buckets):
            x = self.left + n * slot + (slot - bar) / 2
            sent_h = height * bucket.sent / most
            failed_h = height * bucket.failed / most
            painter.setBrush(SENT_COLOUR)
            painter.drawRect(QRectF(x, base - sent_h, bar, sent_h))
            painter.setBrush(FAILED_COLOUR)
            painter.drawRect(QRectF(x, base - sent_h - failed_h, bar, failed_h))
        painter.setPen(QColor("black"))
        # Whole pixels, as PySide's int overload has always drawn this line (it truncates).
        painter.drawLine(int(self.left), int(base), int(self.left + self.width), int(base))
        every = max(1, round(len(buckets) / 12))  # at most about 12 labels
        small = self.font(7.5)
        for n in range(0, len(buckets), every):
            self.y = base + _px(0.8)
            label = buckets[n].label[5:] if per_day else buckets[n].label[11:16]
            self.text(label, n * slot, slot * every, font=small)
        self.y = base + label_room
        scale = (
            translate(
                "ShiftSummaryPdf", "green: sent; red: failed; the tallest bar is {most} per day"
            )
            if per_day
            else translate(
                "ShiftSummaryPdf", "green: sent; red: failed; the tallest bar is {most} per hour"
            )
        )
        self.text(scale.format(most=most), font=small)
        self.y += self.line * 0.6

    def _failures(self, summary: ShiftSummary) -> None:
        failures = summary.failures
        if not failures:
            self.text(translate("ShiftSummaryPdf", "none"))
            return
        room = int((self.bottom - self.y) / self.line) - 1  # one line for "and N more"
        shown = failures if len(failures) <= room + 1 else failures[: max(room, 0)]
        widths = (_px(33), _px(32), _px(30), _px(12))
        for failure in shown:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(failure.created_at))
            x = 0.0
            status = status_label(failure.status)
            cells = (when, failure.order_id, status, str(failure.http_code or "-"))
            for value, width in zip(cells, widths, strict=True):
                self.text(value, x, width - _px(2))
                x += width
            self.text(failure.message or supervisor_words(failure.outcome), x)
            self.y += self.line
        if len(shown) < len(failures):
            self.text(
                translate(
                    "ShiftSummaryPdf",
                    "... and {more} more failures: the CSV lists them all "
                    "(flxdesk report --csv FILE).",
                ).format(more=len(failures) - len(shown)),
                font=self.font(9.5, bold=True),
            )
