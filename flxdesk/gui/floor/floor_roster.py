"""The floor's operators at the window: the roster the station's badges are checked against.

On a floor with operators (version 3) the floor holds the roster every station uses
(flxdesk.floor.operators). ``start()`` gives the roster to use now, at once: the floor's
as last read or the station's copy of it (``FloorSession.known_roster``, never a wait:
a station never needs the floor to take a scan). Each change the floor reports later
arrives on a floor thread; it crosses to the window's thread by a queued signal, and
``changed`` says the roster to use then, only when it differs. Which roster is used is
``flxdesk.floor.operators.station_roster``'s choice (IT's locked operators, else the
floor's, else the settings'). The composer connects ``changed`` to the operator part.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from flxdesk.floor.operators import station_roster

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession
    from flxdesk.operators.roster import Roster

log = logging.getLogger(__name__)


class FloorRoster(QObject):
    changed = Signal(object)  # the Roster this station uses now (on the window's thread)
    _heard = Signal(object)  # the floor's Roster, emitted on a floor thread

    def __init__(
        self,
        floor: FloorSession,
        settings_roster: Roster,
        locked: bool,
        parent: QObject | None = None,
    ) -> None:
        """``settings_roster``: the settings' operators; ``locked``: IT locked
        ``operators`` in the machine file (then they are used, whatever the floor holds)."""
        super().__init__(parent)
        self._floor = floor
        self._settings_roster = settings_roster
        self._locked = locked
        self._stopped = False
        self.roster = settings_roster  # what the station uses now
        # Queued: the slot runs on this object's (the window's) thread, never the floor's.
        self._heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)

    def start(self) -> Roster:
        """Listen to the floor's changes; the roster to use now (the floor's last known,
        or the copy; the settings' when there is neither), without waiting for the floor."""
        self._floor.add_roster_listener(self._listen)  # first: no change falls between
        self.roster = station_roster(
            self._settings_roster, self._locked, self._floor.known_roster()
        )
        return self.roster

    def stop(self) -> None:
        """Changes the floor reports from now on are not passed on (the window closes)."""
        self._stopped = True

    def _listen(self, roster: Roster) -> None:
        """On a floor thread: only a signal crosses to the window."""
        if self._stopped:
            return
        try:
            self._heard.emit(roster)
        except RuntimeError:  # this object is gone with its window
            self._stopped = True

    @Slot(object)
    def _on_heard(self, floor_roster: Roster) -> None:
        if self._stopped:
            return
        roster = station_roster(self._settings_roster, self._locked, floor_roster)
        if roster == self.roster:
            return
        log.info("The floor's roster changed: %d operator(s)", len(roster.operators))
        self.roster = roster
        self.changed.emit(roster)
