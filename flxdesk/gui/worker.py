"""The worker thread: owns the token and the API client, drains the FIFO of updates.

The window writes each update to the store as queued, then calls ``enqueue`` through a
queued signal. Everything that can block (keychain, network, pacing) runs here, in
slots of a QObject living in the worker QThread, never in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from flxdesk.logging_setup import register_secret
from flxdesk.store import HistoryStore

log = logging.getLogger(__name__)


class TokenState(StrEnum):
    UNKNOWN = "unknown"
    MISSING = "missing"
    KEYCHAIN = "keychain"
    SESSION_ONLY = "session"
    DEMO = "demo"


class UpdateWorker(QObject):
    updateChanged = Signal(int)  # the row must be read again
    updateFinished = Signal(int, bool, str)  # update id, succeeded, message for the person
    tokenStateChanged = Signal(str)  # a TokenState value
    tokenRejected = Signal(str)  # a 401: the message to show
    keychainUnavailable = Signal(str, bool)  # plain reason, whether a token awaits a decision

    def __init__(
        self, store_path: Path, api_url: str, profile: str, fixed_token: str | None = None
    ) -> None:
        super().__init__()
        self._store_path = store_path
        self._api_url = api_url
        self._profile = profile
        self._fixed_token = fixed_token
        self._token: str | None = None
        self._pending_token: str | None = None
        self._client = None
        self._limiter = None
        self._store: HistoryStore | None = None
        self._queue: deque[int] = deque()
        self._stop = threading.Event()

    # --- called from the GUI thread ------------------------------------------------
    def request_stop(self) -> None:
        """Thread-safe: ends any pacing wait at once and stops the drain loop."""
        self._stop.set()

    # --- slots, run in the worker thread ---------------------------------------------
    @Slot()
    def start(self) -> None:
        from flxdesk import credentials

        self._store = HistoryStore(self._store_path)
        if self._fixed_token:
            self._use_token(self._fixed_token, TokenState.DEMO)
            return
        try:
            token = credentials.load_token(self._profile)
        except credentials.KeychainUnavailable as error:
            self.keychainUnavailable.emit(str(error), False)
            self._set_token_state(TokenState.MISSING)
            return
        if token:
            self._use_token(token, TokenState.KEYCHAIN)
        else:
            self._set_token_state(TokenState.MISSING)

    @Slot(str)
    def save_token(self, token: str) -> None:
        """Store ``token`` in the keychain and use it; on failure keep it pending."""
        from flxdesk import credentials

        try:
            credentials.save_token(token, self._profile)
        except credentials.KeychainUnavailable as error:
            self._pending_token = token
            self.keychainUnavailable.emit(str(error), True)
            return
        self._use_token(token, TokenState.KEYCHAIN)

    @Slot(str)
    def use_session_token(self, token: str) -> None:
        self._use_token(token, TokenState.SESSION_ONLY)

    @Slot(bool)
    def decide_pending_token(self, keep_for_session: bool) -> None:
        token, self._pending_token = self._pending_token, None
        if keep_for_session and token:
            self._use_token(token, TokenState.SESSION_ONLY)

    @Slot()
    def forget_token(self) -> None:
        from flxdesk import credentials

        self._drop_token()
        try:
            credentials.forget_token(self._profile)
        except credentials.KeychainUnavailable as error:
            self.keychainUnavailable.emit(str(error), False)

    @Slot(int)
    def enqueue(self, update_id: int) -> None:
        self._queue.append(update_id)
        self._drain()

    @Slot()
    def finish(self) -> None:
        """Last slot before the thread ends: release the client and the database."""
        if self._client is not None:
            self._client.close()
        if self._store is not None:
            self._store.close()
            self._store = None
        thread = QThread.currentThread()
        thread.quit()

    # --- internals -----------------------------------------------------------------
    def _set_token_state(self, state: TokenState) -> None:
        self.tokenStateChanged.emit(state.value)

    def _drop_token(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None
        self._token = None
        self._set_token_state(TokenState.MISSING)

    def _use_token(self, token: str, state: TokenState) -> None:
        from flxdesk.api_client import FlxpointClient
        from flxdesk.rate_limit import limiter_for_token

        register_secret(token)
        if self._client is not None:
            self._client.close()
        self._token = token
        self._client = FlxpointClient(self._api_url, token)
        self._limiter = limiter_for_token(token)
        self._set_token_state(state)
        self._drain()

    def _drain(self) -> None:
        from flxdesk.dispatch import send_paced
        from flxdesk.results import Outcome

        store = self._store
        while self._queue and self._client is not None and store and not self._stop.is_set():
            update_id = self._queue[0]
            row = store.get(update_id)
            if row is None:
                log.error("Queued update %s vanished from the store", update_id)
                self._queue.popleft()
                continue
            store.mark_sending(update_id)
            self.updateChanged.emit(update_id)
            result, attempts = send_paced(
                self._client, self._limiter, row.order_id, row.status, row.note, self._stop
            )
            if result is None:  # stopped while waiting for a slot: stays queued
                store.mark_queued(update_id)
                self.updateChanged.emit(update_id)
                break
            store.complete(
                update_id,
                ok=result.ok,
                attempts=attempts,
                http_code=result.http_code,
                outcome=result.outcome.value,
                message=result.message,
                detail=result.detail,
            )
            self._queue.popleft()
            log.info(
                "Update %s order=%r status=%r -> %s (%s)",
                update_id,
                row.order_id,
                row.status,
                result.outcome.value,
                result.http_code,
            )
            self.updateFinished.emit(update_id, result.ok, result.message)
            if result.outcome is Outcome.UNAUTHORIZED:
                self._drop_token()
                self.tokenRejected.emit(result.message)


class WorkerThread(QObject):
    """Owns the QThread and the worker; ``shutdown`` stops both cleanly."""

    # Cross-thread requests to the worker; emitted here, run there.
    enqueueRequested = Signal(int)
    saveTokenRequested = Signal(str)
    sessionTokenRequested = Signal(str)
    pendingTokenDecided = Signal(bool)
    forgetTokenRequested = Signal()
    finishRequested = Signal()

    def __init__(self, worker: UpdateWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName("flxdesk-worker")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.start)
        self.enqueueRequested.connect(worker.enqueue)
        self.saveTokenRequested.connect(worker.save_token)
        self.sessionTokenRequested.connect(worker.use_session_token)
        self.pendingTokenDecided.connect(worker.decide_pending_token)
        self.forgetTokenRequested.connect(worker.forget_token)
        self.finishRequested.connect(worker.finish)

    @Slot()
    def start(self) -> None:
        if not self.thread.isRunning():
            self.thread.start()

    def shutdown(self) -> None:
        """Stop the worker and wait for its thread; queued updates stay queued in the store."""
        if not self.thread.isRunning():
            return
        self.worker.request_stop()
        self.finishRequested.emit()
        self.thread.wait()
