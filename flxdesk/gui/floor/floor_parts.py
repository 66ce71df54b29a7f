"""The window's parts that exist only on a station with a floor, made with the engine.

The mirror of other stations' recent updates, which the scan desk's duplicate guard
reads (so the same box scanned at PACK-1 and then here is held, naming PACK-1), the
floor's roster (``roster``, flxdesk.gui.floor.floor_roster), who is signed in here told
to the floor (``tell_operator``), and View → Floor…. They get the floor, the guard's
window and the settings' operators, nothing of the window: the composer
(``flxdesk.gui.window.wiring.make_floor_parts``) hands the mirror's lookup to the guard,
the roster to the operator part and the operator part's changes to ``tell_operator``,
shows View → Floor… and has the status bar follow the floor. The mirror says each read
by signal (``refreshed``, or ``missed`` and why).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from flxdesk.gui.floor.floor_mirror import FloorMirror
from flxdesk.gui.floor.floor_roster import FloorRoster
from flxdesk.operators.roster import Roster

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.floor.floor_view import FloorView


class FloorParts:
    def __init__(
        self,
        floor: FloorSession,
        window_seconds: Callable[[], float],
        parent: QWidget,
        settings_roster: Roster | None = None,
        roster_locked: bool = False,
    ) -> None:
        """``window_seconds()``: the duplicate guard's window now (a station setting);
        ``parent``: the window, over which View → Floor… opens; ``settings_roster``: the
        settings' operators, ``roster_locked``: IT locked them (flxdesk.floor.operators.
        station_roster). The mirror starts reading at once, off the window's thread; the
        roster when ``roster.start()`` is called."""
        self._parent = parent
        self._floor = floor
        self._view: FloorView | None = None
        self.mirror = FloorMirror(floor, window_seconds, parent)
        self.mirror.start()
        self.roster = FloorRoster(floor, settings_roster or Roster(), roster_locked, parent)

    def tell_operator(self, name: str) -> None:
        """Who is signed in here now ("" nobody), for the floor's stations (the publisher
        says it at once, off the window's thread)."""
        self._floor.publisher.set_operator(name)

    def lookup(self, order_id: str, status: str, since: float) -> tuple[str, float] | None:
        """(station, when) of the newest update of ``order_id`` to ``status`` at another
        station since ``since``, as last read (the duplicate guard's ``elsewhere``)."""
        return self.mirror.recent.lookup(order_id, status, since)

    def open_view(self) -> FloorView:
        """View → Floor…: one window, not modal (scans go on behind it)."""
        from flxdesk.gui.floor.floor_view import FloorView

        if self._view is None:
            self._view = FloorView(self._floor, self._parent)
        self._view.show()
        self._view.activateWindow()
        return self._view

    def stop(self) -> None:
        """The window closes: nobody is signed in here any more (the publisher's last
        word), and nothing more of the floor reaches the window."""
        self.roster.stop()
        self.tell_operator("")
        self.mirror.stop()
        if self._view is not None:
            self._view.hide()
