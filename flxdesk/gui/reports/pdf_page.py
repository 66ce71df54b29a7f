"""Printable pages as a PDF, drawn with QPainter on Qt's QPdfWriter.

Shared by the command barcodes and the shift summary: A4, or Letter where the system
uses US units, unless a page size is given; no margins (each drawing keeps its own); a
plain OSError for a folder that does not exist or cannot be written, before Qt would
fail silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

DPI = 300


def mm_to_dots(mm: float) -> float:
    """A length on the page, in the page's dots (``DPI``)."""
    return mm / 25.4 * DPI


def local_page_size() -> QPageSize:
    if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


@dataclass
class PdfPages:
    """A painter on the PDF being written; ``width`` and ``height`` of a page in dots."""

    painter: QPainter
    width: int
    height: int
    writer: QPdfWriter

    def new_page(self) -> None:
        if not self.writer.newPage():
            raise OSError("Qt could not start a new page")


@contextmanager
def pdf_pages(
    target: Path, title: str, page_size: QPageSize | None = None, resolution: int = DPI
) -> Iterator[PdfPages]:
    """A PDF of portrait pages of ``page_size`` (the local paper if None), drawn at
    ``resolution`` dots per inch: painter coordinates are those dots."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("drawing a PDF needs a QGuiApplication (fonts)")
    with open(target, "wb"):  # a plain OSError (no folder, no permission) before Qt's silence
        pass
    writer = QPdfWriter(str(target))
    writer.setResolution(resolution)
    writer.setTitle(title)
    writer.setCreator("flxdesk")
    writer.setPageLayout(
        QPageLayout(
            page_size or local_page_size(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Qt could not start writing {target}")
    try:
        yield PdfPages(painter, writer.width(), writer.height(), writer)
    finally:
        painter.end()


@contextmanager
def pdf_page(target: Path, title: str) -> Iterator[tuple[QPainter, int, int]]:
    """A painter on a one-page PDF at ``DPI``, with the page's width and height in dots."""
    with pdf_pages(target, title) as pages:
        yield pages.painter, pages.width, pages.height
