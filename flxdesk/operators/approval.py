"""A supervisor's approval: arming a status in ``supervisor_for`` needs a supervisor's
badge (and PIN, when the supervisor has one), for that arming only.

The window asks for the badge when such a status is chosen, scanned or typed; the
approval lasts until another status is armed. The history keeps the approver's name
beside the operator's (``approved_by``).
"""

from __future__ import annotations

from typing import NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.operators.pins import pin_matches
from flxdesk.operators.roster import Operator, Roster
from flxdesk.orders.statuses import status_label


class Approval(NamedTuple):
    supervisor: Operator | None  # who approved; None when refused or a PIN is asked
    needs_pin: Operator | None = None  # a supervisor whose PIN must be typed
    words: str = ""


def needs_supervisor(status: str, supervisor_for: frozenset[str]) -> bool:
    return status in supervisor_for


def approve_by_badge(roster: Roster, badge: str, status: str) -> Approval:
    """A badge scanned to approve arming ``status``."""
    operator = roster.find(badge)
    if operator is None:
        words = translate("Approval", "Unknown badge {badge}: {status} was not armed.")
        return Approval(None, words=words.format(badge=badge, status=status_label(status)))
    if not operator.supervisor:
        words = translate(
            "Approval", "{name} is not a supervisor: {status} needs a supervisor's badge."
        )
        return Approval(None, words=words.format(name=operator.name, status=status_label(status)))
    if operator.pin_hash:
        words = translate("Approval", "{name}: type your PIN to approve {status}.")
        return Approval(
            None, operator, words.format(name=operator.name, status=status_label(status))
        )
    return _approved(operator, status)


def approve_by_pin(supervisor: Operator, pin: str, status: str) -> Approval:
    if pin_matches(pin, supervisor.pin_hash):
        return _approved(supervisor, status)
    words = translate("Approval", "Wrong PIN for {name}: {status} was not armed.")
    return Approval(None, words=words.format(name=supervisor.name, status=status_label(status)))


def _approved(supervisor: Operator, status: str) -> Approval:
    words = translate("Approval", "{status} armed, approved by {name}.")
    text = words.format(status=status_label(status), name=supervisor.name)
    return Approval(supervisor, words=text)
