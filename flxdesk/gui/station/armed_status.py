"""The armed status: what every scan will set, and the rules that keep it from surprising.

- Arming a destructive status (Canceled, Failed, Not Managed) asks first: from the
  dropdown with a confirmation box, from a command barcode by scanning it twice.
- The station's default status comes back after an idle time and on every start, so
  a Canceled armed before lunch does not cancel the first box after it.
- A status in ``supervisor_for`` is armed only once a supervisor approves it (badge,
  and PIN when set), for that arming only: the approval, instead of the question or
  the second scan, and the history keeps the approver's name (``approved_by``) until
  another status is armed or the operator changes.
- The chip shows the armed status in large type on its own colour.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from flxdesk.gui.common.status_combo import select_status
from flxdesk.gui.station.feedback_widgets import ArmedStatusChip
from flxdesk.host.i18n import translate
from flxdesk.orders.statuses import DESTRUCTIVE_STATUSES, status_label

if TYPE_CHECKING:
    from flxdesk.station.station_settings import StationSettings

COMMAND_CONFIRM_SECONDS = 10.0


class Approver(Protocol):
    """Who approves a status that needs a supervisor (gui.station.operator_part)."""

    def needs_supervisor(self, status: str) -> bool: ...

    def ask_approval(
        self,
        status: str,
        on_approved: Callable[[str], object],
        on_refused: Callable[[], object] = ...,
    ) -> None: ...


class ArmedStatus(QObject):
    armed = Signal(str, str)  # status, why (for the band: "", "idle", "command")

    def __init__(
        self,
        window: QWidget,
        combo: QComboBox,
        chip: ArmedStatusChip,
        default_status: str,
        idle_minutes: float,
        approver: Approver | None = None,
    ) -> None:
        """``approver``: asked before a status that needs a supervisor is armed."""
        super().__init__(window)
        self._window = window
        self._combo = combo
        self._chip = chip
        self.default_status = default_status
        self._confirmed = default_status
        self._approver = approver
        self.approved_by = ""  # the supervisor who approved the status armed now
        self._pending_command: tuple[str, float] | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._back_to_default)
        self.set_idle_minutes(idle_minutes)
        # Any change of the dropdown, by a person or an automation tool, arms through here.
        combo.currentIndexChanged.connect(self._chosen_in_dropdown)
        self._set(default_status)

    @property
    def status(self) -> str:
        return self._confirmed

    @Slot(object)
    def use_station(self, station: StationSettings) -> None:
        """New preferences: the station's default status and its idle time."""
        self.default_status = station.default_status
        self.set_idle_minutes(station.idle_reset_minutes)

    def set_idle_minutes(self, minutes: float) -> None:
        self._idle_ms = int(minutes * 60_000)
        self.note_activity()

    def note_activity(self) -> None:
        """A scan or a choice: the idle time starts again."""
        if self._idle_ms > 0 and self._confirmed != self.default_status:
            self._idle.start(self._idle_ms)
        else:
            self._idle.stop()

    # --- arming ----------------------------------------------------------------------
    @Slot(int)
    def _chosen_in_dropdown(self, index: int) -> None:
        status = str(self._combo.itemData(index))
        if status == self._confirmed:
            return
        if self._needs_supervisor(status):
            self._set_combo(self._confirmed)  # not armed until approved
            self._ask_supervisor(status)
            return
        if status not in DESTRUCTIVE_STATUSES:
            self._set(status)
            self.armed.emit(status, "")
            return
        self._set_combo(self._confirmed)  # not armed until confirmed
        self._confirm_in_a_box(status)

    def _confirm_in_a_box(self, status: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from flxdesk.gui.common.question import ask

        def arm() -> None:
            self._set(status)
            self.armed.emit(status, "")

        label = status_label(status)
        minutes = self._idle_ms // 60_000
        ask(
            self._window,
            "confirmDestructiveBox",
            self.tr("Arm {status}?").format(status=label),
            self.tr("Every order scanned from now on will be set to {status}.").format(
                status=label.upper()
            ),
            translate(
                "ArmedStatus",
                "{status} cannot be undone from flxdesk. flxdesk goes back to {default} after "
                "%n minute(s) without a scan.",
                None,
                minutes,
            ).format(status=label, default=status_label(self.default_status)),
            arm,
            warning=True,
            safe=QMessageBox.StandardButton.No,
            yes_text=self.tr("Yes, arm {status}").format(status=label),
        )

    def arm_from_command(self, status: str) -> str:
        """A command barcode; returns what the band says. Destructive ones need two scans;
        one that needs a supervisor asks for the badge instead (and says so itself: "")."""
        if self._needs_supervisor(status):
            self._pending_command = None
            if status == self._confirmed:  # armed and approved already: kept as it is
                return self.tr("Armed: {status}.").format(status=status_label(status))
            self._ask_supervisor(status)
            return ""
        if status in DESTRUCTIVE_STATUSES:
            pending = self._pending_command
            now = time.monotonic()
            if (
                pending is None
                or pending[0] != status
                or now - pending[1] > COMMAND_CONFIRM_SECONDS
            ):
                self._pending_command = (status, now)
                return self.tr("Scan the {code} code again to arm {status}.").format(
                    code=status.upper(), status=status_label(status)
                )
        self._pending_command = None
        self._set(status)
        self.armed.emit(status, "command")
        return self.tr("Armed: {status}.").format(status=status_label(status))

    def reset_to_default(self) -> None:
        self._set(self.default_status)

    @Slot()
    def end_approval(self) -> None:
        """The operator changed: a status a supervisor approved for the one before is not
        kept for the next; the station's default comes back."""
        if self.approved_by:
            self._set(self.default_status)
            self.armed.emit(self.default_status, "approval ended")

    def _needs_supervisor(self, status: str) -> bool:
        return self._approver is not None and self._approver.needs_supervisor(status)

    def _ask_supervisor(self, status: str) -> None:
        assert self._approver is not None

        def approved(name: str) -> None:
            self._set(status, approved_by=name)
            self.armed.emit(status, "approved")

        self._approver.ask_approval(status, approved)

    @Slot()
    def _back_to_default(self) -> None:
        if self._confirmed != self.default_status:
            self._set(self.default_status)
            self.armed.emit(self.default_status, "idle")

    def _set(self, status: str, *, approved_by: str = "") -> None:
        self._confirmed = status
        self.approved_by = approved_by
        self._set_combo(status)
        self._chip.show_status(status)
        self.note_activity()

    def _set_combo(self, status: str) -> None:
        self._combo.blockSignals(True)
        select_status(self._combo, status)
        self._combo.blockSignals(False)
