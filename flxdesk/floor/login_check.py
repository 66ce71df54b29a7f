"""What this station's floor login may do beyond what a station needs, in words.

A station needs one login of its own in the ``flxdesk_station`` group: read the floor,
run the station functions (flxdesk.floor.boundary). A login that is a superuser, owns
the floor, may delete or write its tables directly, or is shared with other station
names can do harm no station should be able to do (or lets those stations write as
each other). The station still works; ``--self-test`` fails and the window's floor
tooltip says why, so that IT sees it. Names read from the floor are shown as plain text.
"""

from __future__ import annotations

from typing import Any

from flxdesk.host.i18n import translate

_CHECK = """
SELECT r.rolsuper,
       coalesce(pg_has_role(session_user, n.nspowner, 'MEMBER'), false),
       has_table_privilege('flxdesk.updates', 'DELETE')
           OR has_table_privilege('flxdesk.stations', 'DELETE')
           OR has_table_privilege('flxdesk.token_budgets', 'DELETE'),
       has_table_privilege('flxdesk.updates', 'INSERT, UPDATE')
           OR has_table_privilege('flxdesk.stations', 'INSERT, UPDATE')
           -- the roster (floor version 3): a station that may write it makes supervisors
           OR coalesce(has_table_privilege(to_regclass('flxdesk.operators'),
                                           'INSERT, UPDATE, DELETE'), false),
       (SELECT array_agg(o.name) FROM (SELECT name FROM flxdesk.stations
         WHERE login = session_user AND name <> %s ORDER BY name LIMIT 3) AS o),
       (SELECT login FROM flxdesk.stations WHERE name = %s),
       session_user
  FROM pg_roles r, pg_namespace n
 WHERE r.rolname = session_user AND n.nspname = 'flxdesk'
"""


def login_warnings(connection: Any, station: str) -> list[str]:
    """What is wrong with this login for ``station``, one sentence each; [] when nothing."""
    row = connection.execute(_CHECK, (station, station)).fetchone()
    if row is None:
        return []
    superuser, owner, may_delete, may_write, others, name_owner, login = row
    said = []
    if superuser:
        said.append(
            translate(
                "FloorLogin",
                "the floor login {login} is a superuser: give this station a login of its "
                "own in flxdesk_station (README, 'The floor')",
            ).format(login=login)
        )
    elif owner:
        said.append(
            translate(
                "FloorLogin",
                "the floor login {login} owns the floor: give this station a login of its "
                "own in flxdesk_station (README, 'The floor')",
            ).format(login=login)
        )
    if may_delete and not superuser and not owner:
        said.append(
            translate("FloorLogin", "the floor login {login} may delete the floor's rows").format(
                login=login
            )
        )
    elif may_write and not superuser and not owner:
        said.append(
            translate(
                "FloorLogin", "the floor login {login} may write the floor's tables directly"
            ).format(login=login)
        )
    if others:
        said.append(
            translate(
                "FloorLogin",
                "the floor login {login} is shared with the station(s) {names}: unsafe, "
                "they can write as each other; one login per station",
            ).format(login=login, names=", ".join(plain(name) for name in others))
        )
    if name_owner is not None and name_owner != login:
        said.append(
            translate(
                "FloorLogin",
                "the station name {station} belongs to another floor login: this "
                "station's updates are not published; ask IT",
            ).format(station=plain(station))
        )
    return said


def plain(text: Any, limit: int = 64) -> str:
    """A name read from the floor as one short line of plain characters."""
    value = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return value if len(value) <= limit else value[: limit - 1] + "…"
