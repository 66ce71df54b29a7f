"""Access by keyboard and screen reader: names on every control, a tab order that returns to
the order field, and results announced where Qt can announce them."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.bulk.reading import parse_import_text
from flxdesk.gui.history.period_chooser import DATES
from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.station.announce import announce, announcements_supported
from support.window import scan

# The documented tab order (README, "Keyboard and screen readers"), from the order field.
TAB_ORDER = [
    "orderIdEdit",
    "statusCombo",
    "noteEdit",
    "submitButton",
    "historySearch",
    "historyExact",
    "historyState",
    "historyPeriod",
    "historyView",
    "historyDetails",
    "historyRetry",
    "historyRetryAll",
    "historyExport",
]


def focusable(window: QWidget) -> list[QWidget]:
    """Every widget of the window that Tab can reach now (shown, enabled, tab focus)."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisibleTo(window)
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    ]


def tab_walk(qtbot: QtBot, start: QWidget, limit: int = 60) -> list[QWidget]:
    """Press Tab from ``start`` until the focus comes back to it; the widgets visited.

    A date field takes three Tabs (year, month, day, as Qt's date fields do): it is
    listed once."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    visited = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            return visited
        if QApplication.focusWidget() is not visited[-1]:
            visited.append(QApplication.focusWidget())
    raise AssertionError(f"Tab never came back: {[w.objectName() for w in visited]}")


def test_every_focusable_widget_has_a_name_and_tab_cycles_back_to_the_order_field(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    window = demo_app.window
    reachable = focusable(window)
    assert {w.objectName() for w in reachable} == set(TAB_ORDER)
    for widget in reachable:
        assert widget.accessibleName(), widget.objectName()
        # What a screen reader is told (on Linux a combo box names its current choice
        # and is labelled through a relation; elsewhere it is the accessible name).
        assert QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)

    visited = tab_walk(qtbot, window.order_id_edit)
    assert [w.objectName() for w in visited] == TAB_ORDER

    window.history_pane.filters.period.choose(DATES)  # two date fields appear, in order
    visited = tab_walk(qtbot, window.order_id_edit)
    order = [*TAB_ORDER[:8], "historyFrom", "historyTo", *TAB_ORDER[8:]]
    assert [w.objectName() for w in visited] == order
    assert all(w.accessibleName() for w in focusable(window))


def test_every_control_of_the_pane_and_the_summary_dialog_is_named_and_described(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    pane = demo_app.window.history_pane
    pane.filters.period.choose(DATES)
    dialog = pane.open_shift_summary()
    dialog.period.choose(DATES)
    controls = [*pane.tab_chain(), *focusable(dialog)]
    assert [w.objectName() for w in controls] == [
        *TAB_ORDER[4:8],
        "historyFrom",
        "historyTo",
        *TAB_ORDER[8:],
        "summaryPeriod",
        "summaryFrom",
        "summaryTo",
        "summaryText",
        "saveSummaryCsv",
        "saveSummaryPdf",
        "closeSummary",
    ]
    for widget in controls:
        assert widget.accessibleName(), widget.objectName()
        assert widget.accessibleDescription(), widget.objectName()


def test_the_history_is_reached_and_left_by_keyboard_alone(
    qtbot: QtBot, demo_app: RunningApp
) -> None:
    """Ctrl+F goes to the search; Tab from the last of the pane goes to the order field."""
    window = demo_app.window
    scan(qtbot, window, "1101")
    qtbot.keyClick(window.order_id_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget().objectName() == "historySearch"
    pane = window.history_pane
    pane.buttons["historyExport"].setFocus()
    qtbot.keyClick(pane.buttons["historyExport"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.order_id_edit


def test_results_are_announced_where_qt_can(qtbot: QtBot, demo_app: RunningApp) -> None:
    """Qt 6.8+ has QAccessibleAnnouncementEvent; the pane announces each result that lands
    in the history, and the count a filter finds."""
    assert announcements_supported() == hasattr(QtGui, "QAccessibleAnnouncementEvent")
    assert announce(demo_app.window, "test") == announcements_supported()
    pane = demo_app.window.history_pane
    with qtbot.waitSignal(pane.announced, timeout=10_000) as said:
        scan(qtbot, demo_app.window, "1101")
    assert said.args == ["Order 1101 set to Closed."]
    with qtbot.waitSignal(pane.announced) as said:
        pane.filters.search.setText("11")
        pane.filters.apply_now()
    assert said.args == ["1 update match."]


def test_a_bulk_run_is_not_read_out_row_by_row(qtbot: QtBot, demo_app: RunningApp) -> None:
    """Two results a second for hours would drown everything else; the batch panel counts."""
    pane = demo_app.window.history_pane
    said: list[str] = []
    pane.announced.connect(said.append)
    demo_app.window.bulk.queue(parse_import_text("1001\n1002", "Closed"), "test")
    qtbot.waitUntil(lambda: len(demo_app.demo_api.requests) == 2, timeout=10_000)
    with qtbot.waitSignal(pane.announced, timeout=10_000):
        scan(qtbot, demo_app.window, "1003")  # finishes after the two of the batch
    assert said == ["Order 1003 set to Closed."]
