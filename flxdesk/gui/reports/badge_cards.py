"""The operators' badge cards as a PDF (``flxdesk badges --pdf FILE [--paper …]``): one
card per operator, the name large above the Code 128 barcode ``FLXOP <badge>``, the
badge number readable below it; on A4 or Letter (cut along the lines) or one card per
4x6 in label.

Laid out by ``flxdesk.station.command_layout.badge_layout`` with the command sheet's bar
widths and quiet zones, and drawn as it is (``command_sheet.draw_bars``): readable at
150 dpi on an office printer and on a 203 dpi label printer. A badge is its code:
printing a card again makes a second key, it does not void the first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from flxdesk.gui.reports.command_sheet import (
    draw_bars,
    draw_page,
    local_paper,
    page_size,
    sheet_font,
)
from flxdesk.gui.reports.pdf_page import pdf_pages
from flxdesk.host.i18n import translate
from flxdesk.operators.roster import Roster
from flxdesk.station.command_layout import NAME_PT, Card, Layout, Paper, Placement, badge_layout


def write_badge_cards(target: Path, roster: Roster, paper: Paper | None = None) -> Path:
    """Write a card per operator of ``roster`` to ``target`` (a PDF) for ``paper`` (the
    local sheet if None); returns it. Needs a QGuiApplication (fonts). TooLong (a
    ValueError, in words) for a badge too long for the paper."""
    paper = paper or local_paper()
    plan = badge_layout(paper, roster)
    spec = plan.spec
    title = translate("BadgeCards", "flxdesk operator badges")
    with pdf_pages(target, title, page_size(paper), spec.dpi) as pdf:
        if (pdf.width, pdf.height) != spec.page_dots:
            raise RuntimeError(f"page of {pdf.width}x{pdf.height} dots, laid out for {spec}")
        for page in range(plan.pages):
            if page:
                pdf.new_page()
            _draw_page(pdf.painter, plan, page, paper)
    return target


def write_with_own_application(roster: Roster, target: Path, paper: Paper | None) -> Path:
    """For ``flxdesk badges``: makes the QGuiApplication the fonts need, offscreen when
    there is no display."""
    from flxdesk.gui.common.display import drawing_application

    drawing_application()
    return write_badge_cards(target, roster, paper)


def _draw_page(painter: QPainter, plan: Layout[Card], page: int, paper: Paper) -> None:
    draw_page(
        painter,
        plan,
        page,
        translate("BadgeCards", "flxdesk operator badges"),
        translate("BadgeCards", "flxdesk operator badges, {page} of {pages}"),
        translate(
            "BadgeCards",
            "Scan your badge at any station to sign in. Keep it like a key: whoever "
            "scans it signs in as you.",
        ),
        lambda placement: _draw_card(painter, plan, placement, NAME_PT[paper]),
    )


def _draw_card(
    painter: QPainter, plan: Layout[Card], placement: Placement[Card], name_pt: float
) -> None:
    spec = plan.spec
    card = placement.command
    above = spec.dots(spec.above_bars_mm)
    row = spec.dots(spec.row_mm)
    gap = spec.dots(2.0)
    if not spec.turned:  # a sheet: lines to cut along, outside every quiet zone
        pen = QPen(Qt.GlobalColor.gray)
        pen.setWidth(1)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(
            QRectF(placement.cell_left, placement.top - above, placement.cell_width, row - gap)
        )
    inside = spec.dots(3.0)
    painter.setPen(Qt.GlobalColor.black)
    name_box = QRectF(
        placement.cell_left + inside,
        placement.top - above + inside / 2,
        placement.cell_width - 2 * inside,
        above - inside,
    )
    points = name_pt  # as large as fits, down to 60 %; a longer name is cut with "…"
    font = sheet_font(points, bold=True)
    while points > name_pt * 0.6 and _width(font, painter, card.name) > name_box.width():
        points -= 1.0
        font = sheet_font(points, bold=True)
    painter.setFont(font)
    name = QFontMetricsF(font, painter.device()).elidedText(
        card.name, Qt.TextElideMode.ElideRight, name_box.width()
    )
    painter.drawText(name_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, name)
    draw_bars(painter, spec, placement)
    painter.setPen(Qt.GlobalColor.black)
    bar_height = spec.dots(spec.bar_height_mm)
    caption = QRectF(
        placement.cell_left,
        placement.top + bar_height + spec.dots(1.2),
        placement.cell_width,
        spec.dots(spec.caption_pt * 0.55),
    )
    words = translate("BadgeCards", "Badge {badge}").format(badge=card.badge)
    if card.supervisor:
        words = translate("BadgeCards", "Badge {badge}, supervisor").format(badge=card.badge)
    painter.setFont(sheet_font(spec.caption_pt, bold=True))
    painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter, words)
    painter.setFont(sheet_font(spec.code_pt))
    painter.drawText(
        caption.translated(0, caption.height()), Qt.AlignmentFlag.AlignHCenter, card.code
    )


def _width(font: QFont, painter: QPainter, text: str) -> float:
    return QFontMetricsF(font, painter.device()).horizontalAdvance(text)
