"""The main window: order ID, status, note, Update, and the history below.

objectNames of the input widgets are a public contract for automation and
accessibility tools: orderIdEdit, statusCombo, noteEdit, submitButton, historyView.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
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
from flxdesk.gui.common.status_combo import chosen_status, fill_statuses
from flxdesk.gui.sending.engine_thread import EngineThread
from flxdesk.gui.station.armed_status import ArmedStatus
from flxdesk.gui.station.feedback_widgets import ArmedStatusChip, ResultBand
from flxdesk.gui.station.station_feedback import StationFeedback
from flxdesk.gui.token.keeper import TokenKeeper, TokenState
from flxdesk.gui.window.geometry import place_window, saved_geometry
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.orders.notes import InvalidNote, check_note
from flxdesk.orders.order_ids import InvalidOrderId, clean_order_id
from flxdesk.orders.statuses import DESTRUCTIVE_STATUSES, ORDER_STATUSES, status_label
from flxdesk.sending.events import EngineState
from flxdesk.station.station_settings import StationSettings

if TYPE_CHECKING:
    from flxdesk.gui.bulk.batch_panel import BatchPanel
    from flxdesk.gui.history.model import HistoryModel
    from flxdesk.gui.history.pane import HistoryPane, HistoryView
    from flxdesk.gui.sending.engine_watch import EngineWatch
    from flxdesk.gui.sending.held_panel import HeldPanel
    from flxdesk.gui.sending.store_writer import StoreWriter
    from flxdesk.gui.station.failure_panel import FailurePanel
    from flxdesk.gui.token.prompts import TokenPrompts
    from flxdesk.history.store import HistoryStore
    from flxdesk.sending.queue_writer import PendingImport
    from flxdesk.station.duplicate_guard import DuplicateGuard

log = logging.getLogger(__name__)

# Why a scan queued now waits, by engine state (said in the band, with the "waiting" sound).
HELD_BECAUSE = {
    EngineState.OFFLINE: QT_TRANSLATE_NOOP("MainWindow", "offline"),
    EngineState.NEEDS_TOKEN: QT_TRANSLATE_NOOP("MainWindow", "no API token yet"),
    EngineState.PAUSED: QT_TRANSLATE_NOOP("MainWindow", "sending is paused"),
}

# What the queue label says in each engine state, for n waiting (Qt's plural forms).
QUEUE_STATE_TEXT: dict[EngineState, Callable[[int], str]] = {
    EngineState.IDLE: lambda n: translate("MainWindow", "Nothing waiting"),
    EngineState.SENDING: lambda n: translate("MainWindow", "Sending: %n waiting", None, n),
    EngineState.PAUSED: lambda n: translate("MainWindow", "Paused: %n waiting", None, n),
    EngineState.OFFLINE: lambda n: translate(
        "MainWindow", "Offline: %n waiting, sent when the connection is back", None, n
    ),
    EngineState.NOT_ANSWERING: lambda n: translate(
        "MainWindow", "Flxpoint is not answering since {since}, %n waiting", None, n
    ),
    EngineState.STORAGE_PROBLEM: lambda n: translate(
        "MainWindow", "History cannot be written since {since}: %n waiting", None, n
    ),
    EngineState.NEEDS_TOKEN: lambda n: translate("MainWindow", "No API token: %n waiting", None, n),
    EngineState.STOPPED: lambda n: translate("MainWindow", "Stopped: %n waiting", None, n),
}

TOKEN_STATE_TEXT = {
    TokenState.UNKNOWN: QT_TRANSLATE_NOOP("MainWindow", "Token: checking the keychain…"),
    TokenState.MISSING: QT_TRANSLATE_NOOP(
        "MainWindow", "No API token: updates wait until one is set (Token menu)"
    ),
    TokenState.KEYCHAIN: QT_TRANSLATE_NOOP("MainWindow", "Token: from the system keychain"),
    TokenState.SESSION_ONLY: QT_TRANSLATE_NOOP(
        "MainWindow", "Token: this session only (not saved)"
    ),
    TokenState.DEMO: QT_TRANSLATE_NOOP("MainWindow", "Demo token: no keychain used"),
}


class MainWindow(QMainWindow):
    firstPainted = Signal()

    def __init__(
        self,
        engine_thread: EngineThread,
        token_keeper: TokenKeeper,
        api_url: str,
        demo: bool = False,
        station: StationSettings | None = None,
        settings_file: Path | None = None,
    ) -> None:
        super().__init__()
        # The history is opened after the first paint (sqlite3 and the store are not
        # small to import) and given to attach_history; nothing before needs it.
        self._store: HistoryStore | None = None
        self.store_writer: StoreWriter | None = None
        self._submit_waiting = False
        self.station = station or StationSettings()
        self._settings_file = settings_file
        self._engine_thread = engine_thread
        self._tokens = token_keeper
        self._demo = demo
        self._waiting = 0
        self._held = 0
        self._queue_text = QUEUE_STATE_TEXT[EngineState.IDLE](0)
        self._token_state = TokenState.UNKNOWN
        self._batch_panel: BatchPanel | None = None
        self._held_panel: HeldPanel | None = None
        self._token_prompts: TokenPrompts | None = None
        self.engine_watch: EngineWatch | None = None  # made when the history opens
        self._engine_state = EngineState.IDLE
        self._scanned_ids: set[int] = set()  # scans (not bulk rows): they sound when done

        title = f"flxdesk {__version__}"
        demo_title = self.tr("{title} — DEMO (orders 1000-1999)").format(title=title)
        self.setWindowTitle(demo_title if demo else title)
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
        if self.station.zoom != 1.0:  # at 1.0 every widget already has its size
            self.apply_zoom(self.station.zoom)
        self._api_label.setText(self.tr("API: {url}").format(url=api_url))
        self._show_token_state(TokenState.UNKNOWN)

        # The engine thread and the keychain start after the first paint, so that
        # importing requests and keyring does not delay the window, and once the history
        # is open (_finish_setup).
        self._painted = False
        self._on_screen = False
        self.firstPainted.connect(self._on_first_paint)

        engine_thread.updateFinished.connect(self._on_update_finished)
        engine_thread.stateChanged.connect(self._on_engine_state)
        engine_thread.heldChanged.connect(self._on_held_changed)
        token_keeper.stateChanged.connect(self._on_token_state)
        token_keeper.keychainUnavailable.connect(self._on_keychain_unavailable)

    @property
    def token_prompts(self) -> TokenPrompts:
        """The token questions, made when first needed (after the first paint)."""
        if self._token_prompts is None:
            from flxdesk.gui.token.prompts import TokenPrompts

            self._token_prompts = TokenPrompts(self, self._tokens)
        return self._token_prompts

    @Slot(str, bool)
    def _on_keychain_unavailable(self, reason: str, token_pending: bool) -> None:
        self.token_prompts.on_keychain_unavailable(reason, token_pending)

    # --- the history, and what starts once it is open -----------------------------------
    @property
    def store(self) -> HistoryStore:
        """The history; the window uses it only once ``attach_history`` has given it."""
        if self._store is None:
            raise RuntimeError("The history is not open yet")
        return self._store

    @property
    def history_is_open(self) -> bool:
        return self._store is not None

    def attach_history(self, store: HistoryStore) -> None:
        """The history is open: the window may write, the engine may start.

        Given before the first paint (tests, benchmarks) or just after it (the app).
        """
        from flxdesk.gui.sending.engine_watch import EngineWatch
        from flxdesk.gui.sending.store_writer import StoreWriter

        # Sending that stops, a history that cannot be written: shown, never silent.
        self.engine_watch = EngineWatch(self, self._engine_thread, self._show_result)
        self._store = store
        self._engine_thread.set_token_salt(store.token_salt)
        self.store_writer = StoreWriter(store.path, self)
        self.store_writer.written.connect(self._on_written_later)
        self.store_writer.problem.connect(self._on_write_waiting)
        self.store_writer.progressed.connect(self._on_import_progress)
        if self._on_screen:
            self._finish_setup()

    @property
    def _sending_refusal(self) -> str:
        """Why scans are not taken now (sending has stopped); empty when they are."""
        return self.engine_watch.refusal if self.engine_watch is not None else ""

    @Slot()
    def _on_first_paint(self) -> None:
        self._on_screen = True
        if self._store is not None:
            self._finish_setup()

    def _finish_setup(self) -> None:
        """Once the window is on screen and the history open: the engine, the keychain,
        the history pane, shortcuts, the window icon, the station.

        They need the ``Qt`` namespace, which PySide6 builds whole (~11 ms) on first use,
        or decode an image; none of them changes what the first paint shows.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QIcon, QKeySequence

        from flxdesk.gui.start.gil_sharing import freeze_start_up_objects
        from flxdesk.host.resources import icon_path

        self._engine_thread.start()
        self._tokens.load()
        self.history_pane.finish_setup()
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
        freeze_start_up_objects()  # full collections stop walking the window's objects

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
        self.order_id_edit.setAccessibleName(self.tr("Order ID"))
        self.order_id_edit.setPlaceholderText(self.tr("Scan or type an order ID, then Enter"))
        self.order_id_edit.returnPressed.connect(self.submit)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.setAccessibleName(self.tr("New status"))
        fill_statuses(self.status_combo, ORDER_STATUSES, "Closed")

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Optional note sent with each update"))
        self.note_edit.returnPressed.connect(self._note_finished)

        self.submit_button = QPushButton(self.tr("Update"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setAccessibleName(self.tr("Send status update"))
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)

        self.result_label = ResultBand()
        self.armed_chip = ArmedStatusChip()
        self._failure_panel: FailurePanel | None = None

        self._history_pane: HistoryPane | None = None

        form = QGridLayout()
        labels = (self.tr("&Order ID"), self.tr("&Status"), self.tr("&Note"))
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
                self.tr(
                    "DEMO MODE: a stand-in API on this computer. Orders 1000-1999 exist; "
                    "nothing is sent to Flxpoint."
                )
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
        # The history pane fills this just after the first paint (history_pane).
        self._history_area = QVBoxLayout()
        self._history_area.setContentsMargins(0, 0, 0, 0)
        self._history_area.addStretch(1)  # holds the fields at the top until then
        layout.addLayout(self._history_area, stretch=1)
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
        self._queue_label.setText(self._queue_text)
        self.order_id_edit.setFocus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = file_menu.addAction(self.tr("&Settings…"))
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.triggered.connect(self.open_settings)
        self.print_codes_action = file_menu.addAction(self.tr("&Print command barcodes…"))
        self.print_codes_action.setObjectName("printCommandBarcodesAction")
        self.print_codes_action.triggered.connect(self.save_command_sheet)
        file_menu.addSeparator()
        summary = file_menu.addAction(self.tr("Shift &summary…"), self._open_shift_summary)
        summary.setObjectName("shiftSummaryAction")
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.triggered.connect(self.close)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.acknowledge_action = view_menu.addAction(self.tr("&Acknowledge failures"))
        self.acknowledge_action.setObjectName("acknowledgeAction")
        self.acknowledge_action.triggered.connect(self._acknowledge)
        self.zoom_in_action = view_menu.addAction(self.tr("Zoom &in"))
        self.zoom_in_action.triggered.connect(lambda: self.apply_zoom(self.station.zoom + 0.1))
        self.zoom_out_action = view_menu.addAction(self.tr("Zoom &out"))
        self.zoom_out_action.triggered.connect(lambda: self.apply_zoom(self.station.zoom - 0.1))
        self.zoom_reset_action = view_menu.addAction(self.tr("&Actual size"))
        self.zoom_reset_action.triggered.connect(lambda: self.apply_zoom(1.0))

        bulk_menu = self.menuBar().addMenu(self.tr("&Bulk"))
        self.bulk_action = bulk_menu.addAction(self.tr("&Bulk update…"))
        self.bulk_action.setObjectName("bulkAction")
        self.bulk_action.triggered.connect(self.open_bulk_dialog)

        token_menu = self.menuBar().addMenu(self.tr("&Token"))
        self.set_token_action = token_menu.addAction(self.tr("&Set or replace token…"))
        self.set_token_action.setObjectName("setTokenAction")
        self.set_token_action.triggered.connect(lambda: self.token_prompts.ask())
        self.forget_token_action = token_menu.addAction(self.tr("&Forget saved token"))
        self.forget_token_action.setObjectName("forgetTokenAction")
        self.forget_token_action.triggered.connect(lambda: self.token_prompts.confirm_forget())
        token_menu.setEnabled(not self._demo)

    # --- the history pane, after the first paint -------------------------------------
    @property
    def history_pane(self) -> HistoryPane:
        """The history pane, built just after the first paint so that its table, filters
        and first page do not delay it; built at once when something needs it earlier."""
        if self._history_pane is None:
            self._history_pane = self._build_history_pane()
        return self._history_pane

    @property
    def model(self) -> HistoryModel:
        return self.history_pane.model

    @property
    def history_view(self) -> HistoryView:
        return self.history_pane.view

    def _build_history_pane(self) -> HistoryPane:
        from flxdesk.gui.history.pane import HistoryPane

        pane = HistoryPane(self.store, self._engine_thread)
        label = QLabel(self.tr("&History (newest first)"))
        label.setBuddy(pane.view)
        self._history_area.takeAt(0)  # the stretch that stood in for the pane
        self._history_area.addWidget(label)
        self._history_area.addWidget(pane, stretch=1)
        self._engine_thread.updateChanged.connect(pane.model.refresh)
        return pane

    @Slot()
    def _open_shift_summary(self) -> None:
        self.history_pane.open_shift_summary()

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
        label.setAccessibleName(self.tr("Notice about the previous run"))
        dismiss = QPushButton(self.tr("Dismiss"))
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
        from flxdesk.station.command_codes import is_command

        if self.store_writer is None:  # the history opens just after the first paint
            self._submit_when_open()
            return
        raw = self.order_id_edit.text()
        self.order_id_edit.clear()
        self.order_id_edit.setFocus()
        self.armed.note_activity()
        if is_command(raw):
            self._run_command(raw)
            return
        if self.failure_panel.count and self.station.refuse_while_unacknowledged:
            self.feedback.refused(
                self.tr(
                    "Not taken: {scan}. Acknowledge the failures first (Esc, click the red "
                    "panel, or scan FLXCMD ACK), then scan it again."
                ).format(scan=raw.strip() or self.tr("the scan"))
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
                self.tr(
                    "{order} was already set to {status} at {when}: not sent again. "
                    "Scan it again within {seconds} s to send it anyway."
                ).format(
                    order=order_id,
                    status=status_label(status),
                    when=when,
                    seconds=f"{self.guard.confirm_seconds:.0f}",
                )
            )
            return
        if self._sending_refusal:
            self.feedback.refused(self._sending_refusal)
            self.order_id_edit.setText(raw.strip())  # kept, to send after a restart
            return
        update_id = self.store_writer.writer.queue_one(
            self.store, order_id, status, note, destination=self._engine_thread.destination
        )
        if update_id is None:  # the history is busy: written in order as soon as it can be
            busy = (
                self.tr("a bulk update is being written")
                if self.store_writer.writer.importing
                else self.tr("the history is busy, kept here")
            )
            self.feedback.queued(order_id, status, busy)
            return
        self._scan_queued(update_id, order_id, status)

    def _submit_when_open(self) -> None:
        """Enter pressed before the history is open (a few ms after the window shows):
        the scan stays in the field and is submitted as soon as it is open."""
        if not self._submit_waiting:
            self._submit_waiting = True
            QTimer.singleShot(10, self._submit_waiting_scan)

    @Slot()
    def _submit_waiting_scan(self) -> None:
        self._submit_waiting = False
        if self.order_id_edit.text().strip():
            self.submit()

    def _scan_queued(self, update_id: int, order_id: str, status: str) -> None:
        self._scanned_ids.add(update_id)
        self.model.add_new(update_id)
        self._engine_thread.wake()
        held = HELD_BECAUSE.get(self._engine_state)
        self.feedback.queued(order_id, status, self.tr(held) if held else "")

    @property
    def guard(self) -> DuplicateGuard:
        """The duplicate guard, made with the first scan."""
        if self._guard is None:
            from flxdesk.station.duplicate_guard import DuplicateGuard

            self._guard = DuplicateGuard(
                self._previous_update_at,
                self.station.duplicate_window_minutes * 60,
                self.station.duplicate_confirm_seconds,
            )
        return self._guard

    def _run_command(self, raw: str) -> None:
        """A command barcode: never sent, never recorded as an update."""
        from flxdesk.station.command_codes import Action, parse_command

        command = parse_command(raw)
        if command is None:
            self.feedback.refused(
                self.tr("Unknown command barcode {code}: nothing done.").format(
                    code=repr(raw.strip())
                )
            )
        elif command.action is Action.ARM_STATUS:
            self.feedback.info(self.armed.arm_from_command(command.status))
        elif command.action is Action.ACKNOWLEDGE:
            self.failure_panel.acknowledge()
        elif command.action is Action.CLEAR_NOTE:
            self.note_edit.clear()
            self.feedback.info(self.tr("Note cleared."))

    def _previous_update_at(self, order_id: str, status: str, since: float) -> float | None:
        from flxdesk.history.query import HistoryQuery

        return HistoryQuery(self.store).previous_update_at(order_id, status, since)

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
            self.feedback.info(
                self.tr("No scan for a while: back to the station's {status}.").format(
                    status=status_label(status)
                )
            )
        elif not why:
            self.feedback.info(
                self.tr("Armed: {status}. Every scan is set to {status}.").format(
                    status=status_label(status)
                )
            )
        self.order_id_edit.setFocus()

    @property
    def failure_panel(self) -> FailurePanel:
        """Made after the first paint (or at the first failure, if sooner)."""
        if self._failure_panel is None:
            from flxdesk.gui.station.failure_panel import FailurePanel

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
        self.feedback.info(self.tr("Failures acknowledged. Ready for the next scan."))
        self.order_id_edit.setFocus()

    @Slot(object, object)
    def _on_written_later(self, pending, written) -> None:
        """A scan or import that waited for the history is written now: as if just queued."""
        from flxdesk.sending.queue_writer import PendingImport

        if isinstance(pending, PendingImport):
            self._import_queued(written)
        else:
            self._scan_queued(written, pending.order_id, pending.status)

    @Slot(str)
    def _on_write_waiting(self, problem: str) -> None:
        if problem and self.store_writer is not None:
            waiting = self.store_writer.writer.pending
            kept = translate("MainWindow", "%n scan(s) kept here meanwhile.", None, waiting)
            self._show_result(f"{problem} {kept}", ok=False)

    # --- bulk ------------------------------------------------------------------------
    @property
    def batch_panel(self) -> BatchPanel:
        """Made with the first bulk run: a window that only scans never needs it."""
        if self._batch_panel is None:
            from flxdesk.gui.bulk.batch_panel import BatchPanel

            self._batch_panel = BatchPanel(self.store, self._engine_thread, self.model.reload, self)
            self._central_layout.insertWidget(self._batch_panel_slot, self._batch_panel)
        return self._batch_panel

    @Slot()
    def open_bulk_dialog(self) -> None:
        from flxdesk.gui.bulk.dialog import BulkDialog

        dialog = BulkDialog(self, chosen_status(self.status_combo), self.note_edit.text().strip())

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

        from flxdesk.gui.common.question import ask

        what = self.tr(" and ").join(
            translate("MainWindow", "%n order(s) to {status}", None, count).format(
                status=status_label(status)
            )
            for status, count in destructive.items()
        )
        rows = ready.total()
        ask(
            self,
            "confirmBulkDestructiveBox",
            self.tr("Confirm bulk update"),
            self.tr("Set {what}?").format(what=what),
            translate(
                "MainWindow", "%n row(s) in all. This cannot be undone from flxdesk.", None, rows
            ),
            lambda: self.queue_bulk(imported, source),
            on_other=lambda: self.feedback.info(self.tr("Bulk update not queued.")),
            warning=True,
            safe=QMessageBox.StandardButton.No,
        )

    def queue_bulk(self, imported, source: str) -> int | None:
        """Queue the valid rows and record the others with their reasons; returns the batch
        (None while the writer's thread writes it: a large import, or the history is busy;
        ``store_writer.written`` reports it then). One bulk update is written at a time."""
        if self._sending_refusal:
            self._show_result(self._sending_refusal, ok=False)
            return None
        if self.store_writer.writer.importing:  # a second Queue must not queue it twice
            self._show_result(
                self.tr(
                    "Not queued: a bulk update is still being written to the history. "
                    "Queue this one when it is done."
                ),
                ok=False,
            )
            return None
        queued = self.store_writer.writer.queue_import(
            self.store, imported.rows, source, destination=self._engine_thread.destination
        )
        if queued is None:
            rows = len(imported.rows)
            self.batch_panel.show_writing(rows, 0)
            self._show_result(translate("MainWindow", "Queueing %Ln row(s)…", None, rows), ok=None)
            return None
        return self._import_queued(queued)

    @Slot(object, int)
    def _on_import_progress(self, pending: PendingImport, percent: int) -> None:
        self.batch_panel.show_writing(len(pending.rows), percent)

    def _import_queued(self, queued) -> int:
        self.model.reload()
        self._engine_thread.wake()
        self.batch_panel.start(queued.batch_id, (queued.queued, queued.rejected))
        if queued.rejected:  # rows that could not be sent at all: the failure panel shows them
            self.feedback.rejected_rows(list(queued.problems))
        count, rejected = queued.queued, queued.rejected
        message = translate("MainWindow", "Queued %n update(s)", None, count)
        if rejected:
            message += translate(
                "MainWindow",
                "; %n row(s) with a problem kept in the history as failed",
                None,
                rejected,
            )
        self._show_result(message + ".", ok=None)
        return queued.batch_id

    @Slot(int, bool, str)
    def _on_update_finished(self, update_id: int, ok: bool, message: str) -> None:
        self.model.refresh(update_id)
        row = self.store.get(update_id) if self.model.attached else None
        order_id = row.order_id if row is not None else "?"
        loud = update_id in self._scanned_ids
        self._scanned_ids.discard(update_id)
        self.feedback.finished(order_id, ok, message, loud=loud)

    @Slot(object, int, str)
    def _on_engine_state(self, state: EngineState, waiting: int, token_problem: str) -> None:
        from flxdesk.gui.sending.engine_watch import since_text

        self._engine_state = state
        self._waiting = waiting
        since = since_text(self._engine_thread.last_report.since)
        self._queue_text = QUEUE_STATE_TEXT[state](waiting).format(since=since)
        self._show_queue_text()
        if token_problem and self._token_state is not TokenState.MISSING:
            # Flxpoint refused the token: everything waits until a new one is given.
            self._show_result(token_problem, ok=False)
            self.token_prompts.ask()

    def _show_queue_text(self) -> None:
        count = self._held
        held = (
            translate("MainWindow", "; %n held for another destination", None, count)
            if count
            else ""
        )
        self._queue_label.setText(self._queue_text + held)

    # --- held: queued for another destination ----------------------------------------
    @property
    def held_panel(self) -> HeldPanel:
        """Made when updates are first held: most sessions never need it."""
        if self._held_panel is None:
            from flxdesk.gui.sending.held_panel import HeldPanel

            self._held_panel = HeldPanel(self.store, self._engine_thread, self.model.reload, self)
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

        from flxdesk.gui.station.scan_capture import ScanCapture
        from flxdesk.gui.station.sound_player import SoundPlayer

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
            self.feedback.count_today(self.store)
        self.status_combo.activated.connect(lambda _index: self.order_id_edit.setFocus())
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self.apply_scheme())
        self.apply_scheme()

    def apply_scheme(self) -> None:
        """Light or dark colours, following the OS (and its changes)."""
        from flxdesk.gui.common.colour_scheme import current_scheme

        scheme = current_scheme()
        for widget in (self.result_label, self.armed_chip, self.failure_panel):
            widget.apply_scheme(scheme)
        self.model.set_scheme(scheme)

    def apply_zoom(self, zoom: float) -> None:
        """Scale the whole window's text (Ctrl+plus / Ctrl+minus), remembered."""
        from flxdesk.station.station_settings import LIMITS

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
        from flxdesk.gui.station.settings_dialog import SettingsDialog

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
        from flxdesk.station.station_settings import save_station_settings

        try:
            save_station_settings(self._settings_file, self.station)
        except OSError as error:
            log.warning("Could not save the station settings: %s", error)

    @Slot()
    def save_command_sheet(self) -> None:
        """File → Print command barcodes…: a PDF to print and pin up at the station."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from flxdesk.gui.reports.command_sheet import write_command_sheet

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the command barcodes"),
            "flxdesk-command-barcodes.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        try:
            write_command_sheet(Path(path))
        except OSError as error:
            problem = error.strerror or error
            self._show_result(
                self.tr("Could not write {path}: {problem}").format(path=path, problem=problem),
                ok=False,
            )
            return
        self._show_result(
            self.tr("Command barcodes saved to {path}: print and pin it up.").format(path=path),
            ok=None,
        )

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
        self._token_label.setText(self.tr(TOKEN_STATE_TEXT[state]))
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
        unwritten = self.store_writer.close() if self.store_writer is not None else []
        if unwritten:  # the history stayed locked or full: say what was not kept
            from PySide6.QtWidgets import QMessageBox

            from flxdesk.sending.queue_writer import unwritten_text

            QMessageBox.warning(None, self.tr("flxdesk: not written"), unwritten_text(unwritten))
        # Reports the engine posted before it stopped may still arrive: the model must not
        # read the store, which the caller closes next.
        if self._history_pane is not None:
            self._history_pane.model.detach()
        if self._waiting:
            log.info("Closed with %d updates still queued", self._waiting)
        super().closeEvent(event)
