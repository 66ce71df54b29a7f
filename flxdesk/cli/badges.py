"""``flxdesk badges --pdf FILE [--paper a4|letter|4x6]``: a badge card per operator, to print.

The operators are those the stations use (flxdesk.floor.operators.station_roster): the
floor's roster when there is a floor and it has operators (read now, or this computer's
copy of it when the floor does not answer), else the settings' ``operators``; a locked
``operators`` in the machine settings file wins. The PDF is drawn by Qt
(flxdesk.gui.reports.badge_cards): the caller passes the writer (flxdesk.app does), so
this module does not import Qt. A badge is its code: printing a card again does not void
the old one (to void a lost badge, give its operator another badge).

Exit codes: 0 written; 2 nothing written (no operators, a badge too long for the paper, a
file that cannot be written), in one sentence on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from flxdesk.cli.common import Exit, Parser
from flxdesk.host.i18n import translate
from flxdesk.station.command_layout import Paper

if TYPE_CHECKING:
    from flxdesk.floor.connection import FloorAddress
    from flxdesk.operators.roster import Roster

# (roster, target, paper or None for the local sheet) -> the file written
BadgeWriter = Callable[["Roster", Path, "Paper | None"], Path]


def add_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    badges = commands.add_parser(
        "badges", help="write a badge card per operator as a PDF to print (IT)"
    )
    badges.add_argument("--pdf", type=Path, required=True, help="the PDF file to write")
    badges.add_argument(
        "--paper",
        choices=[paper.value for paper in Paper],
        help="a4, letter, or 4x6 (one card per 4x6 in label); default: A4, or Letter where "
        "the system uses US units. Print at actual size (100%%).",
    )


def run_badges(args: argparse.Namespace, badge_writer: BadgeWriter | None) -> int:
    from flxdesk.cli.floor import NoFloor, configured_floor
    from flxdesk.config.settings import load_settings
    from flxdesk.floor.operators import station_roster
    from flxdesk.host.paths import app_paths
    from flxdesk.station.command_layout import TooLong

    if badge_writer is None:
        return _fail(translate("BadgeCommand", "this flxdesk cannot write PDF files."))
    try:
        paths, settings, address = configured_floor()
        floor_roster = _floor_roster(address, paths.floor_roster)
    except NoFloor:  # no floor (or none that can be used): the settings' operators
        paths = app_paths().ensure()
        settings, floor_roster = load_settings(paths.settings_file), None
    roster = station_roster(
        settings.operators.operators, settings.is_locked("operators"), floor_roster
    )
    source = (
        translate("BadgeCommand", "the floor's operators")
        if roster is floor_roster
        else translate("BadgeCommand", "the settings' operators")
    )
    if not roster.operators:
        return _fail(
            translate(
                "BadgeCommand",
                "no operators are set up: add them on the floor (flxdesk operator add) or "
                'in the machine settings file\'s "operators". Nothing was written.',
            )
        )
    try:
        written = badge_writer(roster, args.pdf, Paper(args.paper) if args.paper else None)
    except TooLong as problem:
        return _fail(f"{problem}. " + translate("BadgeCommand", "Nothing was written."))
    except OSError as problem:
        words = translate("BadgeCommand", "cannot write {file}: {reason}")
        return _fail(words.format(file=args.pdf, reason=problem.strerror or problem))
    words = translate("BadgeCommand", "wrote {count} badge card(s) to {file}, from {source}.")
    count = len(roster.operators)
    print("flxdesk: " + words.format(count=count, file=written, source=source), file=sys.stderr)
    return Exit.OK


def _floor_roster(address: FloorAddress, copy: Path) -> Roster | None:
    """The floor's roster read now (None on a floor without operators yet), or this
    computer's copy of it when the floor cannot be used (said on stderr)."""
    import psycopg

    from flxdesk.cli.floor import connect_floor
    from flxdesk.floor.connection import describe_error
    from flxdesk.floor.operators import RosterCopy, read_floor_roster
    from flxdesk.floor.schema import ROSTER_FROM, FloorSchemaError, check_floor

    try:
        with connect_floor(address) as connection:
            if check_floor(connection).version < ROSTER_FROM:
                return None
            roster, problems = read_floor_roster(connection)
    except (psycopg.Error, FloorSchemaError) as error:
        why = describe_error(error, address) if isinstance(error, psycopg.Error) else str(error)
        words = translate(
            "BadgeCommand",
            "the floor cannot be used ({why}): the badges are made from this computer's "
            "last copy of its operators.",
        )
        print("flxdesk: " + words.format(why=why), file=sys.stderr)
        return RosterCopy(copy).load(address.url)
    for problem in problems:
        words = translate("BadgeCommand", "left out (the stations leave it out too): {problem}")
        print("flxdesk: " + words.format(problem=problem), file=sys.stderr)
    return roster


def _fail(sentence: str) -> int:
    print(f"flxdesk: {sentence}", file=sys.stderr)
    return Exit.USAGE
