"""File → Settings…: the station's preferences (saved in settings.json, ``station``).

A new language is used from the next start: the dialog says so when it changes. What IT
locked for this computer (``"locked"`` in its settings file) is shown greyed out, saying
so, and cannot be changed here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from flxdesk.config.settings import Settings
from flxdesk.gui.common.status_combo import chosen_status, fill_statuses
from flxdesk.host.i18n import LANGUAGE_NAMES
from flxdesk.orders.statuses import DESTRUCTIVE_STATUSES, ORDER_STATUSES
from flxdesk.station.station_settings import LIMITS, StationSettings


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
    check_requested = Signal()  # "Scanner check…": the scan desk opens it over this dialog

    def __init__(
        self, parent: QWidget, station: StationSettings, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("flxdesk settings"))
        self._station = station
        form = QFormLayout(self)

        self.default_status = QComboBox()
        self.default_status.setObjectName("defaultStatus")
        safe = [s for s in ORDER_STATUSES if s not in DESTRUCTIVE_STATUSES]
        fill_statuses(self.default_status, safe, station.default_status)
        self.idle = _spin("idle_reset_minutes", station.idle_reset_minutes, self.tr(" min"), 1)
        self.duplicate_window = _spin(
            "duplicate_window_minutes", station.duplicate_window_minutes, self.tr(" min"), 1
        )
        self.duplicate_confirm = _spin(
            "duplicate_confirm_seconds", station.duplicate_confirm_seconds, self.tr(" s")
        )
        self.refuse = QCheckBox(self.tr("Refuse scans until failures are acknowledged"))
        self.refuse.setObjectName("refuseWhileUnacknowledged")
        self.refuse.setChecked(station.refuse_while_unacknowledged)
        self.muted = QCheckBox(self.tr("Mute sounds"))
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
        self.scan_gap.setSuffix(self.tr(" ms"))
        self.scan_gap.setValue(station.scan_max_gap_ms)
        self.scan_suffix = QComboBox()
        self.scan_suffix.setObjectName("scanSuffix")
        for text, value in (
            (self.tr("Enter or Tab"), "either"),
            (self.tr("Enter"), "enter"),
            (self.tr("Tab"), "tab"),
        ):
            self.scan_suffix.addItem(text, value)
        self.scan_suffix.setCurrentIndex(max(0, self.scan_suffix.findData(station.scan_suffix)))
        self.scan_pause = QCheckBox(self.tr("A pause also ends a scan (scanners with no suffix)"))
        self.scan_pause.setObjectName("scanPauseEnds")
        self.scan_pause.setChecked(station.scan_pause_ends)
        self.scanner_keys = QComboBox()
        self.scanner_keys.setObjectName("scannerKeys")
        for text, value in (
            (self.tr("Find out (scanner check, or either way when only one makes an ID)"), "auto"),
            (self.tr("Set for a US keyboard (the factory setting)"), "us-positions"),
            (self.tr("Set for this computer's keyboard layout"), "os-layout"),
        ):
            self.scanner_keys.addItem(text, value)
        self.scanner_keys.setCurrentIndex(max(0, self.scanner_keys.findData(station.scanner_keys)))
        self.scanner_prefix = QComboBox()
        self.scanner_prefix.setObjectName("scannerPrefix")
        for text, value in (
            (self.tr("When the scanner check saw one"), "auto"),
            (self.tr("Always"), "aim"),
            (self.tr("Never"), "none"),
        ):
            self.scanner_prefix.addItem(text, value)
        self.scanner_prefix.setCurrentIndex(
            max(0, self.scanner_prefix.findData(station.scanner_prefix))
        )
        self.check_button = QPushButton(self.tr("Scanner &check…"))
        self.check_button.setObjectName("scannerCheckButton")
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check_requested)
        self.learned_note = QLabel()
        self.learned_note.setObjectName("scannerLearned")
        self.learned_note.setWordWrap(True)
        self.learned_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)  # each language in its own words
        self.language.setCurrentIndex(max(0, self.language.findData(station.language)))
        self.restart_note = QLabel()
        self.restart_note.setObjectName("languageRestartNote")
        self.restart_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._language_changed)

        rows = (
            (
                self.tr("Station &default status"),
                self.default_status,
                self.tr("armed at start and after idle"),
            ),
            (self.tr("Back to default after"), self.idle, self.tr("0 keeps the armed status")),
            (
                self.tr("Hold a repeated scan for"),
                self.duplicate_window,
                self.tr("0 turns the guard off"),
            ),
            (self.tr("Send a held repeat if scanned again within"), self.duplicate_confirm, ""),
            ("", self.refuse, ""),
            ("", self.muted, ""),
            (self.tr("Volume"), self.volume, ""),
            (self.tr("A scan is at least"), self.scan_length, self.tr("characters")),
            (self.tr("Keys of a scan at most"), self.scan_gap, self.tr("apart")),
            (
                self.tr("The scanner ends a code with"),
                self.scan_suffix,
                self.tr("as the scanner is set up: most send Enter, some Tab"),
            ),
            ("", self.scan_pause, ""),
            (
                self.tr("The scanner is"),
                self.scanner_keys,
                self.tr("how its keys are meant: most scanners leave the factory set for US"),
            ),
            (
                self.tr("Remove an AIM prefix (]C1)"),
                self.scanner_prefix,
                self.tr("some scanners add one before each code"),
            ),
            (self.tr("Scanner"), self.check_button, self.tr("scan a test code and see")),
            ("", self.learned_note, ""),
            (self.tr("&Language"), self.language, self.tr("used from the next start")),
        )
        for label, field, description in rows:
            name = label.replace("&", "")
            if not name and isinstance(field, QLabel | QPushButton):  # a field without label
                name = field.text()
            field.setAccessibleName(name)
            if description:
                field.setAccessibleDescription(description)
                field.setToolTip(description)
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._show_learned(station)
        self._lock(settings or Settings(), form)
        form.addRow(self.restart_note)
        form.addRow(buttons)

    def _lock(self, settings: Settings, form: QFormLayout) -> None:
        """Settings IT locked: greyed out, and the dialog says where they come from."""
        fields = {
            "default_status": self.default_status,
            "idle_reset_minutes": self.idle,
            "duplicate_window_minutes": self.duplicate_window,
            "duplicate_confirm_seconds": self.duplicate_confirm,
            "refuse_while_unacknowledged": self.refuse,
            "sound_muted": self.muted,
            "sound_volume": self.volume,
            "scan_min_length": self.scan_length,
            "scan_max_gap_ms": self.scan_gap,
            "scan_suffix": self.scan_suffix,
            "scan_pause_ends": self.scan_pause,
            "scanner_keys": self.scanner_keys,
            "scanner_prefix": self.scanner_prefix,
            "language": self.language,
        }
        locked = [field for name, field in fields.items() if name in settings.locked]
        if not locked:
            return
        why = self.tr("Set by IT for this computer ({path})").format(path=settings.machine_file)
        for field in locked:
            field.setEnabled(False)
            field.setToolTip(why)
            field.setAccessibleDescription(why)
        note = QLabel(self.tr("Greyed-out settings are set by IT for this computer."))
        note.setObjectName("lockedSettingsNote")
        note.setWordWrap(True)
        form.insertRow(0, note)

    def take_learned(self, station: StationSettings) -> None:
        """The scanner check learned while this dialog is open: shown, and kept on Save."""
        self._station = self._station._replace(
            scanner_learned_keys=station.scanner_learned_keys,
            scanner_learned_aim=station.scanner_learned_aim,
        )
        if self.scan_gap.isEnabled():
            self.scan_gap.setValue(station.scan_max_gap_ms)
        if self.scan_pause.isEnabled():
            self.scan_pause.setChecked(station.scan_pause_ends)
        self._show_learned(station)

    def _show_learned(self, station: StationSettings) -> None:
        keys = {
            "us-positions": self.tr("The scanner check found a scanner set for a US keyboard."),
            "os-layout": self.tr(
                "The scanner check found a scanner set for this computer's layout."
            ),
        }.get(station.scanner_learned_keys, self.tr("No scanner check yet."))
        if station.scanner_learned_aim:
            keys += " " + self.tr("It adds an AIM prefix, which flxdesk removes.")
        self.learned_note.setText(keys)

    def _language_changed(self, _index: int) -> None:
        changed = self.language.currentData() != self._station.language
        self.restart_note.setText(
            self.tr("The new language is used the next time flxdesk starts.") if changed else ""
        )

    def chosen(self) -> StationSettings:
        return self._station._replace(
            default_status=chosen_status(self.default_status),
            idle_reset_minutes=self.idle.value(),
            duplicate_window_minutes=self.duplicate_window.value(),
            duplicate_confirm_seconds=self.duplicate_confirm.value(),
            refuse_while_unacknowledged=self.refuse.isChecked(),
            sound_muted=self.muted.isChecked(),
            sound_volume=self.volume.value() / 100,
            scan_min_length=self.scan_length.value(),
            scan_max_gap_ms=self.scan_gap.value(),
            scan_suffix=str(self.scan_suffix.currentData()),
            scan_pause_ends=self.scan_pause.isChecked(),
            scanner_keys=str(self.scanner_keys.currentData()),
            scanner_prefix=str(self.scanner_prefix.currentData()),
            language=str(self.language.currentData()),
        )
