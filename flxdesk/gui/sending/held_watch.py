"""When the window shows the held panel: made when updates are first held (most sessions
never need it), refreshed when the count, the destination or the token changes.

The status bar's count follows the engine's ``heldChanged`` itself (the composer,
``flxdesk.gui.window.wiring``, connects it); this only decides about the panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from flxdesk.gui.history.model import HistoryModel
    from flxdesk.gui.sending.engine_thread import EngineThread
    from flxdesk.gui.sending.held_panel import HeldPanel
    from flxdesk.gui.window.notices import WindowStack
    from flxdesk.history.store import HistoryStore


class HeldWindow(Protocol):
    """What the held watch reads of the window (the store and model once they exist),
    and the stack its panel goes in."""

    engine_thread: EngineThread
    stack: WindowStack

    @property
    def history_pane_made(self) -> bool: ...

    # Read only: properties of the window (the history once open, its pane made on use).
    @property
    def store(self) -> HistoryStore: ...

    @property
    def model(self) -> HistoryModel: ...


class HeldWatch(QObject):
    def __init__(self, window: HeldWindow, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window
        self._panel: HeldPanel | None = None
        window.engine_thread.heldChanged.connect(self.on_held_changed)

    @property
    def panel(self) -> HeldPanel:
        if self._panel is None:
            from flxdesk.gui.sending.held_panel import HeldPanel

            window = self._window
            parent = self.parent()
            self._panel = HeldPanel(window.store, window.engine_thread, window.model.reload, parent)
            window.stack.place("held_panel", self._panel)
        return self._panel

    @Slot(int)
    def on_held_changed(self, held: int) -> None:
        self.refresh(made_if_needed=bool(held))

    def refresh(self, made_if_needed: bool = False) -> None:
        """What is held depends on the current destination and token: shown as it is now."""
        wanted = made_if_needed or self._panel is not None
        if wanted and self._window.history_pane_made and self._window.model.attached:
            self.panel.refresh()
