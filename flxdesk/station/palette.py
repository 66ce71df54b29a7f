"""flxdesk's colours, chosen to keep WCAG's 4.5:1 text contrast in light and dark themes.

Every colour a widget or a printed page shows comes from here. Plain data and
arithmetic (no Qt), so the contrast of every pair can be checked by a test. Widgets
follow the OS colour scheme (flxdesk.gui.common.colour_scheme) and take the
``Scheme.LIGHT`` or ``Scheme.DARK`` half.
"""

from enum import StrEnum
from typing import NamedTuple, TypeVar

MIN_CONTRAST = 4.5
MIN_NON_TEXT_CONTRAST = 3.0  # borders and other marks that are not text
T = TypeVar("T")


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


class Pair(NamedTuple):
    background: str
    foreground: str


class Notice(NamedTuple):
    """A band of words across the window: its text on its background, within a border."""

    background: str
    foreground: str
    border: str  # at least 3:1 against the window's background (WCAG's non-text contrast)


def by_scheme(light: T, dark: T | None = None) -> dict[Scheme, T]:
    """One colour (or pair) per scheme; the same in both when ``dark`` is not given."""
    return {Scheme.LIGHT: light, Scheme.DARK: light if dark is None else dark}


# What the window's own background is assumed to be at worst in each scheme (Qt's
# Fusion and the OS styles stay close to these): text colours are checked against it.
WINDOW_BACKGROUND = by_scheme("#ffffff", "#1e1e1e")
# Alternate rows of the history are a little darker / lighter.
ALTERNATE_BACKGROUND = by_scheme("#f0f0f0", "#2d2d2d")

# Shared by the band and the chip: what was sent is green, what failed (or destroys) red.
GREEN = by_scheme(Pair("#1b6e34", "#ffffff"), Pair("#2e7d45", "#ffffff"))
RED = by_scheme(Pair("#b3261e", "#ffffff"), Pair("#c62828", "#ffffff"))

# The result band: what the last scan did, in large type across the window.
BAND: dict[str, dict[Scheme, Pair]] = {
    "sent": GREEN,
    "failed": RED,
    "refused": by_scheme(Pair("#8c1d18", "#ffffff")),
    "queued": by_scheme(Pair("#ffe08a", "#3d2e00"), Pair("#5c4400", "#fff3c4")),
    "info": by_scheme(Pair("#e3e8ef", "#1f2933"), Pair("#323a45", "#e8edf3")),
}

# The armed-status chip: one colour per status, destructive ones in warm red tones.
STATUS_CHIP: dict[str, dict[Scheme, Pair]] = {
    "Open": by_scheme(Pair("#1f5fa8", "#ffffff"), Pair("#2f6fb8", "#ffffff")),
    "Closed": GREEN,
    "Canceled": RED,
    "On Hold": by_scheme(Pair("#ffd166", "#3d2e00")),
    "Failed": by_scheme(Pair("#7b1fa2", "#ffffff"), Pair("#8e24aa", "#ffffff")),
    "No Shipping Method": by_scheme(Pair("#a84300", "#ffffff")),
    "Not Managed": by_scheme(Pair("#4a4a4a", "#ffffff"), Pair("#5a5a5a", "#ffffff")),
}

# Result words in the history (and other text that says "sent" or "failed": a problem
# in the bulk dialog, the token dialog's refusal), drawn on the window's own background.
# Printed pages use the light scheme's: paper is white.
STATE_TEXT: dict[str, dict[Scheme, str]] = {
    "sent": by_scheme("#1b6e34", "#7fd69b"),
    "failed": by_scheme("#b3261e", "#ff8a80"),
    "queued": by_scheme("#5f5f5f", "#c2c2c2"),
    "sending": by_scheme("#1f5fa8", "#8ab8f0"),
    "cancelled": by_scheme("#5f5f5f", "#c2c2c2"),
}

# Notices across the window, above the fields: the demo banner (no border of its own:
# its border is its background), updates held for another destination, the crash of
# the last run.
NOTICE: dict[str, dict[Scheme, Notice]] = {
    "demo": by_scheme(
        Notice("#fff3c4", "#5c4400", "#fff3c4"), Notice("#4a3800", "#fff3c4", "#4a3800")
    ),
    "held": by_scheme(
        Notice("#fff3c4", "#5c4400", "#b58a00"), Notice("#4a3800", "#fff3c4", "#d4a72c")
    ),
    "crash": by_scheme(
        Notice("#fde7e4", "#5c0f0a", "#b3261e"), Notice("#4a1512", "#ffdad6", "#ff8a80")
    ),
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
