"""The floor-wide duplicate guard: the same order set to the same status at another station.

The station's own guard (flxdesk.station.duplicate_guard) sees only its own history.
On a floor, the same box scanned at PACK-1 and then at PACK-2 is held at PACK-2 like a
local duplicate, with words naming the station and the time ("set to Closed at PACK-1,
09:14"). The window is measured on the floor's clock. A floor that does not answer
within a few hundred milliseconds leaves the local guard alone in charge (the caller
treats "no answer" as "no duplicate").

The command line asks the floor per scan (``find_duplicate``). The window judges a scan
at once, on its own thread, and must never wait on the floor for it: a floor thread
reads every few seconds what the other stations set within the guard's window
(``RecentElsewhere.refresh``), and the guard looks it up in memory (``lookup``) without
any I/O. A box scanned at another station in the last few seconds may not be there yet;
then the station's own guard alone decides, as when the floor is away. Each read
replaces the last (an update that failed since sets nothing); a floor that goes away
leaves the last read in place, and ``lookup`` still measures its window.
"""

from __future__ import annotations

import threading
import time
from typing import Any, NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.orders.statuses import ORDER_STATUSES, status_label

LOOKUP_PATIENCE_SECONDS = 0.4
LATEST_MOMENT = 4102444800.0  # 2100-01-01: no time read from the floor is later
# The rows a reader trusts: those written by the login that owns their station's name.
OWNED_ROWS = "flxdesk.updates u JOIN flxdesk.stations s ON s.name = u.station AND s.login = u.login"
# Sent, or on their way: failed and cancelled updates set nothing.
SETTING_STATES = ("sent", "queued", "sending")


class FloorDuplicate(NamedTuple):
    station: str
    at: float  # when it was queued there (epoch seconds)
    state: str  # sent, queued or sending

    def describe(self, status: str) -> str:
        """'set to Closed at PACK-1, 09:14', in the station's language."""
        from flxdesk.floor.login_check import plain

        label = status_label(status) if status in ORDER_STATUSES else status
        return translate("FloorDuplicates", "set to {status} at {station}, {time}").format(
            status=label, station=plain(self.station), time=clock_text(self.at)
        )


def finite_moment(value: Any) -> float | None:
    """Epoch seconds read from the floor, or None when they are no time people can read
    (infinite, not a number, before 1970 or after 2099): untrusted input, never a crash."""
    try:
        moment = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return moment if 0.0 <= moment < LATEST_MOMENT else None  # NaN fails both


def clock_text(value: Any, pattern: str = "%H:%M") -> str:
    """A time read from the floor as people read it, or '-' when it is none."""
    moment = finite_moment(value)
    if moment is None:
        return "-"
    try:
        return time.strftime(pattern, time.localtime(moment))
    except (OverflowError, OSError, ValueError):
        return "-"


def find_duplicate(
    connection: Any, order_id: str, status: str, station: str, window_seconds: float
) -> FloorDuplicate | None:
    """The newest update of ``order_id`` to ``status`` at another station within the
    window (sent, or queued to be sent: failed and cancelled ones set nothing)."""
    row = connection.execute(
        "SELECT u.station, extract(epoch FROM least(u.queued_at, clock_timestamp())), u.state"
        f" FROM {OWNED_ROWS}"
        " WHERE u.order_id = %s AND u.status = %s AND u.station <> %s"
        " AND u.state = ANY(%s)"
        " AND u.queued_at >= now() - make_interval(secs => %s)"
        " ORDER BY u.queued_at DESC LIMIT 1",
        (order_id, status, station, list(SETTING_STATES), float(window_seconds)),
    ).fetchone()
    if row is None:
        return None
    at = finite_moment(row[1])
    return FloorDuplicate(str(row[0]), at if at is not None else time.time(), str(row[2]))


class RecentElsewhere:
    def __init__(self, station: str) -> None:
        self.station = station
        self._lock = threading.Lock()
        self._newest: dict[tuple[str, str], tuple[str, float]] = {}
        self.refreshed_at: float | None = None  # when the last refresh answered (local clock)

    def refresh(self, connection: Any, window_seconds: float) -> int:
        """Read the other stations' updates of the last ``window_seconds`` (on a floor
        thread); returns how many (order, status) pairs are known now."""
        rows = connection.execute(
            "SELECT u.order_id, u.status, u.station,"
            " extract(epoch FROM least(max(u.queued_at), clock_timestamp()))"
            f" FROM {OWNED_ROWS}"
            " WHERE u.station <> %s AND u.state = ANY(%s)"
            " AND u.queued_at >= now() - make_interval(secs => %s)"
            " GROUP BY u.order_id, u.status, u.station",
            (self.station, list(SETTING_STATES), float(window_seconds)),
        ).fetchall()
        newest: dict[tuple[str, str], tuple[str, float]] = {}
        for order_id, status, station, value in rows:
            at = finite_moment(value)
            if at is None:
                continue
            known = newest.get((order_id, status))
            if known is None or at > known[1]:
                newest[(order_id, status)] = (station, at)
        with self._lock:
            self._newest = newest  # an update that failed since is no longer a repeat
            self.refreshed_at = time.time()
            return len(newest)

    def lookup(self, order_id: str, status: str, since: float) -> tuple[str, float] | None:
        """(station, when) of the newest such update at another station since ``since``."""
        with self._lock:
            found = self._newest.get((order_id, status))
        return found if found is not None and found[1] >= since else None
