"""A change to the history that a person clicked for, said plainly when it cannot be made.

Another program may hold the history locked, or the disk may be full: the change is
not made, and a box (non-blocking: ``open()``, scans go on) says why and that the person
can try again. Shared by the held panel and the bulk panel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from flxdesk.host.i18n import translate

T = TypeVar("T")


def change_history(
    parent: QWidget, title: str, store_path: Path, change: Callable[[], T]
) -> T | None:
    """``change()``; None after saying (in a box titled ``title``) why it could not be made."""
    import sqlite3

    try:
        return change()
    except sqlite3.Error as error:  # locked by another program, or a full disk
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from flxdesk.history.faults import fault_from

        problem = fault_from(error, store_path)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            translate("HistoryChange", "{problem} Try again then.").format(problem=problem),
            parent=parent,
        )
        box.setObjectName("historyNotChangedBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None
