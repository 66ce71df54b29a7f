"""The rules of a scan: taken or refused, and the words said for each (no Qt).

What a scanner typed (or a person typed and ended with Enter) is judged in this order:

1. a command barcode (``FLXCMD …``) changes the station and is never sent; an operator's
   badge (``FLXOP …``) signs that operator in (flxdesk.operators), never sent either;
2. failures not yet acknowledged refuse it, when the station is set so; so does a
   station whose sign-in is required while nobody is signed in;
3. an order ID or a note that cannot be sent is refused, and left in the order field
   to be corrected by hand;
4. a repeat of an update this station (or, on a floor, another station) made within
   the duplicate guard's window is held, unless it is scanned again at once (the guard);
5. sending that has stopped refuses it, and it stays in the order field to be sent
   after a restart;

otherwise it is taken: the order ID, the armed status and the note are queued. The
window (``gui.station.scan_desk``) does what the verdict says; the words are here.
"""

from __future__ import annotations

import time
from enum import Enum
from typing import NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.operators.badges import scanned_badge
from flxdesk.orders.notes import InvalidNote, check_note
from flxdesk.orders.order_ids import InvalidOrderId, clean_order_id
from flxdesk.orders.statuses import status_label
from flxdesk.station.command_codes import Command, is_command, parse_command
from flxdesk.station.duplicate_guard import DuplicateGuard


class Verdict(Enum):
    TAKEN = "taken"  # queue it
    COMMAND = "command"  # a known command barcode: do it
    BADGE = "badge"  # an operator's badge: sign in (flxdesk.operators.sign_in)
    REFUSED = "refused"  # say why; nothing queued


class StationNow(NamedTuple):
    """What the station is like at the moment of the scan."""

    armed_status: str
    note: str  # the note field as it is
    unacknowledged_failures: int
    refuse_while_unacknowledged: bool
    sending_refusal: str  # why sending has stopped; "" while it runs
    operator_refusal: str = ""  # why nothing may be queued without an operator; "" when it may


class ScanJudgement(NamedTuple):
    verdict: Verdict
    order_id: str = ""
    status: str = ""
    note: str = ""
    command: Command | None = None
    words: str = ""  # why it was refused
    badge: str = ""  # the badge scanned, for BADGE
    keep: str = ""  # text left in the order field (to correct, or to send later)
    select_kept: bool = False  # select it, so that the next scan or typing replaces it


def judge_scan(raw: str, now: StationNow, guard: DuplicateGuard) -> ScanJudgement:
    """Taken, a command, or refused with the words to say; see the module docstring."""
    if is_command(raw):
        command = parse_command(raw)
        if command is None:
            words = translate("ScanRules", "Unknown command barcode {code}: nothing done.")
            return _refused(words.format(code=repr(raw.strip())))
        return ScanJudgement(Verdict.COMMAND, command=command)
    badge = scanned_badge(raw)
    if badge is not None:
        return ScanJudgement(Verdict.BADGE, badge=badge)
    if now.unacknowledged_failures and now.refuse_while_unacknowledged:
        scan = raw.strip() or translate("ScanRules", "the scan")
        words = translate(
            "ScanRules",
            "Not taken: {scan}. Acknowledge the failures first (Esc, click the red panel, or "
            "scan FLXCMD ACK), then scan it again.",
        )
        return _refused(words.format(scan=scan))
    if now.operator_refusal:
        return _refused(now.operator_refusal)
    try:
        order_id = clean_order_id(raw)
        note = check_note(now.note)
    except (InvalidOrderId, InvalidNote) as problem:
        return _refused(str(problem), keep=raw.strip(), select_kept=True)
    status = now.armed_status
    repeat = guard.check(order_id, status)
    if not repeat.send:
        return _refused(
            duplicate_words(order_id, status, repeat.previous_at, guard, repeat.previous_station)
        )
    if now.sending_refusal:
        return _refused(now.sending_refusal, keep=raw.strip())
    return ScanJudgement(Verdict.TAKEN, order_id=order_id, status=status, note=note)


def duplicate_words(
    order_id: str,
    status: str,
    previous_at: float | None,
    guard: DuplicateGuard,
    station: str = "",
) -> str:
    """Why a repeat is held; ``station``: where, when it was another station."""
    when = time.strftime("%H:%M", time.localtime(previous_at))
    if station:
        words = translate(
            "ScanRules",
            "{order} was already set to {status} at {station}, {when}: not sent again. "
            "Scan it again within {seconds} s to send it anyway.",
        )
    else:
        words = translate(
            "ScanRules",
            "{order} was already set to {status} at {when}: not sent again. Scan it again "
            "within {seconds} s to send it anyway.",
        )
    return words.format(
        order=order_id,
        status=status_label(status),
        station=station,
        when=when,
        seconds=f"{guard.confirm_seconds:.0f}",
    )


def _refused(words: str, keep: str = "", select_kept: bool = False) -> ScanJudgement:
    return ScanJudgement(Verdict.REFUSED, words=words, keep=keep, select_kept=select_kept)
