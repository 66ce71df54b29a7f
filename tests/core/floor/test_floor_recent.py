"""The window's mirror of other stations' recent updates, read from a real floor."""

from __future__ import annotations

import time

import psycopg

from flxdesk.floor.duplicates import RecentElsewhere
from support.floor import init_floor, publish_row

WINDOW = 600.0


def publish(connection, station: str, local_id: int, order_id: str, state: str, ago: float):
    return publish_row(connection, station, local_id, order_id, state, ago)


def test_other_stations_updates_of_the_window_are_found_and_this_stations_are_not(
    floor_db: str,
) -> None:
    with psycopg.connect(init_floor(floor_db), autocommit=True) as connection:
        older = publish(connection, "PACK-1", 1, "1001", "sent", ago=300)
        newer = publish(connection, "PACK-3", 1, "1001", "queued", ago=60)
        publish(connection, "PACK-1", 2, "1002", "failed", ago=60)  # set nothing
        publish(connection, "PACK-1", 3, "1003", "sent", ago=WINDOW + 60)  # too old
        publish(connection, "PACK-2", 1, "1004", "sent", ago=30)  # this station's own
        recent = RecentElsewhere("PACK-2")
        assert recent.lookup("1001", "Closed", 0) is None  # nothing read yet
        assert recent.refresh(connection, WINDOW) == 1
        station, at = recent.lookup("1001", "Closed", time.time() - WINDOW)
        assert station == "PACK-3" and abs(at - newer) < 0.01 and newer > older
        assert recent.lookup("1001", "Closed", newer + 1) is None  # the guard's own window
        assert recent.lookup("1001", "Open", 0) is None
        for order_id in ("1002", "1003", "1004"):
            assert recent.lookup(order_id, "Closed", 0) is None, order_id
        # An update that failed since is no longer a repeat, at the next read.
        publish_row(connection, "PACK-3", 1, "1001", "failed", ago=60, revision=2)
        assert recent.refresh(connection, WINDOW) == 1
        assert recent.lookup("1001", "Closed", 0)[0] == "PACK-1"
