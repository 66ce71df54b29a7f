"""The floor's tables and functions, versioned; ``flxdesk floor init`` creates or upgrades them.

Everything lives in the PostgreSQL schema ``flxdesk``. ``flxdesk.meta`` holds the
floor's version, the oldest station version it serves, and the per-floor salt of token
keys (flxdesk.floor.token_key). ``STEPS[n]`` takes a floor from version n to n + 1;
``initialize`` runs the steps a floor needs in one transaction, under an advisory lock
(two ``floor init`` at once run the steps once), without the short statement and lock
timeouts a station's connection has, as the role ``flxdesk_owner`` when IT made it,
and says what it changed; a floor already up to date is left as it is.

Rolling upgrades. Version 2 drew the trust boundary (flxdesk.floor.boundary): stations
write only through functions. Later versions are additive (new columns with defaults,
new functions beside the old ones), so a floor records ``serves_from``, the oldest
station version that can still use it, and a station records ``NEEDS_FLOOR``, the
oldest floor it can use: stations one version apart share one budget while IT
upgrades. A station checks both whenever it connects, and again at every heartbeat
(flxdesk.floor.outbox): a floor it cannot use is refused in words, and the station
sends alone (it never stops because of the floor).

Version 3 added operators (flxdesk.floor.boundary's ``V3_TABLES``): the roster, who asked
for each update and who approved it, who is signed in at each station. It is additive:
it serves stations of version 2 still, and a station of version 3 uses a version 2
floor as one (``ROSTER_FROM``: without the operators, until IT upgrades the floor).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from flxdesk.floor import boundary
from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    import psycopg

SCHEMA = "flxdesk"
STATION_ROLE = "flxdesk_station"  # granted what a station needs, when IT made the role
READER_ROLE = "flxdesk_reader"  # granted read access, for supervisors' reporting tools
OWNER_ROLE = boundary.OWNER_ROLE
INIT_LOCK = 0x666C7864  # "flxd": pg_advisory_xact_lock key of floor init
NEEDS_FLOOR = 2  # the oldest floor version this flxdesk's stations can use
ROSTER_FROM = 3  # the first floor version with operators (a station asks for no less)

_V1_TABLES = """
CREATE SCHEMA IF NOT EXISTS flxdesk;
CREATE TABLE IF NOT EXISTS flxdesk.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE IF NOT EXISTS flxdesk.token_budgets (
    token_key      text PRIMARY KEY,
    starts         timestamptz[] NOT NULL DEFAULT '{}',   -- the last starts granted
    not_before     timestamptz NOT NULL DEFAULT '-infinity',  -- after a 429
    extra_margin   double precision NOT NULL DEFAULT 0,   -- grown by 429s, decays
    extra_at       timestamptz NOT NULL DEFAULT 'epoch',
    granted        bigint NOT NULL DEFAULT 0,
    throttled      bigint NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS flxdesk.stations (
    name            text PRIMARY KEY,
    first_seen      timestamptz NOT NULL DEFAULT now(),
    last_seen       timestamptz NOT NULL DEFAULT now(),
    flxdesk_version text NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS flxdesk.updates (
    station      text NOT NULL,
    history_id   text NOT NULL,     -- the station's history file (a new file starts anew)
    local_id     bigint NOT NULL,   -- the update's id in that file
    revision     bigint NOT NULL,   -- grows with every change published
    order_id     text NOT NULL,
    status       text NOT NULL,
    note         text NOT NULL DEFAULT '',
    state        text NOT NULL,     -- queued, sending, sent, failed, cancelled
    outcome      text,
    message      text NOT NULL DEFAULT '',
    http_code    integer,
    attempts     integer NOT NULL DEFAULT 0,
    queued_at    timestamptz NOT NULL,
    finished_at  timestamptz,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (station, history_id, local_id)
);
CREATE INDEX IF NOT EXISTS updates_by_order ON flxdesk.updates (order_id, status, queued_at);
CREATE INDEX IF NOT EXISTS updates_by_queued_at ON flxdesk.updates (queued_at);
"""

_V1_FUNCTIONS = """
CREATE OR REPLACE FUNCTION flxdesk.reserve_slot(
    p_key text, p_max_starts integer, p_window double precision, p_margin double precision,
    p_earliest double precision, p_decay double precision, p_now timestamptz DEFAULT NULL
) RETURNS double precision
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_now   timestamptz := coalesce(p_now, clock_timestamp());
    v_row   flxdesk.token_budgets%ROWTYPE;
    v_extra double precision;
    v_start timestamptz;
    v_n     integer;
BEGIN
    INSERT INTO flxdesk.token_budgets (token_key) VALUES (p_key) ON CONFLICT DO NOTHING;
    SELECT * INTO v_row FROM flxdesk.token_budgets WHERE token_key = p_key FOR UPDATE;
    v_extra := greatest(0, v_row.extra_margin
                           - p_decay * extract(epoch FROM v_now - v_row.extra_at));
    v_start := greatest(v_now + make_interval(secs => greatest(p_earliest, 0)),
                        v_row.not_before);
    v_n := coalesce(array_length(v_row.starts, 1), 0);
    IF v_n > 0 THEN
        v_start := greatest(v_start, v_row.starts[v_n]);  -- granted in order
    END IF;
    IF v_n >= p_max_starts THEN
        v_start := greatest(v_start, v_row.starts[v_n - p_max_starts + 1]
                                     + make_interval(secs => p_window + p_margin + v_extra));
    END IF;
    UPDATE flxdesk.token_budgets
       SET starts = (v_row.starts || v_start)[greatest(1, v_n + 2 - p_max_starts):],
           granted = granted + 1,
           updated_at = v_now
     WHERE token_key = p_key;
    RETURN extract(epoch FROM v_start - v_now);
END
$$;

CREATE OR REPLACE FUNCTION flxdesk.report_throttled(
    p_key text, p_retry_after double precision, p_step double precision,
    p_max_extra double precision, p_decay double precision, p_now timestamptz DEFAULT NULL
) RETURNS double precision
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_now   timestamptz := coalesce(p_now, clock_timestamp());
    v_row   flxdesk.token_budgets%ROWTYPE;
    v_extra double precision;
BEGIN
    INSERT INTO flxdesk.token_budgets (token_key) VALUES (p_key) ON CONFLICT DO NOTHING;
    SELECT * INTO v_row FROM flxdesk.token_budgets WHERE token_key = p_key FOR UPDATE;
    v_extra := greatest(0, v_row.extra_margin
                           - p_decay * extract(epoch FROM v_now - v_row.extra_at));
    -- 429s answering requests of the same second are one event: the margin grows once.
    IF v_now - v_row.extra_at >= interval '1 second' THEN
        v_extra := least(p_max_extra, v_extra + p_step);
        UPDATE flxdesk.token_budgets SET extra_margin = v_extra, extra_at = v_now
         WHERE token_key = p_key;
    END IF;
    UPDATE flxdesk.token_budgets
       SET not_before = greatest(not_before, v_now + make_interval(secs => p_retry_after)),
           throttled = throttled + 1,
           updated_at = v_now
     WHERE token_key = p_key;
    RETURN v_extra;
END
$$;

REVOKE ALL ON FUNCTION flxdesk.reserve_slot(text, integer, double precision, double precision,
    double precision, double precision, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION flxdesk.report_throttled(text, double precision, double precision,
    double precision, double precision, timestamptz) FROM PUBLIC;
"""

_REVOKE = "REVOKE ALL ON ALL TABLES IN SCHEMA flxdesk FROM {role};\n"
GRANTS = {
    STATION_ROLE: _REVOKE
    + """
GRANT USAGE ON SCHEMA flxdesk TO {role};
GRANT SELECT ON flxdesk.meta, flxdesk.stations, flxdesk.updates, flxdesk.operators TO {role};
"""
    + "".join(
        f"GRANT EXECUTE ON FUNCTION {function} TO {{role}};\n"
        for function in boundary.STATION_FUNCTIONS
    ),
    READER_ROLE: _REVOKE
    + """
GRANT USAGE ON SCHEMA flxdesk TO {role};
GRANT SELECT ON flxdesk.stations, flxdesk.updates TO {role};
""",
}


def _v1_first_floor(db: psycopg.Connection) -> None:
    db.execute(_V1_TABLES)
    db.execute(_V1_FUNCTIONS)
    db.execute(
        "INSERT INTO flxdesk.meta (key, value) VALUES ('token_key_secret', %s)"
        " ON CONFLICT (key) DO NOTHING",
        (secrets.token_hex(32),),
    )


def _one_row(cursor: psycopg.Cursor[Any]) -> Any:
    """The row of a query that always yields exactly one (a count, a function's call)."""
    row = cursor.fetchone()
    # such a query cannot yield no row: an empty answer is a broken server, not a floor state
    assert row is not None
    return row


def _v2_trust_boundary(db: psycopg.Connection) -> list[str]:
    """Stations write only through functions that stamp their login (boundary)."""
    said = []
    for name in ("updates", "stations"):
        if _one_row(db.execute("SELECT to_regclass(%s)", (f"flxdesk.{name}",)))[0] is None:
            continue
        (rows,) = _one_row(db.execute(f"SELECT count(*) FROM flxdesk.{name}"))
        if name == "stations" or not rows:
            db.execute(f"DROP TABLE flxdesk.{name}")
            continue
        db.execute("ALTER TABLE flxdesk.updates RENAME TO updates_v1")
        for index in ("updates_pkey", "updates_by_order", "updates_by_queued_at"):
            db.execute(f"ALTER INDEX IF EXISTS flxdesk.{index} RENAME TO v1_{index}")
        said.append(
            translate(
                "FloorSchema",
                "Kept the {count} updates of floor version 1 in flxdesk.updates_v1: any "
                "station could have written them, so no report reads them.",
            ).format(count=rows)
        )
    for signature in boundary.V1_SIGNATURES:
        db.execute(f"DROP FUNCTION IF EXISTS {signature}")
    db.execute(boundary.TABLES)
    db.execute(boundary.FUNCTIONS)
    for signature in boundary.SIGNATURES:
        db.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    db.execute(
        "INSERT INTO flxdesk.meta (key, value) VALUES ('serves_from', '2')"
        " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
    )
    said.append(
        translate(
            "FloorSchema",
            "Stations now write only through the floor's functions, each as its own login.",
        )
    )
    return said


def _v3_operators(db: psycopg.Connection) -> list[str]:
    """The roster, the operator on every update and who is signed in at each station."""
    db.execute(boundary.V3_TABLES)
    db.execute(boundary.V3_FUNCTIONS)
    for signature in boundary.V3_SIGNATURES:
        db.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    return [
        translate(
            "FloorSchema",
            "The floor now holds the operators of every station ('flxdesk operator add'), "
            "who asked for each update and who is signed in at each station.",
        )
    ]


Step = Callable[["psycopg.Connection"], "list[str] | None"]
STEPS: tuple[Step, ...] = (_v1_first_floor, _v2_trust_boundary, _v3_operators)
FLOOR_SCHEMA_VERSION = len(STEPS)


class FloorSchemaError(RuntimeError):
    """The floor cannot be used by this flxdesk; ``str(error)`` says why and what to do."""


class FloorInfo(NamedTuple):
    version: int
    token_key_secret: str
    serves_from: int = 1


def floor_version(db: psycopg.Connection) -> int | None:
    """The floor's version; None when the database has no flxdesk floor yet."""
    row = db.execute(
        "SELECT to_regclass('flxdesk.meta') IS NOT NULL",
    ).fetchone()
    if not row or not row[0]:
        return None
    found = db.execute("SELECT value FROM flxdesk.meta WHERE key = 'schema_version'").fetchone()
    return _number(found[0]) if found else 0


def _number(text: str) -> int:
    return int(text) if text.isdigit() and len(text) < 6 else 0


def _too_new(version: int, serves_from: int) -> FloorSchemaError:
    return FloorSchemaError(
        translate(
            "FloorSchema",
            "The floor database was set up by a newer flxdesk (floor version {version}, "
            "for stations of floor version {serves_from} and later); this flxdesk knows "
            "floor versions up to {known}. Install the newer flxdesk on this station.",
        ).format(version=version, serves_from=serves_from, known=FLOOR_SCHEMA_VERSION)
    )


def check_floor(db: psycopg.Connection, known: int | None = None) -> FloorInfo:
    """What a station needs from the floor; FloorSchemaError when it cannot use it.

    ``known``: the floor version this station's flxdesk is at (FLOOR_SCHEMA_VERSION).
    """
    known = FLOOR_SCHEMA_VERSION if known is None else known
    version = floor_version(db)
    if version is None or version == 0:
        raise FloorSchemaError(
            translate(
                "FloorSchema",
                "The floor database has no flxdesk floor yet: IT runs 'flxdesk floor init' "
                "once (README, 'The floor').",
            )
        )
    values: dict[str, str] = dict(
        db.execute(
            "SELECT key, value FROM flxdesk.meta WHERE key IN ('serves_from', 'token_key_secret')"
        ).fetchall()
    )
    serves_from = _number(values.get("serves_from", "1")) or 1
    if serves_from > known:
        raise _too_new(version, serves_from)
    if version < NEEDS_FLOOR:
        raise FloorSchemaError(
            translate(
                "FloorSchema",
                "The floor database is at floor version {version}; this flxdesk needs "
                "version {known}: IT runs 'flxdesk floor init' from this flxdesk to "
                "upgrade it.",
            ).format(version=version, known=NEEDS_FLOOR)
        )
    secret = values.get("token_key_secret")
    if not secret:
        raise FloorSchemaError(
            translate(
                "FloorSchema",
                "The floor database lacks its token key secret: IT runs 'flxdesk floor "
                "init' again.",
            )
        )
    return FloorInfo(version, secret, serves_from)


def initialize(db: psycopg.Connection) -> list[str]:
    """Create or upgrade the floor; returns what was done, one sentence each.

    FloorSchemaError for a floor made by a newer flxdesk (nothing is changed then).
    Runs without the statement and lock timeouts of a station's connection: an upgrade
    of a year of floor takes as long as it takes, and waits for a report to finish.
    """
    done: list[str] = []
    with db.transaction():
        db.execute("SET LOCAL statement_timeout = 0")
        db.execute("SET LOCAL lock_timeout = 0")
        db.execute("SELECT pg_advisory_xact_lock(%s)", (INIT_LOCK,))
        owner = _as_owner(db)
        before = floor_version(db) or 0
        if before > FLOOR_SCHEMA_VERSION:
            serves = db.execute(
                "SELECT value FROM flxdesk.meta WHERE key = 'serves_from'"
            ).fetchone()
            raise _too_new(before, _number(serves[0]) if serves else 1)
        changes: list[str] = []
        for step in STEPS[before:]:
            changes += step(db) or []
        if before < FLOOR_SCHEMA_VERSION:
            db.execute(
                "INSERT INTO flxdesk.meta (key, value) VALUES ('schema_version', %s)"
                " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (str(FLOOR_SCHEMA_VERSION),),
            )
        if before == 0:
            done.append(
                translate("FloorSchema", "Created the floor (floor version {version}).").format(
                    version=FLOOR_SCHEMA_VERSION
                )
            )
        elif before < FLOOR_SCHEMA_VERSION:
            done.append(
                translate(
                    "FloorSchema", "Upgraded the floor from version {before} to {version}."
                ).format(before=before, version=FLOOR_SCHEMA_VERSION)
            )
            done += changes
        else:
            done.append(
                translate(
                    "FloorSchema",
                    "The floor is at version {version} already: its tables were left as they are.",
                ).format(version=FLOOR_SCHEMA_VERSION)
            )
        done += owner + _grant(db)
    return done


def _as_owner(db: psycopg.Connection) -> list[str]:
    """Act as flxdesk_owner (it owns what init makes) when IT made it and we are in it."""
    row = db.execute(
        "SELECT pg_has_role(session_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = %s",
        (OWNER_ROLE,),
    ).fetchone()
    if row and row[0]:
        db.execute(f"SET LOCAL ROLE {OWNER_ROLE}")
        return [
            translate("FloorSchema", "Worked as {role}, which owns the floor.").format(
                role=OWNER_ROLE
            )
        ]
    (superuser,) = _one_row(
        db.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    )
    if superuser:
        return [
            translate(
                "FloorSchema",
                "The floor's functions are owned by a superuser: make the NOLOGIN role "
                "{role} (README, 'The floor') so that they run with no more rights than "
                "they need.",
            ).format(role=OWNER_ROLE)
        ]
    return []


def _grant(db: psycopg.Connection) -> list[str]:
    from psycopg import sql

    said = []
    for role, statements in GRANTS.items():
        exists = db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            said.append(
                translate(
                    "FloorSchema",
                    "No role {role}: create it (README, 'The floor') and run 'flxdesk floor "
                    "init' again to grant it its privileges.",
                ).format(role=role)
            )
            continue
        db.execute(sql.SQL(statements).format(role=sql.Identifier(role)))
        said.append(
            translate("FloorSchema", "Granted {role} its privileges on the floor.").format(
                role=role
            )
        )
    return said


def prune(db: psycopg.Connection, older_than_days: int, step_rows: int = 50_000) -> int:
    """Delete the floor's updates queued more than ``older_than_days`` ago, in steps of
    ``step_rows`` each committed on its own; how many. The owner's only: a station's
    login may delete nothing (psycopg.errors.InsufficientPrivilege)."""
    gone = 0
    while True:
        with db.transaction():
            db.execute("SET LOCAL statement_timeout = 0")
            (deleted,) = _one_row(
                db.execute("SELECT flxdesk.prune(%s, %s)", (older_than_days, step_rows))
            )
        step = int(deleted)
        gone += step
        if step < step_rows:
            return gone
