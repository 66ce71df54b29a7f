"""What a worker sees from across the bench: the result band, the armed-status chip and
the failure panel that stays until someone acknowledges it.

Colours come from ``palette.py`` for the current OS colour scheme; ``apply_scheme``
re-colours them when the scheme changes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from flxdesk.gui.palette import BAND, STATUS_CHIP, Pair, Scheme

LARGE_TYPE = 2.2  # times the body font: readable from an arm's length and more
MAX_FAILURES_LISTED = 50


def current_scheme() -> Scheme:
    """Dark or light, from the OS setting (Qt 6.5+), else from the palette's window colour."""
    app = QGuiApplication.instance()
    if app is None:
        return Scheme.LIGHT
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return Scheme.DARK
    if scheme == Qt.ColorScheme.Light:
        return Scheme.LIGHT
    window = QGuiApplication.palette().window().color()
    return Scheme.DARK if window.lightness() < 128 else Scheme.LIGHT


def _style(pair: Pair, extra: str = "") -> str:
    return f"background: {pair.background}; color: {pair.foreground}; {extra}"


def _enlarge(label: QLabel, factor: float, base_point_size: float | None = None) -> None:
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
        self.setAccessibleName("Last result")
        self.setWordWrap(True)
        self.setMargin(10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _enlarge(self, LARGE_TYPE)
        self.kind = "info"
        self._scheme = current_scheme()
        self.show_result("Ready: scan an order.", "info")

    def show_result(self, text: str, kind: str) -> None:
        """``kind``: sent, failed, refused, queued or info."""
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(_style(BAND[kind][self._scheme], "border-radius: 4px;"))

    def apply_scheme(self, scheme: Scheme) -> None:
        self._scheme = scheme
        self.show_result(self.text(), self.kind)

    def set_body_size(self, point_size: float) -> None:
        _enlarge(self, LARGE_TYPE, point_size)


class ArmedStatusChip(QLabel):
    """The status every scan will get, big and coloured, so Canceled never looks like Closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("armedStatus")
        self.setAccessibleName("Armed status")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(8)
        _enlarge(self, LARGE_TYPE * 0.8)
        self.status = ""
        self._scheme = current_scheme()

    def show_status(self, status: str) -> None:
        self.status = status
        self.setText(status.upper())
        self.setStyleSheet(_style(STATUS_CHIP[status][self._scheme], "border-radius: 6px;"))

    def apply_scheme(self, scheme: Scheme) -> None:
        self._scheme = scheme
        if self.status:
            self.show_status(self.status)

    def set_body_size(self, point_size: float) -> None:
        _enlarge(self, LARGE_TYPE * 0.8, point_size)


class FailurePanel(QFrame):
    """Every failure since the last acknowledgement, newest first; stays until acknowledged.

    Acknowledge with its button, a click anywhere on it, Esc (the window's shortcut) or
    the acknowledge command barcode.
    """

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failurePanel")
        self.setAccessibleName("Failures not yet acknowledged")
        self._scheme = current_scheme()
        self._count = 0
        layout = QVBoxLayout(self)
        self._title = QLabel()
        self._title.setObjectName("failurePanelTitle")
        self._title.setWordWrap(True)
        _enlarge(self._title, 1.4)
        self.list = QListWidget()
        self.list.setObjectName("failureList")
        self.list.setAccessibleName("Failed orders and why")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.acknowledge_button = QPushButton("Acknowledge (Esc)")
        self.acknowledge_button.setObjectName("acknowledgeButton")
        self.acknowledge_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        layout.addWidget(self._title)
        layout.addWidget(self.list)
        layout.addWidget(self.acknowledge_button, alignment=Qt.AlignmentFlag.AlignRight)
        self._colour()
        self.hide()

    @property
    def count(self) -> int:
        return self._count

    def add_failure(self, order_id: str, reason: str, when: float | None = None) -> None:
        stamp = time.strftime("%H:%M:%S", time.localtime(when or time.time()))
        self.list.insertItem(0, f"{stamp}  {order_id}: {reason}")
        while self.list.count() > MAX_FAILURES_LISTED:
            self.list.takeItem(self.list.count() - 1)
        self._count += 1
        noun = "update failed" if self._count == 1 else "updates failed"
        self._title.setText(f"{self._count} {noun}: check these orders, then acknowledge.")
        self.show()

    def acknowledge(self) -> None:
        if not self.isVisible() and not self._count:
            return
        self._count = 0
        self.list.clear()
        self.hide()
        self.acknowledged.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.acknowledge()
        event.accept()

    def apply_scheme(self, scheme: Scheme) -> None:
        self._scheme = scheme
        self._colour()

    def set_body_size(self, point_size: float) -> None:
        _enlarge(self._title, 1.4, point_size)

    def _colour(self) -> None:
        pair = BAND["failed"][self._scheme]
        self.setStyleSheet(
            f"#failurePanel {{ {_style(pair, 'border-radius: 4px;')} }}"
            f"#failurePanel QLabel {{ color: {pair.foreground}; }}"
        )
