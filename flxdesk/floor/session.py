"""A station's floor while it runs: the links, the pacer, the publisher and the status.

``open_floor`` gives None when no floor is configured (the station works as it always
did), else a FloorSession, which connects on threads of its own: nothing here waits on
the floor, start-up included (even psycopg and the keychain are loaded on those
threads). Two connections: one for what is in a hurry (request slots, the duplicate
lookup, 429 reports), one for publishing the history (flxdesk.floor.outbox).

What front ends use:
- ``status`` (a flxdesk.sending.events.FloorChanged) and ``add_listener(callback)``,
  called on each change from a floor thread (the engine forwards it as an event);
  ``floor_words(status)`` is the sentence for a status bar or stderr;
- ``pacer(limiter_for)`` for the queue engine, ``prepare(token)`` as soon as the token is
  known;
- ``previous_elsewhere(order_id, status, window_seconds)`` for the duplicate guard;
- ``ask(job)`` for what people look at (the window's Floor view, the whole floor's
  summary, the mirror of other stations' updates), on the publishing connection;
- ``publisher.wake()``, ``publisher.flush(timeout)``, ``publisher.waiting``;
- ``publisher.set_operator(name)``: who is signed in here, for the floor's stations;
- ``known_roster()``, ``fresh_roster(timeout)`` and ``add_roster_listener(callback)``: the
  floor's operators (flxdesk.floor.operators; its copy beside the history while away);
- ``close()``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flxdesk.floor.duplicates import LOOKUP_PATIENCE_SECONDS, FloorDuplicate
from flxdesk.floor.link import DOUBT_REASON, FloorAway, FloorLink, LinkStatus, Refused, TooSlow
from flxdesk.host.i18n import translate
from flxdesk.sending.events import FloorChanged, FloorState
from flxdesk.sending.pacing import LimiterFor, Wait, wait_in_real_time

if TYPE_CHECKING:
    from flxdesk.floor.connection import FloorAddress
    from flxdesk.floor.operators import RosterCopy
    from flxdesk.floor.slots import FloorPacer
    from flxdesk.operators.roster import Roster

log = logging.getLogger(__name__)

PUBLISH_JOB_DEADLINE_SECONDS = 30.0
SLOW_CONNECT_SECONDS = 1.0  # a floor slower than this to connect counts as away
VIEW_PATIENCE_SECONDS = 20.0  # a view's question may wait behind a batch being published


def away_since(status: FloorChanged) -> str:
    """When the floor went away, as people read it: '09:14'."""
    return time.strftime("%H:%M", time.localtime(status.since or time.time()))


def floor_words(status: FloorChanged) -> str:
    """'Floor not reachable since 09:14: this station is pacing alone', or the floor's up."""
    if status.state is FloorState.REACHABLE:
        return translate("Floor", "Floor reachable: this station paces with the others.")
    if status.reason == DOUBT_REASON:
        return translate(
            "Floor", "The floor's answer is not believable: pacing alone since {since}"
        ).format(since=away_since(status))
    words = translate("Floor", "Floor not reachable since {since}: this station is pacing alone")
    words = words.format(since=away_since(status))
    return words + (f" ({status.reason})" if status.reason else "")


def _as_event(status: LinkStatus) -> FloorChanged:
    if status.state == "away":
        return FloorChanged(FloorState.AWAY, status.since, status.reason)
    return FloorChanged(FloorState.REACHABLE)


