"""Command barcodes: scanned like an order ID, but they change the station instead.

A worker with a box in one hand switches the armed status, acknowledges failures or
clears the note by scanning a code from a printed sheet. The codes use only A-Z, 0-9
and spaces, because some keyboard layouts remap punctuation that a scanner types in
keyboard-wedge mode, and all start with ``PREFIX``, which flxdesk never accepts as an
order ID. Commands are never sent to the API nor recorded as updates. The sheet also
carries the scanner check's code (``SHEET``). Operators' badges (``FLXOP …``) are codes of
their own (``flxdesk.operators.badges``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.orders.statuses import ORDER_STATUSES, status_label
from flxdesk.station.scanner_check import CHECK_CODE

PREFIX = "FLXCMD "


class Action(StrEnum):
    ARM_STATUS = "arm_status"
    ACKNOWLEDGE = "acknowledge"
    CLEAR_NOTE = "clear_note"
    SCANNER_CHECK = "scanner_check"  # the scanner check's code (station.scanner_check)
    SIGN_OUT = "sign_out"  # the operator signed in leaves (flxdesk.operators)


class Command(NamedTuple):
    code: str  # exactly what the scanner types
    action: Action
    status: str | None  # the status armed, for ARM_STATUS
    label: str  # the words printed under the barcode


def _status_command(status: str) -> Command:
    return Command(f"{PREFIX}{status.upper()}", Action.ARM_STATUS, status, f"Set status: {status}")


COMMANDS: tuple[Command, ...] = (
    *(_status_command(status) for status in ORDER_STATUSES),
    Command(f"{PREFIX}ACK", Action.ACKNOWLEDGE, None, "Acknowledge failures"),
    Command(f"{PREFIX}CLEAR NOTE", Action.CLEAR_NOTE, None, "Clear the note"),
    Command(f"{PREFIX}SIGN OUT", Action.SIGN_OUT, None, "Sign out"),
)

# The command sheet: the commands, and the scanner check's code (mixed case and
# punctuation on purpose: it shows what a scanner does to them; never a command).
SHEET: tuple[Command, ...] = (
    *COMMANDS,
    Command(CHECK_CODE, Action.SCANNER_CHECK, None, "Scanner check"),
)

_BY_CODE = {command.code: command for command in COMMANDS}


def command_label(command: Command) -> str:
    """The words printed under the barcode, in the window's language (``label``: English)."""
    if command.action is Action.ARM_STATUS and command.status is not None:
        text = translate("CommandCodes", "Set status: {status}")
        return text.format(status=status_label(command.status))
    if command.action is Action.ACKNOWLEDGE:
        return translate("CommandCodes", "Acknowledge failures")
    if command.action is Action.SCANNER_CHECK:
        return translate("CommandCodes", "Scanner check")
    if command.action is Action.SIGN_OUT:
        return translate("CommandCodes", "Sign out")
    return translate("CommandCodes", "Clear the note")


def is_command(text: str) -> bool:
    """True for anything in the reserved space, known command or not."""
    return text.strip().upper().startswith(PREFIX)


def parse_command(text: str) -> Command | None:
    """The command ``text`` is (case and surrounding blanks ignored), or None."""
    return _BY_CODE.get(" ".join(text.strip().upper().split()))
