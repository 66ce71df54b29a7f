"""Driving the real window the way a person at a packing station does."""


def scan(qtbot, window, order_id: str) -> None:
    """Type into the real window like a USB barcode scanner: the characters, then Enter."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    edit = window.findChild(QLineEdit, "orderIdEdit")
    qtbot.keyClicks(edit, order_id)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def visible_child(window, kind: type, name: str):
    """The visible child widget or dialog of ``kind`` called ``name``, or None."""
    for child in window.findChildren(kind, name):
        if child.isVisible():
            return child
    return None


def status_texts(window) -> str:
    from PySide6.QtWidgets import QLabel

    return " | ".join(label.text() for label in window.statusBar().findChildren(QLabel))


def wait_until_idle_with_a_token(qtbot, running) -> None:
    """Wait for the engine to report 'idle': it has a token and found nothing it may send.

    Call before the window's first paint is processed (the engine starts after it).
    """
    from flxdesk.sending.events import EngineState

    with qtbot.waitSignal(
        running.engine_thread.stateChanged,
        check_params_cb=lambda state, waiting, problem: state is EngineState.IDLE,
        timeout=10_000,
    ):
        pass


def open_bulk(qtbot, running):
    """Bulk → Bulk update…, and the dialog it opens."""
    from flxdesk.gui.bulk.dialog import BulkDialog

    running.window.menus.bulk_action.trigger()
    qtbot.waitUntil(lambda: running.window.findChild(BulkDialog, "bulkDialog") is not None)
    return running.window.findChild(BulkDialog, "bulkDialog")
