"""The history pane in the real window: search, filters, details, copy, retry and export.

The search and filter tests run over a million-row history (support.big_history);
retries go through the window's engine to the demo API.
"""

from __future__ import annotations

import csv
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from flxdesk.gui.history.model import PAGE_SIZE
from flxdesk.gui.history.pane import ALL_UPDATES, HistoryPane
from flxdesk.gui.history.period_chooser import DATES, TODAY, days_period
from flxdesk.gui.start.startup import RunningApp
from flxdesk.history.periods import today
from flxdesk.history.store import State
from support.big_history import insert_failed
from support.window import scan, visible_child


def pane_of(running: RunningApp) -> HistoryPane:
    pane = running.window.history_pane
    assert pane.view is running.window.history_view and pane.model is running.window.model
    return pane


def sql_ids(running: RunningApp, where: str, args: tuple = ()) -> list[int]:
    """The ids a filter should show, newest first, by a plain scan of the table."""
    rows = running.store.connection.execute(
        f"SELECT id FROM updates NOT INDEXED WHERE {where} ORDER BY id DESC", args
    )
    return [row_id for (row_id,) in rows]


def shown_ids(pane: HistoryPane) -> list[int]:
    """Every row the filter shows, reading the rest of its pages as scrolling would."""
    while pane.model.canFetchMore(QModelIndex()):
        pane.model.fetchMore(QModelIndex())
    return [pane.model.row_at(n).id for n in range(pane.model.rowCount())]


def search(qtbot: QtBot, pane: HistoryPane, text: str) -> None:
    box = pane.findChild(QLineEdit, "historySearch")
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # at once, not after the typing pause


def choose(pane: HistoryPane, name: str, text: str) -> None:
    combo = pane.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findText(text))


def test_search_and_filters_show_exactly_the_matches_of_a_million_rows_one_page_at_a_time(
    qtbot: QtBot, big_demo_app: RunningApp
) -> None:
    pane = pane_of(big_demo_app)
    assert pane.model.rowCount() == PAGE_SIZE and pane.count_label.text() == ALL_UPDATES

    search(qtbot, pane, "1003")  # a prefix: order IDs 1003xxx
    wanted = sql_ids(big_demo_app, "substr(order_id, 1, 4) = '1003'")
    assert pane.model.rowCount() == PAGE_SIZE  # one page read, however many match
    assert pane.model.match_count == len(wanted) > PAGE_SIZE
    assert pane.count_label.text() == f"{len(wanted):,} updates match"
    assert shown_ids(pane) == wanted

    newest = big_demo_app.store.newest(1)[0].order_id
    search(qtbot, pane, newest)
    with qtbot.waitSignal(pane.model.modelReset):
        qtbot.mouseClick(pane.findChild(QCheckBox, "historyExact"), Qt.MouseButton.LeftButton)
    assert shown_ids(pane) == sql_ids(big_demo_app, "order_id = ?", (newest,))
    pane.findChild(QCheckBox, "historyExact").setChecked(False)

    search(qtbot, pane, "")
    choose(pane, "historyState", "Failed only")
    assert pane.model.rowCount() == PAGE_SIZE
    assert pane.model.match_count == len(sql_ids(big_demo_app, "state = 'failed'"))
    assert {pane.model.row_at(n).state for n in range(PAGE_SIZE)} == {State.FAILED}

    choose(pane, "historyPeriod", "Today")
    since = today().since
    assert shown_ids(pane) == sql_ids(
        big_demo_app, "state = 'failed' AND created_at >= ?", (since,)
    )
    choose(pane, "historyState", "Waiting only")
    assert shown_ids(pane) == sql_ids(
        big_demo_app, "state IN ('queued', 'sending') AND created_at >= ?", (since,)
    )

    choose(pane, "historyState", "All results")
    first, last = date.today() - timedelta(days=40), date.today() - timedelta(days=38)
    pane.filters.period.set_days(first, last)
    period = days_period(first, last)
    wanted = sql_ids(big_demo_app, "created_at >= ? AND created_at < ?", period[:2])
    assert pane.model.match_count == len(wanted) > PAGE_SIZE
    assert shown_ids(pane) == wanted

    choose(pane, "historyPeriod", "Any time")
    assert pane.model.match_count is None and pane.count_label.text() == ALL_UPDATES
    assert pane.model.rowCount() == PAGE_SIZE


