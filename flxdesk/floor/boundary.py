"""The floor's trust boundary (floor versions 2 and 3): what a station login may write, and how.

A station login has no privilege to write any table: it reads the published updates,
the stations and ``flxdesk.meta``, and it writes only through the functions below,
which run with their owner's rights (``SECURITY DEFINER``, owned by the NOLOGIN role
``flxdesk_owner`` when IT made it) and stamp every row with ``session_user``:

- ``station_seen(name, version)`` claims a station name for the login (first come, or
  as IT registered it) and says the login is alive; a name claimed by another login is
  refused;
- ``publish_update(...)`` writes one update of a station the login owns; every value is
  checked (texts' lengths, the statuses and states that exist, times finite and within
  their bounds of the floor's clock) and a row that fails is refused, never stored;
- ``reserve_slot(key, earliest, kind)`` and ``report_throttled(key, retry_after)``
  (flxdesk.floor.slots) take the time only from the server's clock and clamp every
  argument to what a healthy station asks; the key must be a token key's form.

Why functions and not row-level security: a login with UPDATE on a table may also
``LOCK`` it (``ACCESS EXCLUSIVE`` stops every reader and writer of the floor) and take
row locks with ``SELECT ... FOR UPDATE``; a login that may only ``SELECT`` can take no
lock that stops a station. And a function can check a time against ``now()`` when a row
is written, which a ``CHECK`` must not (a dump would not restore). The tables' ``CHECK``
constraints repeat the bounds that do not depend on the clock.

Readers still treat what they read as untrusted (flxdesk.floor.report, duplicates):
they read only rows whose login owns their station's name.

Version 3 (``V3_TABLES``, ``V3_FUNCTIONS``: operators, flxdesk.floor.operators) adds,
beside what version 2 has: who asked for each update and who approved its status
(``publish_update`` with two more arguments; the version 2 one stays, for stations one
version behind, and gives ""), who is signed in at each station (``operator_seen``,
stamped like ``station_seen``), and the roster ``flxdesk.operators``, which stations
read and only the floor's owner writes (table privileges: no function lets a station
write it).
"""

from __future__ import annotations

OWNER_ROLE = "flxdesk_owner"  # the NOLOGIN role that owns the floor, when IT made it

MAX_ORDER_ID = 128  # flxdesk.orders.order_ids.MAX_ORDER_ID_LENGTH
MAX_NOTE = 500  # flxdesk.orders.notes.MAX_NOTE_LENGTH
MAX_MESSAGE = 1000  # what a station publishes of an answer's message (cut, never refused)
MAX_STATION_NAME = 64  # flxdesk.host.station_name.MAX_LENGTH
MAX_OPERATOR = 80  # flxdesk.operators.roster.MAX_NAME_LENGTH
MAX_BADGE = 32  # flxdesk.operators.badges.MAX_BADGE_LENGTH
MAX_PIN_HASH = 200  # flxdesk.operators.pins: about 90 characters as made
PAST_DAYS = 31  # an update queued longer ago than this is not published (the outbox waited)
FUTURE_SECONDS = 24 * 3600  # nor one queued more than a day after the floor's now

