"""What the window shows about sending beyond the queue label: nothing may fail silently.

- The engine's thread ended without being asked: the result line says so at once, a
  "Restart sending" button appears in the status bar, and scans are refused (with the
  reason) until it runs again.
- The history cannot be written (full or read-only disk, a lock that lasts): the
  result line gives the sentence, and, except for a lock, a dialog says it once.

Scans and imports the window could not write at once are reported by
flxdesk.gui.sending.store_writer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMainWindow, QPushButton

from flxdesk.host.i18n import translate
from flxdesk.sending.events import EngineState

if TYPE_CHECKING:
    from flxdesk.gui.sending.engine_thread import EngineThread

ShowResult = Callable[[str, "bool | None"], None]


def since_text(since: float | None) -> str:
    """``09:14`` for a wall-clock time, as the status bar says it."""
    return (
        time.strftime("%H:%M", time.localtime(since)) if since else translate("EngineWatch", "now")
    )


class EngineWatch(QObject):
    def __init__(
        self, window: QMainWindow, engine_thread: EngineThread, show_result: ShowResult
    ) -> None:
        super().__init__(window)
        self._window = window
        self._engine_thread = engine_thread
        self._show_result = show_result
        self._storage_said = ""
        self.restart_button = QPushButton(self.tr("Restart sending"))
        self.restart_button.setObjectName("restartEngineButton")
        self.restart_button.setAccessibleName(self.tr("Restart sending updates"))
        self.restart_button.clicked.connect(self.restart)
        self.restart_button.hide()
        window.statusBar().addPermanentWidget(self.restart_button)
        engine_thread.engineStopped.connect(self._on_engine_stopped)
        engine_thread.stateChanged.connect(self._on_state)

    @property
    def refusal(self) -> str:
        """Why scans are not taken now; empty when they are."""
        if not self._engine_thread.down_reason:
            return ""
        return self.tr(
            "Not taken: sending has stopped. Press Restart sending (bottom right) first; "
            "everything already queued is kept."
        )

    @Slot(str)
    def _on_engine_stopped(self, reason: str) -> None:
        self._show_result(
            self.tr(
                "Sending has stopped unexpectedly ({reason}). New scans are not taken until "
                "it runs again: press Restart sending. Updates already queued are kept."
            ).format(reason=reason),
            False,
        )
        self.restart_button.show()

    @Slot()
    def restart(self) -> None:
        self.restart_button.hide()
        self._engine_thread.restart()
        self._show_result(self.tr("Sending runs again."), None)

    @Slot(object, int, str)
    def _on_state(self, state: EngineState, waiting: int, token_problem: str) -> None:
        report = self._engine_thread.last_report
        if state is not EngineState.STORAGE_PROBLEM:
            if self._storage_said and state is not EngineState.STOPPED:
                self._storage_said = ""
                self._show_result(
                    self.tr("The history can be written again; sending goes on."), True
                )
            return
        if report.problem == self._storage_said:
            return
        self._storage_said = report.problem
        held = translate(
            "EngineWatch", "Sending is held (%n waiting) and resumes by itself.", None, waiting
        )
        text = f"{report.problem} {held}"
        self._show_result(text, False)
        from flxdesk.history.faults import StorageKind

        if report.storage_kind != StorageKind.LOCKED:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("flxdesk: sending is held"),
                text,
                parent=self._window,
            )
            box.setObjectName("storageProblemDialog")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
