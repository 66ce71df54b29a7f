"""The operators' settings, read from ``settings.json`` with the rest (top-level keys).

``operators`` (the roster), ``operator_sign_in`` (``off``, ``optional``, ``required``),
``operator_idle_minutes`` (30; 0 never signs out), ``supervisor_for`` (statuses whose
arming needs a supervisor's badge) and ``note_signature`` (see
``flxdesk.operators.signature``). All lockable; a value that cannot be used stops
flxdesk, naming the file and the entry (``flxdesk.config.settings`` says where).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.operators.roster import Operator, Roster, RosterError, read_roster
from flxdesk.operators.sign_in import SignInMode
from flxdesk.operators.signature import signature_problem
from flxdesk.orders.statuses import ORDER_STATUSES

MAX_IDLE_MINUTES = 24 * 60.0


class OperatorSettings(NamedTuple):
    operators: Roster = Roster()  # who may sign in (the floor's list, when there is one)
    # off: no badges (as without operators); optional: with nobody signed in a scan is sent
    # without a name; required: nothing is queued without an operator
    operator_sign_in: str = SignInMode.OFF
    operator_idle_minutes: float = 30.0  # signed out after this idle time; 0: never
    supervisor_for: frozenset[str] = frozenset()  # statuses a supervisor's badge must approve
    note_signature: str = ""  # e.g. "{note} ({operator}, {station})"; "" sends the note as typed

    @property
    def mode(self) -> SignInMode:
        return SignInMode(self.operator_sign_in)


NAMES = OperatorSettings._fields

# The demo's operators, to practise badges with (``flxdesk --demo``, on a computer whose
# settings list none): sign-in optional, so the demo still takes scans from nobody.
DEMO_OPERATORS = OperatorSettings(
    Roster((Operator("0042", "Maria López"), Operator("0077", "Sam Lee", supervisor=True))),
    operator_sign_in=SignInMode.OPTIONAL,
)


def read_value(name: str, value: Any) -> Any:
    """``value`` read as the operators' setting ``name``; RosterError with the words when
    it cannot be used."""
    if name == "operators":
        return read_roster(value)
    if name == "operator_sign_in":
        if value not in tuple(SignInMode):
            raise RosterError(
                translate("Roster", '"operator_sign_in" must be "off", "optional" or "required"')
            )
        return str(value)
    if name == "operator_idle_minutes":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RosterError(translate("Roster", '"operator_idle_minutes" must be a number'))
        if not 0 <= value <= MAX_IDLE_MINUTES:
            words = translate("Roster", '"operator_idle_minutes" must be from 0 to {most}')
            raise RosterError(words.format(most=f"{MAX_IDLE_MINUTES:g}"))
        return float(value)
    if name == "supervisor_for":
        if not isinstance(value, list) or not all(status in ORDER_STATUSES for status in value):
            words = translate("Roster", '"supervisor_for" must be a list of statuses from: {names}')
            raise RosterError(words.format(names=", ".join(ORDER_STATUSES)))
        return frozenset(value)
    problem = signature_problem(value)
    if problem:
        raise RosterError(problem)
    return value


def check_together(settings: OperatorSettings, *, roster_elsewhere: bool = False) -> str:
    """What the settings cannot mean together ("" when they can). ``roster_elsewhere``:
    the operators come from the floor (a floor is set and ``operators`` is not locked),
    so what needs them cannot be checked from the settings alone."""
    if roster_elsewhere:
        return ""
    if settings.supervisor_for and not settings.operators.has_supervisor:
        return translate(
            "Roster", '"supervisor_for" needs at least one operator with "supervisor": true'
        )
    if settings.mode is not SignInMode.OFF and not settings.operators.operators:
        return translate(
            "Roster", '"operator_sign_in" is "{mode}" but "operators" lists nobody'
        ).format(mode=settings.operator_sign_in)
    return ""