class FloorSession:
    def __init__(
        self,
        url: str,
        source: str,
        station: str,
        history_path: Path,
        tls_setting: str = "",
        roster_copy: Path | None = None,
    ) -> None:
        """``roster_copy``: where the station keeps its copy of the floor's roster (by
        default beside the history, flxdesk.host.paths.AppPaths.floor_roster)."""
        from flxdesk.host.paths import FLOOR_ROSTER_FILE

        self.url, self.source, self.station = url, source, station
        self._roster_copy_path = roster_copy or history_path.with_name(FLOOR_ROSTER_FILE)
        self._roster: Roster | None = None  # as last read from the floor (or its copy)
        self._roster_problems: list[str] = []  # the last read's rows left out, logged once
        self._roster_listeners: list[Callable[[Roster], None]] = []
        self._tls_setting = tls_setting
        # What this station's login may do beyond a station's needs (login_check), in
        # words; read at each connection, shown by the self-test and the status tooltip.
        self.warnings: list[str] = []
        self._history_path = history_path
        self._listeners: list[Callable[[FloorChanged], None]] = []
        self._lock = threading.Lock()
        self._pacer_keys: dict[str, str] = {}  # token -> its floor key, in memory only
        self._address: FloorAddress | None = None  # known once parsed (_open)
        self.fast = FloorLink(
            self._open, self._describe, name="floor", on_status=self._status_changed
        )
        self.slow = FloorLink(
            self._open,
            self._describe,
            name="floor-outbox",
            job_deadline=PUBLISH_JOB_DEADLINE_SECONDS,
            on_status=self._outbox_link_changed,
        )
        from flxdesk.floor.outbox import Publisher

        self.publisher = Publisher(self.slow, history_path, station, on_roster=self._roster_read)
        self._started = False

    # --- life cycle --------------------------------------------------------------------
    def start(self) -> FloorSession:
        """Connect and publish in the background; returns at once."""
        if not self._started:
            self._started = True
            self.fast.start()
            self.slow.start()
            self.publisher.start()
        return self

    def close(self) -> None:
        self.publisher.close()
        self.fast.close()
        self.slow.close()

    def wait_settled(self, timeout: float) -> FloorChanged | None:
        """Wait up to ``timeout`` for the first attempt to reach the floor; its outcome,
        or None when it is still connecting."""
        status = self.fast.wait_settled(timeout)
        return None if status.state == "connecting" else _as_event(status)

    # --- status --------------------------------------------------------------------------
    @property
    def status(self) -> FloorChanged | None:
        """The floor's state for people; None while the first attempt is under way."""
        status = self.fast.status
        return None if status.state == "connecting" else _as_event(status)

    def add_listener(self, listener: Callable[[FloorChanged], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[FloorChanged], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def _outbox_link_changed(self, status: LinkStatus) -> None:
        publisher = getattr(self, "publisher", None)
        if status.state == "up" and publisher is not None:
            publisher.wake()
        if status.state == "away" and status.refused:
            # The heartbeat found a floor this station cannot use (an upgrade, a name
            # taken): the fast link connects again, and checks, at once.
            def refuse(connection: Any, learned: Any) -> None:
                raise Refused(status.reason)

            self.fast.submit(refuse)

    def _status_changed(self, status: LinkStatus) -> None:
        if status.state == "up":  # the floor is back: publish now, not at the next gap
            self.slow.retry_now()
            self.publisher.wake()
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(_as_event(status))
            except Exception:
                log.exception("A floor status listener failed")

    # --- the floor's operators (flxdesk.floor.operators) -------------------------------
    def _copy(self) -> RosterCopy:
        from flxdesk.floor.operators import RosterCopy

        return RosterCopy(self._roster_copy_path)

    def known_roster(self) -> Roster | None:
        """The floor's operators as last read, or as the station's copy keeps them (the
        floor away); None when this station never read them. Never waits for the floor."""
        with self._lock:
            roster = self._roster
        if roster is None:
            roster = self._copy().load(self.url)
            with self._lock:
                self._roster = self._roster if self._roster is not None else roster
        return roster

    def fresh_roster(self, timeout: float) -> Roster | None:
        """The floor's operators read now, within ``timeout``; what ``known_roster`` gives
        when the floor is away, slow or has no operators yet (a floor of version 2)."""
        from flxdesk.floor.operators import ROSTER
        from flxdesk.floor.schema import ROSTER_FROM

        def read(connection: Any) -> list[Any] | None:
            (version,) = connection.execute(
                "SELECT value FROM flxdesk.meta WHERE key = 'schema_version'"
            ).fetchone()
            if not str(version).isdigit() or int(version) < ROSTER_FROM:
                return None
            rows: list[Any] = connection.execute(ROSTER).fetchall()
            return rows

        try:
            rows = self.ask(read, timeout)
        except Exception as error:  # away, slow, a broken answer: the copy serves
            log.info("The floor's roster was not read now: %s", error)
            return self.known_roster()
        if rows is not None:
            self._roster_read(rows)
        return self.known_roster()

    def add_roster_listener(self, listener: Callable[[Roster], None]) -> None:
        """``listener(roster)`` on every change of the floor's operators (on a floor thread)."""
        with self._lock:
            self._roster_listeners.append(listener)

    def _roster_read(self, rows: list[Any]) -> None:
        """The floor's roster rows, as a publication or a question read them."""
        from flxdesk.floor.operators import roster_from_rows

        roster, problems = roster_from_rows(rows)
        with self._lock:
            new_problems, self._roster_problems = problems != self._roster_problems, problems
        if new_problems and problems:
            log.warning(
                "The floor's roster: %d operator(s) left out at this station: %s",
                len(problems),
                "; ".join(problems[:5]),
            )
        with self._lock:
            changed = roster != self._roster
            self._roster = roster
            listeners = list(self._roster_listeners)
        if not changed:
            return
        self._copy().save(roster, self.url)
        for listener in listeners:
            try:
                listener(roster)
            except Exception:
                log.exception("A floor roster listener failed")

    # --- what the engine and the front ends use -----------------------------------------
    def pacer(
        self,
        limiter_for: LimiterFor,
        *,
        clock: Callable[[], float] = time.monotonic,
        wait: Wait = wait_in_real_time,
    ) -> FloorPacer:
        """The engine's pacer on this floor; ``clock`` and ``wait``: see FloorPacer."""
        from flxdesk.floor.slots import FloorPacer

        return FloorPacer(self.fast, limiter_for, self._pacer_key, clock=clock, wait=wait)

    def _pacer_key(self, token: str, learned: Any) -> str:
        """The token's floor key, worked out once per session (on a floor thread)."""
        with self._lock:
            key = self._pacer_keys.get(token)
        if key is None:
            key = _key_for(token, learned)
            with self._lock:
                self._pacer_keys[token] = key
        return key

    def prepare(self, token: str) -> None:
        """Work out ``token``'s key on the floor as soon as the floor is reached, so that
        the first request does not wait for it (the key costs tens of milliseconds)."""
        self.fast.submit(lambda connection, learned: self._pacer_key(token, learned))

    def previous_elsewhere(
        self,
        order_id: str,
        status: str,
        window_seconds: float,
        timeout: float = LOOKUP_PATIENCE_SECONDS,
    ) -> FloorDuplicate | None:
        """The same order set to the same status at another station within the window;
        None also when the floor does not answer within ``timeout`` (the local guard
        alone decides then)."""
        from flxdesk.floor.duplicates import find_duplicate

        def look(connection: Any, learned: Any) -> FloorDuplicate | None:
            return find_duplicate(connection, order_id, status, self.station, window_seconds)

        try:
            return self.fast.call(look, timeout)
        except FloorAway:
            return None
        except Exception:
            log.warning("The floor's duplicate lookup failed", exc_info=True)
            return None

    def ask(self, job: Callable[[Any], Any], timeout: float = VIEW_PATIENCE_SECONDS) -> Any:
        """``job(connection)``'s answer, for a view; FloorAway when the floor is away or
        does not answer within ``timeout``. Blocks: call it from a worker thread. Runs on
        the publishing connection, never in the way of request slots."""
        return self.slow.call(lambda connection, _learned: job(connection), timeout)

    # --- connecting (on the links' threads) --------------------------------------------
    def _open(self) -> tuple[Any, Any]:
        from flxdesk.floor.connection import (
            FloorAddressError,
            connect,
            parse_address,
            stored_password,
        )
        from flxdesk.floor.schema import FloorSchemaError, check_floor

        try:
            address = parse_address(self.url, self.source, self._tls_setting)
        except FloorAddressError as problem:
            raise Refused(str(problem)) from None
        self._address = address
        password = stored_password(address)
        began = time.monotonic()  # the floor's own time to answer, not our imports'
        connection = connect(address, password, f"flxdesk {self.station}")
        try:
            info = check_floor(connection)
            from flxdesk.floor.login_check import login_warnings

            self.warnings = login_warnings(connection, self.station)
        except FloorSchemaError as problem:
            connection.close()
            raise Refused(str(problem)) from None
        except BaseException:
            connection.close()
            raise
        took = time.monotonic() - began
        if took > SLOW_CONNECT_SECONDS:
            connection.close()
            raise TooSlow(
                translate("Floor", "it answers too slowly ({seconds} s to connect)").format(
                    seconds=f"{took:.1f}"
                )
            )
        return connection, info

    def _describe(self, error: BaseException) -> str:
        from flxdesk.floor.connection import describe_error

        if self._address is None or isinstance(error, TooSlow):
            return str(error)
        return describe_error(error, self._address)


def _key_for(token: str, info: Any) -> str:
    from flxdesk.floor.token_key import token_key

    return token_key(token, info.token_key_secret)


def open_floor(
    floor_url_setting: str,
    station: str,
    history_path: Path,
    *,
    locked: bool = False,
    tls_setting: str = "",
    roster_copy: Path | None = None,
) -> FloorSession | None:
    """The station's floor (not started), or None when none is configured. Never waits.
    ``locked``: IT locked floor_url (the environment does not change it then);
    ``tls_setting``: the machine file's floor_tls (flxdesk.floor.connection);
    ``roster_copy``: the file of the station's copy of the floor's operators."""
    from flxdesk.floor.connection import configured_url

    configured = configured_url(floor_url_setting, locked)
    if configured is None:
        return None
    url, source = configured
    return FloorSession(url, source, station, history_path, tls_setting, roster_copy)
