"""The ``flxdesk`` command: sends each use to its layer.

The entry point stands above both layers, and is the one module outside ``gui/`` that
may import it: a command-line subcommand (``cli.COMMANDS``) runs without loading Qt;
``command-sheet`` and the window load it. Kept small, and the command line is imported
only for a subcommand, because everything imported here runs before the window's first
paint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from flxdesk import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from flxdesk.gui.window.main_window import MainWindow
    from flxdesk.host.paths import AppPaths
    from flxdesk.operators.roster import Roster
    from flxdesk.reports.shift_report import ShiftSummary
    from flxdesk.station.command_layout import Paper

COMMAND_SHEET = "command-sheet"


class WindowArguments(NamedTuple):
    """What a start of the window was asked for."""

    demo: bool = False
    self_test: bool = False


def parse_args(argv: Sequence[str]) -> WindowArguments:
    """The window's options; the everyday start (none) builds no parser and imports no
    argparse, and no help texts are looked up for translation."""
    if not argv:
        return WindowArguments()
    from flxdesk.cli.commands import COMMANDS as CLI_COMMANDS
    from flxdesk.cli.common import Parser

    parser = Parser(
        prog="flxdesk",
        description="Set Flxpoint order statuses from a desktop window. Command line: "
        f"flxdesk {{{','.join((*CLI_COMMANDS, COMMAND_SHEET))}}} --help",
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
    parsed = parser.parse_args(argv)
    return WindowArguments(demo=parsed.demo, self_test=parsed.self_test)


def log_to_file_if_possible(log_file: Path) -> None:
    """The log file, or none when its folder cannot be written (the fault that matters,
    a read-only or full data folder, is reported in words where it stops flxdesk)."""
    import logging

    from flxdesk.host.logging_setup import setup_file_logging

    try:
        setup_file_logging(log_file)
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())


def run_command_line(arguments: list[str]) -> int:
    from flxdesk.cli.commands import main as cli_main
    from flxdesk.host.paths import DataFolderUnusable, app_paths

    try:
        log_to_file_if_possible(app_paths().ensure().log_file)
    except DataFolderUnusable as problem:
        print(f"flxdesk: {problem}", file=sys.stderr)
        return 2
    return cli_main(arguments, pdf_writer=write_shift_summary_pdf, badge_writer=write_badge_cards)


def write_shift_summary_pdf(summary: ShiftSummary, target: Path) -> Path:
    """``flxdesk report --pdf``: Qt is loaded only when a PDF is asked for."""
    from flxdesk.gui.reports.shift_summary_pdf import write_with_own_application

    return write_with_own_application(summary, target)


def write_badge_cards(roster: Roster, target: Path, paper: Paper | None) -> Path:
    """``flxdesk badges``: Qt is loaded only to draw the cards."""
    from flxdesk.gui.reports.badge_cards import write_with_own_application

    return write_with_own_application(roster, target, paper)


def run_self_test(paths: AppPaths) -> int:
    """The core checks and the Qt ones; a windowed Windows build shows them in a dialog."""
    from flxdesk.cli.console import tolerate_unencodable_output
    from flxdesk.gui.start.qt_checks import CHECKS as QT_CHECKS
    from flxdesk.self_test import run_self_test as run_checks

    if sys.stdout is not None:
        tolerate_unencodable_output()  # a data folder path in Chinese on a cp1252 console
        return run_checks(paths, extra_checks=QT_CHECKS)
    import io

    from flxdesk.gui.start.startup import show_report_in_a_dialog

    report = io.StringIO()
    code = run_checks(paths, report, extra_checks=QT_CHECKS)
    show_report_in_a_dialog("flxdesk self-test", report.getvalue())
    return code


def main(
    argv: Sequence[str] | None = None,
    *,
    on_shown: Callable[[MainWindow], None] | None = None,
) -> int:
    """Entry point of ``flxdesk`` and ``python -m flxdesk``; ``on_shown`` serves benchmarks."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and not arguments[0].startswith("-"):  # a subcommand, not the window
        from flxdesk.cli.commands import COMMANDS as CLI_COMMANDS

        if arguments[0] in CLI_COMMANDS:
            return run_command_line(arguments)
        if arguments[0] == COMMAND_SHEET:
            from flxdesk.gui.reports.command_sheet import main as command_sheet_main

            return command_sheet_main(arguments[1:])
    args = parse_args(arguments)
    from flxdesk.host.paths import DataFolderUnusable, app_paths

    try:
        paths = app_paths().ensure()
    except DataFolderUnusable as problem:
        from flxdesk.gui.start.startup import refuse_before_start

        return refuse_before_start(problem)
    log_to_file_if_possible(paths.log_file)
    if args.self_test:
        return run_self_test(paths)
    from flxdesk.gui.start.gil_sharing import pause_collections

    pause_collections()  # the window's start collects no garbage until its first paint
    from flxdesk.gui.start.startup import run_window

    return run_window(paths, demo=args.demo, on_shown=on_shown)
