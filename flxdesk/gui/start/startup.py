"""Starting the window: the QApplication, the crash dialog, the lock, and the parts wired.

What runs before the window's first paint is kept small, because a worker waits for it
at every start (``python bench/startup.py``):
- ``requests`` and ``keyring`` are imported by the worker thread after the first paint;
- the history (sqlite3 and the store) is opened just after the first paint
  (``run_window``: ``open_history_after_paint``); a history that cannot be used is
  then said in a dialog and flxdesk ends with exit code 2, as before the window shows;
- the Qt-free modules the window needs are imported here, before any PySide6 module
  (``WINDOW_CORE_MODULES``): PySide6 reads the source file of every module imported
  after it (looking for ``from __feature__ import``), about 0.1 ms a module when
  running from source.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

# The data folders and the machine-wide settings are found with it at every start.
import platformdirs

import flxdesk.gui.bulk
import flxdesk.gui.common
import flxdesk.gui.sending
import flxdesk.gui.station
import flxdesk.gui.token
import flxdesk.gui.window
from flxdesk import __version__
from flxdesk.config.settings import Settings, SettingsError, load_settings
from flxdesk.flxpoint.endpoint import InvalidApiUrl, resolve_api_url
from flxdesk.gui.common.display import cannot_show_windows
from flxdesk.gui.start.gil_sharing import (
    pause_collections,
    resume_collections,
    share_the_gil_quickly,
    thaw_start_up_objects,
)
from flxdesk.host import resources
from flxdesk.host.crash_record import CrashRecord, PreviousCrash
from flxdesk.host.i18n import SOURCE_LANGUAGE, translate
from flxdesk.host.instance_lock import AlreadyRunning, InstanceLock
from flxdesk.host.paths import AppPaths, DataFolderUnusable, demo_paths
from flxdesk.host.station_name import InvalidStationName, station_name
from flxdesk.orders import notes, order_ids, statuses
from flxdesk.sending import events as engine_events
from flxdesk.station import palette, sound_cues

if TYPE_CHECKING:
    from pathlib import Path

    from flxdesk.floor.session import FloorSession
    from flxdesk.flxpoint.demo_api import DemoApi
    from flxdesk.gui.sending.engine_thread import EngineThread
    from flxdesk.gui.window.main_window import MainWindow
    from flxdesk.history.schema import HistoryNotADatabase
    from flxdesk.history.store import HistoryStore

log = logging.getLogger(__name__)

NO_DISPLAY = (
    "flxdesk: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set);"
    " the command line needs none: flxdesk --help"
)

GUI_BUSY_TIMEOUT_SECONDS = 0.03

# Used by the window's modules; imported before PySide6 (see the module docstring). The
# window's subpackages too: their __init__ is a docstring, but PySide6 would read it.
# (``python -X importtime`` on a start shows which modules come after PySide6.)
WINDOW_CORE_MODULES = (
    engine_events,
    notes,
    order_ids,
    palette,
    platformdirs,
    resources,
    sound_cues,
    statuses,
)
WINDOW_PACKAGES = (
    flxdesk.gui.bulk,
    flxdesk.gui.common,
    flxdesk.gui.sending,
    flxdesk.gui.station,
    flxdesk.gui.token,
    flxdesk.gui.window,
)


class RunningApp:
    """Everything the window start builds, so tests and benchmarks drive the real thing."""

    def __init__(
        self,
        window: MainWindow,
        engine_thread: EngineThread,
        history_path: Path,
        demo_api: DemoApi | None,
        floor_settings: Settings | None = None,
    ) -> None:
        """``floor_settings``: the settings that say where the floor is; None in demo
        mode (practice never reaches a floor, whatever FLXDESK_FLOOR_URL says)."""
        self.window = window
        self._floor_settings = floor_settings
        self.engine_thread = engine_thread
        self.history_path = history_path
        self.demo_api = demo_api
        self.refused = False  # the history could not be opened: flxdesk ends with code 2

    @property
    def store(self) -> HistoryStore:
        return self.window.store

    def attach_history(self, store: HistoryStore) -> None:
        """Give the open history to the window (which then starts the engine)."""
        # The window's thread never waits long on the history: its writes give up after
        # a few milliseconds and are written by a thread of their own (QueueWriter).
        store.set_busy_timeout(GUI_BUSY_TIMEOUT_SECONDS)
        store.set_station(self.window.station_name)  # on every row queued from now on
        # With a floor, every change is noted for it in the same transaction (the outbox);
        # without one (or no longer), nothing is.
        _note_changes_for_the_floor(store, self._floor_settings)
        self.window.attach_history(store)

    def close(self) -> None:
        self.window.close()
        self.engine_thread.shutdown()
        if self.window.history_is_open:
            self.store.close()
        if self.demo_api is not None:
            self.demo_api.stop()
        thaw_start_up_objects()  # the window's objects may be collected now


def build_app(
    paths: AppPaths,
    *,
    demo: bool,
    api_url: str | None = None,
    previous_crash: PreviousCrash | None = None,
    open_history: bool = True,
) -> RunningApp:
    """Create the worker thread and the main window, and open the history into it (a
    QApplication must exist). ``open_history=False``: the caller attaches it later
    (``run_window`` does, just after the first paint).

    Raises InvalidApiUrl, SettingsError, InvalidStationName, DataFolderUnusable; and
    HistoryFileError when the history is opened here and cannot be used.
    """
    from flxdesk.gui.sending.engine_thread import EngineThread
    from flxdesk.gui.start.translation import install_translators
    from flxdesk.gui.token.keeper import TokenKeeper
    from flxdesk.gui.window.main_window import MainWindow

    share_the_gil_quickly()  # the window's thread waits at most 1 ms for a busy worker
    paths.ensure()
    if demo:  # its own folder and settings: practice never reaches the real history
        paths = demo_paths(paths)
    settings = load_settings(paths.settings_file)  # once; handed down from here
    if demo and not settings.operators.operators.operators:  # badges to practise with
        from flxdesk.operators.operator_settings import DEMO_OPERATORS

        settings = settings._replace(operators=DEMO_OPERATORS)
    demo_api = None
    fixed_token = destination = None
    if not demo and api_url is None:
        api_url = resolve_api_url(settings.api_url, settings.is_locked("api_url"))
    if demo:
        from flxdesk.flxpoint.demo_api import DemoApi
        from flxdesk.orders.destination import DEMO_DESTINATION

        demo_api = DemoApi().start()
        api_url, fixed_token, destination = demo_api.url, demo_api.token, DEMO_DESTINATION
    assert api_url is not None
    station = station_name(settings.station_name, settings.is_locked("station_name"))
    # Practice never reaches the floor; a real station's floor is opened with its engine
    # (after the first paint), and nothing waits on it.
    floor_settings = None if demo else settings
    opener = None
    if floor_settings is not None:
        opener = partial(_open_floor, floor_settings, station, paths.history_db)
    engine_thread = EngineThread(paths.history_db, api_url, destination, floor_opener=opener)
    tokens = TokenKeeper(engine_thread.set_token, settings.profile, fixed_token)
    install_translators(settings.station.language)  # before the first widget; none for English
    window = MainWindow(
        engine_thread,
        tokens,
        api_url,
        demo=demo,
        settings=settings,
        station_name=station,
        settings_file=paths.settings_file,
    )
    tokens.setParent(window)
    if previous_crash is not None:
        window.show_crash_notice(previous_crash.notice())
    running = RunningApp(window, engine_thread, paths.history_db, demo_api, floor_settings)
    if open_history:
        try:
            running.attach_history(_open_store(paths.history_db))
        except BaseException:
            running.close()
            raise
    return running


def _note_changes_for_the_floor(store: HistoryStore, settings: Settings | None) -> None:
    """``settings``: None in demo mode (practice never reaches a floor)."""
    from flxdesk.floor.connection import configured_url

    if settings is None or (
        configured_url(settings.floor_url, settings.is_locked("floor_url")) is None
    ):
        store.set_floor_publishing(False)
        return
    from flxdesk.floor.outbox import BACKFILL_SECONDS

    store.set_floor_publishing(True, since=time.time() - BACKFILL_SECONDS)


def _open_floor(settings: Settings, station: str, history_path: Path) -> FloorSession | None:
    from flxdesk.floor.session import open_floor

    return open_floor(
        settings.floor_url,
        station,
        history_path,
        locked=settings.is_locked("floor_url"),
        tls_setting=settings.floor_tls,
    )


def _open_store(path: Path) -> HistoryStore:
    from flxdesk.history.store import HistoryStore

    return HistoryStore(path)


def open_history(
    path: Path,
    *,
    ask: Callable[[HistoryNotADatabase], bool],
    tell: Callable[[str], None],
) -> HistoryStore:
    """The history at ``path``; one that is not a database is set aside (renamed, never
    deleted) if the person agrees, and a new one started.

    Raises HistoryFileError, also HistoryNotADatabase when the person says no.
    """
    from flxdesk.history.faults import set_aside
    from flxdesk.history.schema import HistoryNotADatabase

    while True:
        try:
            return _open_store(path)
        except HistoryNotADatabase as problem:
            if not ask(problem):
                raise
            kept = set_aside(problem.path)
            log.warning("The unreadable history %s was set aside as %s", problem.path, kept)
            tell(
                translate(
                    "Startup",
                    "The history file that could not be read was kept as {kept} (nothing was "
                    "deleted). flxdesk starts with a new, empty history. Give the old file to "
                    "IT if its updates matter.",
                ).format(kept=kept)
            )


def ask_to_set_aside(problem: HistoryNotADatabase) -> bool:
    """Ask before renaming a history that is not a database; True when the person agrees."""
    from PySide6.QtWidgets import QMessageBox

    speak_the_system_language()
    title = translate("Startup", "flxdesk: the history cannot be read")
    box = QMessageBox(QMessageBox.Icon.Warning, title, "")
    box.setObjectName("setAsideQuestion")
    box.setText(
        f"{problem}\n\n"
        + translate(
            "Startup",
            "flxdesk can set the file aside (rename it, next to where it is; nothing is "
            "deleted) and start a new, empty history. Updates that were queued in it are not "
            "sent; they stay in the old file.",
        )
    )
    set_aside_button = box.addButton(
        translate("Startup", "Set it aside and start"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(set_aside_button)
    box.exec()
    return box.clickedButton() is set_aside_button


def tell_set_aside(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    title = translate("Startup", "flxdesk: the old history was set aside")
    QMessageBox.information(None, title, text)


def open_app(
    paths: AppPaths,
    *,
    demo: bool,
    previous_crash: PreviousCrash | None = None,
    ask: Callable[[HistoryNotADatabase], bool] = ask_to_set_aside,
    tell: Callable[[str], None] = tell_set_aside,
) -> RunningApp:
    """``build_app`` with ``open_history``'s question: a history that is not a database
    is set aside if the person agrees.

    Raises what ``build_app`` raises, also HistoryNotADatabase when the person says no.
    """
    running = build_app(paths, demo=demo, previous_crash=previous_crash, open_history=False)
    try:
        running.attach_history(open_history(running.history_path, ask=ask, tell=tell))
    except BaseException:
        running.close()
        raise
    return running


def open_history_after_paint(
    running: RunningApp,
    *,
    ask: Callable[[HistoryNotADatabase], bool] = ask_to_set_aside,
    tell: Callable[[str], None] = tell_set_aside,
    refuse: Callable[[Exception], int] | None = None,
) -> None:
    """Open the history into the shown window; when it cannot be used, say why (as
    before the window shows: ``refuse_before_start``) and end the event loop, which
    makes ``run_window`` return exit code 2."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    from flxdesk.history.schema import HistoryFileError

    try:
        store = open_history(running.history_path, ask=ask, tell=tell)
    except (HistoryFileError, DataFolderUnusable) as problem:
        running.refused = True
        running.window.hide()
        (refuse or refuse_before_start)(problem)
        # Only a running loop is ended: Qt's exit() outside one leaves the application
        # unable to paint any window after it.
        if QThread.currentThread().loopLevel() > 0:
            QApplication.exit(2)
        return
    running.attach_history(store)


