"""The red panel of failures since the last acknowledgement: stays until someone says so.

Built after the window's first paint (it is hidden until the first failure).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from flxdesk.gui.common.colour_scheme import colour_style, current_scheme
from flxdesk.gui.station.feedback_widgets import enlarge
from flxdesk.host.i18n import translate
from flxdesk.station.palette import BAND, Scheme

MAX_FAILURES_LISTED = 50


class FailurePanel(QFrame):
    """Every failure since the last acknowledgement, newest first; stays until acknowledged.

    Acknowledge with its button, a click anywhere on it, Esc (the window's shortcut) or
    the acknowledge command barcode.
    """

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failurePanel")
        self.setAccessibleName(self.tr("Failures not yet acknowledged"))
        self._scheme = current_scheme()
        self._count = 0
        layout = QVBoxLayout(self)
        self._title = QLabel()
        self._title.setObjectName("failurePanelTitle")
        self._title.setWordWrap(True)
        enlarge(self._title, 1.4)
        self.list = QListWidget()
        self.list.setObjectName("failureList")
        self.list.setAccessibleName(self.tr("Failed orders and why"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge (Esc)"))
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
        count = self._count
        self._title.setText(
            translate(
                "FailurePanel",
                "%n update(s) failed: check these orders, then acknowledge.",
                None,
                count,
            )
        )
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
        enlarge(self._title, 1.4, point_size)

    def _colour(self) -> None:
        pair = BAND["failed"][self._scheme]
        self.setStyleSheet(
            f"#failurePanel {{ {colour_style(pair, 'border-radius: 4px;')} }}"
            f"#failurePanel QLabel {{ color: {pair.foreground}; }}"
        )
