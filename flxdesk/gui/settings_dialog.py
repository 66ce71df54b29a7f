"""File → Settings…: the station's preferences (saved in settings.json, ``station``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSlider,
    QSpinBox,
    QWidget,
)

from flxdesk.station_settings import LIMITS, StationSettings
from flxdesk.statuses import DESTRUCTIVE_STATUSES, ORDER_STATUSES


def _spin(name: str, value: float, suffix: str, decimals: int = 0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    low, high = LIMITS[name]
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSuffix(suffix)
    box.setValue(value)
    return box


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget, station: StationSettings) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("flxdesk settings")
        self._station = station
        form = QFormLayout(self)

        self.default_status = QComboBox()
        self.default_status.setObjectName("defaultStatus")
        self.default_status.addItems([s for s in ORDER_STATUSES if s not in DESTRUCTIVE_STATUSES])
        self.default_status.setCurrentText(station.default_status)
        self.idle = _spin("idle_reset_minutes", station.idle_reset_minutes, " min", 1)
        self.duplicate_window = _spin(
            "duplicate_window_minutes", station.duplicate_window_minutes, " min", 1
        )
        self.duplicate_confirm = _spin(
            "duplicate_confirm_seconds", station.duplicate_confirm_seconds, " s"
        )
        self.refuse = QCheckBox("Refuse scans until failures are acknowledged")
        self.refuse.setObjectName("refuseWhileUnacknowledged")
        self.refuse.setChecked(station.refuse_while_unacknowledged)
        self.muted = QCheckBox("Mute sounds")
        self.muted.setObjectName("soundMuted")
        self.muted.setChecked(station.sound_muted)
        self.volume = QSlider()
        self.volume.setObjectName("soundVolume")
        self.volume.setOrientation(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(station.sound_volume * 100))
        self.scan_length = QSpinBox()
        self.scan_length.setObjectName("scanMinLength")
        self.scan_length.setRange(*(int(v) for v in LIMITS["scan_min_length"]))
        self.scan_length.setValue(station.scan_min_length)
        self.scan_gap = QSpinBox()
        self.scan_gap.setObjectName("scanMaxGap")
        self.scan_gap.setRange(*(int(v) for v in LIMITS["scan_max_gap_ms"]))
        self.scan_gap.setSuffix(" ms")
        self.scan_gap.setValue(station.scan_max_gap_ms)

        rows = (
            ("Station &default status", self.default_status, "armed at start and after idle"),
            ("Back to default after", self.idle, "0 keeps the armed status"),
            ("Hold a repeated scan for", self.duplicate_window, "0 turns the guard off"),
            ("Send a held repeat if scanned again within", self.duplicate_confirm, ""),
            ("", self.refuse, ""),
            ("", self.muted, ""),
            ("Volume", self.volume, ""),
            ("A scan is at least", self.scan_length, "characters"),
            ("Keys of a scan at most", self.scan_gap, "apart"),
        )
        for label, field, description in rows:
            field.setAccessibleName(label.replace("&", "") or field.text())
            if description:
                field.setAccessibleDescription(description)
                field.setToolTip(description)
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> StationSettings:
        return self._station._replace(
            default_status=self.default_status.currentText(),
            idle_reset_minutes=self.idle.value(),
            duplicate_window_minutes=self.duplicate_window.value(),
            duplicate_confirm_seconds=self.duplicate_confirm.value(),
            refuse_while_unacknowledged=self.refuse.isChecked(),
            sound_muted=self.muted.isChecked(),
            sound_volume=self.volume.value() / 100,
            scan_min_length=self.scan_length.value(),
            scan_max_gap_ms=self.scan_gap.value(),
        )
