"""The history pane stays lazy: 100,000 rows open with one page read, and scroll in pages."""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from flxdesk.gui.history.model import LOADED_ROWS_KEPT, PAGE_SIZE, HistoryModel
from flxdesk.history.store import HistoryStore
from flxdesk.host.paths import AppPaths
from flxdesk.orders.destination import Destination

ROWS = 100_000


def fill(store: HistoryStore, count: int) -> None:
    """Bulk-insert finished rows straight into the file, as a long-used install would have."""
    with sqlite3.connect(store.path) as db:
        db.executemany(
            "INSERT INTO updates (order_id, status, note, state, created_at, finished_at,"
            " http_code, outcome, message) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (str(n), "Closed", "", "sent", time.time(), time.time(), 201, "success", "ok")
                for n in range(count)
            ),
        )


def test_hundred_thousand_rows_open_lazily_and_scroll(qtbot: QtBot, paths: AppPaths) -> None:
    store = HistoryStore(paths.history_db)
    fill(store, ROWS)
    model = HistoryModel(store)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)

    assert model.rowCount() == PAGE_SIZE
    assert model.index(0, 1).data() == str(ROWS - 1)  # newest first
    for _ in range(5):
        view.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE)
    assert PAGE_SIZE < model.rowCount() < ROWS  # only what was scrolled to was read
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == ROWS
    assert model.index(ROWS - 1, 1).data() == "0"


def test_new_rows_appear_on_top_and_refresh_in_place(qtbot: QtBot, paths: AppPaths) -> None:
    store = HistoryStore(paths.history_db)
    fill(store, 3)
    model = HistoryModel(store)
    update_id = store.add_queued("A-1", "Open", "n", destination=Destination("demo"))
    model.add_new(update_id)
    assert model.index(0, 1).data() == "A-1"
    assert model.index(0, 4).data() == "Queued"
    store.complete(
        update_id,
        ok=False,
        attempts=1,
        http_code=404,
        outcome="not_found",
        message="Order A-1 was not found",
        detail="HTTP 404",
    )
    with qtbot.waitSignal(model.dataChanged):
        model.refresh(update_id)
    assert model.index(0, 4).data() == "Failed: Order A-1 was not found"
    assert model.index(0, 4).data(3) == "HTTP 404"  # tooltip role shows the detail
    assert model.rowCount() == 4


def test_a_shift_of_scans_keeps_the_loaded_rows_bounded(qtbot: QtBot, paths: AppPaths) -> None:
    """Scans all day must not grow the window's memory; older rows are read back on scroll."""
    store = HistoryStore(paths.history_db)
    model = HistoryModel(store)
    scans = 2 * LOADED_ROWS_KEPT + 50
    for number in range(scans):
        model.add_new(store.add_queued(str(number), "Closed", "", destination=Destination("demo")))
        assert model.rowCount() <= 2 * LOADED_ROWS_KEPT
    assert model.index(0, 1).data() == str(scans - 1)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == scans
    assert [model.index(row, 1).data() for row in range(scans)] == [
        str(number) for number in reversed(range(scans))
    ]


def test_role_ints_match_qt() -> None:
    from PySide6.QtCore import Qt

    from flxdesk.gui.common import roles

    assert Qt.ItemDataRole.DisplayRole.value == roles.DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == roles.TOOLTIP_ROLE
    assert Qt.ItemDataRole.ForegroundRole.value == roles.FOREGROUND_ROLE


def test_a_filter_pages_its_matches_and_reload_runs_it_again(qtbot: QtBot, paths: AppPaths) -> None:
    from flxdesk.history.query import HistoryFilter

    store = HistoryStore(paths.history_db)
    fill(store, 3 * PAGE_SIZE)  # order IDs "0" to "767"
    model = HistoryModel(store)
    model.set_filter(HistoryFilter("1"))  # 1, 10-19, 100-199: 111 rows
    assert model.match_count == model.rowCount() == 111
    assert not model.canFetchMore(QModelIndex())
    assert [model.index(n, 1).data() for n in (0, 110)] == ["199", "1"]

    later = store.add_queued("1000", "Closed", "", destination=Destination("demo"))
    assert model.rowCount() == 111  # a snapshot until it runs again
    model.reload()
    assert (model.match_count, model.index(0, 1).data()) == (112, "1000")
    model.add_new(store.add_queued("2", "Closed", "", destination=Destination("demo")))
    assert model.rowCount() == 112  # does not match: not shown
    assert model.row_at(0).id == later

    model.set_filter(HistoryFilter())  # a filter of nothing: the plain history
    assert model.filter is None and model.match_count is None
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore(QModelIndex())
