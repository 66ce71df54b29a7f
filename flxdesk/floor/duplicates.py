"""The floor-wide duplicate guard: the same order set to the same status at another station.

The station's own guard (flxdesk.station.duplicate_guard) sees only its own history.
On a floor, the same box scanned at PACK-1 and then at PACK-2 is held at PACK-2 like a
local duplicate, with words naming the station and the time ("set to Closed at PACK-1,
09:14"). The window is measured on the floor's clock. A floor that does not answer
within a few hundred milliseconds leaves the local guard alone in charge (the caller
treats "no answer" as "no duplicate").
"""

from __future__ import annotations

import time
from typing import Any, NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.orders.statuses import ORDER_STATUSES, status_label

LOOKUP_PATIENCE_SECONDS = 0.4
# Sent, or on their way: failed and cancelled updates set nothing.
SETTING_STATES = ("sent", "queued", "sending")


class FloorDuplicate(NamedTuple):
    station: str
    at: float  # when it was queued there (epoch seconds)
    state: str  # sent, queued or sending

    def describe(self, status: str) -> str:
        """'set to Closed at PACK-1, 09:14', in the station's language."""
        label = status_label(status) if status in ORDER_STATUSES else status
        return translate("FloorDuplicates", "set to {status} at {station}, {time}").format(
            status=label, station=self.station, time=time.strftime("%H:%M", time.localtime(self.at))
        )


def find_duplicate(
    connection: Any, order_id: str, status: str, station: str, window_seconds: float
) -> FloorDuplicate | None:
    """The newest update of ``order_id`` to ``status`` at another station within the
    window (sent, or queued to be sent: failed and cancelled ones set nothing)."""
    row = connection.execute(
        "SELECT station, extract(epoch FROM queued_at), state FROM flxdesk.updates"
        " WHERE order_id = %s AND status = %s AND station <> %s"
        " AND state = ANY(%s)"
        " AND queued_at >= clock_timestamp() - make_interval(secs => %s)"
        " ORDER BY queued_at DESC LIMIT 1",
        (order_id, status, station, list(SETTING_STATES), window_seconds),
    ).fetchone()
    if row is None:
        return None
    return FloorDuplicate(row[0], float(row[1]), row[2])
