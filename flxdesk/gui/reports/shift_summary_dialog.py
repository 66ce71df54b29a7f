"""File → Shift summary…: what this station did in a period, saved as CSV or a PDF to print.

The numbers are flxdesk.reports.shift_report's, the same as ``flxdesk report`` prints: the
updates by result and by requested status, the failure reasons, the count per hour,
a line per operator when anyone was signed in, and the failures. Shown as plain text a
screen reader reads line by line; the totals are announced when the period changes. On a
station with a floor, "Whole floor" shows every station's together (``flxdesk report
--floor``'s numbers), read by a worker: the window never waits for the floor.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flxdesk.gui.common.file_choice import ask_save_path
from flxdesk.gui.history.period_chooser import SHIFT, PeriodChooser
from flxdesk.gui.station.announce import announce
from flxdesk.history.store import HistoryStore
from flxdesk.host.i18n import translate
from flxdesk.reports.shift_report import (
    RESULTS,
    ShiftSummary,
    result_word,
    summarize,
    summary_lines,
)

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.common.background_job import BackgroundJob

FAILURES_SHOWN = 200  # the CSV lists them all


def totals_text(summary: ShiftSummary) -> str:
    totals = summary.by_result
    counts = ", ".join(f"{result_word(r)} {totals[r]}" for r in RESULTS)
    total = summary.total
    text = translate("ShiftSummaryDialog", "%n update(s): {counts}", None, total)
    return text.format(counts=counts)


class ShiftSummaryDialog(QDialog):
    def __init__(
        self,
        store: HistoryStore,
        parent: QWidget | None = None,
        floor: FloorSession | None = None,
    ) -> None:
        """``floor``: the station's floor session, which offers "Whole floor"."""
        super().__init__(parent)
        self.setObjectName("shiftSummaryDialog")
        self.setWindowTitle(self.tr("Shift summary"))
        self.setAccessibleName(self.tr("Shift summary"))
        self.setAccessibleDescription(
            self.tr("Updates of a period by result and status, failures, per hour")
        )
        self.resize(760, 560)
        self._store = store
        self._floor = floor
        self._floor_job: BackgroundJob | None = None
        self.summary: ShiftSummary | None = None
        self.scope = QComboBox()
        self.scope.setObjectName("summaryScope")
        self.scope.addItems([self.tr("This station"), self.tr("Whole floor")])
        self.scope.setAccessibleName(self.tr("Whose updates"))
        self.scope.setVisible(floor is not None)
        self.scope.currentIndexChanged.connect(self.refresh)

        self.period = PeriodChooser("summary", any_time=False, initial=SHIFT)
        self.period.changed.connect(self.refresh)
        self.totals = QLabel()
        self.totals.setObjectName("summaryTotals")
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName(self.tr("Totals of the period"))
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.text = QPlainTextEdit()
        self.text.setObjectName("summaryText")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("The summary"))
        self.text.setAccessibleDescription(
            self.tr(
                "By status, failure reasons, updates per hour, per operator when anyone "
                "signed in, and the failures, oldest first"
            )
        )
        self.message = QLabel()
        self.message.setObjectName("summaryMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result of saving"))

        buttons = QHBoxLayout()
        self.save_csv_button = self._button(
            "saveSummaryCsv", self.tr("Save CSV…"), self.tr("All failures listed")
        )
        self.save_pdf_button = self._button(
            "saveSummaryPdf", self.tr("Save PDF…"), self.tr("One page to print")
        )
        self.close_button = self._button(
            "closeSummary", self.tr("Close"), self.tr("Close the shift summary")
        )
        self.save_csv_button.clicked.connect(self.ask_csv)
        self.save_pdf_button.clicked.connect(self.ask_pdf)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.message, stretch=1)
        for button in (self.save_csv_button, self.save_pdf_button, self.close_button):
            buttons.addWidget(button)

        top = QHBoxLayout()
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period.combo)
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addWidget(self.scope)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(self.text, stretch=1)
        layout.addLayout(buttons)
        self.refresh()

    def _button(self, name: str, text: str, does: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(does)
        return button

    @property
    def whole_floor(self) -> bool:
        return self._floor is not None and self.scope.currentIndex() == 1

    @Slot()
    def refresh(self) -> None:
        """Count the chosen period again, now (the floor's: when its answer comes)."""
        period = self.period.period()
        if period is None:
            return
        if self.whole_floor:
            self._read_the_floor(period)
            return
        self._floor_job = None  # an answer still on its way is not wanted any more
        self._show(summarize(self._store, period))

    def _show(self, summary: ShiftSummary) -> None:
        self.summary = summary
        label = summary.period.label
        self.totals.setText(f"{label[0].upper()}{label[1:]}: " + totals_text(summary))
        lines = summary_lines(summary, FAILURES_SHOWN)
        self.text.setPlainText("\n".join(lines[3:]))  # after the title and the totals
        for button in (self.save_csv_button, self.save_pdf_button):
            button.setEnabled(True)
        announce(self.totals, self.totals.text())

    def _read_the_floor(self, period) -> None:
        from flxdesk.floor.report import floor_report
        from flxdesk.gui.floor.floor_question import ask_floor

        floor = self._floor
        assert floor is not None
        self.summary = None  # nothing to save until the floor answers
        for button in (self.save_csv_button, self.save_pdf_button):
            button.setEnabled(False)
        self.totals.setText(self.tr("Reading the floor…"))
        self.text.clear()
        self._floor_job = ask_floor(
            floor,
            lambda db: floor_report(db, period).summary,
            self._on_floor_summary,
            self._on_floor_silent,
        )

    @Slot(object, object)
    def _on_floor_summary(self, job: BackgroundJob, summary: ShiftSummary) -> None:
        if job is self._floor_job and self.whole_floor:
            self._floor_job = None
            self._show(summary)

    @Slot(object, str)
    def _on_floor_silent(self, job: BackgroundJob, why: str) -> None:
        if job is self._floor_job and self.whole_floor:
            self._floor_job = None
            text = self.tr("The floor does not answer ({why}): choose This station, or try again.")
            self.totals.setText(text.format(why=why))
            announce(self.totals, self.totals.text())

    @Slot()
    def ask_csv(self) -> None:
        ask_save_path(
            self,
            "summaryCsvDialog",
            self.tr("Save the shift summary as CSV"),
            "shift-summary.csv",
            self.save_csv,
        )

    @Slot()
    def ask_pdf(self) -> None:
        ask_save_path(
            self,
            "summaryPdfDialog",
            self.tr("Save the shift summary as PDF"),
            "shift-summary.pdf",
            self.save_pdf,
        )

    def save_csv(self, path: Path) -> None:
        from flxdesk.reports.shift_report import write_summary_csv

        self._save(lambda summary: write_summary_csv(summary, path), path)

    def save_pdf(self, path: Path) -> None:
        from flxdesk.gui.reports.shift_summary_pdf import write_shift_summary_pdf

        self._save(lambda summary: write_shift_summary_pdf(summary, path), path)

    def _save(self, write, path: Path) -> None:
        if self.summary is None:
            return
        try:
            write(self.summary)
        except OSError as problem:
            text = self.tr("{file} cannot be written: {problem}").format(
                file=path, problem=problem.strerror or problem
            )
        else:
            text = self.tr("Saved {file}.").format(file=path)
        self.message.setText(text)
        announce(self.message, text)
