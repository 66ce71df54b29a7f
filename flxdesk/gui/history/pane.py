"""The history pane: find, filter and act on the history, with the details of each update.

The filter row (flxdesk.gui.history.filter_bar) sets the lazy model's filter; the
table (objectName ``historyView``) reads a page at a time; the details pane
(``historyDetails``) shows what the store knows about the selected update. Actions,
in the context menu, as shortcuts and as buttons: copy the order IDs (Ctrl+C),
retry the selected updates (Ctrl+R) or all failed ones of the period chosen
(Ctrl+Shift+R), export every row of the filter to CSV (Ctrl+E); Ctrl+F goes to
the search. Retries are new queued rows (flxdesk.sending.retry) for the engine's current
destination, checked by the duplicate guard, then the engine is woken.

The window builds the pane just after its first paint; what needs the ``Qt``
namespace waits until the owner calls ``finish_setup``. Results are announced to
screen readers (flxdesk.gui.station.announce).
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flxdesk.gui.history.actions import ask_to_retry_all, export_job
from flxdesk.gui.history.details import HistoryDetails
from flxdesk.gui.history.filter_bar import HistoryFilterBar
from flxdesk.gui.history.model import COLUMNS, HistoryModel, header_labels
from flxdesk.gui.station.announce import announce
from flxdesk.history.store import HistoryStore
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from flxdesk.gui.common.background_job import BackgroundJob
    from flxdesk.gui.reports.shift_summary_dialog import ShiftSummaryDialog
    from flxdesk.gui.sending.engine_thread import EngineThread
    from flxdesk.history.query import HistoryFilter
    from flxdesk.sending.retry import RetryReport
    from flxdesk.station.duplicate_guard import DuplicateGuard

log = logging.getLogger(__name__)

ALL_UPDATES = QT_TRANSLATE_NOOP("HistoryPane", "All updates, newest first")
COLUMN_WIDTHS = (80, 120, 110, 160)
SPLIT_WEIGHTS = (7, 3)  # table : details


class RetryOperator(Protocol):
    """Who retries (gui.station.operator_part): the history names them on the retries."""

    @property
    def name(self) -> str: ...

    @property
    def badge_needed(self) -> bool:
        """Sign-in is required and nobody is signed in: nothing may be queued."""
        ...


class HistoryView(QTableView):
    """The history table; its context menu (mouse or menu key) is the pane's."""

    def __init__(self, pane: HistoryPane) -> None:
        super().__init__()
        self._pane = pane

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = event.globalPos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # at the current row
            rect = self.visualRect(self.currentIndex())
            corner = rect.bottomLeft() if rect.isValid() else self.viewport().rect().topLeft()
            position = self.viewport().mapToGlobal(corner)
        self._pane.context_menu().popup(position)


