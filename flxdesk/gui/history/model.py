"""A lazy table model over the history store: newest first, fetched a page at a time.

Only the rows the view has scrolled to are read, so 100,000 rows open as fast as 100.
With a filter set (``set_filter``), the pages come from flxdesk.history.query: the
matches counted when the filter was set, a page at a time through an index, so a
filter change on a million rows reads one page too. flxdesk.history.query is imported
with the first filter, not before the window's first paint.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QStandardItemModel

from flxdesk.gui.common.roles import DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE
from flxdesk.history.store import HistoryStore, State, UpdateRow
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.orders.statuses import status_label
from flxdesk.station.palette import STATE_TEXT, Scheme

if TYPE_CHECKING:
    from flxdesk.history.query import HistoryFilter, Matches

PAGE_SIZE = 256
# Rows a window keeps loaded after scans pushed older ones down (see add_new).
LOADED_ROWS_KEPT = 4 * PAGE_SIZE
COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "Time"),
    QT_TRANSLATE_NOOP("HistoryModel", "Order ID"),
    QT_TRANSLATE_NOOP("HistoryModel", "Status"),
    QT_TRANSLATE_NOOP("HistoryModel", "Note"),
    QT_TRANSLATE_NOOP("HistoryModel", "Result"),
)  # English: also the columns' keys

# The result column's colour per state and colour scheme (4.5:1 on either background).
STATE_COLOURS = {
    scheme: {State(state): QColor(colours[scheme]) for state, colours in STATE_TEXT.items()}
    for scheme in Scheme
}

ModelIndex = QModelIndex | QPersistentModelIndex


def format_time(timestamp: float) -> str:
    local = time.localtime(timestamp)
    if time.strftime("%Y-%m-%d", local) == time.strftime("%Y-%m-%d"):
        return time.strftime("%H:%M:%S", local)
    return time.strftime("%Y-%m-%d %H:%M", local)


def result_text(row: UpdateRow) -> str:
    if row.state is State.SENT:
        return translate("HistoryModel", "Sent")
    if row.state is State.FAILED:
        return translate("HistoryModel", "Failed: {reason}").format(reason=row.message)
    if row.state is State.SENDING:
        return translate("HistoryModel", "Sending…")
    if row.state is State.CANCELLED:
        return translate("HistoryModel", "Cancelled")
    if row.message:  # waiting to be retried: say why
        return translate("HistoryModel", "Queued, retrying: {reason}").format(reason=row.message)
    if row.resent:
        return translate("HistoryModel", "Queued again (may be sent twice)")
    return translate("HistoryModel", "Queued")


def header_labels(parent=None) -> QStandardItemModel:
    """Column titles for the history view's horizontal header.

    The header reads its titles from this small C++ model instead of a Python
    ``headerData`` override: PySide6 builds its whole ``Qt`` enum namespace (~11 ms)
    the first time it passes a ``Qt.Orientation`` to Python, which would delay the
    window's first paint. Set it with ``view.horizontalHeader().setModel(...)``
    after ``view.setModel(history_model)``.
    """
    labels = QStandardItemModel(0, len(COLUMNS), parent)
    labels.setHorizontalHeaderLabels([translate("HistoryModel", title) for title in COLUMNS])
    return labels


class HistoryModel(QAbstractTableModel):
    def __init__(self, store: HistoryStore, parent=None) -> None:
        super().__init__(parent)
        self._store: HistoryStore | None = store
        self._rows: list[UpdateRow] = []
        self._exhausted = False
        self._scheme = Scheme.LIGHT
        self._filter: HistoryFilter | None = None  # None: every row
        self._matches: Matches | None = None  # the filter's snapshot
        self.match_count: int | None = None  # rows the filter matches; None: not counted
        self.fetchMore(QModelIndex())

    # --- reading ---------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @property
    def attached(self) -> bool:
        """False once the store is about to close: nobody may read it any more."""
        return self._store is not None

    def detach(self) -> None:
        """Stop reading the store (it is about to close); the rows shown stay as they are."""
        self._exhausted = True
        self._store = None

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        before = self._rows[-1].id if self._rows else None
        page = self._page(before)
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def data(self, index: ModelIndex, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY_ROLE:
            return (
                format_time(row.created_at),
                row.order_id,
                status_label(row.status),
                row.note,
                result_text(row),
            )[column]
        if role == TOOLTIP_ROLE:
            return row.detail or row.message or None
        if role == FOREGROUND_ROLE and column == COLUMNS.index("Result"):
            return QBrush(STATE_COLOURS[self._scheme][row.state])
        return None

    def set_scheme(self, scheme: Scheme) -> None:
        """Colours for a light or dark window."""
        if scheme is not self._scheme:
            self._scheme = scheme
            if self._rows:
                last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def row_at(self, position: int) -> UpdateRow:
        return self._rows[position]

    def _page(self, before_id: int | None) -> list[UpdateRow]:
        if self._store is None:  # detached: nobody may read the store (reload, fetchMore)
            return []
        if self._matches is None:
            return self._store.newest(PAGE_SIZE, before_id=before_id)
        return self._matches.page(PAGE_SIZE, before_id)

    # --- filter ----------------------------------------------------------------------
    @property
    def filter(self) -> HistoryFilter | None:
        return self._filter

    def set_filter(self, f: HistoryFilter | None) -> None:
        """Show only the rows ``f`` matches (None, or a filter of nothing: every row),
        from the newest; counts them in ``match_count``."""
        self._filter = None if f is None or f.matches_all else f
        self.reload()

    # --- changes -------------------------------------------------------------------
    def reload(self) -> None:
        """Start again from the newest page (after many rows were added or changed)."""
        if self._store is None:
            return
        self._matches = None
        self.match_count = None
        if self._filter is not None:
            from flxdesk.history.query import HistoryQuery

            self._matches = HistoryQuery(self._store).run(self._filter)
            self.match_count = self._matches.count
        self.beginResetModel()
        self._rows = self._page(None)
        self._exhausted = len(self._rows) < PAGE_SIZE
        self.endResetModel()

    def add_new(self, update_id: int) -> None:
        """Show a just-queued update at the top."""
        row = self._store.get(update_id) if self._store else None
        if row is None:
            return
        if self._matches is not None:  # filtered: shown only when it matches
            if not self._matches.includes(update_id):
                return
            self.match_count = (self.match_count or 0) + 1
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()
        self._forget_oldest_loaded()

    def _forget_oldest_loaded(self) -> None:
        """Keep memory flat through a whole shift of scans: the oldest loaded rows go.

        They stay in the store and are read again if someone scrolls down to them.
        """
        if len(self._rows) <= 2 * LOADED_ROWS_KEPT:
            return
        self.beginRemoveRows(QModelIndex(), LOADED_ROWS_KEPT, len(self._rows) - 1)
        del self._rows[LOADED_ROWS_KEPT:]
        self.endRemoveRows()
        self._exhausted = self._store is None

    def refresh(self, update_id: int) -> None:
        """Re-read one update after the worker changed it."""
        position = self._position(update_id)
        if position is None:
            return  # not loaded yet; it will be read when scrolled to
        fresh = self._store.get(update_id) if self._store else None
        if fresh is None:
            return
        self._rows[position] = fresh
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    def _position(self, update_id: int) -> int | None:
        """Where ``update_id`` is among the loaded rows, or None."""
        position = bisect_left(self._rows, -update_id, key=lambda row: -row.id)
        if position < len(self._rows) and self._rows[position].id == update_id:
            return position
        if self._matches is not None and self._matches.where.key == "time":
            # In time order; ids are out of order only if the clock was set back.
            return next((n for n, row in enumerate(self._rows) if row.id == update_id), None)
        return None
