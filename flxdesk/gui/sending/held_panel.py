"""Updates held because they were queued for another destination, and the person's choice.

One line per destination: why the updates wait, a button to send them to the current
destination and one to discard them. Nothing happens without a click: sending to
another API address asks first, naming both addresses; sending with a new token is
one click on a button that asks the question itself; discarding asks first and
records why in each row (cancelled, never deleted).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from flxdesk.gui.common.colour_scheme import follow_scheme, notice_style
from flxdesk.gui.common.history_change import change_history
from flxdesk.gui.common.question import ask
from flxdesk.history.store import HistoryStore
from flxdesk.host.i18n import translate
from flxdesk.orders.destination import Destination, HeldGroup, HeldReason, describe_url
from flxdesk.station.palette import NOTICE, Scheme

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from flxdesk.gui.sending.engine_thread import EngineThread


class HeldPanel(QFrame):
    def __init__(
        self,
        store: HistoryStore,
        engine: EngineThread,
        on_changed: Callable[[], None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("heldPanel")
        self.setAccessibleName(self.tr("Updates held for another destination"))
        follow_scheme(self, self._colour)
        self._store = store
        self._engine = engine
        self._on_changed = on_changed
        self._layout = QVBoxLayout(self)
        self.groups: list[HeldGroup] = []
        self.hide()

    def _colour(self, scheme: Scheme) -> None:
        self.setStyleSheet(notice_style("heldPanel", NOTICE["held"][scheme], bold=True))

    def current(self) -> Destination:
        return self._engine.destination

    @Slot()
    def refresh(self) -> None:
        """Show the held groups as they are in the store now (hidden when none)."""
        current = self.current()
        self.groups = self._store.held_groups(current)
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for group in self.groups:
            self._layout.addWidget(self._group_line(group, current))
        self.setVisible(bool(self.groups))

    def _group_line(self, group: HeldGroup, current: Destination) -> QFrame:
        line = QFrame()
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        text = group.describe(current)
        if group.reason(current) is HeldReason.OTHER_TOKEN:
            text += " " + self.tr("Send them with the new token?")
            send = QPushButton(self.tr("Send with the new token"))
            send.clicked.connect(lambda: self._send(group, current))
        else:
            send = QPushButton(self.tr("Send to {url}…").format(url=describe_url(current.api_url)))
            send.clicked.connect(lambda: self._confirm_send(group, current))
        label = QLabel(text)
        label.setObjectName("heldText")
        label.setWordWrap(True)
        send.setObjectName("sendHeldButton")
        discard = QPushButton(self.tr("Discard…"))
        discard.setObjectName("discardHeldButton")
        discard.clicked.connect(lambda: self._confirm_discard(group, current))
        row.addWidget(label, 1)
        row.addWidget(send)
        row.addWidget(discard)
        return line

    def _confirm_send(self, group: HeldGroup, current: Destination) -> None:
        there, here = describe_url(group.api_url), describe_url(current.api_url)
        count = group.updates
        ask(
            self,
            "sendHeldBox",
            self.tr("Send held updates elsewhere"),
            translate(
                "HeldPanel",
                "Send the %Ln update(s) queued for {there} to {here} instead?",
                None,
                count,
            ).format(there=there, here=here),
            self.tr(
                "They were meant for {there}. Send them to {here} only if it is the same "
                "Flxpoint account and these orders should change there."
            ).format(there=there, here=here),
            lambda: self._send(group, current),
        )

    def _confirm_discard(self, group: HeldGroup, current: Destination) -> None:
        count = group.updates
        ask(
            self,
            "discardHeldBox",
            self.tr("Discard held updates"),
            translate(
                "HeldPanel", "Discard the %Ln update(s) held for {there}?", None, count
            ).format(there=describe_url(group.api_url)),
            self.tr("They are never sent. They stay in the history as cancelled, with the reason."),
            lambda: self._discard(group, current),
        )

    def _send(self, group: HeldGroup, current: Destination) -> None:
        if self.current() != current:  # the token changed while the question was open
            self.refresh()
            return
        moved = self._write(lambda: self._store.redirect_held(group, current))
        if moved is None:
            return
        log.info(
            "The person sent %d held updates (queued for %s) to %s",
            moved,
            describe_url(group.api_url),
            describe_url(current.api_url),
        )
        self._after_change()

    def _discard(self, group: HeldGroup, current: Destination) -> None:
        discarded = self._write(
            lambda: self._store.discard_held(group, group.discard_reason(current))
        )
        if discarded is None:
            return
        log.info("The person discarded %d held updates", discarded)
        self._after_change()

    def _write(self, change: Callable[[], int]) -> int | None:
        """``change()``, or None with a message when the history cannot be written now."""
        return change_history(self, self.tr("Nothing changed"), self._store.path, change)

    def _after_change(self) -> None:
        self._engine.wake()
        self._on_changed()
        self.refresh()
