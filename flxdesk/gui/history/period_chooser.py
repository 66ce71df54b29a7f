"""Choosing a period: any time, today, this shift, or a range of days.

Shared by the history pane's filter and the shift summary dialog. The two date
fields are made the first time "Dates…" is chosen, so a window that never asks
for dates does not build them before its first paint. Both days are included,
as people read a date range.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from flxdesk.history.periods import SHIFT_HOURS, Period, between, parse_moment, this_shift, today
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate

ANY_TIME, TODAY, SHIFT, DATES = "any", "today", "shift", "dates"
CHOICES = {
    ANY_TIME: QT_TRANSLATE_NOOP("PeriodChooser", "Any time"),
    TODAY: QT_TRANSLATE_NOOP("PeriodChooser", "Today"),
    SHIFT: QT_TRANSLATE_NOOP("PeriodChooser", "This shift (last {hours} hours)"),
    DATES: QT_TRANSLATE_NOOP("PeriodChooser", "Dates…"),
}


def choice_text(key: str) -> str:
    """The words of a choice, in the window's language."""
    return translate("PeriodChooser", CHOICES[key]).format(hours=SHIFT_HOURS)


DEFAULT_RANGE_DAYS = 7


def days_period(first: date, last: date, now: float | None = None) -> Period:
    """From the start of ``first`` to the end of ``last`` (either order), local time."""
    first, last = min(first, last), max(first, last)
    end = parse_moment(last.isoformat(), end_of_day=True)
    return between(parse_moment(first.isoformat()), end, now)


class PeriodChooser(QWidget):
    changed = Signal()

    def __init__(self, name: str, *, any_time: bool, initial: str, parent=None) -> None:
        """``name`` prefixes the objectNames (``historyPeriod``, ``historyFrom``...)."""
        super().__init__(parent)
        self._name = name
        self.keys = [key for key in CHOICES if any_time or key != ANY_TIME]
        self.combo = QComboBox()
        self.combo.setObjectName(f"{name}Period")
        self.combo.addItems([choice_text(key) for key in self.keys])
        self.combo.setCurrentIndex(self.keys.index(initial))
        self.combo.setAccessibleName(self.tr("Period"))
        self.combo.setAccessibleDescription(
            self.tr(
                "Which updates to include by when they were queued: {choices} (choose the "
                "first and last day)"
            ).format(choices=", ".join(choice_text(key).rstrip("…") for key in self.keys))
        )
        self.combo.currentIndexChanged.connect(self._on_choice)
        self.first_day: QDateEdit | None = None  # made when "Dates…" is first chosen
        self.last_day: QDateEdit | None = None
        self._date_widgets: list[QWidget] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.combo)

    @property
    def key(self) -> str:
        return self.keys[self.combo.currentIndex()]

    def choose(self, key: str) -> None:
        self.combo.setCurrentIndex(self.keys.index(key))

    def set_days(self, first: date, last: date) -> None:
        """Choose "Dates…" from ``first`` to ``last``, both included (one change)."""
        if self.first_day is None:
            self._make_date_fields()
        assert self.first_day is not None and self.last_day is not None
        for field, day in ((self.first_day, first), (self.last_day, last)):
            field.blockSignals(True)
            field.setDate(_qdate(day))
            field.blockSignals(False)
        if self.key == DATES:
            self.changed.emit()
        else:
            self.choose(DATES)

    def period(self, now: float | None = None) -> Period | None:
        """The chosen period, None for any time."""
        key = self.key
        if key == TODAY:
            return today(now)
        if key == SHIFT:
            return this_shift(now)
        if key == DATES and self.first_day is not None and self.last_day is not None:
            return days_period(_day(self.first_day.date()), _day(self.last_day.date()))
        return None

    @Slot(int)
    def _on_choice(self, _index: int) -> None:
        dates = self.key == DATES
        if dates and self.first_day is None:
            self._make_date_fields()
        for widget in self._date_widgets:
            widget.setVisible(dates)
        self.changed.emit()

    def _make_date_fields(self) -> None:
        last = date.today()
        fields = []
        for role, day, name, description in (
            (
                "From",
                last - timedelta(days=DEFAULT_RANGE_DAYS - 1),
                self.tr("First day of the period"),
                self.tr("First day to include, the whole day; year-month-day"),
            ),
            (
                "To",
                last,
                self.tr("Last day of the period"),
                self.tr("Last day to include, the whole day; year-month-day"),
            ),
        ):
            field = QDateEdit(_qdate(day))
            field.setObjectName(f"{self._name}{role}")
            field.setCalendarPopup(True)
            field.setDisplayFormat("yyyy-MM-dd")
            field.setAccessibleName(name)
            field.setAccessibleDescription(description)
            field.dateChanged.connect(self.changed)
            fields.append(field)
        self.first_day, self.last_day = fields
        self._date_widgets = [self.first_day, QLabel(self.tr("to")), self.last_day]
        for widget in self._date_widgets:
            self._layout.addWidget(widget)
        # Made after the rest of the window: put them right after the choice when tabbing.
        QWidget.setTabOrder(self.combo, self.first_day)
        QWidget.setTabOrder(self.first_day, self.last_day)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
