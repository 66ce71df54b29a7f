"""One non-blocking yes/no question box (``open()``, never ``exec()``): scans go on.

Every question flxdesk asks has the same shape: a named box (the objectName is how
tests and automation tools find it), the safe answer as the default, and something to
do on "yes" (and, sometimes, on the other answer).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    detail: str,
    on_yes: Callable[[], object],  # what it returns is not used
    *,
    on_other: Callable[[], object] | None = None,
    warning: bool = False,
    safe: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
    yes_text: str = "",
) -> QMessageBox:
    """Ask; ``safe`` (No or Cancel) is the other button and the default."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | safe,
        parent,
    )
    box.setObjectName(name)
    box.setInformativeText(detail)
    box.setDefaultButton(safe)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)

    def done(answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            on_yes()
        elif on_other is not None:
            on_other()
        box.deleteLater()

    box.finished.connect(done)
    box.open()
    return box
