"""The roster: the operators IT set up, each with a badge, a name, perhaps a PIN's hash
and the supervisor's right to approve what cannot be undone.

Read from a JSON list (the machine's settings file, or the floor's copy)::

    [{"badge": "0042", "name": "Maria López"},
     {"badge": "0077", "name": "Sam Lee", "supervisor": true, "pin_hash": "scrypt$..."}]

Every entry is checked; the first that cannot be used is named (its place in the list
and its name) in a RosterError, which the settings turn into the stop IT sees. Badges
are unique without regard to case (a scanner on another layout may type them shifted),
and so are names: the history keeps the name. What the floor gives, or a station's copy
of it, is read by ``read_usable`` instead: no row may stop a station, so an entry that
cannot be used is left out, with why, and the others are used.
"""

from __future__ import annotations

from typing import NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.operators.badges import badge_problem
from flxdesk.operators.pins import is_pin_hash

MAX_NAME_LENGTH = 80
KEYS = frozenset({"badge", "name", "supervisor", "pin_hash"})


class Operator(NamedTuple):
    badge: str
    name: str
    supervisor: bool = False
    pin_hash: str = ""  # "" when no PIN is asked (flxdesk.operators.pins)

    def entry(self) -> dict[str, object]:
        """The JSON object this operator is written as (the floor's copy, the cache)."""
        entry: dict[str, object] = {"badge": self.badge, "name": self.name}
        if self.supervisor:
            entry["supervisor"] = True
        if self.pin_hash:
            entry["pin_hash"] = self.pin_hash
        return entry


class RosterError(ValueError):
    """An entry of the roster cannot be used; ``str(error)`` names it and says why."""


class Roster(NamedTuple):
    operators: tuple[Operator, ...] = ()

    def find(self, badge: str) -> Operator | None:
        """The operator whose badge this is (case ignored), or None."""
        wanted = badge.strip().casefold()
        return next((o for o in self.operators if o.badge.casefold() == wanted), None)

    @property
    def has_supervisor(self) -> bool:
        return any(operator.supervisor for operator in self.operators)

    def entries(self) -> list[dict[str, object]]:
        return [operator.entry() for operator in self.operators]


def read_roster(raw: object) -> Roster:
    """The roster in ``raw`` (a JSON list), every entry checked; RosterError otherwise."""
    if not isinstance(raw, list):
        raise RosterError(_not_a_list())
    taken = _Taken()
    for place, entry in enumerate(raw, start=1):
        taken.add(place, _operator(place, entry))
    return taken.roster()


def read_usable(raw: object) -> tuple[Roster, list[str]]:
    """The entries of ``raw`` that can be used, and why each other one cannot (in the
    words of ``read_roster``): for what a station reads from the floor, where a bad row
    must not stop it. A later entry repeating a badge or a name is the one left out."""
    if not isinstance(raw, list):
        return Roster(), [_not_a_list()]
    taken = _Taken()
    problems: list[str] = []
    for place, entry in enumerate(raw, start=1):
        try:
            taken.add(place, _operator(place, entry))
        except RosterError as problem:
            problems.append(str(problem))
    return taken.roster(), problems


def _not_a_list() -> str:
    return translate("Roster", '"operators" must be a list of {"badge": ..., "name": ...}')


class _Taken:
    """The operators kept so far, by their place in the list: a badge (case ignored) and a
    name belong to one operator each."""

    def __init__(self) -> None:
        self._operators: list[Operator] = []
        self._badges: dict[str, int] = {}
        self._names: dict[str, int] = {}

    def add(self, place: int, operator: Operator) -> None:
        """Keep ``operator`` (entry ``place``); RosterError when its badge or name is taken."""
        other = self._badges.get(operator.badge.casefold())
        if other is not None:
            words = translate(
                "Roster",
                'operator {place} ("{name}"): the badge "{badge}" is also operator {other}\'s',
            )
            raise RosterError(
                words.format(place=place, name=operator.name, badge=operator.badge, other=other)
            )
        other = self._names.get(operator.name)
        if other is not None:
            words = translate(
                "Roster",
                'operator {place} ("{name}"): operator {other} has the same name; the history '
                "could not tell them apart (add an initial)",
            )
            raise RosterError(words.format(place=place, name=operator.name, other=other))
        self._badges[operator.badge.casefold()] = place
        self._names[operator.name] = place
        self._operators.append(operator)

    def roster(self) -> Roster:
        return Roster(tuple(self._operators))


def _operator(place: int, entry: object) -> Operator:
    def problem(words: str, name: str = "") -> RosterError:
        where = (
            translate("Roster", 'operator {place} ("{name}")').format(place=place, name=name)
            if name
            else translate("Roster", "operator {place}").format(place=place)
        )
        return RosterError(f"{where}: {words}")

    if not isinstance(entry, dict):
        raise problem(
            translate("Roster", 'it must be an object such as {"badge": "0042", "name": "Maria"}')
        )
    name = entry.get("name")
    shown = name.strip() if isinstance(name, str) else ""
    unknown = sorted(set(entry) - KEYS)
    if "pin" in unknown:
        raise problem(
            translate(
                "Roster",
                'a PIN is never written as typed: put its hash in "pin_hash" '
                "(flxdesk operator hash-pin)",
            ),
            shown,
        )
    if unknown:
        words = translate(
            "Roster", "{keys} is not an operator's field (badge, name, supervisor, pin_hash)"
        )
        raise problem(words.format(keys=", ".join(f'"{key}"' for key in unknown)), shown)
    badge_words = badge_problem(entry.get("badge"))
    if badge_words:
        raise problem(badge_words, shown)
    if not shown:
        raise problem(translate("Roster", "the name is empty"))
    if len(shown) > MAX_NAME_LENGTH:
        words = translate("Roster", "the name is longer than {most} characters")
        raise problem(words.format(most=MAX_NAME_LENGTH), shown[:20])
    supervisor = entry.get("supervisor", False)
    if not isinstance(supervisor, bool):
        raise problem(translate("Roster", '"supervisor" must be true or false'), shown)
    pin_hash = entry.get("pin_hash", "")
    if not isinstance(pin_hash, str) or (pin_hash and not is_pin_hash(pin_hash)):
        raise problem(
            translate("Roster", '"pin_hash" is not a PIN hash made by flxdesk operator hash-pin'),
            shown,
        )
    return Operator(str(entry["badge"]), shown, supervisor, pin_hash)