def refuse_before_start(problem: Exception) -> int:
    """Say why flxdesk cannot start, on stderr and in a dialog; exit code 2."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    log.error("Cannot start: %s", problem)
    print(f"flxdesk: {problem}", file=sys.stderr, flush=True)
    if QApplication.instance() is None and cannot_show_windows():
        return 2  # no display for the dialog: the line above says it
    QApplication.instance() or QApplication(sys.argv[:1])
    speak_the_system_language()
    QMessageBox.critical(None, translate("Startup", "flxdesk cannot start"), str(problem))
    return 2


def speak_the_system_language() -> None:
    """Before the window (a refusal, a question): the OS's language, if none is set yet."""
    from flxdesk.gui.start.translation import current_language, install_translators

    if current_language() == SOURCE_LANGUAGE:
        install_translators("")


def install_crash_handler(log_file: str) -> None:
    """Log any uncaught exception and tell the person, instead of vanishing."""

    def handle(exc_type, exc, traceback) -> None:
        log.critical("Unexpected error", exc_info=(exc_type, exc, traceback))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                translate("Startup", "flxdesk: unexpected error"),
                translate(
                    "Startup",
                    "Something went wrong: {error}.\n\nUpdates already queued are safe in the "
                    "history. Details are in the log:\n{log_file}",
                ).format(error=exc_type.__name__, log_file=log_file),
            )

    sys.excepthook = handle