TABLES = f"""
CREATE TABLE flxdesk.stations (
    name            text PRIMARY KEY
                    CHECK (length(name) BETWEEN 1 AND {MAX_STATION_NAME}
                           AND name !~ '[[:cntrl:]]'),
    login           name NOT NULL DEFAULT session_user,
    first_seen      timestamptz NOT NULL DEFAULT now() CHECK (isfinite(first_seen)),
    last_seen       timestamptz NOT NULL DEFAULT now() CHECK (isfinite(last_seen)),
    flxdesk_version text NOT NULL DEFAULT '' CHECK (length(flxdesk_version) <= 32)
);
CREATE INDEX stations_by_login ON flxdesk.stations (login);
CREATE TABLE flxdesk.updates (
    station      text NOT NULL,
    history_id   text NOT NULL CHECK (history_id ~ '^[0-9a-f]{{1,64}}$'),
    local_id     bigint NOT NULL CHECK (local_id > 0),
    login        name NOT NULL DEFAULT session_user,   -- who wrote it: stamped, never given
    revision     bigint NOT NULL CHECK (revision > 0),
    order_id     text NOT NULL CHECK (length(order_id) BETWEEN 1 AND {MAX_ORDER_ID}),
    status       text NOT NULL CHECK (status IN ('Open', 'Closed', 'Canceled', 'On Hold',
                     'Failed', 'No Shipping Method', 'Not Managed')),
    note         text NOT NULL DEFAULT '' CHECK (length(note) <= {MAX_NOTE}),
    state        text NOT NULL
                 CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    outcome      text CHECK (outcome ~ '^[a-z_]{{1,40}}$'),
    message      text NOT NULL DEFAULT '' CHECK (length(message) <= {MAX_MESSAGE}),
    http_code    integer CHECK (http_code BETWEEN 100 AND 599),
    attempts     integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100000),
    queued_at    timestamptz NOT NULL CHECK (isfinite(queued_at)),
    finished_at  timestamptz CHECK (isfinite(finished_at)),
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (station, history_id, local_id)
);
-- The floor's readers: a day's report, the duplicate lookup and the window's mirror.
CREATE INDEX updates_by_queued_at ON flxdesk.updates (queued_at);
CREATE INDEX updates_by_order ON flxdesk.updates (order_id, status, queued_at);
CREATE INDEX updates_by_station ON flxdesk.updates (station, queued_at);
"""

