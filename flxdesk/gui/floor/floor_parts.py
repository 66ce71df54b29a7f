"""The window's parts that exist only on a station with a floor, made with the engine.

The mirror of other stations' recent updates, which the scan desk's duplicate guard
reads (so the same box scanned at PACK-1 and then here is held, naming PACK-1), the
status bar's floor line, and View → Floor…, shown only on such a station.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flxdesk.gui.floor.floor_mirror import FloorMirror

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.floor.floor_view import FloorView
    from flxdesk.gui.window.main_window import MainWindow


class FloorParts:
    def __init__(self, window: MainWindow, floor: FloorSession) -> None:
        self._window = window
        self._floor = floor
        self._view: FloorView | None = None
        guard = window.scan_desk.guard
        self.mirror = FloorMirror(floor, lambda: guard.window_seconds, window)
        guard.elsewhere = self.mirror.recent.lookup
        window.menus.floor_action.setVisible(True)
        window.status.follow_floor(window.engine_thread, floor)
        self.mirror.start()

    def open_view(self) -> FloorView:
        """View → Floor…: one window, not modal (scans go on behind it)."""
        from flxdesk.gui.floor.floor_view import FloorView

        if self._view is None:
            self._view = FloorView(self._floor, self._window)
        self._view.show()
        self._view.activateWindow()
        return self._view

    def stop(self) -> None:
        self.mirror.stop()
        if self._view is not None:
            self._view.hide()
