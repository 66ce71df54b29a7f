"""The main window: it builds the fields, composes the parts and says when they start.

What each part does lives in its own module: the menus (``gui.window.menus``), the status
bar (``gui.window.status_bar``), the vertical order of banners and panels
(``gui.window.notices``), the scan desk (``gui.station.scan_desk``, with its Qt-free rules
in ``flxdesk.station.scan_rules``), the bulk flow (``gui.bulk.bulk_flow``), the station's
preferences (``gui.station.preferences``), the token (``gui.token.token_watch``). Who
listens to which part's signals is ``gui.window.wiring``.

Start-up order: the widgets are built before the first paint; the history is given by
``attach_history`` (after the first paint, in the app); once both have happened the
engine, the keychain, the history pane, shortcuts and scan capture start
(``_finish_setup``).

objectNames of the input widgets are a public contract for automation and
accessibility tools: those of ``gui.window.order_form``, and historyView.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from flxdesk import __version__
from flxdesk.config.settings import Settings
from flxdesk.gui.common.colour_scheme import palette_scheme
from flxdesk.gui.sending.engine_thread import EngineThread
from flxdesk.gui.sending.held_watch import HeldWatch
from flxdesk.gui.station.armed_status import ArmedStatus
from flxdesk.gui.station.feedback_widgets import ArmedStatusChip, ResultBand
from flxdesk.gui.station.operator_part import OperatorPart
from flxdesk.gui.station.preferences import StationPreferences
from flxdesk.gui.station.scan_desk import ScanDesk
from flxdesk.gui.station.station_feedback import StationFeedback
from flxdesk.gui.token.keeper import TokenKeeper
from flxdesk.gui.token.token_watch import TokenWatch
from flxdesk.gui.window.geometry import place_window, saved_geometry
from flxdesk.gui.window.menus import WindowMenus
from flxdesk.gui.window.notices import CrashNotice, DemoBanner, WindowStack
from flxdesk.gui.window.order_form import order_form
from flxdesk.gui.window.status_bar import StationStatusBar
from flxdesk.gui.window.wiring import (
    connect_bulk,
    connect_on_screen,
    connect_parts,
    connect_store_writer,
    make_floor_parts,
)
from flxdesk.sending.events import EngineState

if TYPE_CHECKING:
    # For annotations only: importing a QEvent class builds QEvent.Type (~180 members,
    # ~1.5 ms) before the first paint.
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from flxdesk.gui.bulk.bulk_flow import BulkFlow
    from flxdesk.gui.floor.floor_parts import FloorParts
    from flxdesk.gui.history.model import HistoryModel
    from flxdesk.gui.history.pane import HistoryPane, HistoryView
    from flxdesk.gui.sending.engine_watch import EngineWatch
    from flxdesk.gui.sending.store_writer import StoreWriter
    from flxdesk.history.store import HistoryStore

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    firstPainted = Signal()

    def __init__(
        self,
        engine_thread: EngineThread,
        token_keeper: TokenKeeper,
        api_url: str,
        demo: bool = False,
        settings: Settings | None = None,
        settings_file: Path | None = None,
        station_name: str = "",
    ) -> None:
        """``station_name``: this station's (``flxdesk.host.station_name``), on the title,
        the status bar and every history row."""
        super().__init__()
        # The history is opened after the first paint (sqlite3 and the store are not
        # small to import) and given to attach_history; nothing before needs it.
        self._store: HistoryStore | None = None
        self.store_writer: StoreWriter | None = None
        self.engine_watch: EngineWatch | None = None  # made when the history opens
        self.engine_thread = engine_thread
        self.engine_state = EngineState.IDLE
        self._demo = demo
        self._waiting = 0
        self._history_pane: HistoryPane | None = None
        self._bulk: BulkFlow | None = None
        self.crash_notice: CrashNotice | None = None
        self.floor_parts: FloorParts | None = None  # on a station with a floor
        self._shut_down = False

        self.station_name = station_name
        title = f"flxdesk {__version__}" + (f" — {station_name}" if station_name else "")
        demo_title = self.tr("{title} — DEMO (orders 1000-1999)").format(title=title)
        self._title = demo_title if demo else title
        self.setWindowTitle(self._title)
        settings = settings or Settings()
        self.preferences = StationPreferences(self, settings, settings_file)
        self._build_fields()
        self._add_parts()
        self.menus = WindowMenus(self, demo=demo)
        self.status = StationStatusBar(self, api_url, station_name)
        # Who is at the station (flxdesk.operators): built before the armed status, which
        # asks it for a supervisor's approval.
        self.operators = OperatorPart(settings.operators, station_name, self, self.note_edit)
        self.feedback = StationFeedback(
            self.result_label,
            self.status.today_label,
            self.stack,
            lambda: self.font().pointSizeF(),
            self.order_id_edit.setFocus,
            self,
        )
        self.armed = ArmedStatus(
            self,
            self.status_combo,
            self.armed_chip,
            self.preferences.station.default_status,
            self.preferences.station.idle_reset_minutes,
            approver=self.operators,
        )
        self.scan_desk = ScanDesk(self, self)
        self.held = HeldWatch(self, self)
        self.token_watch = TokenWatch(
            self,
            token_keeper,
            self.status,
            self.menus.forget_token_action,
            lambda problem: self.show_result(problem, ok=False),
            self.held.refresh,
        )
        connect_parts(self)
        place_window(self, self.preferences.station.geometry)
        if self.preferences.station.zoom != 1.0:  # at 1.0 every widget already has its size
            self.preferences.apply_zoom(self.preferences.station.zoom)

        # The engine thread and the keychain start after the first paint, so that
        # importing requests and keyring does not delay the window, and once the history
        # is open (_finish_setup).
        self._painted = False
        self._on_screen = False
        self.firstPainted.connect(self._on_first_paint)
        engine_thread.stateChanged.connect(self._on_engine_state)

    @Slot(str)
    def show_operator(self, name: str) -> None:
        """Who is signed in, in the title and large in the status bar."""
        self.setWindowTitle(f"{self._title} — {name}" if name else self._title)
        self.status.show_operator(name, required=self.operators.required)

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
        self.engine_watch = EngineWatch(self, self.engine_thread, self.show_result)
        self._store = store
        self.engine_thread.set_token_salt(store.token_salt)
        self.store_writer = StoreWriter(store.path, self)
        connect_store_writer(self, self.store_writer)  # the bulk flow is made here
        if self._on_screen:
            self._finish_setup()

    @property
    def bulk(self) -> BulkFlow:
        """Bulk → Bulk update… and what follows it: made when the history opens (after the
        first paint), or at once if the menu is used before."""
        if self._bulk is None:
            from flxdesk.gui.bulk.bulk_flow import BulkFlow

            self._bulk = connect_bulk(self, BulkFlow(self, self))
        return self._bulk

    @property
    def sending_refusal(self) -> str:
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
        from PySide6.QtGui import QIcon

        from flxdesk.gui.start.gil_sharing import freeze_start_up_objects
        from flxdesk.host.resources import icon_path

        self.engine_thread.start()
        if self.engine_thread.floor is not None:
            self.floor_parts = make_floor_parts(self, self.engine_thread.floor)
        self.token_watch.tokens.load()
        self.history_pane.finish_setup()
        icon = icon_path()
        if icon is not None:
            QApplication.setWindowIcon(QIcon(str(icon)))
        self.menus.set_shortcuts()
        self.scan_desk.start()
        self.operators.start()
        connect_on_screen(self)
        self.preferences.start()
        if self.model.attached:
            self.feedback.count_today(self.store)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        freeze_start_up_objects()  # full collections stop walking the window's objects

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint has finished, not inside it.
            QTimer.singleShot(0, self.firstPainted.emit)

    # --- layout ----------------------------------------------------------------------
    def _build_fields(self) -> None:
        form = order_form()
        self.order_id_edit, self.status_combo, self.note_edit, self.submit_button = form[:4]
        self._form_layout = form.layout
        self.result_label = ResultBand()
        self.armed_chip = ArmedStatusChip()

    def _add_parts(self) -> None:
        """The parts there from the start, in ``notices.ORDER``; the others come later."""
        feedback_row = QHBoxLayout()
        feedback_row.addWidget(self.armed_chip)
        feedback_row.addWidget(self.result_label, 1)
        # The history pane fills this just after the first paint (history_pane).
        self._history_area = QVBoxLayout()
        self._history_area.setContentsMargins(0, 0, 0, 0)
        self._history_area.addStretch(1)  # holds the fields at the top until then

        central = QWidget()
        self.stack = WindowStack(QVBoxLayout(central))
        if self._demo:
            self.stack.place("demo_banner", DemoBanner(palette_scheme()))
        self.stack.place("fields", self._form_layout)
        self.stack.place("feedback", feedback_row)
        self.stack.place("history", self._history_area, stretch=1)
        self.setCentralWidget(central)
        self.order_id_edit.setFocus()

    # --- the history pane, after the first paint -------------------------------------
    @property
    def history_pane_made(self) -> bool:
        return self._history_pane is not None

    @property
    def history_pane(self) -> HistoryPane:
        """The history pane, built just after the first paint so that its table, filters
        and first page do not delay it; built at once when something needs it earlier."""
        if self._history_pane is None:
            from flxdesk.gui.history.pane import HistoryPane

            pane = HistoryPane(self.store, self.engine_thread, operators=self.operators)
            label = QLabel(self.tr("&History (newest first)"))
            label.setBuddy(pane.view)
            self._history_area.takeAt(0)  # the stretch that stood in for the pane
            self._history_area.addWidget(label)
            self._history_area.addWidget(pane, stretch=1)
            self.engine_thread.updateChanged.connect(pane.model.refresh)
            self._history_pane = pane
        return self._history_pane

    @property
    def model(self) -> HistoryModel:
        return self.history_pane.model

    @property
    def history_view(self) -> HistoryView:
        return self.history_pane.view

    # --- what the parts report -------------------------------------------------------
    def show_crash_notice(self, text: str) -> None:
        """A notice above the fields that stays until dismissed: the last run crashed."""
        self.crash_notice = CrashNotice(text, palette_scheme())
        self.crash_notice.dismiss_button.clicked.connect(self.order_id_edit.setFocus)
        self.stack.place("crash_notice", self.crash_notice)

    @Slot()
    def save_command_sheet(self) -> None:
        """File → Print command barcodes…: a PDF to print and pin up at the station."""
        from flxdesk.gui.reports.command_sheet_saving import ask_and_save_command_sheet

        ask_and_save_command_sheet(self, self.show_result)

    @Slot()
    def open_user_guide(self) -> None:
        """Help → User guide: the guide shipped with flxdesk, read offline."""
        from flxdesk.gui.window.user_guide import show_user_guide

        show_user_guide(self, self.show_result)

    def show_result(self, text: str, ok: bool | None) -> None:
        self.result_label.show_result(text, "info" if ok is None else "sent" if ok else "failed")

    @Slot(object, int, str)
    def _on_engine_state(self, state: EngineState, waiting: int, token_problem: str) -> None:
        from flxdesk.gui.sending.engine_watch import since_text

        self.engine_state = state
        self._waiting = waiting
        since = since_text(self.engine_thread.last_report.since)
        self.status.show_engine_state(state, waiting, since)
        self.token_watch.refused_by_flxpoint(token_problem)

    # --- closing ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self, *, interactive: bool = True) -> None:
        """Save the window's place, stop sending (an answer on its way may arrive) and
        write what waits; once. From closeEvent, or from ``aboutToQuit`` when the
        session ends (Windows logoff or shutdown: the process is killed after it, and
        closeEvent never runs). ``interactive`` False: no dialog, only the log."""
        if self._shut_down:
            return
        self._shut_down = True
        # Hide first: an update already on the wire may take up to the read timeout to
        # finish, and the person should not watch a frozen window meanwhile.
        self.preferences.remember_geometry(saved_geometry(self))
        self.hide()
        self.scan_desk.stop()
        self.operators.stop()
        if self.floor_parts is not None:
            self.floor_parts.stop()
        if self.feedback.sounds is not None:
            self.feedback.sounds.close()
        if self._bulk is not None:
            self._bulk.stop()
        self.engine_thread.shutdown()
        unwritten = self.store_writer.close() if self.store_writer is not None else []
        if unwritten and interactive:  # the history stayed locked or full: say so
            from PySide6.QtWidgets import QMessageBox

            from flxdesk.sending.queue_writer import unwritten_text

            QMessageBox.warning(None, self.tr("flxdesk: not written"), unwritten_text(unwritten))
        # Reports the engine posted before it stopped may still arrive: the model must not
        # read the store, which the caller closes next.
        if self._history_pane is not None:
            self._history_pane.model.detach()
        if self._waiting:
            log.info("Closed with %d updates still queued", self._waiting)
