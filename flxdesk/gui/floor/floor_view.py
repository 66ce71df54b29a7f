"""View → Floor…: every station of the floor, live: last seen, today's counts.

A window of its own, not modal: scans go on behind it. Every ``REFRESH_SECONDS`` a
worker reads the floor's report for today (flxdesk.floor.report, the same
numbers as ``flxdesk report --floor``); the window's thread never waits for it. While
the floor is away the last figures stay, with when they were read and why they are not
new.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flxdesk.gui.floor.floor_question import ask_floor
from flxdesk.gui.reports.shift_summary_dialog import totals_text
from flxdesk.gui.station.announce import announce
from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.floor.report import FloorReport
    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.common.background_job import BackgroundJob

REFRESH_SECONDS = 5.0
STALE_SECONDS = 5 * 60  # a station not seen for this long is marked as such


def _seen_words(last_seen: float | None, now: float) -> str:
    from flxdesk.floor.duplicates import clock_text, finite_moment

    last_seen = finite_moment(last_seen)
    if last_seen is None:
        return "-"
    text = clock_text(last_seen, "%H:%M:%S")
    if now - last_seen > STALE_SECONDS:
        return translate("FloorView", "{time} (not seen since)").format(time=text)
    return text


class FloorView(QDialog):
    COLUMNS = ("station", "sent", "failed", "waiting", "last seen")

    def __init__(self, floor: FloorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floorView")
        self.setWindowTitle(self.tr("Floor"))
        self.setAccessibleName(self.tr("Floor"))
        self.setAccessibleDescription(self.tr("Every station of the floor, today"))
        self.resize(640, 420)
        self._floor = floor
        self._job: BackgroundJob | None = None
        self.report: FloorReport | None = None
        self.totals = QLabel()
        self.totals.setObjectName("floorTotals")
        self.totals.setWordWrap(True)
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("floorStations")
        self.table.setAccessibleName(self.tr("Stations"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Station"),
                self.tr("Sent"),
                self.tr("Failed"),
                self.tr("Waiting"),
                self.tr("Last seen"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self.tr("Reading the floor…"))
        self.message.setObjectName("floorMessage")
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeFloorView")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, stretch=1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.setInterval(int(REFRESH_SECONDS * 1000))
        self._timer.timeout.connect(self.refresh)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()
        self.refresh()

    def hideEvent(self, event) -> None:
        self._timer.stop()  # nothing is read while nobody looks
        super().hideEvent(event)

    @Slot()
    def refresh(self) -> None:
        """Read the floor's report of today again, unless a read is under way."""
        if self._job is not None:
            return
        from flxdesk.floor.report import floor_report
        from flxdesk.history.periods import today

        period = today()
        self._job = ask_floor(
            self._floor, lambda db: floor_report(db, period), self._on_report, self._on_failed
        )

    @Slot(object, object)
    def _on_report(self, job: BackgroundJob, report: FloorReport) -> None:
        if job is not self._job:
            return
        self._job = None
        self.report = report
        now = time.time()
        self.table.setRowCount(len(report.stations))
        for row, line in enumerate(report.stations):
            cells = (line.name, line.sent, line.failed, line.waiting)
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
            self.table.setItem(row, 4, QTableWidgetItem(_seen_words(line.last_seen, now)))
        summary = report.summary
        label = summary.period.label
        self.totals.setText(f"{label[0].upper()}{label[1:]}: " + totals_text(summary))
        if not report.stations:
            text = self.tr("No station has reached the floor yet.")
        else:
            text = self.tr("Read at {time}.").format(time=time.strftime("%H:%M:%S"))
        self.message.setText(text)
        announce(self.totals, self.totals.text())

    @Slot(object, str)
    def _on_failed(self, job: BackgroundJob, why: str) -> None:
        if job is not self._job:
            return
        self._job = None
        text = self.tr("The floor does not answer ({why}): the figures are not new.")
        self.message.setText(text.format(why=why))
