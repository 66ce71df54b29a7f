"""Where the window's token comes from and goes to: keychain, this session, or the demo.

Keychain calls can block (a locked macOS keychain asks its own question), so each
runs on Qt's thread pool and reports back by signal; the GUI thread never waits on
the keychain. The token itself goes straight to the queue engine (a thread-safe call)
and is kept nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class TokenState(StrEnum):
    UNKNOWN = "unknown"
    MISSING = "missing"
    KEYCHAIN = "keychain"
    SESSION_ONLY = "session"
    DEMO = "demo"


class TokenKeeper(QObject):
    stateChanged = Signal(str)  # a TokenState value
    keychainUnavailable = Signal(str, bool)  # plain reason, whether a token awaits a decision

    def __init__(
        self,
        use_token: Callable[[str | None], None],
        profile: str,
        demo_token: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._use_token = use_token
        self._profile = profile
        self._demo_token = demo_token
        self._pending: str | None = None  # typed, but the keychain refused to store it
        self._choices = 0  # tokens given by the person; a slower keychain read must not win
        self.state = TokenState.UNKNOWN
        self.problem = ""  # why the keychain's token was refused; shown with the MISSING state
        self.stateChanged.connect(self._remember_state)

    @Slot(str)
    def _remember_state(self, state: str) -> None:
        self.state = TokenState(state)

    def _in_background(self, work: Callable[[], None]) -> None:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().start(work)

    def _give(self, token: str | None, state: TokenState) -> None:
        from flxdesk.host.logging_setup import register_secret

        if token:
            register_secret(token)
        self._use_token(token)
        self.stateChanged.emit(state.value)

    def load(self) -> None:
        """Find the token: the demo's, or the one in the keychain."""
        if self._demo_token:
            self._give(self._demo_token, TokenState.DEMO)
            return

        choices_before = self._choices

        def work() -> None:
            from flxdesk.host import credentials

            problem = refused = ""
            try:
                token = credentials.load_token(self._profile)
            except credentials.KeychainUnavailable as error:
                token, problem = None, str(error)
            except credentials.InvalidToken as error:
                token, refused = None, str(error)  # asked for again, with the reason
                log.warning("%s", refused)
            if self._choices != choices_before:
                return  # a token was given meanwhile (Token menu): keep that one
            if problem:
                self.keychainUnavailable.emit(problem, False)
            self.problem = refused
            self._give(token, TokenState.KEYCHAIN if token else TokenState.MISSING)

        self._in_background(work)

    def save(self, token: str) -> None:
        """Store in the keychain and use it; if the keychain fails, ask what to do."""
        self._choices += 1

        def work() -> None:
            from flxdesk.host import credentials

            try:
                credentials.save_token(token, self._profile)
            except credentials.KeychainUnavailable as error:
                self._pending = token
                self.keychainUnavailable.emit(str(error), True)
                return
            self.problem = ""
            self._give(token, TokenState.KEYCHAIN)

        self._in_background(work)

    def use_for_session(self, token: str) -> None:
        self._choices += 1
        self.problem = ""
        self._give(token, TokenState.SESSION_ONLY)

    def decide_pending(self, keep_for_session: bool) -> None:
        token, self._pending = self._pending, None
        if keep_for_session and token:
            self.use_for_session(token)

    def forget(self) -> None:
        self._choices += 1
        self._give(None, TokenState.MISSING)

        def work() -> None:
            from flxdesk.host import credentials

            try:
                credentials.forget_token(self._profile)
            except credentials.KeychainUnavailable as error:
                self.keychainUnavailable.emit(str(error), False)

        self._in_background(work)