# Token budgets keep their v1 table: no station reads or writes it but through these.
FUNCTIONS = f"""
CREATE FUNCTION flxdesk.grant_slot(
    p_key text, p_earliest double precision, p_kind text, p_now timestamptz,
    OUT wait double precision, OUT granted boolean
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
    -- A healthy station's figures: 2 starts a 1.0 s window, its margin, a Retry-After's.
    c_max_starts CONSTANT integer := 2;
    c_window     CONSTANT double precision := 1.0;
    c_margin     CONSTANT double precision := 0.03;
    c_decay      CONSTANT double precision := 0.0005;
    c_max_extra  CONSTANT double precision := 0.07;
    c_max_pause  CONSTANT double precision := 60;    -- the longest Retry-After honoured
    c_ahead      CONSTANT double precision := 30;    -- no healthy floor holds a start later
    c_bulk_lead  CONSTANT double precision := 0.25;  -- a bulk start is granted this close
    v_row     flxdesk.token_budgets%ROWTYPE;
    v_starts  timestamptz[];
    v_pause   timestamptz;
    v_extra   double precision;
    v_start   timestamptz;
    v_n       integer;
    v_earliest double precision;
BEGIN
    IF p_key IS NULL OR p_key !~ '^t1:[0-9a-f]{{64}}$' THEN
        RAISE EXCEPTION 'not a token key' USING ERRCODE = '22023';
    END IF;
    v_earliest := least(greatest(coalesce(p_earliest, 0), 0), c_max_pause);  -- NaN: the most
    INSERT INTO flxdesk.token_budgets (token_key) VALUES (p_key) ON CONFLICT DO NOTHING;
    SELECT * INTO v_row FROM flxdesk.token_budgets WHERE token_key = p_key FOR UPDATE;
    -- What no healthy floor holds (a defect, an old hostile write) is forgotten here.
    v_starts := ARRAY(SELECT s FROM unnest(v_row.starts) AS s
                       WHERE isfinite(s) AND s <= p_now + make_interval(secs => c_ahead)
                       ORDER BY s);
    v_pause := CASE WHEN v_row.not_before > p_now + make_interval(secs => c_max_pause)
                      OR NOT isfinite(v_row.not_before) THEN p_now
                    ELSE v_row.not_before END;
    v_extra := CASE WHEN v_row.extra_at > p_now OR NOT isfinite(v_row.extra_at) THEN 0
                    ELSE least(c_max_extra, greatest(0, v_row.extra_margin
                           - c_decay * extract(epoch FROM p_now - v_row.extra_at))) END;
    IF v_extra IS NULL OR v_extra <> v_extra THEN v_extra := 0; END IF;
    v_start := greatest(p_now + make_interval(secs => v_earliest), v_pause);
    v_n := coalesce(array_length(v_starts, 1), 0);
    IF v_n > 0 THEN
        v_start := greatest(v_start, v_starts[v_n]);  -- granted in order
        IF p_kind = 'bulk' THEN  -- evenly spread: a scan finds a free slot soon
            v_start := greatest(v_start, v_starts[v_n] + make_interval(
                secs => (c_window + c_margin + v_extra) / c_max_starts));
        END IF;
    END IF;
    IF v_n >= c_max_starts THEN
        v_start := greatest(v_start, v_starts[v_n - c_max_starts + 1]
                                     + make_interval(secs => c_window + c_margin + v_extra));
    END IF;
    wait := extract(epoch FROM v_start - p_now);
    IF p_kind = 'bulk' AND wait > c_bulk_lead THEN
        -- Not granted yet: a scan asking meanwhile gets this start (scans before bulk).
        granted := false;
        wait := wait - c_bulk_lead;
        RETURN;
    END IF;
    granted := true;
    UPDATE flxdesk.token_budgets
       SET starts = (v_starts || v_start)[greatest(1, v_n + 2 - c_max_starts):],
           not_before = v_pause,
           granted = granted + 1,
           updated_at = p_now
     WHERE token_key = p_key;
END
$$;

CREATE FUNCTION flxdesk.reserve_slot(
    p_key text, p_earliest double precision, p_kind text DEFAULT 'scan',
    OUT wait double precision, OUT granted boolean
)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET lock_timeout = '300ms' AS $$
    SELECT g.wait, g.granted FROM flxdesk.grant_slot(p_key, p_earliest,
        CASE WHEN p_kind = 'bulk' THEN 'bulk' ELSE 'scan' END, clock_timestamp()) AS g
$$;

CREATE FUNCTION flxdesk.note_throttled(
    p_key text, p_retry_after double precision, p_now timestamptz
) RETURNS double precision
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c_step      CONSTANT double precision := 0.01;
    c_max_extra CONSTANT double precision := 0.07;
    c_decay     CONSTANT double precision := 0.0005;
    c_max_pause CONSTANT double precision := 60;
    v_row   flxdesk.token_budgets%ROWTYPE;
    v_extra double precision;
    v_after double precision;
BEGIN
    IF p_key IS NULL OR p_key !~ '^t1:[0-9a-f]{{64}}$' THEN
        RAISE EXCEPTION 'not a token key' USING ERRCODE = '22023';
    END IF;
    v_after := least(greatest(coalesce(p_retry_after, 1), 0), c_max_pause);
    INSERT INTO flxdesk.token_budgets (token_key) VALUES (p_key) ON CONFLICT DO NOTHING;
    SELECT * INTO v_row FROM flxdesk.token_budgets WHERE token_key = p_key FOR UPDATE;
    v_extra := CASE WHEN v_row.extra_at > p_now OR NOT isfinite(v_row.extra_at) THEN 0
                    ELSE least(c_max_extra, greatest(0, v_row.extra_margin
                           - c_decay * extract(epoch FROM p_now - v_row.extra_at))) END;
    IF v_extra IS NULL OR v_extra <> v_extra THEN v_extra := 0; END IF;
    -- 429s answering requests of the same second are one event: the margin grows once.
    IF NOT (p_now - v_row.extra_at < interval '1 second' AND v_row.extra_at <= p_now) THEN
        v_extra := least(c_max_extra, v_extra + c_step);
        UPDATE flxdesk.token_budgets SET extra_margin = v_extra, extra_at = p_now
         WHERE token_key = p_key;
    END IF;
    UPDATE flxdesk.token_budgets
       SET not_before = CASE
               WHEN not_before > p_now + make_interval(secs => c_max_pause)
                 OR NOT isfinite(not_before) THEN p_now + make_interval(secs => v_after)
               ELSE greatest(not_before, p_now + make_interval(secs => v_after)) END,
           throttled = throttled + 1,
           updated_at = p_now
     WHERE token_key = p_key;
    RETURN v_extra;
END
$$;

CREATE FUNCTION flxdesk.report_throttled(p_key text, p_retry_after double precision)
RETURNS double precision
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET lock_timeout = '300ms' AS $$
    SELECT flxdesk.note_throttled(p_key, p_retry_after, clock_timestamp())
$$;

CREATE FUNCTION flxdesk.station_seen(p_name text, p_version text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET lock_timeout = '2s' AS $$
BEGIN
    IF p_name IS NULL OR length(p_name) NOT BETWEEN 1 AND {MAX_STATION_NAME}
       OR p_name ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'not a station name' USING ERRCODE = '22023';
    END IF;
    INSERT INTO flxdesk.stations (name, login, flxdesk_version)
    VALUES (p_name, session_user, left(coalesce(p_version, ''), 32))
    ON CONFLICT (name) DO NOTHING;
    UPDATE flxdesk.stations
       SET last_seen = now(), flxdesk_version = left(coalesce(p_version, ''), 32)
     WHERE name = p_name AND login = session_user;
    RETURN FOUND;  -- false: the name is another login's
END
$$;

CREATE FUNCTION flxdesk.publish_update(
    p_station text, p_history_id text, p_local_id bigint, p_revision bigint,
    p_order_id text, p_status text, p_note text, p_state text, p_outcome text,
    p_message text, p_http_code integer, p_attempts integer,
    p_queued_at double precision, p_finished_at double precision
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET lock_timeout = '2s' AS $$
DECLARE
    v_low  double precision := extract(epoch FROM now()) - {PAST_DAYS} * 86400;
    v_high double precision := extract(epoch FROM now()) + {FUTURE_SECONDS};
BEGIN
    IF NOT EXISTS (SELECT 1 FROM flxdesk.stations
                    WHERE name = p_station AND login = session_user) THEN
        RETURN 'not yours';
    END IF;
    -- NaN compares above every number, so NOT BETWEEN refuses it as it does infinity.
    IF p_queued_at IS NULL OR p_queued_at NOT BETWEEN v_low AND v_high
       OR (p_finished_at IS NOT NULL AND p_finished_at NOT BETWEEN v_low AND v_high) THEN
        RETURN 'time';
    END IF;
    INSERT INTO flxdesk.updates AS u (station, history_id, local_id, login, revision,
        order_id, status, note, state, outcome, message, http_code, attempts,
        queued_at, finished_at, published_at)
    VALUES (p_station, p_history_id, p_local_id, session_user, p_revision, p_order_id,
        p_status, coalesce(p_note, ''), p_state, p_outcome,
        left(coalesce(p_message, ''), {MAX_MESSAGE}), p_http_code, coalesce(p_attempts, 0),
        to_timestamp(p_queued_at), to_timestamp(p_finished_at), now())
    ON CONFLICT (station, history_id, local_id) DO UPDATE SET
        revision = EXCLUDED.revision, order_id = EXCLUDED.order_id,
        status = EXCLUDED.status, note = EXCLUDED.note, state = EXCLUDED.state,
        outcome = EXCLUDED.outcome, message = EXCLUDED.message,
        http_code = EXCLUDED.http_code, attempts = EXCLUDED.attempts,
        queued_at = EXCLUDED.queued_at, finished_at = EXCLUDED.finished_at,
        published_at = EXCLUDED.published_at
    WHERE u.revision <= EXCLUDED.revision AND u.login = session_user;
    RETURN 'ok';
EXCEPTION
    WHEN check_violation OR not_null_violation OR string_data_right_truncation
         OR numeric_value_out_of_range OR invalid_parameter_value THEN
        RETURN 'value';
END
$$;

CREATE FUNCTION flxdesk.prune(p_older_than_days integer, p_at_most integer)
RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_gone bigint;
BEGIN
    IF p_older_than_days IS NULL OR p_older_than_days < 1 THEN
        RAISE EXCEPTION 'keep at least a day' USING ERRCODE = '22023';
    END IF;
    -- One step; the caller commits and calls again, so that no lock is held long.
    DELETE FROM flxdesk.updates WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM flxdesk.updates
         WHERE queued_at < now() - make_interval(days => p_older_than_days)
         LIMIT greatest(1, least(p_at_most, 100000))));
    GET DIAGNOSTICS v_gone = ROW_COUNT;
    RETURN v_gone;
END
$$;
"""

