"""The window's parts that exist only on a station with a floor, made with the engine.

The mirror of other stations' recent updates, which the scan desk's duplicate guard
reads (so the same box scanned at PACK-1 and then here is held, naming PACK-1), and
View → Floor…. They get the floor and the guard's window, nothing of the window: the
composer (``flxdesk.gui.window.wiring.make_floor_parts``) hands the mirror's lookup to
the guard, shows View → Floor… and has the status bar follow the floor. The mirror says
each read by signal (``refreshed``, or ``missed`` and why).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from flxdesk.gui.floor.floor_mirror import FloorMirror

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.floor.floor_view import FloorView


class FloorParts:
    def __init__(
        self, floor: FloorSession, window_seconds: Callable[[], float], parent: QWidget
    ) -> None:
        """``window_seconds()``: the duplicate guard's window now (a station setting);
        ``parent``: the window, over which View → Floor… opens. The mirror starts reading
        at once, off the window's thread."""
        self._parent = parent
        self._floor = floor
        self._view: FloorView | None = None
        self.mirror = FloorMirror(floor, window_seconds, parent)
        self.mirror.start()

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
        self.mirror.stop()
        if self._view is not None:
            self._view.hide()