def test_typing_a_search_waits_for_a_pause_then_filters(
    qtbot: QtBot, big_demo_app: RunningApp
) -> None:
    pane = pane_of(big_demo_app)
    resets = []
    pane.model.modelReset.connect(lambda: resets.append(pane.model.match_count))
    with qtbot.waitSignal(pane.model.modelReset, timeout=5_000):
        qtbot.keyClicks(pane.findChild(QLineEdit, "historySearch"), "10042")
    assert len(resets) == 1  # one query for the five characters
    assert shown_ids(pane) == sql_ids(big_demo_app, "substr(order_id, 1, 5) = '10042'")


def test_retry_selected_goes_through_the_engine_to_the_demo_api(
    qtbot: QtBot, big_demo_app: RunningApp
) -> None:
    pane = pane_of(big_demo_app)
    failed_id = insert_failed(big_demo_app.store.connection, "1500", "On Hold")
    search(qtbot, pane, "1500")
    choose(pane, "historyState", "Failed only")
    assert shown_ids(pane) == [failed_id]

    pane.view.setFocus()
    pane.view.selectRow(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    ((original, retry_id),) = pane.last_retry.queued
    assert original == failed_id
    assert pane.message.text() == "1 update queued again."
    qtbot.waitUntil(lambda: big_demo_app.store.get(retry_id).state is State.SENT, timeout=10_000)
    (request,) = [seen for seen in big_demo_app.demo_api.requests if seen.order_id == "1500"]
    assert request.answer == 201 and request.query["status"] == ["On Hold"]
    retry = big_demo_app.store.get(retry_id)
    assert (retry.retry_of, retry.http_code) == (failed_id, 201)

    pane.view.selectRow(0)  # the failed original, still failed; its chain names the retry
    details = pane.findChild(QPlainTextEdit, "historyDetails").toPlainText()
    assert "Retry chain, oldest first:" in details
    assert f"  {retry_id}  " in details and f"(retry of {failed_id})" in details


def test_retry_all_failed_asks_first_and_the_duplicate_guard_holds_a_repeat(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    pane = pane_of(demo_app)
    for order_id in ("55", "56", "1500"):
        scan(qtbot, demo_app.window, order_id)
    qtbot.waitUntil(lambda: len(demo_app.demo_api.requests) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: demo_app.store.count_by_state()[State.SENT] == 1)
    qtbot.waitUntil(lambda: demo_app.store.count_by_state()[State.FAILED] == 2)
    held_id = insert_failed(demo_app.store.connection, "1500")  # sent a moment ago

    pane.view.setFocus()
    qtbot.keyClick(
        pane.view,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    box = visible_child(demo_app.window, QMessageBox, "retryAllBox")
    assert box.text() == "Queue the 3 failed updates in the whole history again?"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    report = pane.last_retry
    assert len(report.queued) == 2
    ((skipped_id, reason),) = report.skipped
    assert skipped_id == held_id and reason.startswith("Order 1500 was already set to Closed at")
    assert pane.message.text() == f"2 updates queued again. 1 not retried: {reason}"
    qtbot.waitUntil(lambda: len(demo_app.demo_api.requests) == 5, timeout=10_000)
    assert sorted(seen.order_id for seen in demo_app.demo_api.requests) == [
        "1500",
        "55",
        "55",
        "56",
        "56",
    ]

    # Asked again at once, as a scan repeated: the person means it, it is sent.
    rows = [pane.model.row_at(n).id for n in range(pane.model.rowCount())]
    pane.view.selectRow(rows.index(held_id))
    demo_app.window.activateWindow()  # the question's window has closed
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert [original for original, _ in pane.last_retry.queued] == [held_id]
    qtbot.waitUntil(lambda: len(demo_app.demo_api.requests) == 6, timeout=10_000)
    assert demo_app.demo_api.requests[-1].order_id == "1500"


def test_the_details_pane_shows_the_404_message_of_a_failed_scan(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    pane = pane_of(demo_app)
    scan(qtbot, demo_app.window, "55")
    qtbot.waitUntil(lambda: demo_app.store.count_by_state()[State.FAILED] == 1, timeout=10_000)
    details = pane.findChild(QPlainTextEdit, "historyDetails")
    assert details.toPlainText() == ""  # nothing selected yet

    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Home)  # the keyboard selects the newest row
    text = details.toPlainText()
    assert "HTTP code: 404" in text
    assert "Server's message: Order 55 was not found in Flxpoint (404). Check the ID." in text
    assert "Attempts: 1" in text and "Resent: no" in text and "Queued: " in text
    assert details.isReadOnly()
    qtbot.keyClick(pane.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is details  # reachable by keyboard


def test_the_details_pane_names_the_operator_and_the_supervisor_who_approved(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    from flxdesk.history.store import AskedBy
    from flxdesk.orders.destination import Destination

    pane = pane_of(demo_app)
    elsewhere = Destination("https://api.example.test")  # held: it stays as written
    demo_app.store.add_queued(
        "4821", "Canceled", "", destination=elsewhere, asked_by=AskedBy("Maria López", "Sam Lee")
    )
    pane.model.reload()
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Home)
    text = pane.findChild(QPlainTextEdit, "historyDetails").toPlainText()
    assert "Order 4821 → Canceled" in text
    assert "Operator: Maria López" in text.splitlines()
    assert "Approved by: Sam Lee" in text.splitlines()


def test_copy_puts_the_selected_order_ids_on_the_clipboard(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    pane = pane_of(demo_app)
    for order_id in ("1101", "1102", "1103"):
        scan(qtbot, demo_app.window, order_id)
    pane.view.setFocus()
    pane.view.selectRow(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "1103\n1102"
    assert pane.message.text() == "Copied 2 order IDs."


# A popup menu asks the platform to raise it and grab the keyboard; offscreen cannot.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_menu_key_opens_the_actions_with_their_shortcuts(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    pane = pane_of(demo_app)
    scan(qtbot, demo_app.window, "1101")
    pane.view.setFocus()
    pane.view.selectRow(0)
    # What Qt sends for the menu key (or Shift+F10) on the focused table
    corner = QPoint(0, 0)
    keyboard = QContextMenuEvent.Reason.Keyboard
    QApplication.sendEvent(pane.view, QContextMenuEvent(keyboard, corner, corner))
    menu = visible_child(demo_app.window, QMenu, "historyMenu")
    assert [(a.text(), a.shortcut().toString()) for a in menu.actions()] == [
        ("Copy order IDs", "Ctrl+C"),
        ("Retry selected", "Ctrl+R"),
        ("Retry all failed…", "Ctrl+Shift+R"),
        ("Export this filter to CSV…", "Ctrl+E"),
    ]
    row = pane.view.visualRect(pane.view.currentIndex())
    assert menu.pos() == pane.view.viewport().mapToGlobal(row.bottomLeft())  # at the row
    menu.close()


def test_a_scan_while_a_search_is_set_shows_on_top_only_when_it_matches(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    pane = pane_of(demo_app)
    scan(qtbot, demo_app.window, "1501")
    search(qtbot, pane, "15")
    assert pane.model.match_count == 1
    demo_app.window.order_id_edit.setFocus()
    scan(qtbot, demo_app.window, "1101")
    scan(qtbot, demo_app.window, "1502")
    assert [pane.model.row_at(n).order_id for n in range(pane.model.rowCount())] == [
        "1502",
        "1501",
    ]
    assert pane.count_label.text() == "2 updates match"


def test_export_writes_every_row_of_the_filter(
    qtbot: QtBot, big_demo_app: RunningApp, tmp_path: Path
) -> None:
    pane = pane_of(big_demo_app)
    search(qtbot, pane, "100")
    choose(pane, "historyState", "Failed only")
    wanted = sql_ids(big_demo_app, "substr(order_id, 1, 3) = '100' AND state = 'failed'")
    assert len(wanted) > PAGE_SIZE  # more than the rows loaded in the table

    qtbot.mouseClick(pane.buttons["historyExport"], Qt.MouseButton.LeftButton)
    dialog = visible_child(big_demo_app.window, QFileDialog, "historyExportDialog")
    target = tmp_path / "failed-100.csv"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(
        pane.announced, timeout=30_000, check_params_cb=lambda text: text.startswith("Exported")
    ) as said:
        dialog.accept()
    assert said.args == [f"Exported {len(wanted):,} updates to {target}."]
    with target.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert header[:4] == ["order_id", "status", "note", "result"]
    db = big_demo_app.store.connection
    expected = [
        db.execute("SELECT order_id FROM updates WHERE id=?", (i,)).fetchone()[0] for i in wanted
    ]
    assert [row[0] for row in rows] == expected
    assert {row[3] for row in rows} <= {"failed", "invalid"}


def test_a_period_filter_reads_the_period_chosen(qtbot: QtBot, demo_app: RunningApp) -> None:
    """Rows older than today are left out by Today and shown again by their dates."""
    pane = pane_of(demo_app)
    yesterday = time.time() - 86400 - 60
    old_id = insert_failed(demo_app.store.connection, "1600", created_at=yesterday)
    scan(qtbot, demo_app.window, "1601")
    pane.filters.period.choose(TODAY)
    assert "1600" not in {pane.model.row_at(n).order_id for n in range(pane.model.rowCount())}
    day = date.fromtimestamp(yesterday)
    pane.filters.period.set_days(day, day)
    assert pane.filters.period.key == DATES
    assert shown_ids(pane) == [old_id]
