"""Telling screen readers about a result they would not otherwise hear.

A label whose text changes is not read out by itself; Qt 6.8 added
``QAccessibleAnnouncementEvent`` for that. Older Qt versions lack it: there the
result is still in the label (and the accessible name/description of its widget),
just not spoken unprompted. Checked at run time, so the same code runs on both.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QObject


def announcements_supported() -> bool:
    return hasattr(QtGui, "QAccessibleAnnouncementEvent")


def announce(source: QObject, text: str) -> bool:
    """Ask the screen reader, if one listens, to read ``text`` politely (after what it
    is reading); ``source`` is the widget the text belongs to. False when this Qt
    version cannot announce."""
    if not text or not announcements_supported():
        return False
    event = QtGui.QAccessibleAnnouncementEvent(source, text)
    QtGui.QAccessible.updateAccessibility(event)
    return True