SIGNATURES = (
    "flxdesk.grant_slot(text, double precision, text, timestamptz)",
    "flxdesk.reserve_slot(text, double precision, text)",
    "flxdesk.note_throttled(text, double precision, timestamptz)",
    "flxdesk.report_throttled(text, double precision)",
    "flxdesk.station_seen(text, text)",
    "flxdesk.publish_update(text, text, bigint, bigint, text, text, text, text, text, text,"
    " integer, integer, double precision, double precision)",
    "flxdesk.prune(integer, integer)",
)
# What a station login may run (version 3's two functions are added at the end of this module).
STATION_FUNCTIONS: tuple[str, ...] = SIGNATURES[1], SIGNATURES[3], SIGNATURES[4], SIGNATURES[5]

# Version 1's functions: any login could pass them any clock and any figures.
V1_SIGNATURES = (
    "flxdesk.reserve_slot(text, integer, double precision, double precision,"
    " double precision, double precision, timestamptz)",
    "flxdesk.report_throttled(text, double precision, double precision, double precision,"
    " double precision, timestamptz)",
)


# --- version 3: operators ------------------------------------------------------------------
def _name_check(column: str) -> str:
    """A name from the roster (or ""), as the tables bound it."""
    return f"length({column}) <= {MAX_OPERATOR} AND {column} !~ '[[:cntrl:]]'"


