"""What the window does when the token changes, or Flxpoint or the keychain refuses it.

The status bar says where the token comes from; Forget is offered only for a keychain
token; a missing token is asked for once at start; a token Flxpoint refused is said on
the band and asked for again. The questions themselves are ``TokenPrompts``, made when
first needed (after the first paint).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from flxdesk.gui.token.keeper import TokenKeeper, TokenState

if TYPE_CHECKING:
    from flxdesk.gui.token.prompts import TokenPrompts
    from flxdesk.gui.window.status_bar import StationStatusBar


class TokenWatch(QObject):
    def __init__(
        self,
        window: QWidget,
        tokens: TokenKeeper,
        status_bar: StationStatusBar,
        forget_action: QAction,
        show_problem: Callable[[str], None],
        on_token_changed: Callable[[], None],
    ) -> None:
        """``on_token_changed``: which token is current decides what is held."""
        super().__init__(window)
        self._window = window
        self.tokens = tokens
        self._status_bar = status_bar
        self._forget_action = forget_action
        self._show_problem = show_problem
        self._on_token_changed = on_token_changed
        self._prompts: TokenPrompts | None = None
        self.state = TokenState.UNKNOWN
        self._show(TokenState.UNKNOWN)
        tokens.stateChanged.connect(self._on_state)
        tokens.keychainUnavailable.connect(self._on_keychain_unavailable)

    @property
    def prompts(self) -> TokenPrompts:
        if self._prompts is None:
            from flxdesk.gui.token.prompts import TokenPrompts

            self._prompts = TokenPrompts(self._window, self.tokens)
        return self._prompts

    def refused_by_flxpoint(self, problem: str) -> None:
        """Flxpoint refused the token: everything waits until a new one is given."""
        if problem and self.state is not TokenState.MISSING:
            self._show_problem(problem)
            self.prompts.ask()

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self._show(TokenState(state))
        if self.state is TokenState.MISSING:
            if self.tokens.problem:  # the keychain's token was refused
                self._show_problem(self.tokens.problem)
            self.prompts.ask_once_at_start()

    @Slot(str, bool)
    def _on_keychain_unavailable(self, reason: str, token_pending: bool) -> None:
        self.prompts.on_keychain_unavailable(reason, token_pending)

    def _show(self, state: TokenState) -> None:
        self.state = state
        self._status_bar.show_token_state(state)
        self._forget_action.setEnabled(state is TokenState.KEYCHAIN)
        self._on_token_changed()
