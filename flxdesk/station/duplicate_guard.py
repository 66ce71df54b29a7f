"""Holds back a scan that repeats an update this station already made, unless repeated.

Scanning the same box twice is the commonest slip at a packing station. An order ID
already set to the same status here within ``window_seconds`` is not sent again; the
person is told when it was done. Scanning it once more within ``confirm_seconds``
means "yes, again" and sends it.

On a floor, ``elsewhere`` also finds the same update made at another station (the
window's mirror of the floor, flxdesk.floor.duplicates): held the same way, naming the
station.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

DEFAULT_WINDOW_SECONDS = 10 * 60
DEFAULT_CONFIRM_SECONDS = 8


class Verdict(NamedTuple):
    send: bool
    previous_at: float | None  # when the earlier update was made (held scans only)
    previous_station: str = ""  # where, when it was another station (on a floor)


# (order ID, status, not before) -> time of the newest matching update, or None
PreviousUpdateLookup = Callable[[str, str, float], float | None]
# The same at other stations -> (station, time) of the newest, or None
ElsewhereLookup = Callable[[str, str, float], tuple[str, float] | None]


class DuplicateGuard:
    def __init__(
        self,
        lookup: PreviousUpdateLookup,
        window_seconds: float = DEFAULT_WINDOW_SECONDS,
        confirm_seconds: float = DEFAULT_CONFIRM_SECONDS,
        clock: Callable[[], float] = time.time,
        elsewhere: ElsewhereLookup | None = None,
    ) -> None:
        self._lookup = lookup
        self.elsewhere = elsewhere
        self.window_seconds = window_seconds
        self.confirm_seconds = confirm_seconds
        self._clock = clock
        self._held: tuple[str, str, float] | None = None  # the last scan held back

    def check(self, order_id: str, status: str) -> Verdict:
        """Whether to send; a held scan repeated within ``confirm_seconds`` is sent."""
        now = self._clock()
        if self.window_seconds <= 0:
            return Verdict(True, None)
        held = self._held
        if (
            held is not None
            and held[:2] == (order_id, status)
            and now - held[2] <= self.confirm_seconds
        ):
            self._held = None
            return Verdict(True, None)
        since = now - self.window_seconds
        previous = self._lookup(order_id, status, since)
        station = ""
        if previous is None and self.elsewhere is not None:
            found = self.elsewhere(order_id, status, since)
            if found is not None:
                station, previous = found
        if previous is None:
            self._held = None
            return Verdict(True, None)
        self._held = (order_id, status, now)
        return Verdict(False, previous, station)
