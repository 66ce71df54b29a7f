"""The OS switching between light and dark, as Qt reports it to flxdesk."""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@contextmanager
def dark_os_scheme(qtbot) -> Iterator[None]:
    """A dark OS theme: Qt's palette turns dark and the style hints say the scheme changed.

    The offscreen platform has no OS scheme of its own (``colorScheme()`` stays Unknown,
    ``setColorScheme`` does nothing), so flxdesk reads the scheme from the palette, as it
    does on a desktop that does not report one.
    """
    light = QGuiApplication.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8edf3"))
    _switch(qtbot, dark, Qt.ColorScheme.Dark)
    try:
        yield
    finally:
        _switch(qtbot, light, Qt.ColorScheme.Light)


def _switch(qtbot, palette: QPalette, scheme: Qt.ColorScheme) -> None:
    with qtbot.captureExceptions() as caught:
        QGuiApplication.setPalette(palette)
        QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)
    for _kind, error, trace in caught:
        if not _closed_main_window(error, trace):
            raise error


def _closed_main_window(error: BaseException, trace) -> bool:
    """The main window connects a lambda to the style hints, which outlives the window:
    windows of earlier tests answer the change with "already deleted". Not what these
    tests look at (the window's composer is to follow the scheme as the widgets do)."""
    frames = [frame.filename for frame in traceback.extract_tb(trace)]
    return (
        isinstance(error, RuntimeError)
        and "already deleted" in str(error)
        and any(name.endswith("main_window.py") for name in frames)
    )
