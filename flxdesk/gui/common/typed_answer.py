"""One typed answer asked without stopping the station: a PIN, a badge number.

A small dialog, modal to the window and opened with ``open()`` (never ``exec()``), with
one field and OK/Cancel; it answers by signal, ``answered(text)`` or ``declined()``.
A scan that arrives while it is open is not lost: the window's scan capture takes it
(the dialog says so with the ``takesScans`` property, as the window's question boxes
do by being question boxes) and the scan desk offers it here first (``offer``). A scan
that is the answer (``scan_answer`` says which: a badge scanned at the badge question,
a PIN-shaped code at the PIN question) answers; any other closes the dialog as "no" and
is taken as a scan. A secret field shows dots and takes digits only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

TAKES_SCANS = "takesScans"  # the dynamic property the scan capture looks for


class TypedAnswer(QDialog):
    answered = Signal(str)
    declined = Signal()

    def __init__(
        self,
        parent: QWidget,
        name: str,
        title: str,
        text: str,
        field_name: str,
        *,
        secret: bool = False,
        scan_answer: Callable[[str], str | None] = lambda _scan: None,
    ) -> None:
        """``name``: the objectName tests and automation tools find it by; ``field_name``:
        the field's accessible name; ``scan_answer``: what a scan answers (None: the scan
        is not the answer)."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setProperty(TAKES_SCANS, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._scan_answer = scan_answer
        self._answered = False
        self.prompt = QLabel(text)
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName(f"{name}Field")
        self.field.setAccessibleName(field_name)
        self.prompt.setBuddy(self.field)
        if secret:
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setValidator(
                QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), self.field)
            )
            self.field.setInputMethodHints(
                Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self.finished.connect(self._done)

    def offer(self, scan: str) -> bool:
        """A scan arrived while this is open: True when it was the answer."""
        answer = self._scan_answer(scan)
        if answer is None:
            self.reject()
            return False
        self.field.setText(answer)
        self.accept()
        return True

    @Slot(int)
    def _done(self, result: int) -> None:
        text = self.field.text().strip()
        self.field.clear()  # a PIN never stays in a widget
        if self._answered:
            return
        self._answered = True
        if result == QDialog.DialogCode.Accepted and text:
            self.answered.emit(text)
        else:
            self.declined.emit()
