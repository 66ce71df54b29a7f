"""Light or dark: which half of the palette (flxdesk.station.palette) widgets show now.

The OS colour scheme is read from Qt's style hints (Qt 6.5+), else from the palette's
window colour. ``follow_scheme`` colours a widget now and again whenever the scheme
changes, for as long as the widget lives; the style-sheet helpers turn palette
entries into the style sheets widgets set.

``palette_scheme`` uses no ``Qt`` enum (PySide6 builds that whole namespace, ~11 ms,
on first use), so widgets on screen at the first paint can use it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication

from flxdesk.station.palette import Notice, Pair, Scheme


def palette_scheme() -> Scheme:
    """Dark or light from the palette's window colour: no ``Qt`` enum, so first-paint safe.

    On Windows and macOS a dark OS theme gives a dark palette; ``current_scheme`` also
    reads the OS setting (and is used from the first paint on, with its change signal).
    """
    app = QGuiApplication.instance()
    if app is None:
        return Scheme.LIGHT
    window = QGuiApplication.palette().window().color()
    return Scheme.DARK if window.lightness() < 128 else Scheme.LIGHT


def current_scheme() -> Scheme:
    """Dark or light, from the OS setting (Qt 6.5+), else from the palette."""
    if QGuiApplication.instance() is None:
        return Scheme.LIGHT
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return Scheme.DARK
    if scheme == Qt.ColorScheme.Light:
        return Scheme.LIGHT
    return palette_scheme()


class _SchemeFollower(QObject):
    """A child of the coloured widget, so the connection ends when the widget goes."""

    def __init__(self, owner: QObject, apply: Callable[[Scheme], None]) -> None:
        super().__init__(owner)
        self._apply = apply

    @Slot()
    def follow(self) -> None:
        self._apply(current_scheme())


def follow_scheme(owner: QObject, apply: Callable[[Scheme], None]) -> None:
    """``apply(scheme)`` now, and whenever the OS colour scheme changes while ``owner`` lives."""
    follower = _SchemeFollower(owner, apply)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(follower.follow)
    follower.follow()


def colour_style(pair: Pair | Notice, extra: str = "") -> str:
    """A widget's own style sheet: its text on its background, then ``extra``."""
    return f"background: {pair.background}; color: {pair.foreground}; {extra}"


def notice_style(object_name: str, notice: Notice, *, bold: bool = False) -> str:
    """The style sheet of a notice frame called ``object_name`` and of its labels."""
    weight = " font-weight: 600;" if bold else ""
    return (
        f"#{object_name} {{ background: {notice.background}; "
        f"border: 1px solid {notice.border}; }}"
        f"#{object_name} QLabel {{ color: {notice.foreground};{weight} }}"
    )
