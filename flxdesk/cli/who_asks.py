"""Who asks for a sending command's updates: ``--operator BADGE`` and ``--approved-by
BADGE`` on ``update``, ``bulk`` and ``resume``, checked before anything is queued or sent.

The window's rules (flxdesk.operators), for IT's scripts and scheduled tasks:

- ``operator_sign_in`` ``required``: without ``--operator``, or with a badge that is not
  on the roster, nothing is queued or sent (exit 2). ``optional``: without it the rows
  name nobody, as a scan with nobody signed in; a badge not on the roster is refused all
  the same (a typo must not pass as "nobody").
- ``off``: ``--operator`` is refused (exit 2): operators are not set up at this station.
  Taking it would put in the history a name that the window of the same station never
  records, and a script written for another station's settings would send in the name
  of someone this station does not know; stopping says so while IT is looking.
  ``--approved-by`` is still taken: ``supervisor_for`` applies with sign-in off too, as
  in the window.
- An operator with a PIN: asked without echo at a terminal, else read from
  ``FLXDESK_OPERATOR_PIN`` (a supervisor's for ``--approved-by``:
  ``FLXDESK_SUPERVISOR_PIN``). A PIN is never an argument, never printed, never logged;
  one missing or wrong is exit 2.
- A status in ``supervisor_for``: approved by ``--operator`` when that operator is a
  supervisor, or by ``--approved-by`` (another supervisor); otherwise exit 2. A bulk
  run's approval covers the run, as the window's does: every row of it names the
  approver. ``--approved-by`` is checked whenever it is given (unknown, not a
  supervisor's, a wrong PIN: exit 2) and recorded only on a run that needed it.
- ``resume`` queues nothing new: it sends rows already in the history, each keeping the
  operator and approver it was queued with (the command line never retries a failed
  row; the window's Retry names who retried). Its ``--operator`` answers the sign-in
  rule only: with ``required``, a resume needs one, as every sending command does.
- ``note_signature``: the note of ``update`` is signed as the window signs a scan's
  (flxdesk.operators.signature) and must then fit Flxpoint's 500 characters; a bulk
  file's notes go as written, as in the window's bulk runs.

The badges are looked up in the operators the station uses (``station_roster``,
flxdesk.floor.operators): on a floor with operators, the floor's, read now within
``FLOOR_ROSTER_SECONDS`` or, while the floor is away, the station's last copy of it (a
command never waits on the floor for longer); a locked ``operators`` in the machine
settings file wins; else the settings'.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from flxdesk.cli.common import Parser, SetupError
from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.config.settings import Settings
    from flxdesk.floor.session import FloorSession
    from flxdesk.history.store import AskedBy
    from flxdesk.operators.roster import Operator, Roster

log = logging.getLogger(__name__)

OPERATOR_PIN_ENV = "FLXDESK_OPERATOR_PIN"
SUPERVISOR_PIN_ENV = "FLXDESK_SUPERVISOR_PIN"
FLOOR_ROSTER_SECONDS = 3.0  # the most a command waits to read the floor's operators


def add_arguments(parser: Parser, *, approval: bool) -> None:
    """``--operator`` (and, where a run sets statuses, ``--approved-by``) on a command."""
    whose = (
        "the operator who asks (the rows name them)"
        if approval
        else "the operator who resumes (the rows sent keep who asked for them)"
    )
    parser.add_argument(
        "--operator",
        metavar="BADGE",
        help=f"the badge of {whose}; needed where operator_sign_in is required, refused where "
        f"it is off; its PIN is asked at a terminal, else read from {OPERATOR_PIN_ENV}; an "
        "unknown badge or a wrong PIN is exit code 2, nothing sent",
    )
    if approval:
        parser.add_argument(
            "--approved-by",
            metavar="BADGE",
            help="a supervisor's badge approving a status in supervisor_for (needed unless "
            f"--operator is a supervisor's); its PIN at a terminal, else {SUPERVISOR_PIN_ENV}; "
            "without a supervisor's approval such a status is exit code 2, nothing sent",
        )


def station_roster(
    args: argparse.Namespace, settings: Settings, floor: FloorSession | None
) -> Roster:
    """The operators this station uses, read only when a badge was given."""
    from flxdesk.floor.operators import station_roster as choose

    roster = settings.operators.operators
    badges = (getattr(args, "operator", None), getattr(args, "approved_by", None))
    if floor is None or all(badge is None for badge in badges):
        return roster
    return choose(roster, settings.is_locked("operators"), floor.fresh_roster(FLOOR_ROSTER_SECONDS))


def who_asks(
    args: argparse.Namespace,
    settings: Settings,
    statuses: Iterable[str] = (),
    roster: Roster | None = None,
) -> AskedBy:
    """Who asks for the updates of this run, setting ``statuses``, and who approved them;
    SetupError (exit 2, nothing queued or sent) when the settings refuse it.
    ``roster``: where the badges are looked up (default: the settings' operators)."""
    from flxdesk.history.store import AskedBy
    from flxdesk.operators.sign_in import SignInMode

    operators = settings.operators
    roster = operators.operators if roster is None else roster
    badge = getattr(args, "operator", None)
    operator = None
    if operators.mode is SignInMode.OFF and badge is not None:
        raise SetupError(
            translate(
                "OperatorOption",
                "operators are not set up at this station (operator_sign_in is off): "
                "--operator cannot be used here; nothing was sent.",
            )
        )
    if badge is None and operators.mode is SignInMode.REQUIRED:
        raise SetupError(
            translate(
                "OperatorOption",
                "sign-in is required at this station: give --operator BADGE; nothing was sent.",
            )
        )
    if badge is not None:
        operator = find_operator(roster, badge)
    needing = sorted(set(statuses) & operators.supervisor_for)
    approver = _approver(getattr(args, "approved_by", None), operator, roster, needing)
    asked = AskedBy(operator.name if operator is not None else "", approver)
    if asked.operator or asked.approved_by:
        log.info("Asked on the command line by %r, approved by %r", *asked)
    return asked


def find_operator(
    roster: Roster, badge: str, pin_env: str = OPERATOR_PIN_ENV, option: str = "--operator"
) -> Operator:
    """The operator of ``badge`` in ``roster``, their PIN checked when they have one;
    SetupError otherwise. The badge is not repeated (it may be a PIN typed in its place)."""
    from flxdesk.operators.pins import pin_matches

    operator = roster.find(badge)
    if operator is None:
        words = translate(
            "OperatorOption",
            "no operator of this station has the badge given to {option}; nothing was sent.",
        )
        raise SetupError(words.format(option=option))
    if not operator.pin_hash:
        return operator
    pin = _read_pin(operator, pin_env)
    if not pin:
        words = translate(
            "OperatorOption",
            "{name} has a PIN: type it at a terminal, or set {variable}; nothing was sent.",
        )
        raise SetupError(words.format(name=operator.name, variable=pin_env))
    if not pin_matches(pin, operator.pin_hash):
        words = translate("OperatorOption", "wrong PIN for {name}; nothing was sent.")
        raise SetupError(words.format(name=operator.name))
    return operator


def signed_note(note: str, settings: Settings, asked: AskedBy) -> str:
    """``note`` as Flxpoint keeps it (``note_signature``, when set and an operator asks);
    SetupError when the signed note is over Flxpoint's 500 characters."""
    from flxdesk.host.station_name import station_name
    from flxdesk.operators.signature import sign
    from flxdesk.orders.notes import MAX_NOTE_LENGTH

    template = settings.operators.note_signature
    station = station_name(settings.station_name, settings.is_locked("station_name"))
    signed = sign(note.strip(), template, asked.operator, station)
    if len(signed) > MAX_NOTE_LENGTH:
        words = translate(
            "OperatorOption",
            "the note with its signature (note_signature) is {length} characters long; the "
            "most Flxpoint takes is {most}: shorten the note by {over} characters; nothing "
            "was sent.",
        )
        raise SetupError(
            words.format(
                length=len(signed), most=MAX_NOTE_LENGTH, over=len(signed) - MAX_NOTE_LENGTH
            )
        )
    return signed


def _approver(
    badge: str | None, operator: Operator | None, roster: Roster, needing: list[str]
) -> str:
    """The supervisor who approves ``needing`` ("" when none needs it); SetupError when
    none does, or when ``--approved-by`` is not a supervisor's badge."""
    from flxdesk.orders.statuses import status_label

    supervisor = None
    if badge is not None:
        same = operator is not None and roster.find(badge) == operator  # PIN checked once
        supervisor = operator if same else None
        supervisor = supervisor or find_operator(roster, badge, SUPERVISOR_PIN_ENV, "--approved-by")
        if not supervisor.supervisor:
            words = translate(
                "OperatorOption",
                "{name} is not a supervisor: --approved-by needs a supervisor's badge; "
                "nothing was sent.",
            )
            raise SetupError(words.format(name=supervisor.name))
    elif operator is not None and operator.supervisor:
        supervisor = operator
    if not needing:
        return ""
    if supervisor is None:
        words = translate(
            "OperatorOption",
            "{status} needs a supervisor's approval: give --approved-by with a supervisor's "
            "badge (or --operator of a supervisor); nothing was sent.",
        )
        raise SetupError(words.format(status=status_label(needing[0])))
    return supervisor.name


def _read_pin(operator: Operator, variable: str) -> str:
    """The PIN: asked without echo at a terminal, else ``variable`` ("" when not set)."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        words = translate("OperatorOption", "PIN of {name} (not shown): ")
        try:
            return getpass.getpass(words.format(name=operator.name)).strip()
        except EOFError:  # Ctrl-D (Ctrl-Z on Windows): no PIN
            return ""
    return os.environ.get(variable, "").strip()
