"""Asking for a file without blocking the window (``QFileDialog.open``): the one way.

The window keeps painting and sending while the dialog is open; ``on_chosen`` runs
when a file was chosen, not at all when the person cancels. Each dialog has an
objectName (how tests and automation tools find it). QFileDialog is imported here,
when first needed, not before the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from flxdesk.host.i18n import translate


def ask_save_path(
    parent: QWidget,
    name: str,
    title: str,
    suggested: str,
    on_chosen: Callable[[Path], object],  # what it returns is not used
) -> QWidget:
    """Open a save dialog (objectName ``name``) suggesting ``suggested``; returns it."""
    from PySide6.QtWidgets import QFileDialog

    suffix = Path(suggested).suffix.lstrip(".")
    kind = translate("FileChoice", "{kind} files").format(kind=suffix.upper())
    dialog = _dialog(parent, name, title, f"{kind} (*.{suffix})", on_chosen)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested)
    dialog.open()
    return dialog


def ask_open_path(
    parent: QWidget,
    name: str,
    title: str,
    name_filter: str,
    on_chosen: Callable[[Path], object],  # what it returns is not used
) -> QWidget:
    """Open a dialog (objectName ``name``) to choose an existing file; returns it.

    ``name_filter``: Qt's filter, e.g. "CSV files (*.csv);;All files (*)"."""
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(parent, name, title, name_filter, on_chosen)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.open()
    return dialog


def _dialog(
    parent: QWidget, name: str, title: str, name_filter: str, on_chosen: Callable[[Path], object]
):
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title)
    dialog.setObjectName(name)
    dialog.setNameFilter(name_filter)

    def chosen(path: str) -> None:
        on_chosen(Path(path))

    dialog.fileSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    return dialog