# flxdesk.operators.pins' stored form: scrypt$<n>$<r>$<p>$<salt>$<hash>, base64 parts.
PIN_HASH_PATTERN = r"^scrypt(\$[0-9]+){3}(\$[A-Za-z0-9+/=]+){2}$"

# The updates' two checks are NOT VALID: a year of floor is not scanned at the upgrade
# (every row there has the default ""); new and changed rows are checked.
V3_TABLES = f"""
ALTER TABLE flxdesk.updates ADD COLUMN operator text NOT NULL DEFAULT '';
ALTER TABLE flxdesk.updates ADD COLUMN approved_by text NOT NULL DEFAULT '';
ALTER TABLE flxdesk.updates ADD CONSTRAINT updates_operator_check
    CHECK ({_name_check("operator")}) NOT VALID;
ALTER TABLE flxdesk.updates ADD CONSTRAINT updates_approved_by_check
    CHECK ({_name_check("approved_by")}) NOT VALID;
ALTER TABLE flxdesk.stations ADD COLUMN operator text NOT NULL DEFAULT ''
    CHECK ({_name_check("operator")});
ALTER TABLE flxdesk.stations ADD COLUMN operator_since timestamptz
    CHECK (isfinite(operator_since));
CREATE TABLE flxdesk.operators (
    badge      text PRIMARY KEY
               CHECK (length(badge) BETWEEN 1 AND {MAX_BADGE}
                      AND octet_length(badge) = length(badge)
                      AND badge !~ '[[:space:][:cntrl:]]'),
    name       text NOT NULL UNIQUE
               CHECK (length(name) BETWEEN 1 AND {MAX_OPERATOR} AND name !~ '[[:cntrl:]]'
                      AND name !~ '^[[:space:]]|[[:space:]]$'),
    supervisor boolean NOT NULL DEFAULT false,
    pin_hash   text NOT NULL DEFAULT ''
               CHECK (pin_hash = '' OR (length(pin_hash) <= {MAX_PIN_HASH}
                      AND pin_hash ~ '{PIN_HASH_PATTERN}')),
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by name NOT NULL DEFAULT session_user
);
-- A scanner on another layout may type a badge shifted: one badge, whatever its case.
CREATE UNIQUE INDEX operators_by_badge_in_any_case ON flxdesk.operators (lower(badge));
"""

