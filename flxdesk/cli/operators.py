"""``flxdesk operator add|remove|list|hash-pin``: the operators on the floor, for IT.

    flxdesk operator add BADGE NAME [--supervisor] [--pin]
                              set the operator of BADGE on the floor (new, or changed)
    flxdesk operator remove BADGE
    flxdesk operator list     badge, name, supervisor, whether a PIN is asked
    flxdesk operator hash-pin a PIN's scrypt hash for the machine settings file (no floor)

``add``, ``remove`` and ``list`` are the floor owner's (flxdesk.floor.operators): the
login of ``floor_url`` must own the floor; a station's login is refused in words. A PIN
(``--pin``, ``hash-pin``) is asked twice without echo at a terminal, else read from
``FLXDESK_OPERATOR_PIN``; it is never an argument (other users can read a process's
arguments), never printed, never stored but as its hash. Exit codes: 0 done; 1 ``remove``
found no such badge; 2 nothing done (no floor, not the owner, an entry the roster cannot
hold, a PIN not given or not 4-12 digits), each in one sentence on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from flxdesk.cli.common import Exit, Parser
from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.floor.connection import FloorAddress

PIN_ENV = "FLXDESK_OPERATOR_PIN"


def add_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    operator = commands.add_parser(
        "operator", help="the operators who sign in at the stations, on the floor (IT)"
    )
    actions = operator.add_subparsers(dest="operator_action", required=True)
    add = actions.add_parser(
        "add", help="set the operator of BADGE on the floor: new, or changed (the owner's login)"
    )
    add.add_argument("badge", metavar="BADGE", help="the badge: 1-32 letters, digits or -_.")
    add.add_argument("name", metavar="NAME", help="the name the history keeps (in quotes)")
    add.add_argument(
        "--supervisor",
        action="store_true",
        help="may approve the statuses of supervisor_for with this badge",
    )
    add.add_argument(
        "--pin",
        action="store_true",
        help=f"ask for a PIN after the badge (asked twice; {PIN_ENV} without a terminal)",
    )
    remove = actions.add_parser("remove", help="take BADGE off the floor (the owner's login)")
    remove.add_argument("badge", metavar="BADGE")
    actions.add_parser("list", help="the floor's operators (the owner's login)")
    actions.add_parser(
        "hash-pin",
        help="print a PIN's hash for the machine settings file's pin_hash (no floor needed)",
    )


def run_operator(args: argparse.Namespace) -> int:
    from flxdesk.operators.pins import InvalidPin

    pin_hash = ""
    try:
        if args.operator_action == "hash-pin" or getattr(args, "pin", False):
            pin_hash = _pin_hash()
    except (InvalidPin, NoPin) as problem:
        return _fail(str(problem) + " " + _nothing_done(args))
    if args.operator_action == "hash-pin":
        print(pin_hash)
        return Exit.OK
    from flxdesk.cli.floor import NoFloor, configured_floor

    try:
        _paths, _settings, address = configured_floor()
    except NoFloor as problem:
        return _fail(str(problem))
    return _on_the_floor(args, address, pin_hash)


class NoPin(ValueError):
    """No PIN was given, or the two typed differ: ``str`` says so."""


def _pin_hash() -> str:
    """The hash of the PIN asked at a terminal (twice), or of FLXDESK_OPERATOR_PIN."""
    from flxdesk.operators.pins import check_pin, hash_pin

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        pin = getpass.getpass(translate("OperatorCommand", "PIN (4 to 12 digits): "))
        check_pin(pin)
        if getpass.getpass(translate("OperatorCommand", "The same PIN again: ")) != pin:
            raise NoPin(translate("OperatorCommand", "The two PINs differ."))
    else:
        pin = os.environ.get(PIN_ENV, "")
        if not pin:
            raise NoPin(
                translate(
                    "OperatorCommand",
                    "No PIN given: type it at a terminal, or set {name} when there is none.",
                ).format(name=PIN_ENV)
            )
    return hash_pin(check_pin(pin.strip()))


def _nothing_done(args: argparse.Namespace) -> str:
    if args.operator_action == "hash-pin":
        return translate("OperatorCommand", "No hash was made.")
    return translate("OperatorCommand", "Nothing was changed.")


def _on_the_floor(args: argparse.Namespace, address: FloorAddress, pin_hash: str) -> int:
    import psycopg

    from flxdesk.cli.floor import connect_floor
    from flxdesk.floor.connection import describe_error
    from flxdesk.floor.operators import NotOwner, RosterRefused
    from flxdesk.floor.schema import ROSTER_FROM, FloorSchemaError, check_floor

    try:
        with connect_floor(address) as connection:
            version = check_floor(connection).version
            if version < ROSTER_FROM:
                return _fail(
                    translate(
                        "OperatorCommand",
                        "The floor is at version {version} and has no operators yet: run "
                        "'flxdesk floor init' from this flxdesk to upgrade it. Nothing was "
                        "changed.",
                    ).format(version=version)
                )
            return _act(args, connection, address, pin_hash)
    except NotOwner as refused:
        return _fail(
            translate(
                "OperatorCommand",
                "only the floor's owner may change or list its operators: {login} may not "
                "(a station's login never can; stations read the operators themselves). "
                "Nothing was changed.",
            ).format(login=refused.login)
        )
    except RosterRefused as problem:
        words = translate("OperatorCommand", "{problem}. Nothing was changed.")
        return _fail(words.format(problem=str(problem)[:1].upper() + str(problem)[1:]))
    except FloorSchemaError as problem:
        return _fail(str(problem))
    except psycopg.Error as error:
        return _fail(describe_error(error, address) + ".")


def _act(args: argparse.Namespace, connection: Any, address: FloorAddress, pin_hash: str) -> int:
    from flxdesk.floor.login_check import plain
    from flxdesk.floor.operators import add_operator, list_operators, remove_operator

    floor = address.describe()
    if args.operator_action == "add":
        new = add_operator(connection, args.badge, args.name, args.supervisor, pin_hash)
        words = (
            translate("OperatorCommand", "added {name} with badge {badge} to {floor}{what}.")
            if new
            else translate("OperatorCommand", "badge {badge} is now {name} on {floor}{what}.")
        )
        what = ", ".join(
            part
            for part in (
                translate("OperatorCommand", "supervisor") if args.supervisor else "",
                translate("OperatorCommand", "asks for a PIN") if pin_hash else "",
            )
            if part
        )
        print(
            "flxdesk: "
            + words.format(
                name=args.name.strip(),
                badge=args.badge.strip(),
                floor=floor,
                what=f" ({what})" if what else "",
            )
        )
        return Exit.OK
    if args.operator_action == "remove":
        name = remove_operator(connection, args.badge)
        if name is None:
            words = translate(
                "OperatorCommand", "no operator has badge {badge} on {floor}: nothing was removed."
            )
            print(
                f"flxdesk: {words.format(badge=args.badge.strip(), floor=floor)}", file=sys.stderr
            )
            return Exit.FAILED
        words = translate(
            "OperatorCommand",
            "took badge {badge} ({name}) off {floor}: stations refuse it from their next "
            "heartbeat (30 s at most while they reach the floor).",
        )
        print("flxdesk: " + words.format(badge=args.badge.strip(), name=plain(name), floor=floor))
        return Exit.OK
    roster, problems = list_operators(connection)
    for operator in roster.operators:
        cells = (
            operator.badge,
            plain(operator.name, 80),
            translate("OperatorCommand", "supervisor") if operator.supervisor else "",
            translate("OperatorCommand", "PIN") if operator.pin_hash else "",
        )
        print("\t".join(cells))
    words = translate("OperatorCommand", "{count} operator(s) on {floor}.")
    print("flxdesk: " + words.format(count=len(roster.operators), floor=floor), file=sys.stderr)
    for problem in problems:
        words = translate("OperatorCommand", "stations leave out {problem}")
        print("flxdesk: " + words.format(problem=plain(problem, 200)), file=sys.stderr)
    return Exit.OK


def _fail(sentence: str) -> int:
    print(f"flxdesk: {sentence}", file=sys.stderr)
    return Exit.USAGE
