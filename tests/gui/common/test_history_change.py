"""A change the history cannot take now is said in a box that does not stop the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.gui.common.history_change import change_history
from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination
from support.window import visible_child

HERE = Destination("https://api.example.test", "f" * 32)


def test_a_locked_history_is_said_and_nothing_changes(qtbot: QtBot, tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3", busy_timeout=0.01)
    update_id = store.add_queued("1001", "Closed", "", destination=HERE)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    other = sqlite3.connect(store.path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the history
    try:
        cancelled = change_history(parent, "Not cancelled", store.path, store.cancel_queued)
        # Returned at once, the box still open: the window goes on meanwhile.
        assert cancelled is None
        box = visible_child(parent, QMessageBox, "historyNotChangedBox")
        assert box is not None and box.windowTitle() == "Not cancelled"
        assert "locked by another program" in box.text()
        assert box.text().endswith("Try again then.")
        box.button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: visible_child(parent, QMessageBox, "historyNotChangedBox") is None)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.get(update_id).state is State.QUEUED
    assert change_history(parent, "Not cancelled", store.path, store.cancel_queued) == [update_id]
    assert store.get(update_id).state is State.CANCELLED
    store.close()
