"""The window's questions about the API token, each non-blocking (``open()``, not ``exec()``).

QMessageBox is imported where a box is shown: building its enums costs the first paint.

Asking for a token, offering a session-only token when no keychain works, and
confirming "forget": the token keeper stores the answer and reports the new state.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from flxdesk.gui.token.keeper import TokenKeeper


class TokenPrompts(QObject):
    def __init__(self, window: QWidget, tokens: TokenKeeper) -> None:
        super().__init__(window)
        self._window = window
        self._tokens = tokens
        self._asking = False
        self._prompted_at_start = False

    @property
    def asking(self) -> bool:
        return self._asking

    def ask_once_at_start(self) -> None:
        """The first run has no token: ask once (not again after a Cancel)."""
        if not self._prompted_at_start:
            self._prompted_at_start = True
            self.ask()

    @Slot()
    def ask(self, session_only: bool = False) -> None:
        """Ask for a token; the keeper saves it (or keeps it for this session only)."""
        if self._asking:
            return
        from flxdesk.gui.token.dialog import TokenDialog

        self._asking = True
        dialog = TokenDialog(self._window, session_only=session_only)

        def done(result: int) -> None:
            self._asking = False
            if result == TokenDialog.DialogCode.Accepted:
                if session_only:
                    self._tokens.use_for_session(dialog.token())
                else:
                    self._tokens.save(dialog.token())
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    @Slot(str, bool)
    def on_keychain_unavailable(self, reason: str, token_pending: bool) -> None:
        """No keychain: offer to keep the token in memory for this session only."""
        from PySide6.QtWidgets import QMessageBox  # not on the first-paint path

        self._prompted_at_start = True  # this box replaces the first-run token dialog
        box = QMessageBox(self._window)
        box.setObjectName("keychainUnavailableBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Keychain not available"))
        box.setText(reason)
        box.setInformativeText(
            self.tr(
                "flxdesk never saves the token in a file. It can keep the token in memory "
                "for this session only; you will be asked again the next time it starts."
            )
        )
        keep = box.addButton(
            self.tr("Use for this session only"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)

        def done() -> None:
            accepted = box.clickedButton() is keep
            if token_pending:
                self._tokens.decide_pending(accepted)
            elif accepted:
                self.ask(session_only=True)
            box.deleteLater()

        box.finished.connect(done)
        box.open()

    @Slot()
    def confirm_forget(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Forget token"),
            self.tr(
                "Remove the saved API token from this computer's keychain? "
                "Updates will wait until a token is set again."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setObjectName("forgetTokenBox")

        def done(answer: int) -> None:
            if answer == QMessageBox.StandardButton.Yes:
                self._tokens.forget()
            box.deleteLater()

        box.finished.connect(done)
        box.open()
