"""The main window: order ID, status, note, Update, and the history below.

objectNames of the input widgets are a public contract for automation and
accessibility tools: orderIdEdit, statusCombo, noteEdit, submitButton, historyView.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flxdesk import __version__
from flxdesk.engine_events import EngineState
from flxdesk.gui.engine_thread import EngineThread
from flxdesk.gui.engine_watch import EngineWatch, StoreWriter, since_text
from flxdesk.gui.history_model import COLUMNS, HistoryModel, header_labels
from flxdesk.gui.token_keeper import TokenKeeper, TokenState
from flxdesk.gui.token_prompts import TokenPrompts
from flxdesk.notes import InvalidNote, check_note
from flxdesk.order_ids import InvalidOrderId, clean_order_id
from flxdesk.statuses import ORDER_STATUSES
from flxdesk.store import HistoryStore
from flxdesk.updates import PendingImport

if TYPE_CHECKING:
    from flxdesk.gui.batch_panel import BatchPanel
    from flxdesk.gui.held_panel import HeldPanel

log = logging.getLogger(__name__)

OK_STYLE = "color: #1b7f3b; font-weight: 600"
ERROR_STYLE = "color: #b3261e; font-weight: 600"
INFO_STYLE = "color: #444"

# What the queue label says in each engine state.
QUEUE_STATE_TEXT = {
    EngineState.IDLE: "Nothing waiting",
    EngineState.SENDING: "Sending: {waiting} waiting",
    EngineState.PAUSED: "Paused: {waiting} waiting",
    EngineState.OFFLINE: "Offline: {waiting} waiting, sent when the connection is back",
    EngineState.NOT_ANSWERING: "Flxpoint is not answering since {since}, {waiting} waiting",
    EngineState.STORAGE_PROBLEM: "History cannot be written since {since}: {waiting} waiting",
    EngineState.NEEDS_TOKEN: "No API token: {waiting} waiting",
    EngineState.STOPPED: "Stopped: {waiting} waiting",
}

TOKEN_STATE_TEXT = {
    TokenState.UNKNOWN: "Token: checking the keychain…",
    TokenState.MISSING: "No API token: updates wait until one is set (Token menu)",
    TokenState.KEYCHAIN: "Token: from the system keychain",
    TokenState.SESSION_ONLY: "Token: this session only (not saved)",
    TokenState.DEMO: "Demo token: no keychain used",
}


class MainWindow(QMainWindow):
    firstPainted = Signal()

    def __init__(
        self,
        store: HistoryStore,
        engine_thread: EngineThread,
        token_keeper: TokenKeeper,
        api_url: str,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self._store = store
        self._engine_thread = engine_thread
        self._tokens = token_keeper
        self._demo = demo
        self._waiting = 0
        self._held = 0
        self._queue_text = QUEUE_STATE_TEXT[EngineState.IDLE]
        self._token_state = TokenState.UNKNOWN
        self._batch_panel: BatchPanel | None = None
        self._held_panel: HeldPanel | None = None
        self.token_prompts = TokenPrompts(self, token_keeper)

        title = f"flxdesk {__version__}"
        self.setWindowTitle(f"{title} — DEMO (orders 1000-1999)" if demo else title)
        self.resize(900, 600)
        self._build_widgets()
        self._build_menus()
        self._api_label.setText(f"API: {api_url}")
        self._show_token_state(TokenState.UNKNOWN)

        # The engine thread and the keychain start after the first paint, so that
        # importing requests and keyring does not delay the window.
        self._painted = False
        self.firstPainted.connect(self._finish_setup)
        self.firstPainted.connect(engine_thread.start)
        self.firstPainted.connect(token_keeper.load)

        engine_thread.updateChanged.connect(self.model.refresh)
        engine_thread.updateFinished.connect(self._on_update_finished)
        engine_thread.stateChanged.connect(self._on_engine_state)
        engine_thread.heldChanged.connect(self._on_held_changed)
        token_keeper.stateChanged.connect(self._on_token_state)
        token_keeper.keychainUnavailable.connect(self.token_prompts.on_keychain_unavailable)
        # Sending that stops, a history that cannot be written: shown, never silent.
        self.engine_watch = EngineWatch(self, engine_thread, self._show_result)
        self.store_writer = StoreWriter(store.path, self)
        self.store_writer.written.connect(self._on_written_later)
        self.store_writer.problem.connect(self._on_write_waiting)

    @Slot()
    def _finish_setup(self) -> None:
        """Settings applied once the window is on screen: shortcuts, the window icon, focus.

        They need the ``Qt`` namespace, which PySide6 builds whole (~11 ms) on first use,
        or decode an image; none of them changes what the first paint shows.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QIcon, QKeySequence

        from flxdesk.resources import icon_path

        icon = icon_path()
        if icon is not None:
            QApplication.setWindowIcon(QIcon(str(icon)))

        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.bulk_action.setShortcut(QKeySequence("Ctrl+B"))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Tab goes order ID -> status -> note -> Update, not into the history.
        self.history_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint has finished, not inside it.
            QTimer.singleShot(0, self.firstPainted.emit)

    # --- layout ----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.order_id_edit = QLineEdit()
        self.order_id_edit.setObjectName("orderIdEdit")
        self.order_id_edit.setAccessibleName("Order ID")
        self.order_id_edit.setPlaceholderText("Scan or type an order ID, then Enter")
        self.order_id_edit.returnPressed.connect(self.submit)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.setAccessibleName("New status")
        self.status_combo.addItems(ORDER_STATUSES)
        self.status_combo.setCurrentText("Closed")

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("Optional note sent with each update")
        self.note_edit.returnPressed.connect(self.submit)

        self.submit_button = QPushButton("Update")
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setAccessibleName("Send status update")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)

        self.result_label = QLabel("Ready.")
        self.result_label.setObjectName("resultLabel")
        self.result_label.setAccessibleName("Last result")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet(INFO_STYLE)
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.result_label.setFont(font)

        self.model = HistoryModel(self._store, self)
        self.history_view = QTableView()
        self.history_view.setObjectName("historyView")
        self.history_view.setAccessibleName("History of updates, newest first")
        self.history_view.setModel(self.model)
        self.history_view.horizontalHeader().setModel(header_labels(self))
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(False)
        vertical = self.history_view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.history_view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in zip(COLUMNS, (80, 140, 130, 200), strict=False):
            self.history_view.setColumnWidth(COLUMNS.index(column), width)

        form = QGridLayout()
        labels = ("&Order ID", "&Status", "&Note")
        fields = (self.order_id_edit, self.status_combo, self.note_edit)
        for column, (text, field) in enumerate(zip(labels, fields, strict=True)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addWidget(label, 0, column)
            form.addWidget(field, 1, column)
        form.addWidget(self.submit_button, 1, 3)
        form.setColumnStretch(0, 3)
        form.setColumnStretch(1, 2)
        form.setColumnStretch(2, 4)

        central = QWidget()
        layout = QVBoxLayout(central)
        if self._demo:
            banner = QLabel(
                "DEMO MODE: a stand-in API on this computer. Orders 1000-1999 exist; "
                "nothing is sent to Flxpoint."
            )
            banner.setObjectName("demoBanner")
            banner.setStyleSheet(
                "background: #fff3c4; color: #5c4400; padding: 4px 8px; font-weight: 600"
            )
            layout.addWidget(banner)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        self._batch_panel_slot = layout.count()  # the bulk panel goes here when first needed
        self._central_layout = layout
        history_label = QLabel("&History (newest first)")
        history_label.setBuddy(self.history_view)
        layout.addWidget(history_label)
        layout.addWidget(self.history_view, stretch=1)
        self.setCentralWidget(central)

        self._queue_label = QLabel()
        self._token_label = QLabel()
        self._api_label = QLabel()
        status_bar = self.statusBar()
        status_bar.addWidget(self._queue_label)
        status_bar.addWidget(self._token_label, 1)
        for label in (self._queue_label, self._token_label):
            label.setContentsMargins(6, 0, 6, 0)
        status_bar.addPermanentWidget(self._api_label)
        self._queue_label.setText(QUEUE_STATE_TEXT[EngineState.IDLE])
        self.order_id_edit.setFocus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.quit_action = file_menu.addAction("&Quit")
        self.quit_action.triggered.connect(self.close)

        bulk_menu = self.menuBar().addMenu("&Bulk")
        self.bulk_action = bulk_menu.addAction("&Bulk update…")
        self.bulk_action.setObjectName("bulkAction")
        self.bulk_action.triggered.connect(self.open_bulk_dialog)

        token_menu = self.menuBar().addMenu("&Token")
        self.set_token_action = token_menu.addAction("&Set or replace token…")
        self.set_token_action.setObjectName("setTokenAction")
        self.set_token_action.triggered.connect(self.token_prompts.ask)
        self.forget_token_action = token_menu.addAction("&Forget saved token")
        self.forget_token_action.setObjectName("forgetTokenAction")
        self.forget_token_action.triggered.connect(self.token_prompts.confirm_forget)
        token_menu.setEnabled(not self._demo)

    # --- notices ---------------------------------------------------------------------
    def show_crash_notice(self, text: str) -> None:
        """A band above the fields that stays until dismissed: the last run crashed."""
        from PySide6.QtWidgets import QFrame, QHBoxLayout

        notice = QFrame()
        notice.setObjectName("crashNotice")
        notice.setStyleSheet(
            "#crashNotice { background: #fde7e4; border: 1px solid #b3261e; }"
            "#crashNotice QLabel { color: #5c0f0a; }"
        )
        row = QHBoxLayout(notice)
        label = QLabel(text)
        label.setObjectName("crashNoticeText")
        label.setWordWrap(True)
        label.setAccessibleName("Notice about the previous run")
        dismiss = QPushButton("Dismiss")
        dismiss.setObjectName("crashNoticeDismiss")
        dismiss.clicked.connect(self._dismiss_crash_notice)
        row.addWidget(label, 1)
        row.addWidget(dismiss)
        self._central_layout.insertWidget(1 if self._demo else 0, notice)
        self._batch_panel_slot += 1
        self.crash_notice = notice

    @Slot()
    def _dismiss_crash_notice(self) -> None:
        self.crash_notice.hide()
        self.order_id_edit.setFocus()

    # --- submitting ------------------------------------------------------------------
    @Slot()
    def submit(self) -> None:
        try:
            order_id = clean_order_id(self.order_id_edit.text())
        except InvalidOrderId as problem:
            self._show_result(str(problem), ok=False)
            self.order_id_edit.selectAll()
            self.order_id_edit.setFocus()
            return
        status = self.status_combo.currentText()
        try:
            note = check_note(self.note_edit.text())
        except InvalidNote as problem:
            self._show_result(str(problem), ok=False)  # the scan stays in its field
            self.note_edit.setFocus()
            return
        if self.engine_watch.refusal:
            self._show_result(self.engine_watch.refusal, ok=False)  # the scan stays too
            return
        update_id = self.store_writer.writer.queue_one(
            self._store, order_id, status, note, destination=self._engine_thread.destination
        )
        self.order_id_edit.clear()
        self.order_id_edit.setFocus()
        if update_id is None:  # the history is busy: written in order as soon as it can be
            self._show_result(f"Order {order_id}: kept, waiting to be written…", ok=None)
            return
        self._scan_queued(update_id, order_id, status)

    def _scan_queued(self, update_id: int, order_id: str, status: str) -> None:
        self.model.add_new(update_id)
        self._engine_thread.wake()
        self._show_result(f"Order {order_id}: queued as {status}…", ok=None)

    @Slot(object, object)
    def _on_written_later(self, pending, written) -> None:
        """A scan or import that waited for the history is written now: as if just queued."""
        if isinstance(pending, PendingImport):
            self._import_queued(written)
        else:
            self._scan_queued(written, pending.order_id, pending.status)

    @Slot(str)
    def _on_write_waiting(self, problem: str) -> None:
        if problem:
            waiting = self.store_writer.writer.pending
            self._show_result(f"{problem} {waiting} scan(s) kept here meanwhile.", ok=False)

    # --- bulk ------------------------------------------------------------------------
    @property
    def batch_panel(self) -> BatchPanel:
        """Made with the first bulk run: a window that only scans never needs it."""
        if self._batch_panel is None:
            from flxdesk.gui.batch_panel import BatchPanel

            self._batch_panel = BatchPanel(
                self._store, self._engine_thread, self.model.reload, self
            )
            self._central_layout.insertWidget(self._batch_panel_slot, self._batch_panel)
        return self._batch_panel

    @Slot()
    def open_bulk_dialog(self) -> None:
        from flxdesk.gui.bulk_dialog import BulkDialog

        dialog = BulkDialog(self, self.status_combo.currentText(), self.note_edit.text().strip())

        def done(result: int) -> None:
            if result == BulkDialog.DialogCode.Accepted:
                self.queue_bulk(dialog.result, dialog.source)
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def queue_bulk(self, imported, source: str) -> int | None:
        """Queue the valid rows and record the others with their reasons; returns the batch
        (None while it waits to be written: the history is busy)."""
        if self.engine_watch.refusal:
            self._show_result(self.engine_watch.refusal, ok=False)
            return None
        queued = self.store_writer.writer.queue_import(
            self._store, imported.rows, source, destination=self._engine_thread.destination
        )
        if queued is None:
            self._show_result("The import is kept, waiting to be written…", ok=None)
            return None
        return self._import_queued(queued)

    def _import_queued(self, queued) -> int:
        self.model.reload()
        self._engine_thread.wake()
        self.batch_panel.start(queued.batch_id)
        message = f"Queued {queued.queued} updates"
        if queued.rejected:
            message += f"; {queued.rejected} rows with a problem are in the history as failed"
        self._show_result(message + ".", ok=None)
        return queued.batch_id

    @Slot(int, bool, str)
    def _on_update_finished(self, update_id: int, ok: bool, message: str) -> None:
        self.model.refresh(update_id)
        self._show_result(message, ok=ok)

    @Slot(object, int, str)
    def _on_engine_state(self, state: EngineState, waiting: int, token_problem: str) -> None:
        self._waiting = waiting
        since = since_text(self._engine_thread.last_report.since)
        self._queue_text = QUEUE_STATE_TEXT[state].format(waiting=waiting, since=since)
        self._show_queue_text()
        if token_problem and self._token_state is not TokenState.MISSING:
            # Flxpoint refused the token: everything waits until a new one is given.
            self._show_result(token_problem, ok=False)
            self.token_prompts.ask()

    def _show_queue_text(self) -> None:
        held = f"; {self._held} held for another destination" if self._held else ""
        self._queue_label.setText(self._queue_text + held)

    # --- held: queued for another destination ----------------------------------------
    @property
    def held_panel(self) -> HeldPanel:
        """Made when updates are first held: most sessions never need it."""
        if self._held_panel is None:
            from flxdesk.gui.held_panel import HeldPanel

            self._held_panel = HeldPanel(self._store, self._engine_thread, self.model.reload, self)
            self._central_layout.insertWidget(1 if self._demo else 0, self._held_panel)
            self._batch_panel_slot += 1
        return self._held_panel

    @Slot(int)
    def _on_held_changed(self, held: int) -> None:
        self._held = held
        self._show_queue_text()
        if (held or self._held_panel is not None) and self.model.attached:
            self.held_panel.refresh()

    def _show_result(self, text: str, ok: bool | None) -> None:
        self.result_label.setText(text)
        style = INFO_STYLE if ok is None else OK_STYLE if ok else ERROR_STYLE
        self.result_label.setStyleSheet(style)

    # --- token -----------------------------------------------------------------------
    @Slot(str)
    def _on_token_state(self, state: str) -> None:
        self._show_token_state(TokenState(state))
        if self._token_state is TokenState.MISSING and self._tokens.problem:
            self._show_result(self._tokens.problem, ok=False)  # the keychain's was refused
        if self._token_state is TokenState.MISSING:
            self.token_prompts.ask_once_at_start()

    def _show_token_state(self, state: TokenState) -> None:
        self._token_state = state
        self._token_label.setText(TOKEN_STATE_TEXT[state])
        self.forget_token_action.setEnabled(state is TokenState.KEYCHAIN)
        if self._held_panel is not None and self.model.attached:
            self.held_panel.refresh()  # which token is current decides what is held

    # --- closing ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        # Hide first: an update already on the wire may take up to the read timeout to
        # finish, and the person should not watch a frozen window meanwhile.
        self.hide()
        if self._batch_panel is not None:
            self._batch_panel.stop()
        self._engine_thread.shutdown()
        unwritten = self.store_writer.close()
        if unwritten:  # the history stayed locked or full: say what was not kept
            from PySide6.QtWidgets import QMessageBox

            lines = "\n".join(f"{item[0]} {item[1]}" for item in unwritten[:20])
            QMessageBox.warning(
                None,
                "flxdesk: scans not written",
                f"These scans could not be written to the history (it stayed locked or "
                f"the disk stayed full) and were not sent; scan them again:\n{lines}",
            )
        # Reports the engine posted before it stopped may still arrive: the model must not
        # read the store, which the caller closes next.
        self.model.detach()
        if self._waiting:
            log.info("Closed with %d updates still queued", self._waiting)
        super().closeEvent(event)
