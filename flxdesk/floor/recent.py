"""Other stations' recent updates, mirrored in memory for the window's duplicate guard.

The window judges a scan at once, on its own thread, and must never wait on the floor
for it. So it does not ask the floor per scan (as the command line does,
flxdesk.floor.duplicates): a floor thread reads every few seconds what the other
stations set within the guard's window (``refresh``), and the guard looks it up here
(``lookup``) without any I/O. A box scanned at another station in the last few seconds
may not be here yet; then the station's own guard alone decides, as when the floor is
away. Each read replaces the last (an update that failed since sets nothing); a floor
that goes away leaves the last read in place, and ``lookup`` still measures its window.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from flxdesk.floor.duplicates import OWNED_ROWS, SETTING_STATES, finite_moment


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
