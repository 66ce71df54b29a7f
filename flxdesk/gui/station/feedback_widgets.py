"""What a worker sees from across the bench: the result band and the armed-status chip.

Colours come from flxdesk.station.palette for the current OS colour scheme
(flxdesk.gui.common.colour_scheme); ``apply_scheme`` re-colours them when it changes.
Both are on screen at the first paint, so they use no ``Qt`` enum (PySide6 builds
that whole namespace, ~13 ms, on first use): the band is made plain text through its
``textFormat`` property, the chip centres its text with a style sheet, and the window
makes the band selectable later.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from flxdesk.gui.common.colour_scheme import colour_style, palette_scheme
from flxdesk.orders.statuses import status_label
from flxdesk.station.palette import BAND, STATUS_CHIP, Scheme

LARGE_TYPE = 2.2  # times the body font: readable from an arm's length and more
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText, given by number: no Qt namespace before the paint


def enlarge(label: QLabel, factor: float, base_point_size: float | None = None) -> None:
    """``factor`` times the body font (``base_point_size``, else the application's)."""
    from PySide6.QtWidgets import QApplication

    font = label.font()
    base = base_point_size or QApplication.font().pointSizeF()
    font.setPointSizeF(base * factor)
    font.setBold(True)
    label.setFont(font)


class ResultBand(QLabel):
    """The last scan's result, full width, in large type on its colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultLabel")  # the window's result line, made large
        # Plain text: a station name from the floor ("set to Closed at <b>X</b>") is data.
        self.setProperty("textFormat", PLAIN_TEXT)
        self.setAccessibleName(self.tr("Last result"))
        self.setWordWrap(True)
        self.setMargin(10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        enlarge(self, LARGE_TYPE)
        self.kind = "info"
        self._scheme = palette_scheme()
        self.show_result(self.tr("Ready: scan an order."), "info")

    def show_result(self, text: str, kind: str) -> None:
        """``kind``: sent, failed, refused, queued or info."""
        self.kind = kind
        self.setText(text)
        style = colour_style(BAND[kind][self._scheme], "border-radius: 4px;")
        # Setting a style sheet, even the same one, restyles the window's widgets on the
        # next pass of the event loop: ~25 ms of the GUI thread. Only a new colour needs it.
        if style != self.styleSheet():
            self.setStyleSheet(style)

    def apply_scheme(self, scheme: Scheme) -> None:
        self._scheme = scheme
        self.show_result(self.text(), self.kind)

    def set_body_size(self, point_size: float) -> None:
        enlarge(self, LARGE_TYPE, point_size)


class ArmedStatusChip(QLabel):
    """The status every scan will get, big and coloured, so Canceled never looks like Closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("armedStatus")
        self.setAccessibleName(self.tr("Armed status"))
        self.setMargin(8)
        enlarge(self, LARGE_TYPE * 0.8)
        self.status = ""
        self._scheme = palette_scheme()

    def show_status(self, status: str) -> None:
        self.status = status
        self.setText(status_label(status).upper())
        self.setStyleSheet(
            colour_style(STATUS_CHIP[status][self._scheme], "border-radius: 6px;")
            + "qproperty-alignment: AlignCenter;"
        )

    def apply_scheme(self, scheme: Scheme) -> None:
        self._scheme = scheme
        if self.status:
            self.show_status(self.status)

    def set_body_size(self, point_size: float) -> None:
        enlarge(self, LARGE_TYPE * 0.8, point_size)
