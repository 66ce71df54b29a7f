"""The main window: order ID, status, note, Update, and the history below.

objectNames of the input widgets are a public contract for automation and
accessibility tools: orderIdEdit, statusCombo, noteEdit, submitButton, historyView.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flxdesk import __version__
from flxdesk.engine_events import EngineState
from flxdesk.gui.armed_status import ArmedStatus
from flxdesk.gui.engine_thread import EngineThread
from flxdesk.gui.engine_watch import EngineWatch, StoreWriter, since_text
from flxdesk.gui.feedback_widgets import ArmedStatusChip, ResultBand
from flxdesk.gui.history_pane import HistoryPane
from flxdesk.gui.station_feedback import StationFeedback
from flxdesk.gui.token_keeper import TokenKeeper, TokenState
from flxdesk.gui.token_prompts import TokenPrompts
from flxdesk.gui.window_geometry import place_window, saved_geometry
from flxdesk.notes import InvalidNote, check_note
from flxdesk.order_ids import InvalidOrderId, clean_order_id
from flxdesk.station_settings import StationSettings
from flxdesk.statuses import DESTRUCTIVE_STATUSES, ORDER_STATUSES
from flxdesk.store import HistoryStore
from flxdesk.updates import PendingImport

if TYPE_CHECKING:
    from flxdesk.duplicate_guard import DuplicateGuard
    from flxdesk.gui.batch_panel import BatchPanel
    from flxdesk.gui.failure_panel import FailurePanel
    from flxdesk.gui.held_panel import HeldPanel

log = logging.getLogger(__name__)

# Why a scan queued now waits, by engine state (said in the band, with the "waiting" sound).
HELD_BECAUSE = {
    EngineState.OFFLINE: "offline",
    EngineState.NEEDS_TOKEN: "no API token yet",
    EngineState.PAUSED: "sending is paused",
}

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
        station: StationSettings | None = None,
        settings_file: Path | None = None,
    ) -> None:
        super().__init__()
        self._store = store
        self.station = station or StationSettings()
        self._settings_file = settings_file
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
        self._engine_state = EngineState.IDLE
        self._scanned_ids: set[int] = set()  # scans (not bulk rows): they sound when done

        title = f"flxdesk {__version__}"
        self.setWindowTitle(f"{title} — DEMO (orders 1000-1999)" if demo else title)
        self._build_widgets()
        self._build_menus()
        self.armed = ArmedStatus(
            self,
            self.status_combo,
            self.armed_chip,
            self.station.default_status,
            self.station.idle_reset_minutes,
        )
        self.armed.armed.connect(self._on_armed)
        self.feedback = StationFeedback(
            self.result_label, lambda: self.failure_panel, self._today_label, self
        )
        self._guard: DuplicateGuard | None = None
        place_window(self, self.station.geometry)
        self.apply_zoom(self.station.zoom)
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
        self.store_writer.progressed.connect(self._on_import_progress)

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
        self.zoom_in_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.acknowledge_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.acknowledge_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._start_station()
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        self.note_edit.returnPressed.connect(self._note_finished)

        self.submit_button = QPushButton("Update")
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setAccessibleName("Send status update")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)

        self.result_label = ResultBand()
        self.armed_chip = ArmedStatusChip()
        self._failure_panel: FailurePanel | None = None

        self.history_pane = HistoryPane(self._store, self._engine_thread, self.firstPainted)
        self.history_view, self.model = self.history_pane.view, self.history_pane.model

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
        feedback_row = QHBoxLayout()
        feedback_row.addWidget(self.armed_chip)
        feedback_row.addWidget(self.result_label, 1)
        layout.addLayout(feedback_row)
        self._failure_panel_slot = layout.count()  # the failure panel goes here
        self._batch_panel_slot = layout.count()  # the bulk panel goes here when first needed
        self._central_layout = layout
        history_label = QLabel("&History (newest first)")
        history_label.setBuddy(self.history_view)
        layout.addWidget(history_label)
        layout.addWidget(self.history_pane, stretch=1)
        self.setCentralWidget(central)

        self._queue_label = QLabel()
        self._today_label = QLabel()
        self._today_label.setObjectName("todayCounts")
        self._token_label = QLabel()
        self._api_label = QLabel()
        status_bar = self.statusBar()
        status_bar.addWidget(self._queue_label)
        status_bar.addWidget(self._today_label)
        status_bar.addWidget(self._token_label, 1)
        for label in (self._queue_label, self._today_label, self._token_label):
            label.setContentsMargins(6, 0, 6, 0)
        status_bar.addPermanentWidget(self._api_label)
        self._queue_label.setText(QUEUE_STATE_TEXT[EngineState.IDLE])
        self.order_id_edit.setFocus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.settings_action = file_menu.addAction("&Settings…")
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.triggered.connect(self.open_settings)
        self.print_codes_action = file_menu.addAction("&Print command barcodes…")
        self.print_codes_action.setObjectName("printCommandBarcodesAction")
        self.print_codes_action.triggered.connect(self.save_command_sheet)
        file_menu.addSeparator()
        summary = file_menu.addAction("Shift &summary…", self.history_pane.open_shift_summary)
        summary.setObjectName("shiftSummaryAction")
        self.quit_action = file_menu.addAction("&Quit")
        self.quit_action.triggered.connect(self.close)

        view_menu = self.menuBar().addMenu("&View")
        self.acknowledge_action = view_menu.addAction("&Acknowledge failures")
        self.acknowledge_action.setObjectName("acknowledgeAction")
        self.acknowledge_action.triggered.connect(self._acknowledge)
        self.zoom_in_action = view_menu.addAction("Zoom &in")
        self.zoom_in_action.triggered.connect(lambda: self.apply_zoom(self.station.zoom + 0.1))
        self.zoom_out_action = view_menu.addAction("Zoom &out")
        self.zoom_out_action.triggered.connect(lambda: self.apply_zoom(self.station.zoom - 0.1))
        self.zoom_reset_action = view_menu.addAction("&Actual size")
        self.zoom_reset_action.triggered.connect(lambda: self.apply_zoom(1.0))

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
        from PySide6.QtWidgets import QFrame

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
        self._failure_panel_slot += 1
        self.crash_notice = notice

    @Slot()
    def _dismiss_crash_notice(self) -> None:
        self.crash_notice.hide()
        self.order_id_edit.setFocus()

    # --- submitting ------------------------------------------------------------------
    @Slot(str)
    def take_scan(self, text: str) -> None:
        """A scanner burst caught anywhere in the window: exactly as typed, replacing stray text.

        A question still open (arm Canceled? set 40 orders to Canceled?) is answered "no":
        the person went on scanning instead of saying yes.
        """
        from PySide6.QtWidgets import QMessageBox

        for box in self.findChildren(QMessageBox):
            if box.isVisible():
                box.reject()
        self.order_id_edit.setText(text)
        self.submit()

    @Slot()
    def submit(self) -> None:
        from flxdesk.command_codes import is_command

        raw = self.order_id_edit.text()
        self.order_id_edit.clear()
        self.order_id_edit.setFocus()
        self.armed.note_activity()
        if is_command(raw):
            self._run_command(raw)
            return
        if self.failure_panel.count and self.station.refuse_while_unacknowledged:
            self.feedback.refused(
                f"Not taken: {raw.strip() or 'the scan'}. Acknowledge the failures first "
                "(Esc, click the red panel, or scan FLXCMD ACK), then scan it again."
            )
            return
        try:
            order_id = clean_order_id(raw)
            note = check_note(self.note_edit.text())
        except (InvalidOrderId, InvalidNote) as problem:
            self.feedback.refused(str(problem))
            self.order_id_edit.setText(raw.strip())  # to correct by hand
            self.order_id_edit.selectAll()
            return
        status = self.armed.status
        verdict = self.guard.check(order_id, status)
        if not verdict.send:
            when = time.strftime("%H:%M", time.localtime(verdict.previous_at))
            self.feedback.refused(
                f"{order_id} was already set to {status} at {when}: not sent again. "
                f"Scan it again within {self.guard.confirm_seconds:.0f} s to send it anyway."
            )
            return
        if self.engine_watch.refusal:
            self.feedback.refused(self.engine_watch.refusal)
            self.order_id_edit.setText(raw.strip())  # kept, to send after a restart
            return
        update_id = self.store_writer.writer.queue_one(
            self._store, order_id, status, note, destination=self._engine_thread.destination
        )
        if update_id is None:  # the history is busy: written in order as soon as it can be
            busy = "a bulk update is being written" if self.store_writer.writer.importing else ""
            self.feedback.queued(order_id, status, busy or "the history is busy, kept here")
            return
        self._scan_queued(update_id, order_id, status)

    def _scan_queued(self, update_id: int, order_id: str, status: str) -> None:
        self._scanned_ids.add(update_id)
        self.model.add_new(update_id)
        self._engine_thread.wake()
        self.feedback.queued(order_id, status, HELD_BECAUSE.get(self._engine_state, ""))

    @property
    def guard(self) -> DuplicateGuard:
        """The duplicate guard, made with the first scan."""
        if self._guard is None:
            from flxdesk.duplicate_guard import DuplicateGuard

            self._guard = DuplicateGuard(
                self._previous_update_at,
                self.station.duplicate_window_minutes * 60,
                self.station.duplicate_confirm_seconds,
            )
        return self._guard

    def _run_command(self, raw: str) -> None:
        """A command barcode: never sent, never recorded as an update."""
        from flxdesk.command_codes import Action, parse_command

        command = parse_command(raw)
        if command is None:
            self.feedback.refused(f"Unknown command barcode {raw.strip()!r}: nothing done.")
        elif command.action is Action.ARM_STATUS:
            self.feedback.info(self.armed.arm_from_command(command.status))
        elif command.action is Action.ACKNOWLEDGE:
            self.failure_panel.acknowledge()
        elif command.action is Action.CLEAR_NOTE:
            self.note_edit.clear()
            self.feedback.info("Note cleared.")

    def _previous_update_at(self, order_id: str, status: str, since: float) -> float | None:
        from flxdesk.history_query import HistoryQuery

        return HistoryQuery(self._store).previous_update_at(order_id, status, since)

    @Slot()
    def _note_finished(self) -> None:
        """Enter in the note: send what is in the order field, else back to it."""
        if self.order_id_edit.text().strip():
            self.submit()
        else:
            self.order_id_edit.setFocus()

    @Slot(str, str)
    def _on_armed(self, status: str, why: str) -> None:
        if why == "idle":
            self.feedback.info(f"No scan for a while: back to the station's {status}.")
        elif not why:
            self.feedback.info(f"Armed: {status}. Every scan is set to {status}.")
        self.order_id_edit.setFocus()

    @property
    def failure_panel(self) -> FailurePanel:
        """Made after the first paint (or at the first failure, if sooner)."""
        if self._failure_panel is None:
            from flxdesk.gui.failure_panel import FailurePanel

            panel = FailurePanel()
            panel.acknowledged.connect(self._on_acknowledged)
            panel.set_body_size(self.font().pointSizeF())
            self._central_layout.insertWidget(self._failure_panel_slot, panel)
            self._batch_panel_slot += 1
            self._failure_panel = panel
        return self._failure_panel

    @Slot()
    def _acknowledge(self) -> None:
        self.failure_panel.acknowledge()

    @Slot()
    def _on_acknowledged(self) -> None:
        self.feedback.info("Failures acknowledged. Ready for the next scan.")
        self.order_id_edit.setFocus()

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
                self.confirm_and_queue_bulk(dialog.result, dialog.source)
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def confirm_and_queue_bulk(self, imported, source: str) -> None:
        """Queue a bulk run; one that sets a destructive status asks first, naming it."""
        ready = imported.ready_by_status()
        destructive = {s: n for s, n in ready.items() if s in DESTRUCTIVE_STATUSES}
        if not destructive:
            self.queue_bulk(imported, source)
            return
        from PySide6.QtWidgets import QMessageBox

        from flxdesk.gui.question import ask

        what = " and ".join(f"{count} orders to {status}" for status, count in destructive.items())
        ask(
            self,
            "confirmBulkDestructiveBox",
            "Confirm bulk update",
            f"Set {what}?",
            f"{ready.total()} rows in all. This cannot be undone from flxdesk.",
            lambda: self.queue_bulk(imported, source),
            on_other=lambda: self.feedback.info("Bulk update not queued."),
            warning=True,
            safe=QMessageBox.StandardButton.No,
        )

    def queue_bulk(self, imported, source: str) -> int | None:
        """Queue the valid rows and record the others with their reasons; returns the batch
        (None while the writer's thread writes it: a large import, or the history is busy;
        ``store_writer.written`` reports it then). One bulk update is written at a time."""
        if self.engine_watch.refusal:
            self._show_result(self.engine_watch.refusal, ok=False)
            return None
        if self.store_writer.writer.importing:  # a second Queue must not queue it twice
            self._show_result(
                "Not queued: a bulk update is still being written to the history. "
                "Queue this one when it is done.",
                ok=False,
            )
            return None
        queued = self.store_writer.writer.queue_import(
            self._store, imported.rows, source, destination=self._engine_thread.destination
        )
        if queued is None:
            self.batch_panel.show_writing(len(imported.rows), 0)
            self._show_result(f"Queueing {len(imported.rows):,} rows…", ok=None)
            return None
        return self._import_queued(queued)

    @Slot(object, int)
    def _on_import_progress(self, pending: PendingImport, percent: int) -> None:
        self.batch_panel.show_writing(len(pending.rows), percent)

    def _import_queued(self, queued) -> int:
        self.model.reload()
        self._engine_thread.wake()
        self.batch_panel.start(queued.batch_id)
        if queued.rejected:  # rows that could not be sent at all: the failure panel shows them
            self.feedback.rejected_rows(list(queued.problems))
        message = f"Queued {queued.queued} updates"
        if queued.rejected:
            message += f"; {queued.rejected} rows with a problem are in the history as failed"
        self._show_result(message + ".", ok=None)
        return queued.batch_id

    @Slot(int, bool, str)
    def _on_update_finished(self, update_id: int, ok: bool, message: str) -> None:
        self.model.refresh(update_id)
        row = self._store.get(update_id) if self.model.attached else None
        order_id = row.order_id if row is not None else "?"
        loud = update_id in self._scanned_ids
        self._scanned_ids.discard(update_id)
        self.feedback.finished(order_id, ok, message, loud=loud)

    @Slot(object, int, str)
    def _on_engine_state(self, state: EngineState, waiting: int, token_problem: str) -> None:
        self._engine_state = state
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
            self._failure_panel_slot += 1
        return self._held_panel

    @Slot(int)
    def _on_held_changed(self, held: int) -> None:
        self._held = held
        self._show_queue_text()
        if (held or self._held_panel is not None) and self.model.attached:
            self.held_panel.refresh()

    def _show_result(self, text: str, ok: bool | None) -> None:
        self.result_label.show_result(text, "info" if ok is None else "sent" if ok else "failed")

    # --- the station: sounds, zoom, settings, command sheet --------------------------------
    def _start_station(self) -> None:
        """After the first paint: the scan capture, the sounds, today's counts, the scheme."""
        from PySide6.QtGui import QGuiApplication

        from flxdesk.gui.scan_capture import ScanCapture
        from flxdesk.gui.sound_player import SoundPlayer

        self.scan_capture = ScanCapture(
            self, self.station.scan_min_length, self.station.scan_max_gap_ms
        )
        self.scan_capture.scanned.connect(self.take_scan)
        # Scanning into the history's search box finds that order instead of updating it.
        self.scan_capture.exempt.add(self.history_pane.findChild(QLineEdit, "historySearch"))
        self.feedback.sounds = SoundPlayer(
            muted=self.station.sound_muted, volume=self.station.sound_volume, parent=self
        )
        if self.model.attached:
            self.feedback.count_today(self._store)
        self.status_combo.activated.connect(lambda _index: self.order_id_edit.setFocus())
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self.apply_scheme())
        self.apply_scheme()

    def apply_scheme(self) -> None:
        """Light or dark colours, following the OS (and its changes)."""
        from flxdesk.gui.feedback_widgets import current_scheme

        scheme = current_scheme()
        for widget in (self.result_label, self.armed_chip, self.failure_panel):
            widget.apply_scheme(scheme)
        self.model.set_scheme(scheme)

    def apply_zoom(self, zoom: float) -> None:
        """Scale the whole window's text (Ctrl+plus / Ctrl+minus), remembered."""
        from flxdesk.station_settings import LIMITS

        low, high = LIMITS["zoom"]
        zoom = round(min(high, max(low, zoom)), 2)
        font = QApplication.font()
        size = font.pointSizeF() * zoom
        font.setPointSizeF(size)
        self.setFont(font)
        widgets = [self.result_label, self.armed_chip]
        if self._failure_panel is not None:
            widgets.append(self._failure_panel)
        for widget in widgets:
            widget.set_body_size(size)
        if zoom != self.station.zoom:
            self.station = self.station._replace(zoom=zoom)
            self._save_station()

    @Slot()
    def open_settings(self) -> None:
        from flxdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, self.station)

        def done(result: int) -> None:
            if result == SettingsDialog.DialogCode.Accepted:
                self.use_station_settings(dialog.chosen())
            dialog.deleteLater()
            self.order_id_edit.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def use_station_settings(self, station: StationSettings) -> None:
        self.station = station
        self.armed.default_status = station.default_status
        self.armed.set_idle_minutes(station.idle_reset_minutes)
        self.guard.window_seconds = station.duplicate_window_minutes * 60
        self.guard.confirm_seconds = station.duplicate_confirm_seconds
        if self.feedback.sounds is not None:
            self.feedback.sounds.set_muted(station.sound_muted)
            self.feedback.sounds.set_volume(station.sound_volume)
        capture = getattr(self, "scan_capture", None)
        if capture is not None:
            capture.min_length = station.scan_min_length
            capture.max_gap_ms = station.scan_max_gap_ms
        self._save_station()

    def _save_station(self) -> None:
        if self._settings_file is None:
            return
        from flxdesk.station_settings import save_station_settings

        try:
            save_station_settings(self._settings_file, self.station)
        except OSError as error:
            log.warning("Could not save the station settings: %s", error)

    @Slot()
    def save_command_sheet(self) -> None:
        """File → Print command barcodes…: a PDF to print and pin up at the station."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from flxdesk.gui.command_sheet import write_command_sheet

        path, _ = QFileDialog.getSaveFileName(
            self, "Save the command barcodes", "flxdesk-command-barcodes.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        try:
            write_command_sheet(Path(path))
        except OSError as error:
            self._show_result(f"Could not write {path}: {error.strerror or error}", ok=False)
            return
        self._show_result(f"Command barcodes saved to {path}: print and pin it up.", ok=None)

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
        self.station = self.station._replace(geometry=saved_geometry(self))
        self._save_station()
        self.hide()
        capture = getattr(self, "scan_capture", None)
        if capture is not None:
            capture.stop()
        if self.feedback.sounds is not None:
            self.feedback.sounds.close()
        if self._batch_panel is not None:
            self._batch_panel.stop()
        self._engine_thread.shutdown()
        unwritten = self.store_writer.close()
        if unwritten:  # the history stayed locked or full: say what was not kept
            from PySide6.QtWidgets import QMessageBox

            from flxdesk.updates import unwritten_text

            QMessageBox.warning(None, "flxdesk: not written", unwritten_text(unwritten))
        # Reports the engine posted before it stopped may still arrive: the model must not
        # read the store, which the caller closes next.
        self.model.detach()
        if self._waiting:
            log.info("Closed with %d updates still queued", self._waiting)
        super().closeEvent(event)
