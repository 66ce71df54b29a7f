"""The window's parts that exist only on a station with a floor, made with the engine.

The mirror of other stations' recent updates, which the scan desk's duplicate guard
reads (so the same box scanned at PACK-1 and then here is held, naming PACK-1), the
status bar's floor line, and View → Floor…, shown only on such a station.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flxdesk.gui.floor.floor_mirror import FloorMirror

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.floor.floor_view import FloorView
    from flxdesk.gui.sending.engine_thread import EngineThread
    from flxdesk.gui.window.status_bar import StationStatusBar
    from flxdesk.station.duplicate_guard import DuplicateGuard


class FloorParts:
    def __init__(
        self,
        floor: FloorSession,
        guard: DuplicateGuard,
        floor_action: QAction,
        status: StationStatusBar,
        engine_thread: EngineThread,
        parent: QWidget,
    ) -> None:
        """``guard``: the scan desk's, which then also holds what other stations just
        did; ``floor_action``: View → Floor…, shown; ``parent``: the window."""
        self._parent = parent
        self._floor = floor
        self._view: FloorView | None = None
        self.mirror = FloorMirror(floor, lambda: guard.window_seconds, parent)
        guard.elsewhere = self.mirror.recent.lookup
        floor_action.setVisible(True)
        status.follow_floor(engine_thread, floor)
        self.mirror.start()

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
