"""The OS switching between light and dark, as Qt reports it to flxdesk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@contextmanager
def dark_os_scheme() -> Iterator[None]:
    """A dark OS theme: Qt's palette turns dark and the style hints say the scheme changed.

    The offscreen platform has no OS scheme of its own (``colorScheme()`` stays Unknown,
    ``setColorScheme`` does nothing), so flxdesk reads the scheme from the palette, as it
    does on a desktop that does not report one.
    """
    light = QGuiApplication.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8edf3"))
    _switch(dark, Qt.ColorScheme.Dark)
    try:
        yield
    finally:
        _switch(light, Qt.ColorScheme.Light)


def _switch(palette: QPalette, scheme: Qt.ColorScheme) -> None:
    QGuiApplication.setPalette(palette)
    QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)
