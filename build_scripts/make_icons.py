"""Draws flxdesk's app icon and writes it for every platform's packaging.

A blue rounded square with a white check mark (the app sets order statuses). Each PNG
size is drawn from the vector shapes at that size, not scaled down from 1024 px, so the
small sizes stay sharp; the check mark gets a thicker stroke where pixels are few.

Writes into resources/:
    flxdesk.png              1024 px (macOS, README, Linux desktop entry source)
    icons/flxdesk-N.png      N = 16, 24, 32, 48, 64, 128, 256, 512
    flxdesk.ico              16-256 px, for the Windows executable and installer
    flxdesk.icns             16-1024 px, for the macOS app bundle

Build-time only; needs PySide6 and Pillow (not a runtime dependency of flxdesk):
    pip install pillow && python build_scripts/make_icons.py
The outputs are committed, so a normal build does not run this.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's iconset sizes; Pillow picks the right ones for each ICNS slot.
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

TOP_COLOUR = "#2F80ED"
BOTTOM_COLOUR = "#1557B0"


def draw_icon(size: int):
    """Return a QImage of the icon, drawn at ``size`` x ``size`` pixels."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 1024, size / 1024)  # draw in a 1024 x 1024 design space

    # macOS-style margin (about 10%) at large sizes; small icons use the whole square.
    margin = 100 if size >= 128 else 24
    tile = QRectF(margin, margin, 1024 - 2 * margin, 1024 - 2 * margin)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    gradient.setColorAt(0.0, QColor(TOP_COLOUR))
    gradient.setColorAt(1.0, QColor(BOTTOM_COLOUR))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(tile, tile.width() * 0.225, tile.height() * 0.225)

    # The check mark: one short and one long stroke with round ends.
    stroke = 96 if size >= 64 else 140
    pen = QPen(QColor("white"), stroke)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath(QPointF(300, 530))
    check.lineTo(QPointF(450, 680))
    check.lineTo(QPointF(730, 360))
    painter.drawPath(check)
    painter.end()
    return image


def to_pillow(image):
    """Convert a QImage to a Pillow RGBA image (through PNG bytes: simple and lossless)."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs the application object
    (RESOURCES / "icons").mkdir(parents=True, exist_ok=True)

    images = {size: to_pillow(draw_icon(size)) for size in PNG_SIZES}
    images[1024].save(RESOURCES / "flxdesk.png", optimize=True)
    for size in PNG_SIZES[:-1]:
        images[size].save(RESOURCES / "icons" / f"flxdesk-{size}.png", optimize=True)

    # Pillow writes every size from the hand-drawn images given in append_images.
    ico = [images[size] for size in ICO_SIZES]
    ico[-1].save(
        RESOURCES / "flxdesk.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=ico[:-1],
    )
    icns = [images[size] for size in ICNS_SIZES]
    icns[-1].save(RESOURCES / "flxdesk.icns", append_images=icns[:-1])
    print(f"icons written to {RESOURCES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
