"""Drawing without a display: Qt's offscreen platform when the session has none.

On Linux (and other X11/Wayland systems) a Qt application object made with no
``DISPLAY`` and no ``WAYLAND_DISPLAY`` cannot load its platform plugin, and Qt then
aborts the process (SIGABRT). Whatever only draws (the command sheet, ``report --pdf``)
needs fonts, not a screen, so it uses the offscreen platform there. A platform chosen
with ``QT_QPA_PLATFORM`` is always kept. Windows and macOS always have their own.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

OFFSCREEN = "offscreen"
_ALWAYS_A_DISPLAY = ("win32", "cygwin", "darwin")


def platform_chosen() -> bool:
    """True when ``QT_QPA_PLATFORM`` names a platform (the person's choice, kept)."""
    return bool(os.environ.get("QT_QPA_PLATFORM"))


def no_display() -> bool:
    """True where Qt's default platform would find no display to connect to."""
    if sys.platform.startswith(_ALWAYS_A_DISPLAY):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def offscreen_without_display() -> bool:
    """Choose the offscreen platform if there is no display and no chosen platform;
    True when it did. Call before the application object is made."""
    if platform_chosen() or not no_display():
        return False
    os.environ["QT_QPA_PLATFORM"] = OFFSCREEN
    return True


def cannot_show_windows() -> bool:
    """True when a window would have no display to appear on (and Qt would abort)."""
    return no_display() and not platform_chosen()


def drawing_application() -> QGuiApplication:
    """The application object drawing needs (fonts): the running one, or a new one,
    offscreen when there is no display."""
    from PySide6.QtGui import QGuiApplication

    # flxdesk makes only QApplications (a QGuiApplication), never a bare QCoreApplication
    app = cast("QGuiApplication | None", QGuiApplication.instance())
    if app is None:
        offscreen_without_display()
        app = QGuiApplication(sys.argv[:1])
    return app
