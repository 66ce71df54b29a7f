"""The real window, driven with qtbot against the embedded demo API."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.startup import RunningApp
from flxdesk.history.store import HistoryStore, State
from flxdesk.host.paths import AppPaths
from flxdesk.orders.statuses import ORDER_STATUSES
from support.timing import three_in_one_second
from support.window import scan


def states(running: RunningApp) -> dict[str, State]:
    model = running.window.model
    return {model.row_at(n).order_id: model.row_at(n).state for n in range(model.rowCount())}


def test_public_object_names_and_accessible_names(demo_app: RunningApp) -> None:
    window = demo_app.window
    for kind, name in [
        (QLineEdit, "orderIdEdit"),
        (QComboBox, "statusCombo"),
        (QLineEdit, "noteEdit"),
        (QPushButton, "submitButton"),
        (QTableView, "historyView"),
    ]:
        widget = window.findChild(kind, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    combo = window.findChild(QComboBox, "statusCombo")
    assert tuple(combo.itemText(n) for n in range(combo.count())) == ORDER_STATUSES


def test_demo_title_says_demo(demo_app: RunningApp) -> None:
    assert "DEMO" in demo_app.window.windowTitle()


def test_scan_and_enter_sends_and_history_turns_to_success(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    window = demo_app.window
    window.findChild(QComboBox, "statusCombo").setCurrentText("On Hold")
    qtbot.keyClicks(window.findChild(QLineEdit, "noteEdit"), "waiting for stock")
    scan(qtbot, demo_app.window, "1234")

    edit = window.findChild(QLineEdit, "orderIdEdit")
    assert edit.text() == ""
    assert edit.hasFocus()
    assert window.model.row_at(0).order_id == "1234"
    qtbot.waitUntil(lambda: states(demo_app) == {"1234": State.SENT}, timeout=10_000)

    row = window.model.row_at(0)
    assert (row.status, row.note, row.http_code) == ("On Hold", "waiting for stock", 201)
    view = window.findChild(QTableView, "historyView")
    assert view.model().index(0, 4).data() == "Sent"
    assert window.result_label.text().endswith("Order 1234 set to On Hold.")
    # status and note stay as set for the next scan
    assert window.findChild(QComboBox, "statusCombo").currentText() == "On Hold"
    assert window.findChild(QLineEdit, "noteEdit").text() == "waiting for stock"
    (seen,) = demo_app.demo_api.requests
    assert seen.query == {"status": ["On Hold"], "updateNote": ["waiting for stock"]}


def test_unknown_order_fails_with_the_reason(qtbot: QtBot, demo_app: RunningApp) -> None:
    scan(qtbot, demo_app.window, "55")
    qtbot.waitUntil(lambda: states(demo_app) == {"55": State.FAILED}, timeout=10_000)
    assert "Order 55 was not found" in demo_app.window.model.row_at(0).message
    assert "not found" in demo_app.window.result_label.text()
    view = demo_app.window.findChild(QTableView, "historyView")
    assert view.model().index(0, 4).data().startswith("Failed: Order 55 was not found")


def test_scans_faster_than_the_rate_limit_all_arrive(qtbot: QtBot, demo_app: RunningApp) -> None:
    orders = [str(n) for n in range(1100, 1106)]
    for order_id in orders:
        scan(qtbot, demo_app.window, order_id)
    assert set(states(demo_app)) == set(orders)  # all recorded before any is sent
    qtbot.waitUntil(lambda: states(demo_app) == dict.fromkeys(orders, State.SENT), timeout=15_000)
    sent_order = [seen.order_id for seen in demo_app.demo_api.requests]
    assert sent_order == orders  # FIFO, nothing dropped, no 429 retries needed
    assert three_in_one_second([seen.arrived for seen in demo_app.demo_api.requests]) == []


def test_empty_and_garbled_scans_get_a_message_and_no_row(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    edit = demo_app.window.findChild(QLineEdit, "orderIdEdit")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "Scan or type an order ID" in demo_app.window.result_label.text()
    edit.setText("12\x0734")
    qtbot.mouseClick(demo_app.window.findChild(QPushButton, "submitButton"), Qt.LeftButton)
    assert "control characters" in demo_app.window.result_label.text()
    assert demo_app.window.model.rowCount() == 0


def test_closing_with_a_queue_leaves_the_rest_queued(
    qtbot: QtBot, demo_app: RunningApp, paths: AppPaths
) -> None:
    orders = [str(n) for n in range(1200, 1210)]
    for order_id in orders:
        scan(qtbot, demo_app.window, order_id)
    qtbot.waitUntil(lambda: State.SENT in states(demo_app).values(), timeout=10_000)
    demo_app.window.close()
    assert not demo_app.engine_thread.isRunning()

    rows = HistoryStore(demo_app.store.path).newest(100)
    assert {row.order_id for row in rows} == set(orders)
    by_state = {state: [r for r in rows if r.state is state] for state in State}
    assert by_state[State.SENDING] == []
    assert by_state[State.FAILED] == []
    assert len(by_state[State.SENT]) >= 1
    assert len(by_state[State.QUEUED]) >= 1
    assert len(by_state[State.SENT]) == len(demo_app.demo_api.requests)


def test_the_station_is_named_on_the_title_the_status_bar_and_every_row(
    qtbot: QtBot, start_app, monkeypatch
) -> None:
    monkeypatch.setenv("FLXDESK_STATION", "PACK-7")
    running = start_app(demo=True)
    qtbot.waitUntil(running.engine_thread.isRunning)
    window = running.window
    assert "flxdesk" in window.windowTitle() and "— PACK-7" in window.windowTitle()
    assert window.findChild(QLabel, "stationName").text() == "Station: PACK-7"
    scan(qtbot, window, "1234")
    qtbot.waitUntil(lambda: states(running) == {"1234": State.SENT}, timeout=10_000)
    assert window.model.row_at(0).station == "PACK-7"
