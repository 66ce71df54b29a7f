"""The station's colours, chosen to keep WCAG's 4.5:1 text contrast in light and dark themes.

Plain data and arithmetic (no Qt), so the contrast of every pair can be checked by a
test. The window follows the OS colour scheme (``QStyleHints.colorScheme``) and picks
the ``Scheme.LIGHT`` or ``Scheme.DARK`` half.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

MIN_CONTRAST = 4.5


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


class Pair(NamedTuple):
    background: str
    foreground: str


# What the window's own background is assumed to be at worst in each scheme (Qt's
# Fusion and the OS styles stay close to these): text colours are checked against it.
WINDOW_BACKGROUND = {Scheme.LIGHT: "#ffffff", Scheme.DARK: "#1e1e1e"}
# Alternate rows of the history are a little darker / lighter.
ALTERNATE_BACKGROUND = {Scheme.LIGHT: "#f0f0f0", Scheme.DARK: "#2d2d2d"}

# The result band: what the last scan did, in large type across the window.
BAND: dict[str, dict[Scheme, Pair]] = {
    "sent": {Scheme.LIGHT: Pair("#1b6e34", "#ffffff"), Scheme.DARK: Pair("#2e7d45", "#ffffff")},
    "failed": {Scheme.LIGHT: Pair("#b3261e", "#ffffff"), Scheme.DARK: Pair("#c62828", "#ffffff")},
    "refused": {
        Scheme.LIGHT: Pair("#8c1d18", "#ffffff"),
        Scheme.DARK: Pair("#8c1d18", "#ffffff"),
    },
    "queued": {Scheme.LIGHT: Pair("#ffe08a", "#3d2e00"), Scheme.DARK: Pair("#5c4400", "#fff3c4")},
    "info": {Scheme.LIGHT: Pair("#e3e8ef", "#1f2933"), Scheme.DARK: Pair("#323a45", "#e8edf3")},
}

# The armed-status chip: one colour per status, destructive ones in warm red tones.
STATUS_CHIP: dict[str, dict[Scheme, Pair]] = {
    "Open": {Scheme.LIGHT: Pair("#1f5fa8", "#ffffff"), Scheme.DARK: Pair("#2f6fb8", "#ffffff")},
    "Closed": {Scheme.LIGHT: Pair("#1b6e34", "#ffffff"), Scheme.DARK: Pair("#2e7d45", "#ffffff")},
    "Canceled": {
        Scheme.LIGHT: Pair("#b3261e", "#ffffff"),
        Scheme.DARK: Pair("#c62828", "#ffffff"),
    },
    "On Hold": {Scheme.LIGHT: Pair("#ffd166", "#3d2e00"), Scheme.DARK: Pair("#ffd166", "#3d2e00")},
    "Failed": {Scheme.LIGHT: Pair("#7b1fa2", "#ffffff"), Scheme.DARK: Pair("#8e24aa", "#ffffff")},
    "No Shipping Method": {
        Scheme.LIGHT: Pair("#a84300", "#ffffff"),
        Scheme.DARK: Pair("#a84300", "#ffffff"),
    },
    "Not Managed": {
        Scheme.LIGHT: Pair("#4a4a4a", "#ffffff"),
        Scheme.DARK: Pair("#5a5a5a", "#ffffff"),
    },
}


# Notices across the window, above the fields: the demo banner, updates held for another
# destination, the crash of the last run. Text on its background, and a border.
class Notice(NamedTuple):
    background: str
    foreground: str
    border: str


NOTICE: dict[str, dict[Scheme, Notice]] = {
    "demo": {
        Scheme.LIGHT: Notice("#fff3c4", "#5c4400", "#fff3c4"),
        Scheme.DARK: Notice("#4a3800", "#fff3c4", "#4a3800"),
    },
    "held": {
        Scheme.LIGHT: Notice("#fff3c4", "#5c4400", "#b58a00"),
        Scheme.DARK: Notice("#4a3800", "#fff3c4", "#d4a72c"),
    },
    "crash": {
        Scheme.LIGHT: Notice("#fde7e4", "#5c0f0a", "#b3261e"),
        Scheme.DARK: Notice("#4a1512", "#ffdad6", "#ff8a80"),
    },
}

# Result words in the history, drawn on the window's own background.
STATE_TEXT: dict[str, dict[Scheme, str]] = {
    "sent": {Scheme.LIGHT: "#1b6e34", Scheme.DARK: "#7fd69b"},
    "failed": {Scheme.LIGHT: "#b3261e", Scheme.DARK: "#ff8a80"},
    "queued": {Scheme.LIGHT: "#5f5f5f", Scheme.DARK: "#c2c2c2"},
    "sending": {Scheme.LIGHT: "#1f5fa8", Scheme.DARK: "#8ab8f0"},
    "cancelled": {Scheme.LIGHT: "#5f5f5f", Scheme.DARK: "#c2c2c2"},
}


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
