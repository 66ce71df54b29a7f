"""View → Floor…: every station of the floor, live: today's counts, last seen, who is
signed in; and, when anyone signed in today, the whole floor's line per operator.

A window of its own, not modal: scans go on behind it. Every ``REFRESH_SECONDS`` a
worker reads the floor's report for today (flxdesk.floor.report, the same
numbers as ``flxdesk report --floor``); the window's thread never waits for it. While
the floor is away the last figures stay, with when they were read and why they are not
new. Names come from other stations: they are shown as plain text
(flxdesk.floor.login_check.plain), and a row that cannot be shown is left as "?", never
a stop.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
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
    from flxdesk.floor.report import FloorReport, StationLine
    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.common.background_job import BackgroundJob
    from flxdesk.reports.shift_report import OperatorLine

log = logging.getLogger(__name__)

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


def _station_cells(line: StationLine, now: float) -> tuple[str, ...]:
    from flxdesk.floor.login_check import plain
    from flxdesk.floor.report import signed_in_now

    counts = (str(int(count)) for count in (line.sent, line.failed, line.waiting))
    who = signed_in_now(line, now) or "-"
    return (plain(line.name), *counts, _seen_words(line.last_seen, now), who)


def _operator_cells(line: OperatorLine) -> tuple[str, ...]:
    from flxdesk.floor.login_check import plain
    from flxdesk.reports.shift_report import duration_text, rate_text

    counts = (str(int(count)) for count in (line.asked, line.sent, line.failed))
    rate, gap = rate_text(line.orders_per_hour), duration_text(line.longest_gap)
    return (plain(line.label), *counts, rate, gap)


_NUMBERS = "numbers"  # a table's property: the columns whose cells are right-aligned


def _table(
    name: str, accessible: str, heads: Sequence[str], names: Sequence[int], numbers: Sequence[int]
) -> QTableWidget:
    """A read-only table: the ``names`` columns share the width left, every other column
    is as wide as its widest cell; the ``numbers`` columns right-aligned."""
    table = QTableWidget(0, len(heads))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(list(heads))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(heads)):
        stretch = column in names
        header.setSectionResizeMode(
            column,
            QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents,
        )
    table.setProperty(_NUMBERS, list(numbers))
    return table


def _fill(
    table: QTableWidget, rows: Sequence[Any], cells_of: Callable[[Any], Sequence[str]]
) -> None:
    """One row per item, its cells ``cells_of(item)``; an item that cannot be shown is
    logged and shown as "?" (the floor's text is another station's)."""
    numbers = set(table.property(_NUMBERS) or ())
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    table.setRowCount(len(rows))
    for row, item in enumerate(rows):
        try:
            cells = tuple(cells_of(item))
        except Exception:
            log.warning("A row of the floor's report cannot be shown: %r", item, exc_info=True)
            cells = ("?",) * table.columnCount()
        for column, text in enumerate(cells[: table.columnCount()]):
            cell = QTableWidgetItem(text)
            if column in numbers:
                cell.setTextAlignment(right)
            table.setItem(row, column, cell)


class FloorView(QDialog):
    def __init__(self, floor: FloorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floorView")
        self.setWindowTitle(self.tr("Floor"))
        self.setAccessibleName(self.tr("Floor"))
        self.setAccessibleDescription(
            self.tr("Every station of the floor and who is signed in there, today")
        )
        self.resize(720, 520)
        self._floor = floor
        self._job: BackgroundJob | None = None
        self.report: FloorReport | None = None
        self.totals = QLabel()
        self.totals.setObjectName("floorTotals")
        self.totals.setWordWrap(True)
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.table = _table(
            "floorStations",
            self.tr("Stations"),
            (
                self.tr("Station"),
                self.tr("Sent"),
                self.tr("Failed"),
                self.tr("Waiting"),
                self.tr("Last seen"),
                self.tr("Signed in"),
            ),
            names=(0, 5),
            numbers=(1, 2, 3),
        )
        self.operators_title = QLabel(self.tr("By operator, whole floor"))
        self.operators_title.setObjectName("floorOperatorsTitle")
        self.operators_title.setFont(font)
        self.operators = _table(
            "floorOperators",
            self.tr("By operator, whole floor"),
            (
                self.tr("Operator"),
                self.tr("Asked"),
                self.tr("Sent"),
                self.tr("Failed"),
                self.tr("Orders/h"),
                self.tr("Longest gap"),
            ),
            names=(0,),
            numbers=(1, 2, 3, 4, 5),
        )
        self.operators.setToolTip(
            self.tr(
                "Orders/h: different orders per hour signed in. Longest gap: the longest "
                "time between two of their updates."
            )
        )
        self.operators_title.hide()  # until an update of today names an operator
        self.operators.hide()
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
        layout.addWidget(self.table, stretch=3)
        layout.addWidget(self.operators_title)
        layout.addWidget(self.operators, stretch=2)
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
        _fill(self.table, report.stations, lambda line: _station_cells(line, now))
        summary = report.summary
        anyone = summary.anyone_signed_in
        _fill(self.operators, summary.operators if anyone else [], _operator_cells)
        self.operators_title.setVisible(anyone)
        self.operators.setVisible(anyone)
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