V3_FUNCTIONS = f"""
CREATE FUNCTION flxdesk.publish_update(
    p_station text, p_history_id text, p_local_id bigint, p_revision bigint,
    p_order_id text, p_status text, p_note text, p_state text, p_outcome text,
    p_message text, p_http_code integer, p_attempts integer,
    p_queued_at double precision, p_finished_at double precision,
    p_operator text, p_approved_by text
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET lock_timeout = '2s' AS $$
DECLARE
    v_low  double precision := extract(epoch FROM now()) - {PAST_DAYS} * 86400;
    v_high double precision := extract(epoch FROM now()) + {FUTURE_SECONDS};
BEGIN
    IF NOT EXISTS (SELECT 1 FROM flxdesk.stations
                    WHERE name = p_station AND login = session_user) THEN
        RETURN 'not yours';
    END IF;
    IF p_queued_at IS NULL OR p_queued_at NOT BETWEEN v_low AND v_high
       OR (p_finished_at IS NOT NULL AND p_finished_at NOT BETWEEN v_low AND v_high) THEN
        RETURN 'time';
    END IF;
    INSERT INTO flxdesk.updates AS u (station, history_id, local_id, login, revision,
        order_id, status, note, state, outcome, message, http_code, attempts,
        queued_at, finished_at, published_at, operator, approved_by)
    VALUES (p_station, p_history_id, p_local_id, session_user, p_revision, p_order_id,
        p_status, coalesce(p_note, ''), p_state, p_outcome,
        left(coalesce(p_message, ''), {MAX_MESSAGE}), p_http_code, coalesce(p_attempts, 0),
        to_timestamp(p_queued_at), to_timestamp(p_finished_at), now(),
        coalesce(p_operator, ''), coalesce(p_approved_by, ''))
    ON CONFLICT (station, history_id, local_id) DO UPDATE SET
        revision = EXCLUDED.revision, order_id = EXCLUDED.order_id,
        status = EXCLUDED.status, note = EXCLUDED.note, state = EXCLUDED.state,
        outcome = EXCLUDED.outcome, message = EXCLUDED.message,
        http_code = EXCLUDED.http_code, attempts = EXCLUDED.attempts,
        queued_at = EXCLUDED.queued_at, finished_at = EXCLUDED.finished_at,
        published_at = EXCLUDED.published_at, operator = EXCLUDED.operator,
        approved_by = EXCLUDED.approved_by
    WHERE u.revision <= EXCLUDED.revision AND u.login = session_user;
    RETURN 'ok';
EXCEPTION
    WHEN check_violation OR not_null_violation OR string_data_right_truncation
         OR numeric_value_out_of_range OR invalid_parameter_value THEN
        RETURN 'value';
END
$$;

CREATE FUNCTION flxdesk.operator_seen(p_name text, p_operator text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET lock_timeout = '2s' AS $$
BEGIN
    IF p_operator IS NULL OR length(p_operator) > {MAX_OPERATOR}
       OR p_operator ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'not an operator''s name' USING ERRCODE = '22023';
    END IF;
    UPDATE flxdesk.stations
       SET operator_since = CASE WHEN operator = p_operator THEN operator_since
                                 WHEN p_operator = '' THEN NULL ELSE now() END,
           operator = p_operator
     WHERE name = p_name AND login = session_user;
    RETURN FOUND;  -- false: the name is another login's, or not claimed yet
END
$$;
"""

V3_SIGNATURES = (
    "flxdesk.publish_update(text, text, bigint, bigint, text, text, text, text, text, text,"
    " integer, integer, double precision, double precision, text, text)",
    "flxdesk.operator_seen(text, text)",
)
STATION_FUNCTIONS += V3_SIGNATURES
