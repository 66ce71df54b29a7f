"""Start-up: command line, logging, crash handler, and the window with its worker.

Kept light on purpose: ``requests`` and ``keyring`` are imported by the worker thread
after the window is on screen, so the first paint is not delayed by them.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from flxdesk import __version__
from flxdesk.crash_record import CrashRecord, PreviousCrash
from flxdesk.endpoint import InvalidApiUrl, resolve_api_url
from flxdesk.paths import AppPaths, app_paths
from flxdesk.settings import SettingsError, load_settings

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="flxdesk", description="Set Flxpoint order statuses from a desktop window."
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use a built-in stand-in for the Flxpoint API on this computer (no token needed)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the keychain, TLS trust store, data folder, API round trip and Qt, "
        "one line each; exit code 0 when all pass",
    )
    parser.add_argument("--version", action="version", version=f"flxdesk {__version__}")
    return parser.parse_args(argv)


class RunningApp(NamedTuple):
    """Everything main() builds, so tests and benchmarks can drive the real thing."""

    window: object
    engine_thread: object
    store: object
    demo_api: object | None

    def close(self) -> None:
        self.window.close()
        self.engine_thread.shutdown()
        self.store.close()
        if self.demo_api is not None:
            self.demo_api.stop()


def build_app(
    paths: AppPaths,
    *,
    demo: bool,
    api_url: str | None = None,
    previous_crash: PreviousCrash | None = None,
) -> RunningApp:
    """Create the store, worker thread and main window (a QApplication must exist)."""
    from flxdesk.gui.engine_thread import EngineThread
    from flxdesk.gui.main_window import MainWindow
    from flxdesk.gui.token_keeper import TokenKeeper
    from flxdesk.store import HistoryStore

    paths.ensure()
    settings = load_settings(paths.settings_file)
    demo_api = None
    fixed_token = None
    if demo:
        from flxdesk.demo_api import DemoApi

        demo_api = DemoApi().start()
        api_url, fixed_token = demo_api.url, demo_api.token
    elif api_url is None:
        api_url = resolve_api_url(settings.api_url)
    store = HistoryStore(paths.history_db)
    interrupted = store.requeue_interrupted()
    if interrupted:
        log.warning("%d updates were interrupted by a crash and are queued again", interrupted)
    engine_thread = EngineThread(paths.history_db, api_url)
    tokens = TokenKeeper(engine_thread.set_token, settings.profile, fixed_token)
    window = MainWindow(store, engine_thread, tokens, api_url, demo=demo)
    tokens.setParent(window)
    if previous_crash is not None:
        window.show_crash_notice(previous_crash.notice())
    return RunningApp(window, engine_thread, store, demo_api)


def install_crash_handler(log_file: str) -> None:
    """Log any uncaught exception and tell the person, instead of vanishing."""

    def handle(exc_type, exc, traceback) -> None:
        log.critical("Unexpected error", exc_info=(exc_type, exc, traceback))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                "flxdesk: unexpected error",
                f"Something went wrong: {exc_type.__name__}.\n\n"
                f"Updates already queued are safe in the history. Details are in the log:\n"
                f"{log_file}",
            )

    sys.excepthook = handle


def run_command_line(arguments: list[str]) -> int:
    from flxdesk.cli import main as cli_main
    from flxdesk.logging_setup import setup_file_logging

    setup_file_logging(app_paths().ensure().log_file)
    return cli_main(arguments)


def self_test_with_output(paths: AppPaths) -> int:
    """Run the self-test; a windowed Windows build has no console, so show it instead."""
    from flxdesk.self_test import run_self_test

    if sys.stdout is not None:
        return run_self_test(paths)
    import io

    from PySide6.QtWidgets import QApplication, QMessageBox

    report = io.StringIO()
    code = run_self_test(paths, report)
    QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.information(None, "flxdesk self-test", report.getvalue())
    return code


def main(
    argv: Sequence[str] | None = None,
    *,
    on_shown: Callable[[object], None] | None = None,
) -> int:
    """Entry point of ``flxdesk`` and ``python -m flxdesk``; ``on_shown`` serves benchmarks."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in ("bulk", "resume", "update"):
        return run_command_line(arguments)
    args = parse_args(arguments)
    paths = app_paths().ensure()
    from flxdesk.logging_setup import setup_file_logging

    setup_file_logging(paths.log_file)
    if args.self_test:
        return self_test_with_output(paths)
    log.info("flxdesk %s starting (demo=%s)", __version__, args.demo)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from flxdesk.instance_lock import AlreadyRunning, InstanceLock

    app = QApplication(sys.argv[:1])
    app.setApplicationName("flxdesk")
    app.setApplicationVersion(__version__)
    install_crash_handler(str(paths.log_file))

    def refuse_to_start(problem: Exception) -> int:
        log.error("Cannot start: %s", problem)
        print(f"flxdesk: {problem}", file=sys.stderr)
        QMessageBox.critical(None, "flxdesk cannot start", str(problem))
        return 2

    try:
        # The demo keeps its history in the same folder, so it takes the lock too.
        lock = InstanceLock(paths.data_dir, "the flxdesk window")
    except AlreadyRunning as problem:
        return refuse_to_start(problem)
    crash_record = CrashRecord(paths.log_dir)
    previous_crash = crash_record.arm()
    if previous_crash is not None:
        log.warning("The previous run ended abnormally; kept %s", previous_crash.report)
    try:
        running = build_app(paths, demo=args.demo, previous_crash=previous_crash)
    except (InvalidApiUrl, SettingsError) as problem:
        crash_record.disarm()
        lock.release()
        return refuse_to_start(problem)
    running.window.show()
    if on_shown is not None:
        on_shown(running.window)
    code = app.exec()
    running.close()
    crash_record.disarm()
    lock.release()
    log.info("flxdesk stopped")
    return code
