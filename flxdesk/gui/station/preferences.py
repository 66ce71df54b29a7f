"""The station's preferences in the window: zoom, colours, File → Settings…, saving.

The preferences themselves are ``flxdesk.station.station_settings.StationSettings``, read
once at start with the rest of the settings (``flxdesk.config.settings``) and handed to
the window; this saves them when the person changes them (zoom, the Settings dialog,
the window's size and place on closing) and says so by signals, which the composer
(``flxdesk.gui.window.wiring``) connects to the parts that apply them: new preferences
(``stationChanged``), the text's size (``textSizeChanged``), the colour scheme
(``schemeChanged``), a word for the band (``info``), the scanner check asked for from
Settings (``checkRequested``), Settings closed (``settingsClosed``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from flxdesk.config.settings import Settings
from flxdesk.station.station_settings import StationSettings

if TYPE_CHECKING:
    from flxdesk.gui.station.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

ZOOM_STEP = 0.1


class StationPreferences(QObject):
    stationChanged = Signal(object)  # the new StationSettings, applied at once
    textSizeChanged = Signal(float)  # the zoomed text's point size
    schemeChanged = Signal(object)  # flxdesk.station.palette.Scheme: light or dark
    info = Signal(str)  # for the band
    checkRequested = Signal(QWidget)  # the scanner check, over this window (Settings)
    settingsClosed = Signal()  # back to scanning

    def __init__(self, parent: QWidget, settings: Settings, settings_file: Path | None) -> None:
        """``parent``: the window, whose font the zoom sets and over which Settings opens;
        ``settings_file`` None: nothing is saved (tests, benchmarks)."""
        super().__init__(parent)
        self._parent = parent
        self.settings = settings  # what was read at start: locked names, the machine's values
        self.station = settings.station
        self._settings_file = settings_file
        self._settings_dialog: SettingsDialog | None = None  # File → Settings…, while open

    def start(self) -> None:
        """After the first paint: colours that follow the OS scheme (and its changes)."""
        from PySide6.QtGui import QGuiApplication

        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_scheme_changed)
        self.apply_scheme()

    @Slot(object)
    def _on_scheme_changed(self, _scheme: object) -> None:
        self.apply_scheme()

    def apply_scheme(self) -> None:
        """Light or dark colours, following the OS: said by ``schemeChanged``."""
        from flxdesk.gui.common.colour_scheme import current_scheme

        self.schemeChanged.emit(current_scheme())

    @Slot(float)
    def zoom_by(self, step: float) -> None:
        self.apply_zoom(self.station.zoom + step)

    @Slot(float)
    def apply_zoom(self, zoom: float) -> None:
        """Scale the whole window's text (Ctrl+plus / Ctrl+minus), remembered."""
        from flxdesk.station.station_settings import LIMITS

        low, high = LIMITS["zoom"]
        zoom = round(min(high, max(low, zoom)), 2)
        if zoom != self.station.zoom and "zoom" in self.settings.locked:
            self.info.emit(self.tr("The zoom is set by IT on this computer."))
            return
        font = QApplication.font()
        size = font.pointSizeF() * zoom
        font.setPointSizeF(size)
        self._parent.setFont(font)
        self.textSizeChanged.emit(size)  # the band, the chip, the failure panel
        if zoom != self.station.zoom:
            self.station = self.station._replace(zoom=zoom)
            self.save()

    @Slot()
    def open_settings(self) -> None:
        from flxdesk.gui.station.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._parent, self.station, self.settings)
        dialog.check_requested.connect(lambda: self.checkRequested.emit(dialog))
        self._settings_dialog = dialog

        def done(result: int) -> None:
            if result == SettingsDialog.DialogCode.Accepted:
                self.use(dialog.chosen())
            dialog.deleteLater()
            self._settings_dialog = None
            self.settingsClosed.emit()

        dialog.finished.connect(done)
        dialog.open()

    def use(self, station: StationSettings) -> None:
        """New preferences (the Settings dialog, what the scanner check learned): applied
        at once by whoever follows ``stationChanged``, and saved."""
        self.station = station
        self.stationChanged.emit(station)
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