class HistoryPane(QWidget):
    # What the pane told screen readers (emitted also when none listens, or Qt < 6.8)
    announced = Signal(str)

    def __init__(
        self,
        store: HistoryStore,
        engine: EngineThread,
        parent: QWidget | None = None,
        *,
        operators: RetryOperator | None = None,
    ) -> None:
        """``operators``: who is signed in, named on every retry (none: nobody)."""
        super().__init__(parent)
        self.setObjectName("historyPane")
        self._store = store
        self._engine = engine
        self._operators = operators
        self._guard: DuplicateGuard | None = None
        self._menu: QMenu | None = None
        self._export_job: BackgroundJob | None = None
        self._summary: ShiftSummaryDialog | None = None
        self._export_target: Path | None = None
        self.last_retry: RetryReport | None = None
        self.actions_by_name: dict[str, QAction] = {}

        self.filters = HistoryFilterBar()
        self.count_label = QLabel(self.tr(ALL_UPDATES))
        self.count_label.setObjectName("historyCount")
        self.model = HistoryModel(store, self)
        self.view = HistoryView(self)
        self._build_view()
        self.details = HistoryDetails()
        self.buttons = self._build_buttons()
        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result of the last history action"))
        self._build_layout()

        self.filters.changed.connect(self.apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.model.modelReset.connect(self._show_current_details)
        self.model.dataChanged.connect(self._on_rows_changed)
        self.model.rowsInserted.connect(self._show_count)
        engine.updateFinished.connect(self._on_update_finished)

    # --- layout ----------------------------------------------------------------------
    def _build_view(self) -> None:
        view = self.view
        view.setObjectName("historyView")
        view.setAccessibleName(self.tr("History of updates, newest first"))
        view.setAccessibleDescription(
            self.tr(
                "One row per update: time, order ID, status, note, result. The details of the "
                "selected row are next to it. Menu key: copy, retry, export."
            )
        )
        view.setModel(self.model)
        view.horizontalHeader().setModel(header_labels(self))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        vertical = view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        view.horizontalHeader().setStretchLastSection(True)
        for column, width in zip(COLUMNS, COLUMN_WIDTHS, strict=False):
            view.setColumnWidth(COLUMNS.index(column), width)

    def _build_buttons(self) -> dict[str, QPushButton]:
        buttons = {}
        for name, text, does in (
            (
                "historyRetry",
                self.tr("Retry selected"),
                self.tr("Queue the selected failed updates again"),
            ),
            (
                "historyRetryAll",
                self.tr("Retry all failed…"),
                self.tr("Queue again every failed update of the period chosen, after asking"),
            ),
            (
                "historyExport",
                self.tr("Export CSV…"),
                self.tr("Save every update the filter shows to a CSV file for Excel"),
            ),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(does)
            buttons[name] = button
        buttons["historyRetry"].clicked.connect(self.retry_selected)
        buttons["historyRetryAll"].clicked.connect(self.ask_retry_all)
        buttons["historyExport"].clicked.connect(self.ask_export)
        return buttons

    def _build_layout(self) -> None:
        """Filters on top; the table and, beside it, the details; the actions below."""
        splitter = QSplitter()
        splitter.setObjectName("historySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        for position, weight in enumerate(SPLIT_WEIGHTS):
            splitter.setStretchFactor(position, weight)
        top = QHBoxLayout()
        top.addWidget(self.filters, stretch=1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        for button in self.buttons.values():
            bottom.addWidget(button)
        bottom.addWidget(self.message, stretch=1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, stretch=1)
        layout.addLayout(bottom)

    def tab_chain(self) -> list[QWidget]:
        """The pane's fields in the order Tab visits them."""
        return [*self.filters.tab_chain(), self.view, self.details, *self.buttons.values()]

    @Slot()
    def finish_setup(self) -> None:
        """Once the window is on screen: shortcuts, keyboard access to the details, tab
        order. Called once, by the owner."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence

        self.details.finish_setup()
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Copy and Retry act on the table's selection: only while the table has focus
        # (Ctrl+C in a text field copies its text). The others work anywhere in the pane;
        # Ctrl+F anywhere in the window.
        in_table = Qt.ShortcutContext.WidgetShortcut
        anywhere = Qt.ShortcutContext.WidgetWithChildrenShortcut
        in_window = Qt.ShortcutContext.WindowShortcut
        for name, text, keys, context, slot in (
            ("copy", self.tr("Copy order IDs"), "Ctrl+C", in_table, self.copy_ids),
            ("retry", self.tr("Retry selected"), "Ctrl+R", in_table, self.retry_selected),
            (
                "retryAll",
                self.tr("Retry all failed…"),
                "Ctrl+Shift+R",
                anywhere,
                self.ask_retry_all,
            ),
            ("export", self.tr("Export this filter to CSV…"), "Ctrl+E", anywhere, self.ask_export),
            ("find", self.tr("Find order ID"), "Ctrl+F", in_window, self.focus_search),
        ):
            action = QAction(text, self)
            action.setObjectName(f"history{name[0].upper()}{name[1:]}Action")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            (self.view if context is in_table else self).addAction(action)
            self.actions_by_name[name] = action
        self.chain_tab_order()

    def chain_tab_order(self) -> None:
        chain = self.tab_chain()
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def context_menu(self) -> QMenu:
        if self._menu is None:
            self._menu = QMenu(self)
            self._menu.setObjectName("historyMenu")
            self._menu.setAccessibleName(self.tr("History actions"))
            for name in ("copy", "retry", "retryAll", "export"):
                self._menu.addAction(self.actions_by_name[name])
        return self._menu

    # --- filter ----------------------------------------------------------------------
    @Slot()
    def apply_filter(self) -> None:
        """Run the filter the row shows: one count and one page, through an index."""
        if self.filters.period.first_day is not None:
            self.chain_tab_order()  # the date fields were just made
        self.model.set_filter(self.filters.current())
        self._show_count()
        self._say(self.count_label.text() + ".", quiet=True)

    @Slot()
    def _show_count(self) -> None:
        count = self.model.match_count
        if count is None:
            self.count_label.setText(self.tr(ALL_UPDATES))
        elif count:
            self.count_label.setText(translate("HistoryPane", "%Ln update(s) match", None, count))
        else:
            self.count_label.setText(self.tr("No update matches"))

    @Slot()
    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # --- details ---------------------------------------------------------------------
    @Slot(QModelIndex, QModelIndex)
    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details(current.row() if current.isValid() else None)

    @Slot()
    def _show_current_details(self) -> None:
        current = self.view.currentIndex()
        self._show_details(current.row() if current.isValid() else None)

    @Slot(QModelIndex, QModelIndex)
    def _on_rows_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        current = self.view.currentIndex()
        if current.isValid() and first.row() <= current.row() <= last.row():
            self._show_details(current.row())

    def _show_details(self, position: int | None) -> None:
        if position is None or not self.model.attached:
            self.details.show_details(None)
            return
        from flxdesk.history.query import HistoryQuery

        details = HistoryQuery(self._store).details(self.model.row_at(position).id)
        self.details.show_details(details)

    # --- actions ---------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """Positions of the selected rows, top first (the current row when none is)."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        current = self.view.currentIndex()
        return rows or ([current.row()] if current.isValid() else [])

    @Slot()
    def copy_ids(self) -> None:
        from PySide6.QtGui import QGuiApplication

        ids = [self.model.row_at(row).order_id for row in self.selected_rows()]
        if ids:
            QGuiApplication.clipboard().setText("\n".join(ids))
            count = len(ids)
            self._say(translate("HistoryPane", "Copied %n order ID(s).", None, count))

    @Slot()
    def retry_selected(self) -> None:
        ids = [self.model.row_at(row).id for row in self.selected_rows()]
        if not ids:
            self._say(self.tr("Select the failed updates to retry first."))
            return
        self.retry(ids)

    @Slot()
    def ask_retry_all(self) -> None:
        """Every failed update of the period chosen (all with Any time), after asking."""
        from flxdesk.sending.retry import failed_to_retry

        period = self.filters.period_bounds()
        since, until = (None, None) if period is None else (period.since, period.until)
        ids = failed_to_retry(self._store, since, until)
        where = (
            self.tr("in the whole history")
            if period is None
            else self.tr("from {period}").format(period=period.label)
        )
        if not ids:
            self._say(self.tr("No failed update to retry {where}.").format(where=where))
            return
        ask_to_retry_all(self, len(ids), where, lambda: self.retry(ids))

    def retry(self, update_ids: list[int]) -> RetryReport:
        """Queue the failed ones among ``update_ids`` again, to where flxdesk sends now,
        in the name of the operator signed in (none queued while one is required)."""
        from flxdesk.history.store import AskedBy
        from flxdesk.sending.retry import RetryReport, duplicate_guard_check, retry_updates

        operators = self._operators
        if operators is not None and operators.badge_needed:
            self._say(self.tr("Scan your badge first: nothing was retried."))
            self.last_retry = RetryReport([], [], None)
            return self.last_retry
        report = retry_updates(
            self._store,
            update_ids,
            self._engine.destination,
            check=duplicate_guard_check(self._duplicate_guard()),
            asked_by=AskedBy(operators.name if operators is not None else ""),
        )
        self.last_retry = report
        if report.queued:
            log.info("The person retried %d failed updates", len(report.queued))
            self._engine.wake()
            self.model.reload()
            self._show_count()
        self._say(report.summary())
        return report

    def _duplicate_guard(self) -> DuplicateGuard:
        """One guard for the pane: pressing Retry again soon after it held an update
        sends it, as scanning twice does."""
        if self._guard is None:
            from flxdesk.history.query import HistoryQuery
            from flxdesk.station.duplicate_guard import DuplicateGuard

            self._guard = DuplicateGuard(HistoryQuery(self._store).previous_update_at)
        return self._guard

    @Slot()
    def ask_export(self) -> None:
        from flxdesk.gui.common.file_choice import ask_save_path

        f = self.filters.current()  # as shown when asked
        ask_save_path(
            self,
            "historyExportDialog",
            self.tr("Export this filter to CSV"),
            "flxdesk-history.csv",
            lambda path: self.export_to(path, f),
        )

    def export_to(self, target: Path, f: HistoryFilter | None = None) -> BackgroundJob:
        """Write every row of ``f`` (default: the filter shown) off the GUI thread."""
        job = export_job(self._store.path, self.filters.current() if f is None else f, target)
        job.succeeded.connect(self._export_done)
        job.failed.connect(self._export_failed)
        self._export_job = job
        self._export_target = target
        self._say(self.tr("Exporting to {file}…").format(file=target), quiet=True)
        job.start()
        return job

    @Slot(object, object)
    def _export_done(self, job: BackgroundJob, count: int) -> None:
        if job is self._export_job:
            self._say(
                translate("HistoryPane", "Exported %Ln update(s) to {file}.", None, count).format(
                    file=self._export_target
                )
            )

    @Slot(object, str)
    def _export_failed(self, job: BackgroundJob, reason: str) -> None:
        if job is self._export_job:
            self._say(self.tr("Export failed: {reason}").format(reason=reason))

    # --- shift summary ---------------------------------------------------------------
    @Slot()
    def open_shift_summary(self) -> ShiftSummaryDialog:
        """File → Shift summary…: the numbers of this history for a period (one dialog,
        not modal: scans go on behind it)."""
        from flxdesk.gui.reports.shift_summary_dialog import ShiftSummaryDialog

        if self._summary is None:
            self._summary = ShiftSummaryDialog(self._store, self.window(), self._engine.floor)
        else:
            self._summary.refresh()
        self._summary.show()
        self._summary.activateWindow()
        return self._summary

    # --- telling the person ----------------------------------------------------------
    @Slot(int, bool, str)
    def _on_update_finished(self, update_id: int, _ok: bool, message: str) -> None:
        """Each scan's or retry's result as it lands in the history, for screen reader
        users. Not each row of a bulk run (two a second, for hours): its panel counts."""
        if not self.model.attached:  # closing: the store is about to close
            return
        row = self._store.get(update_id)
        if row is None or (row.batch_id is not None and row.retry_of is None):
            return
        announce(self.view, message)
        self.announced.emit(message)

    def _say(self, text: str, quiet: bool = False) -> None:
        """Show ``text`` under the details (unless ``quiet``) and announce it."""
        if not quiet:
            self.message.setText(text)
        announce(self.message if not quiet else self.count_label, text)
        self.announced.emit(text)
