"""The window's size and place, remembered, and always on a screen that exists now.

``restoreGeometry`` (Qt's "Restoring a Window's Geometry") already pulls a window back
from a monitor that was unplugged; on top of that the window is never larger than the
screen's available area (a 1366x768 laptop at 150% scaling has little room).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = (900, 640)


def place_window(window: QWidget, saved: str) -> None:
    """Restore ``saved`` (base64 of saveGeometry) if any, then fit the available screen."""
    restored = bool(saved) and window.restoreGeometry(
        QByteArray.fromBase64(QByteArray(saved.encode("ascii")))
    )
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        if not restored:
            window.resize(*PREFERRED_SIZE)
        return
    available = screen.availableGeometry()
    if not restored:
        window.resize(*PREFERRED_SIZE)
    # Frame (title bar, borders) not known before the window is shown: leave a margin.
    margin = 40
    width = min(window.width(), available.width() - margin // 2)
    height = min(window.height(), available.height() - margin)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if not available.contains(window.geometry().topLeft()):
        window.move(available.topLeft())


def saved_geometry(window: QWidget) -> str:
    """The window's geometry as base64 text for settings.json."""
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")
