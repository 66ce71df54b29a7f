"""The floor's operators (floor version 3): the roster every station uses, the station's
copy of it, and who is signed in at each station.

- The roster, ``flxdesk.operators`` (flxdesk.floor.boundary), is written only by the
  floor's owner: ``add_operator``, ``remove_operator`` and ``list_operators`` serve
  ``flxdesk operator add|remove|list``, and refuse any other login (``NotOwner``) before
  they try; a station's login may only read the roster (tested as that very role).
- A station reads it at every heartbeat (flxdesk.floor.outbox, ``ROSTER``) and keeps its
  last copy (``RosterCopy``: a JSON file beside the history, flxdesk.host.paths) for when
  the floor is away. Nothing the floor holds may stop a station: every row is read by
  flxdesk.operators.roster.read_usable, and one it cannot use is left out and logged.
- Which roster a station uses (``station_roster``): the machine file's ``operators`` when
  IT locked it there; else the floor's, when the floor has operators; else the settings'.
- Who is signed in at each station: ``OPERATOR_SEEN``, said with the heartbeat and at
  once when it changes (flxdesk.floor.outbox.Publisher.set_operator).

A badge is the code: printing a card again does not void the old one; a lost badge is
voided by giving its operator another badge (remove, then add).
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from flxdesk.operators.badges import badge_problem
from flxdesk.operators.pins import is_pin_hash
from flxdesk.operators.roster import MAX_NAME_LENGTH, Operator, Roster, read_usable

log = logging.getLogger(__name__)

ROSTER = "SELECT badge, name, supervisor, pin_hash FROM flxdesk.operators ORDER BY lower(badge)"
OPERATOR_SEEN = "SELECT flxdesk.operator_seen(%s::text, %s::text)"
_MAY_WRITE = (
    "SELECT coalesce(has_table_privilege(to_regclass('flxdesk.operators'),"
    " 'INSERT, UPDATE, DELETE'), false), session_user"
)
COPY_FORMAT = 1


class NotOwner(PermissionError):
    """This login may not change (or list) the floor's roster: only the floor's owner may."""

    def __init__(self, login: str) -> None:
        super().__init__(login)
        self.login = login


class RosterRefused(ValueError):
    """The roster cannot take this change; ``str(error)`` says why (nothing was changed)."""


def _entry(row: Any) -> object:
    """A roster row as the JSON entry ``read_usable`` checks (a row of the wrong shape is
    passed on as it is, and refused there, in words)."""
    try:
        badge, name, supervisor, pin_hash = row
    except (TypeError, ValueError):
        return row
    entry: dict[str, object] = {"badge": badge, "name": name, "supervisor": supervisor}
    if pin_hash:
        entry["pin_hash"] = pin_hash
    return entry


def roster_from_rows(rows: list[Any]) -> tuple[Roster, list[str]]:
    """The operators of the floor's rows that can be used, and why each other one cannot."""
    return read_usable([_entry(row) for row in rows])


def read_floor_roster(connection: Any) -> tuple[Roster, list[str]]:
    """The floor's roster (``roster_from_rows`` of what it holds now)."""
    return roster_from_rows(connection.execute(ROSTER).fetchall())


def station_roster(settings_roster: Roster, locked: bool, floor_roster: Roster | None) -> Roster:
    """The operators a station uses. ``settings_roster``: what the settings say (the
    machine file's, or a user's); ``locked``: IT locked ``operators`` in the machine file
    (it wins then); ``floor_roster``: the floor's (or its copy), None when unknown. An
    empty floor roster means the floor has none: the settings' is used."""
    if locked or floor_roster is None or not floor_roster.operators:
        return settings_roster
    return floor_roster


