"""The masked dialog that asks for the Flxpoint API token."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from flxdesk.gui.common.colour_scheme import follow_scheme
from flxdesk.host.credentials import check_token_format
from flxdesk.host.i18n import QT_TRANSLATE_NOOP
from flxdesk.station.palette import STATE_TEXT, Scheme

KEYCHAIN_EXPLANATION = QT_TRANSLATE_NOOP(
    "TokenDialog",
    "Paste the API token from Flxpoint (Integrations → API). flxdesk keeps it in this "
    "computer's keychain (Windows Credential Manager, macOS Keychain), never in a file.",
)
SESSION_EXPLANATION = QT_TRANSLATE_NOOP(
    "TokenDialog",
    "Paste the API token from Flxpoint. It will be kept in memory only until flxdesk "
    "closes; you will be asked again next time.",
)


class TokenDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, session_only: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Flxpoint API token"))
        self.setObjectName("tokenDialog")
        explanation = QLabel(self.tr(SESSION_EXPLANATION if session_only else KEYCHAIN_EXPLANATION))
        explanation.setWordWrap(True)
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setAccessibleName(self.tr("API token"))
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("API token"))
        show = QCheckBox(self.tr("Show token"))
        show.toggled.connect(
            lambda shown: self.token_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        self.error_label = QLabel()
        self.error_label.setObjectName("tokenError")
        self.error_label.setWordWrap(True)
        follow_scheme(self.error_label, self._colour_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, self.token_edit, show, self.error_label, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)
        self._token = ""

    def _colour_error(self, scheme: Scheme) -> None:
        self.error_label.setStyleSheet(f"color: {STATE_TEXT['failed'][scheme]}")

    def accept(self) -> None:
        try:
            self._token = check_token_format(self.token_edit.text())
        except ValueError as error:
            self.error_label.setText(str(error))
            return
        self.token_edit.clear()
        super().accept()

    def token(self) -> str:
        return self._token
