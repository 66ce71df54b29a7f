"""The station's preferences in the window: zoom, colours, sounds, File → Settings…, saving.

The preferences themselves are ``flxdesk.station.station_settings.StationSettings``, read
once at start with the rest of the settings (``flxdesk.config.settings``) and handed to
the window; this applies them to the window's parts and saves them when the person
changes them (zoom, the Settings dialog, the window's size and place on closing).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QWidget

from flxdesk.config.settings import Settings
from flxdesk.station.station_settings import StationSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

    from flxdesk.gui.history.model import HistoryModel
    from flxdesk.gui.station.armed_status import ArmedStatus
    from flxdesk.gui.station.feedback_widgets import ArmedStatusChip, ResultBand
    from flxdesk.gui.station.scan_desk import ScanDesk
    from flxdesk.gui.station.settings_dialog import SettingsDialog
    from flxdesk.gui.station.station_feedback import StationFeedback
    from flxdesk.gui.window.notices import WindowStack

log = logging.getLogger(__name__)

ZOOM_STEP = 0.1


class ZoomedText(Protocol):
    """A widget whose text the zoom sizes (the band, the armed chip, the failure panel)."""

    def set_body_size(self, point_size: float) -> None: ...


class PreferencesWindow(Protocol):
    """The window's parts the preferences are applied to (made after the preferences)."""

    order_id_edit: QLineEdit
    result_label: ResultBand
    armed_chip: ArmedStatusChip
    armed: ArmedStatus
    feedback: StationFeedback
    scan_desk: ScanDesk
    stack: WindowStack

    # Read only: properties of the window (the history once open, its pane made on use).
    @property
    def model(self) -> HistoryModel: ...


class StationPreferences(QObject):
    def __init__(
        self,
        window: PreferencesWindow,
        parent: QWidget,
        settings: Settings,
        settings_file: Path | None,
    ) -> None:
        """``parent``: the window, whose font the zoom sets and over which Settings opens;
        ``settings_file`` None: nothing is saved (tests, benchmarks)."""
        super().__init__(parent)
        self._window = window
        self._parent = parent
        self.settings = settings  # what was read at start: locked names, the machine's values
        self.station = settings.station
        self._settings_file = settings_file
        self._settings_dialog: SettingsDialog | None = None  # File → Settings…, while open

    def start(self) -> None:
        """After the first paint: the sounds, and colours that follow the OS scheme."""
        from PySide6.QtGui import QGuiApplication

        from flxdesk.gui.station.sound_player import SoundPlayer

        self._window.feedback.sounds = SoundPlayer(
            muted=self.station.sound_muted, volume=self.station.sound_volume, parent=self
        )
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_scheme_changed)
        self.apply_scheme()

    @Slot(object)
    def _on_scheme_changed(self, _scheme: object) -> None:
        self.apply_scheme()

    def apply_scheme(self) -> None:
        """Light or dark colours, following the OS (and its changes)."""
        from flxdesk.gui.common.colour_scheme import current_scheme

        window = self._window
        scheme = current_scheme()
        window.feedback.failure_panel  # noqa: B018  made now, so the first failure shows at once
        for widget in (window.result_label, window.armed_chip):
            widget.apply_scheme(scheme)
        window.stack.apply_scheme(scheme)  # the notices and panels placed in it
        window.model.set_scheme(scheme)

    @Slot(float)
    def zoom_by(self, step: float) -> None:
        self.apply_zoom(self.station.zoom + step)

    @Slot(float)
    def apply_zoom(self, zoom: float) -> None:
        """Scale the whole window's text (Ctrl+plus / Ctrl+minus), remembered."""
        from flxdesk.station.station_settings import LIMITS

        window = self._window
        low, high = LIMITS["zoom"]
        zoom = round(min(high, max(low, zoom)), 2)
        if zoom != self.station.zoom and "zoom" in self.settings.locked:
            self._window.feedback.info(self.tr("The zoom is set by IT on this computer."))
            return
        font = QApplication.font()
        size = font.pointSizeF() * zoom
        font.setPointSizeF(size)
        self._parent.setFont(font)
        widgets: list[ZoomedText] = [window.result_label, window.armed_chip]
        if window.feedback.has_failure_panel:
            widgets.append(window.feedback.failure_panel)
        for widget in widgets:
            widget.set_body_size(size)
        if zoom != self.station.zoom:
            self.station = self.station._replace(zoom=zoom)
            self.save()

    @Slot()
    def open_settings(self) -> None:
        from flxdesk.gui.station.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._parent, self.station, self.settings)
        dialog.check_requested.connect(lambda: self._window.scan_desk.open_check(dialog))
        self._settings_dialog = dialog

        def done(result: int) -> None:
            if result == SettingsDialog.DialogCode.Accepted:
                self.use(dialog.chosen())
            dialog.deleteLater()
            self._settings_dialog = None
            self._window.order_id_edit.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def use(self, station: StationSettings) -> None:
        """New preferences from the Settings dialog: applied at once, and saved."""
        window = self._window
        self.station = station
        window.armed.default_status = station.default_status
        window.armed.set_idle_minutes(station.idle_reset_minutes)
        window.scan_desk.use_station(station)
        sounds = window.feedback.sounds
        if sounds is not None:
            sounds.set_muted(station.sound_muted)
            sounds.set_volume(station.sound_volume)
        self.save()

    @Slot(dict)
    def learn(self, values: dict[str, Any]) -> None:
        """What the scanner check (or a command code) learned about the scanner: used at
        once and saved, except what IT locked; an open Settings dialog shows it too."""
        from flxdesk.station.station_settings import is_usable

        usable = {
            name: value
            for name, value in values.items()
            if name not in self.settings.locked and is_usable(name, value)
        }
        if not usable:
            return
        self.use(self.station._replace(**usable))
        if self._settings_dialog is not None:
            self._settings_dialog.take_learned(self.station)

    def remember_geometry(self, geometry: str) -> None:
        """On closing: the window's size and place, for the next start."""
        self.station = self.station._replace(geometry=geometry)
        self.save()

    def save(self) -> None:
        if self._settings_file is None:
            return
        from flxdesk.config.settings import save_station

        try:
            save_station(self._settings_file, self.station, self.settings)
        except OSError as error:
            log.warning("Could not save the station settings: %s", error)
