"""The command line: it registers each group's commands and hands a run to its group.

    flxdesk update|bulk|resume ...                  (flxdesk.cli.sending)
    flxdesk report --since today|shift|DATE ...     (flxdesk.cli.report)
    flxdesk floor init|login|prune ...              (flxdesk.cli.floor)
    flxdesk operator add|remove|list|hash-pin ...   (flxdesk.cli.operators)
    flxdesk badges --pdf FILE [--paper ...]         (flxdesk.cli.badges)
    flxdesk token set|check|forget                  (flxdesk.cli.token)

Every command, option and exit code: docs/reference/command-line.md, generated from
``build_parser``. Exit codes are ``flxdesk.cli.common.Exit``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from flxdesk.cli import badges as badges_command
from flxdesk.cli import floor as floor_command
from flxdesk.cli import operators as operators_command
from flxdesk.cli import report as report_command
from flxdesk.cli import sending as sending_command
from flxdesk.cli import token as token_command
from flxdesk.cli.common import Exit, Parser, SetupError
from flxdesk.cli.console import tolerate_unencodable_output
from flxdesk.orders.statuses import ORDER_STATUSES, canonical_status

COMMANDS = (*sending_command.COMMANDS, "report", "floor", "operator", "badges", "token")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "status", "") and args.status not in ORDER_STATUSES:
        spelled = canonical_status(args.status)
        if spelled is None:
            parser.error(f"unknown status {args.status!r}; use one of: {', '.join(ORDER_STATUSES)}")
        args.status = spelled
    return args


def build_parser() -> argparse.ArgumentParser:
    """Every command, option and help text (docs/reference/command-line.md is made from it)."""
    parser = Parser(
        prog="flxdesk", description="Send Flxpoint order status updates without a window."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    sending_command.add_parsers(commands)
    report_command.add_parser(commands)
    floor_command.add_parser(commands)
    operators_command.add_parser(commands)
    badges_command.add_parser(commands)
    token_command.add_parser(commands)
    return parser


def main(
    argv: Sequence[str],
    pdf_writer: report_command.PdfWriter | None = None,
    badge_writer: badges_command.BadgeWriter | None = None,
) -> int:
    """Run one command; ``pdf_writer`` and ``badge_writer`` draw PDFs (flxdesk.app hands
    Qt's, loaded only then)."""
    from flxdesk.bulk.reading import ImportFileError
    from flxdesk.flxpoint.endpoint import InvalidApiUrl
    from flxdesk.history.faults import StorageFault
    from flxdesk.history.schema import HistoryFileError
    from flxdesk.host.instance_lock import AlreadyRunning
    from flxdesk.host.paths import DataFolderUnusable
    from flxdesk.orders.order_ids import InvalidOrderId

    tolerate_unencodable_output()
    args = parse_args(argv)
    if args.command == "report" and args.floor:
        return _floor_errors_in_words(floor_command.run_floor_report, args, pdf_writer)
    if args.command == "report":
        return report_command.run_report(args, pdf_writer)
    if args.command == "floor":
        return _floor_errors_in_words(floor_command.run_floor, args)
    if args.command == "operator":
        return _floor_errors_in_words(operators_command.run_operator, args)
    if args.command == "badges":
        return _floor_errors_in_words(badges_command.run_badges, args, badge_writer)
    if args.command == "token":
        return token_command.run_token(args)
    try:
        return sending_command.run(args)
    except (
        SetupError,
        ImportFileError,
        InvalidApiUrl,
        AlreadyRunning,
        InvalidOrderId,
        HistoryFileError,
        StorageFault,
        DataFolderUnusable,
        ValueError,
    ) as problem:
        print(f"flxdesk: {problem}", file=sys.stderr)
        return Exit.USAGE
    except KeyboardInterrupt:
        print("flxdesk: interrupted.", file=sys.stderr)
        return Exit.FAILED


def _floor_errors_in_words(command: Callable[..., int], *args: object) -> int:
    """The floor's commands: settings, data folder and station-name problems in words."""
    from flxdesk.host.paths import DataFolderUnusable

    try:
        return command(*args)
    except (DataFolderUnusable, ValueError) as problem:
        print(f"flxdesk: {problem}", file=sys.stderr)
        return Exit.USAGE
    except KeyboardInterrupt:
        print("flxdesk: interrupted.", file=sys.stderr)
        return Exit.FAILED
