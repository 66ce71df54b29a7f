"""When the window shows the held panel: made when updates are first held (most sessions
never need it), refreshed when the count, the destination or the token changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from flxdesk.gui.sending.held_panel import HeldPanel
    from flxdesk.gui.window.main_window import MainWindow


class HeldWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._panel: HeldPanel | None = None
        window.engine_thread.heldChanged.connect(self.on_held_changed)

    @property
    def panel(self) -> HeldPanel:
        if self._panel is None:
            from flxdesk.gui.sending.held_panel import HeldPanel

            window = self._window
            self._panel = HeldPanel(window.store, window.engine_thread, window.model.reload, window)
            window.stack.place("held_panel", self._panel)
        return self._panel

    @Slot(int)
    def on_held_changed(self, held: int) -> None:
        self._window.status.show_held(held)
        self.refresh(made_if_needed=bool(held))

    def refresh(self, made_if_needed: bool = False) -> None:
        """What is held depends on the current destination and token: shown as it is now."""
        wanted = made_if_needed or self._panel is not None
        if wanted and self._window.history_pane_made and self._window.model.attached:
            self.panel.refresh()