def run_window(
    paths: AppPaths, *, demo: bool, on_shown: Callable[[MainWindow], None] | None = None
) -> int:
    """Show the window until it is closed; the exit code of the event loop, or 2."""
    pause_collections()  # until the first paint (gil_sharing)
    try:
        return _run_window(paths, demo=demo, on_shown=on_shown)
    finally:
        resume_collections()  # a start refused before the first paint


def _run_window(
    paths: AppPaths, *, demo: bool, on_shown: Callable[[MainWindow], None] | None
) -> int:
    from PySide6.QtWidgets import QApplication

    from flxdesk.gui.start.termination import end_politely

    if cannot_show_windows():  # else Qt aborts the process (SIGABRT) without a word of ours
        log.error("Cannot start: no display")
        print(NO_DISPLAY, file=sys.stderr, flush=True)
        return 2
    log.info("flxdesk %s starting (demo=%s)", __version__, demo)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("flxdesk")
    app.setApplicationVersion(__version__)
    install_crash_handler(str(paths.log_file))

    try:
        # The demo has its own data folder, history and lock (demo_paths).
        data_dir = demo_paths(paths).data_dir if demo else paths.data_dir
        lock = InstanceLock(data_dir, "the flxdesk demo" if demo else "the flxdesk window")
    except (AlreadyRunning, DataFolderUnusable) as problem:
        return refuse_before_start(problem)
    except OSError as error:  # a read-only or full data folder
        from flxdesk.history.faults import fault_from

        return refuse_before_start(fault_from(error, data_dir / paths.history_db.name))
    # The demo may run beside the real window: each keeps its own crash record.
    crash_record = CrashRecord(paths.log_dir, "flxdesk-demo" if demo else "flxdesk")
    previous_crash = crash_record.arm()
    if previous_crash is not None:
        log.warning("The previous run ended abnormally; kept %s", previous_crash.report)
    try:
        running = build_app(paths, demo=demo, previous_crash=previous_crash, open_history=False)
    except (InvalidApiUrl, DataFolderUnusable, SettingsError, InvalidStationName) as problem:
        crash_record.disarm()
        lock.release()
        return refuse_before_start(problem)
    running.window.firstPainted.connect(resume_collections)
    running.window.firstPainted.connect(lambda: open_history_after_paint(running))

    def end_of_session() -> None:
        """The last thing Qt runs at a Windows logoff or shutdown, before the kill: a
        clean end (the next start says nothing of a crash, the window's place is kept,
        updates on the wire are not taken for lost)."""
        running.window.shut_down(interactive=False)
        crash_record.disarm()
        lock.release()

    def asked_to_end() -> None:
        """SIGTERM and the like: as File → Quit, with no dialog (nobody may be there)."""
        running.window.shut_down(interactive=False)
        app.quit()

    app.aboutToQuit.connect(end_of_session)
    polite_end = end_politely(asked_to_end)
    running.window.show()
    if on_shown is not None:
        on_shown(running.window)
    code = app.exec()
    if polite_end is not None:
        polite_end.close()
    running.close()
    crash_record.disarm()
    lock.release()
    if running.refused:
        return 2
    log.info("flxdesk stopped")
    return code


def show_report_in_a_dialog(title: str, report: str) -> None:
    """A windowed Windows build has no console: the self-test's lines go to a dialog."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.information(None, title, report)
