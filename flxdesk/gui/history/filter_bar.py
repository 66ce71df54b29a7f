"""The history pane's filter row: order ID search, exact or prefix, state, period.

Typing waits for a short pause before the filter runs (Enter runs it at once), so a
scanned or typed ID costs one query, not one per character. The choices apply at
once. ``current()`` is the filter the row shows, as a flxdesk.history.query filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from flxdesk.gui.history.period_chooser import ANY_TIME, PeriodChooser
from flxdesk.host.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from flxdesk.history.periods import Period
    from flxdesk.history.query import HistoryFilter

TYPING_PAUSE_MS = 300
STATE_CHOICES = (
    ("all", QT_TRANSLATE_NOOP("HistoryFilterBar", "All results")),
    ("failed", QT_TRANSLATE_NOOP("HistoryFilterBar", "Failed only")),
    ("waiting", QT_TRANSLATE_NOOP("HistoryFilterBar", "Waiting only")),
)


class HistoryFilterBar(QWidget):
    changed = Signal()  # the filter shown changed; run it

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(self.tr("Find order ID (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find order ID in the history"))
        self.search.setAccessibleDescription(
            self.tr(
                "Shows the updates whose order ID starts with what you type, or is exactly it "
                "when Exact ID is ticked. Enter searches at once."
            )
        )
        self.exact = QCheckBox(self.tr("Exact ID"))
        self.exact.setObjectName("historyExact")
        self.exact.setAccessibleName(self.tr("Exact order ID"))
        self.exact.setAccessibleDescription(
            self.tr("Ticked: only this order ID. Not ticked: every order ID that starts with it.")
        )
        self.state = QComboBox()
        self.state.setObjectName("historyState")
        self.state.addItems([self.tr(text) for _, text in STATE_CHOICES])
        self.state.setAccessibleName(self.tr("Result"))
        self.state.setAccessibleDescription(
            self.tr("All results; only failed updates; or only updates waiting to be sent")
        )
        self.period = PeriodChooser("history", any_time=True, initial=ANY_TIME)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, stretch=1)
        layout.addWidget(self.exact)
        layout.addWidget(self.state)
        layout.addWidget(self.period)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textEdited.connect(self._typing.start)
        self.search.returnPressed.connect(self.apply_now)
        self.exact.toggled.connect(self._on_exact)
        self.state.currentIndexChanged.connect(self.apply_now)
        self.period.changed.connect(self.apply_now)

    @Slot()
    def apply_now(self) -> None:
        self._typing.stop()
        self.changed.emit()

    @Slot(bool)
    def _on_exact(self, _checked: bool) -> None:
        if self.search.text().strip():  # no ID typed: the same rows either way
            self.apply_now()

    def period_bounds(self) -> Period | None:
        return self.period.period()

    def current(self) -> HistoryFilter:
        from flxdesk.history.query import HistoryFilter, IdMatch, StateFilter

        period = self.period_bounds()
        return HistoryFilter(
            order_text=self.search.text(),
            id_match=IdMatch.EXACT if self.exact.isChecked() else IdMatch.PREFIX,
            states=StateFilter(STATE_CHOICES[self.state.currentIndex()][0]),
            since=None if period is None else period.since,
            until=None if period is None else period.until,
        )

    def tab_chain(self) -> list[QWidget]:
        """The row's fields in the order Tab visits them."""
        dates = [self.period.first_day, self.period.last_day]
        fields = [self.search, self.exact, self.state, self.period.combo]
        return fields + [field for field in dates if field is not None]
