"""The printable sheet of command barcodes (File → Print command barcodes…, and
``flxdesk command-sheet OUT.pdf`` for IT to print one per station).

python-barcode computes the Code 128 bar pattern; Qt's QPdfWriter draws it as
vector rectangles, so the bars stay sharp at any printer resolution.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPainter

from flxdesk.gui.reports.pdf_page import mm_to_dots as _px
from flxdesk.gui.reports.pdf_page import pdf_page
from flxdesk.host.i18n import translate
from flxdesk.station.command_codes import COMMANDS, Command, command_label

# Width of the narrowest bar: 0.33 mm where the code fits its column, never below
# 0.25 mm (10 mil, what every handheld scanner reads at arm's length).
MODULE_MM = 0.33
MIN_MODULE_MM = 0.25
BAR_HEIGHT_MM = 15.0
QUIET_ZONE_MODULES = 10
COLUMNS = 2
ROW_HEIGHT_MM = 44.0
MARGIN_MM = 15.0


def bar_pattern(code: str) -> str:
    """'1' for a dark module, '0' for a light one, quiet zones not included."""
    from barcode import Code128

    return Code128(code).build()[0]


def write_command_sheet(target: Path) -> Path:
    """Write the sheet of every command barcode to ``target`` (a PDF); returns it."""
    title = translate("CommandSheet", "flxdesk command barcodes")
    with pdf_page(target, title) as (painter, width, height):
        _draw_sheet(painter, width, height)
    return target


def _draw_sheet(painter: QPainter, width: int, height: int) -> None:
    title_font = QFont()
    title_font.setPointSizeF(16)
    title_font.setBold(True)
    text_font = QFont()
    text_font.setPointSizeF(10)
    painter.setFont(title_font)
    painter.drawText(
        QRectF(_px(MARGIN_MM), _px(MARGIN_MM), width - 2 * _px(MARGIN_MM), _px(10)),
        Qt.AlignmentFlag.AlignLeft,
        translate("CommandSheet", "flxdesk command barcodes"),
    )
    painter.setFont(text_font)
    painter.drawText(
        QRectF(_px(MARGIN_MM), _px(MARGIN_MM + 9), width - 2 * _px(MARGIN_MM), _px(10)),
        Qt.AlignmentFlag.AlignLeft,
        translate(
            "CommandSheet", "Scan one to change the station. Commands are never sent to Flxpoint."
        ),
    )
    column_width = (width - 2 * _px(MARGIN_MM)) / COLUMNS
    top = _px(MARGIN_MM + 24)
    for index, command in enumerate(COMMANDS):
        row, column = divmod(index, COLUMNS)
        left = _px(MARGIN_MM) + column * column_width
        y = top + row * _px(ROW_HEIGHT_MM)
        if y + _px(ROW_HEIGHT_MM) > height - _px(MARGIN_MM):
            raise RuntimeError("the command sheet no longer fits on one page")
        _draw_code(painter, command, left, y, column_width, text_font)


def _draw_code(
    painter: QPainter, command: Command, left: float, top: float, width: float, font: QFont
) -> None:
    pattern = bar_pattern(command.code)
    fits = width / (len(pattern) + 2 * QUIET_ZONE_MODULES)
    module = min(_px(MODULE_MM), fits)
    if module < _px(MIN_MODULE_MM):
        raise RuntimeError(f"the barcode of {command.code!r} is too long for its column")
    bars_width = len(pattern) * module
    x0 = left + (width - bars_width) / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.black)
    start = None
    for position, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = position
        elif bit == "0" and start is not None:
            painter.drawRect(
                QRectF(x0 + start * module, top, (position - start) * module, _px(BAR_HEIGHT_MM))
            )
            start = None
    painter.setPen(Qt.GlobalColor.black)
    label_top = top + _px(BAR_HEIGHT_MM + 1.5)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(font.pointSizeF() * 1.3)
    painter.setFont(bold)
    painter.drawText(
        QRectF(left, label_top, width, _px(7)),
        Qt.AlignmentFlag.AlignHCenter,
        command_label(command),
    )
    painter.setFont(font)
    painter.drawText(
        QRectF(left, label_top + _px(7), width, _px(6)),
        Qt.AlignmentFlag.AlignHCenter,
        command.code,
    )


def main(arguments: list[str]) -> int:
    """``flxdesk command-sheet OUT.pdf``: the command barcodes, for IT to print."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(
        prog="flxdesk command-sheet", description="Write the sheet of command barcodes (PDF)."
    )
    parser.add_argument("output", type=Path, help="the PDF file to write")
    args = parser.parse_args(arguments)
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        written = write_command_sheet(args.output)
    except OSError as problem:
        reason = problem.strerror or problem
        print(f"flxdesk: cannot write {args.output}: {reason}", file=sys.stderr)
        return 2
    print(f"flxdesk: wrote the command barcodes to {written}", file=sys.stderr)
    return 0
