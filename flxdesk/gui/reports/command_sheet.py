"""The printable command barcodes (File → Print command barcodes…, and
``flxdesk command-sheet OUT.pdf [--paper a4|letter|4x6]`` for IT to print per station):
one A4 or Letter sheet, or 4x6 in labels for a label printer.

``command_layout`` places the codes; python-barcode computes each Code 128 bar pattern;
Qt's QPdfWriter draws the bars as vector rectangles on whole printer dots, so they stay
sharp at any printer resolution.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageSize, QPainter

from flxdesk.gui.reports.pdf_page import local_page_size, pdf_pages
from flxdesk.host.i18n import translate
from flxdesk.station.command_codes import command_label
from flxdesk.station.command_layout import (
    PAPER_NAMES,
    SPECS,
    Layout,
    Paper,
    PaperSpec,
    Placement,
    layout,
)


def page_size(paper: Paper) -> QPageSize:
    if paper is Paper.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper is Paper.LETTER:
        return QPageSize(QPageSize.PageSizeId.Letter)
    spec = SPECS[paper]
    return QPageSize(
        QSizeF(spec.width_pt, spec.height_pt),
        QPageSize.Unit.Point,
        "4x6 in label",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def local_paper() -> Paper:
    """A4, or Letter where the system uses US units."""
    return Paper.LETTER if local_page_size().id() == QPageSize.PageSizeId.Letter else Paper.A4


def paper_name(paper: Paper) -> str:
    """The paper's name in the window's language (for a choice of paper)."""
    return translate("CommandSheet", PAPER_NAMES[paper])


def write_command_sheet(target: Path, paper: Paper | None = None) -> Path:
    """Write every command barcode to ``target`` (a PDF) for ``paper`` (the local sheet
    if None); returns it. Needs a QGuiApplication (fonts)."""
    paper = paper or local_paper()
    plan = layout(paper)
    spec = plan.spec
    title = translate("CommandSheet", "flxdesk command barcodes")
    with pdf_pages(target, title, page_size(paper), spec.dpi) as pdf:
        if (pdf.width, pdf.height) != spec.page_dots:
            raise RuntimeError(f"page of {pdf.width}x{pdf.height} dots, laid out for {spec}")
        for page in range(plan.pages):
            if page:
                pdf.new_page()
            _draw_page(pdf.painter, plan, page)
    return target


def sheet_font(points: float, bold: bool = False) -> QFont:
    """The sheets' font (the command barcodes', the badge cards')."""
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    if hasattr(QFont, "Tag"):  # Qt 6.7+: no "fl" ligature, so "flxdesk" searches
        font.setFeature(QFont.Tag("liga"), 0)
    return font


def _draw_page(painter: QPainter, plan: Layout, page: int) -> None:
    draw_page(
        painter,
        plan,
        page,
        translate("CommandSheet", "flxdesk command barcodes"),
        translate("CommandSheet", "flxdesk command barcodes, {page} of {pages}"),
        translate(
            "CommandSheet",
            "Scan one to change the station. Commands are never sent to Flxpoint.",
        ),
        lambda placement: _draw_code(painter, plan, placement),
    )


def draw_page(
    painter: QPainter,
    plan: Layout[Any],
    page: int,
    title: str,
    paged_title: str,
    sentence: str,
    draw: Callable[[Placement[Any]], None],
) -> None:
    """One page of a sheet (the command barcodes', the badge cards'): turned on labels,
    its title (``paged_title`` with {page} and {pages} when there are more pages), the
    sentence below it on sheets (labels have no room), then ``draw`` for each placement."""
    spec = plan.spec
    painter.save()
    if spec.turned:  # the drawing's top runs down the page's right edge
        painter.translate(spec.page_dots[0], 0)
        painter.rotate(90)
    width, _ = spec.drawing_dots
    margin = spec.dots(spec.margin_mm)
    line = QRectF(margin, margin, width - 2 * margin, spec.dots(spec.header_mm))
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(sheet_font(spec.title_pt, bold=True))
    if plan.pages > 1:
        title = paged_title.format(page=page + 1, pages=plan.pages)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft, title)
    if not spec.turned:
        painter.setFont(sheet_font(spec.code_pt))
        painter.drawText(line.translated(0, spec.dots(9)), Qt.AlignmentFlag.AlignLeft, sentence)
    for placement in plan.placements:
        if placement.page == page:
            draw(placement)
    painter.restore()


def draw_bars(painter: QPainter, spec: PaperSpec, placement: Placement) -> None:
    """A placement's bars, each a rectangle on whole dots, ``bar_height_mm`` tall."""
    bar_height = spec.dots(spec.bar_height_mm)
    module = placement.module
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.black)
    start = None
    for position, bit in enumerate(placement.pattern + "0"):
        if bit == "1" and start is None:
            start = position
        elif bit == "0" and start is not None:
            left = placement.bars_left + start * module
            painter.drawRect(QRectF(left, placement.top, (position - start) * module, bar_height))
            start = None
    painter.setPen(Qt.GlobalColor.black)


def _draw_code(painter: QPainter, plan: Layout, placement: Placement) -> None:
    spec = plan.spec
    bar_height = spec.dots(spec.bar_height_mm)
    draw_bars(painter, spec, placement)
    caption = QRectF(
        placement.cell_left,
        placement.top + bar_height + spec.dots(1.2),
        placement.cell_width,
        spec.dots(spec.caption_pt * 0.55),
    )
    painter.setFont(sheet_font(spec.caption_pt, bold=True))
    painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter, command_label(placement.command))
    painter.setFont(sheet_font(spec.code_pt))
    painter.drawText(
        caption.translated(0, caption.height()),
        Qt.AlignmentFlag.AlignHCenter,
        placement.command.code,
    )


def main(arguments: list[str]) -> int:
    """``flxdesk command-sheet OUT.pdf [--paper …]``: the command barcodes, for IT to print."""
    import argparse
    import sys

    from flxdesk.gui.common.display import drawing_application

    parser = argparse.ArgumentParser(
        prog="flxdesk command-sheet",
        description="Write the command barcodes as a PDF to print: one A4 or Letter sheet, "
        "or 4x6 in labels for a label printer. Print at actual size (100%).",
    )
    parser.add_argument("output", type=Path, help="the PDF file to write")
    parser.add_argument(
        "--paper",
        choices=[paper.value for paper in Paper],
        help="a4, letter, or 4x6 (4x6 in labels, as many as needed); "
        "default: A4, or Letter where the system uses US units",
    )
    args = parser.parse_args(arguments)
    drawing_application()
    try:
        written = write_command_sheet(args.output, Paper(args.paper) if args.paper else None)
    except OSError as problem:
        reason = problem.strerror or problem
        print(f"flxdesk: cannot write {args.output}: {reason}", file=sys.stderr)
        return 2
    print(f"flxdesk: wrote the command barcodes to {written}", file=sys.stderr)
    return 0
