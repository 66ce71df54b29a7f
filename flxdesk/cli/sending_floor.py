"""The floor beside a sending command (``update``, ``bulk``, ``resume``): opened without
waiting, its changes said once on stderr, what the command left published at its end.

``start_floor`` opens the station's floor (it connects in the background), ``FloorLines``
says once when the station goes on alone and when it rejoins, ``finish_floor`` publishes
what is left (a few seconds at most) and closes it. ``flxdesk report --floor`` uses the
same two to publish this station's latest before it reads the floor (flxdesk.cli.floor).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from flxdesk.sending.events import FloorChanged, FloorState

if TYPE_CHECKING:
    from pathlib import Path

    from flxdesk.config.settings import Settings
    from flxdesk.floor.session import FloorSession
    from flxdesk.host.paths import AppPaths

FLUSH_SECONDS = 3.0  # a command's end waits this long at most to publish the rest
AWAY_FLUSH_SECONDS = 1.0  # ... and this long when the floor was away at the end
FIRST_ATTEMPT_SECONDS = 0.5  # the duplicate lookup waits this long for a connection


def start_floor(
    settings: Settings, paths: AppPaths, history_db: Path | None = None
) -> FloorSession | None:
    """The station's floor, started (it connects in the background), or None."""
    from flxdesk.floor.session import open_floor
    from flxdesk.host.station_name import station_name

    session = open_floor(
        settings.floor_url,
        station_name(settings.station_name, settings.is_locked("station_name")),
        history_db or paths.history_db,
        locked=settings.is_locked("floor_url"),
        tls_setting=settings.floor_tls,
    )
    return session.start() if session is not None else None


def finish_floor(session: FloorSession | None, *, quiet: bool = False) -> None:
    """Publish what the command left in the outbox (a few seconds at most), then close."""
    if session is None:
        return
    try:
        status = session.wait_settled(FIRST_ATTEMPT_SECONDS * 2)
        reachable = status is not None and status.state is FloorState.REACHABLE
        # Away at the end: the floor may be back since the link's last try (it waits
        # longer between tries the longer the floor is away), so try once more, briefly.
        published = session.publisher.flush(FLUSH_SECONDS if reachable else AWAY_FLUSH_SECONDS)
        waiting = session.publisher.waiting
        if not published and waiting and not quiet:
            print(
                f"flxdesk: {waiting} change(s) wait to be published to the floor; the next "
                "flxdesk command (or the window) publishes them.",
                file=sys.stderr,
            )
    finally:
        session.close()


class FloorLines:
    """Says on stderr, once each time, that the station paces alone, and that it rejoined."""

    def __init__(self) -> None:
        self._last: FloorState | None = None

    def __call__(self, event: FloorChanged) -> None:
        from flxdesk.floor.session import floor_words

        if event.state is self._last:
            return
        first, self._last = self._last is None, event.state
        if event.state is FloorState.AWAY:
            print(f"flxdesk: {floor_words(event)}.", file=sys.stderr, flush=True)
        elif not first:
            print(
                "flxdesk: the floor is reachable again: pacing with the other stations.",
                file=sys.stderr,
                flush=True,
            )