class RosterCopy:
    """The station's last copy of the floor's roster, in one JSON file::

        {"format": 1, "floor": "postgresql://pack1@floor-db/flxdesk", "saved_at": 1760000000.0,
         "operators": [{"badge": "0042", "name": "Maria López"}, ...]}

    ``floor`` is the floor's address as configured: a station set to another floor does
    not use this copy. Written whole or not at all; a copy that cannot be read is logged
    and treated as none, never a stop.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, floor: str) -> Roster | None:
        """The copy's roster, when it was read from ``floor``; None when there is none."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as problem:
            log.warning("The copy of the floor's roster %s cannot be read: %s", self.path, problem)
            return None
        if not isinstance(document, dict) or document.get("floor") != floor:
            return None
        roster, problems = read_usable(document.get("operators"))
        if problems:
            log.warning(
                "The copy of the floor's roster %s: %d operator(s) left out: %s",
                self.path,
                len(problems),
                "; ".join(problems[:5]),
            )
        return roster

    def save(self, roster: Roster, floor: str) -> None:
        """Keep ``roster`` as read from ``floor``; an OSError is logged (the copy is only
        for when the floor is away)."""
        document = {
            "format": COPY_FORMAT,
            "floor": floor,
            "saved_at": time.time(),
            "operators": roster.entries(),
        }
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "w", encoding="utf-8") as out:
                json.dump(document, out, ensure_ascii=False, indent=1)
                out.flush()
                os.fsync(out.fileno())
            temporary.replace(self.path)
        except OSError as problem:
            log.warning("The copy of the floor's roster %s was not written: %s", self.path, problem)


# --- the owner's commands ----------------------------------------------------------------
def _owner_only(connection: Any) -> None:
    may_write, login = connection.execute(_MAY_WRITE).fetchone()
    if not may_write:
        raise NotOwner(str(login))


def list_operators(connection: Any) -> tuple[Roster, list[str]]:
    """The floor's roster for its owner (NotOwner for another login), and why any row
    would be left out by the stations."""
    _owner_only(connection)
    return read_floor_roster(connection)


def add_operator(connection: Any, badge: str, name: str, supervisor: bool, pin_hash: str) -> bool:
    """Set the operator of ``badge`` on the floor, as given (a PIN not given is no PIN);
    True when the badge is new, False when its operator was changed. RosterRefused in
    words (a badge or name that cannot be, a name another badge has), NotOwner."""
    operator = Operator(badge.strip(), name.strip(), supervisor, pin_hash)
    problem = badge_problem(operator.badge)
    if not operator.name:
        problem = problem or "the name is empty"
    if len(operator.name) > MAX_NAME_LENGTH:
        problem = problem or f"the name is longer than {MAX_NAME_LENGTH} characters"
    if not operator.name.isprintable():
        problem = problem or "the name has characters that are not printable"
    if pin_hash and not is_pin_hash(pin_hash):
        problem = problem or "the PIN's hash is not one flxdesk made"
    if problem:
        raise RosterRefused(problem)
    with connection.transaction():
        _owner_only(connection)
        rows = connection.execute(
            "SELECT badge, name FROM flxdesk.operators WHERE lower(badge) = lower(%s)"
            " OR name = %s FOR UPDATE",
            (operator.badge, operator.name),
        ).fetchall()
        same = [row for row in rows if str(row[0]).lower() == operator.badge.lower()]
        for other_badge, other_name in rows:
            if other_name == operator.name and str(other_badge).lower() != operator.badge.lower():
                raise RosterRefused(
                    f'the name "{operator.name}" is badge {other_badge}\'s: to give them a new '
                    f"badge, remove {other_badge} first (flxdesk operator remove {other_badge})"
                )
        values = (operator.badge, operator.name, operator.supervisor, operator.pin_hash)
        if same:
            connection.execute(
                "UPDATE flxdesk.operators SET badge = %s, name = %s, supervisor = %s,"
                " pin_hash = %s, changed_at = now(), changed_by = session_user"
                " WHERE lower(badge) = lower(%s)",
                (*values, operator.badge),
            )
            return False
        connection.execute(
            "INSERT INTO flxdesk.operators (badge, name, supervisor, pin_hash)"
            " VALUES (%s, %s, %s, %s)",
            values,
        )
        return True


def remove_operator(connection: Any, badge: str) -> str | None:
    """Take ``badge`` (any case) off the floor's roster; the name it had, None when no
    operator has it. NotOwner for a login that is not the floor's owner."""
    with connection.transaction():
        _owner_only(connection)
        row = connection.execute(
            "DELETE FROM flxdesk.operators WHERE lower(badge) = lower(%s) RETURNING name",
            (badge.strip(),),
        ).fetchone()
    return None if row is None else str(row[0])
