"""Asking where to save a file without blocking the window (``QFileDialog.open``).

The window keeps painting and sending while the dialog is open; ``on_chosen`` runs
when a file was chosen, not at all when the person cancels. QFileDialog is imported
here, when first needed, not before the window's first paint.
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
    on_chosen: Callable[[Path], None],
) -> QWidget:
    """Open a save dialog (objectName ``name``) suggesting ``suggested``; returns it."""
    from PySide6.QtWidgets import QFileDialog

    suffix = Path(suggested).suffix.lstrip(".")
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    kind = translate("FileChoice", "{kind} files").format(kind=suffix.upper())
    dialog.setNameFilter(f"{kind} (*.{suffix})")
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested)

    def chosen(path: str) -> None:
        on_chosen(Path(path))

    dialog.fileSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
