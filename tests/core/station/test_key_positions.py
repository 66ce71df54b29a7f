"""Each platform's table types, for each documented key code, what a US keyboard types.

The codes below are copied from each platform's own documentation, by key name:
Linux's ``input-event-codes.h`` (an X11 keycode is the evdev code + 8), Microsoft's
"Keyboard scan codes" (set 1; Qt adds 0x100 for an E0-extended key) and Carbon's
``HIToolbox/Events.h`` (``kVK_ANSI_*``). The tables are written differently (rows of a
keyboard, a list by code), so a slip in one is caught here.
"""

from __future__ import annotations

import string

import pytest

from flxdesk.station import key_positions
from flxdesk.station.key_positions import (
    MACOS,
    WINDOWS,
    X11,
    NativeCode,
    table_for,
    us_character,
    us_control_character,
)

# input-event-codes.h: KEY_1 2 ... KEY_0 11, KEY_MINUS 12, KEY_EQUAL 13, KEY_Q 16 ...
EVDEV = {
    "1": 2, "2": 3, "3": 4, "4": 5, "5": 6, "6": 7, "7": 8, "8": 9, "9": 10, "0": 11,
    "-": 12, "=": 13, "q": 16, "w": 17, "e": 18, "r": 19, "t": 20, "y": 21, "u": 22,
    "i": 23, "o": 24, "p": 25, "[": 26, "]": 27, "a": 30, "s": 31, "d": 32, "f": 33,
    "g": 34, "h": 35, "j": 36, "k": 37, "l": 38, ";": 39, "'": 40, "`": 41, "\\": 43,
    "z": 44, "x": 45, "c": 46, "v": 47, "b": 48, "n": 49, "m": 50, ",": 51, ".": 52,
    "/": 53, " ": 57,
}  # fmt: skip
EVDEV_KEYPAD = {
    "*": 55, "7": 71, "8": 72, "9": 73, "-": 74, "4": 75, "5": 76, "6": 77, "+": 78,
    "1": 79, "2": 80, "3": 81, "0": 82, ".": 83, "/": 98,
}  # fmt: skip
# Microsoft's set-1 make codes for the same keys: the main block is evdev's numbering.
WINDOWS_KEYPAD = {**{k: v for k, v in EVDEV_KEYPAD.items() if k != "/"}, "/": 0x135}
# Events.h: kVK_ANSI_A = 0x00, kVK_ANSI_S = 0x01, ...
MAC = {
    "a": 0x00, "s": 0x01, "d": 0x02, "f": 0x03, "h": 0x04, "g": 0x05, "z": 0x06, "x": 0x07,
    "c": 0x08, "v": 0x09, "b": 0x0B, "q": 0x0C, "w": 0x0D, "e": 0x0E, "r": 0x0F, "y": 0x10,
    "t": 0x11, "1": 0x12, "2": 0x13, "3": 0x14, "4": 0x15, "6": 0x16, "5": 0x17, "=": 0x18,
    "9": 0x19, "7": 0x1A, "-": 0x1B, "8": 0x1C, "0": 0x1D, "]": 0x1E, "o": 0x1F, "u": 0x20,
    "[": 0x21, "i": 0x22, "p": 0x23, "l": 0x25, "j": 0x26, "'": 0x27, "k": 0x28, ";": 0x29,
    "\\": 0x2A, ",": 0x2B, "/": 0x2C, "n": 0x2D, "m": 0x2E, ".": 0x2F, " ": 0x31, "`": 0x32,
}  # fmt: skip
MAC_KEYPAD = {
    ".": 0x41, "*": 0x43, "+": 0x45, "/": 0x4B, "-": 0x4E, "0": 0x52, "1": 0x53, "2": 0x54,
    "3": 0x55, "4": 0x56, "5": 0x57, "6": 0x58, "7": 0x59, "8": 0x5B, "9": 0x5C,
}  # fmt: skip
US_SHIFTED = dict(
    zip("`1234567890-=[]\\;',./ ", '~!@#$%^&*()_+{}|:"<>? ', strict=True),
    **{c: c.upper() for c in string.ascii_lowercase},
)

PLATFORMS = {
    "x11": (X11, {k: v + 8 for k, v in EVDEV.items()}, {k: v + 8 for k, v in EVDEV_KEYPAD.items()}),
    "windows": (WINDOWS, EVDEV, WINDOWS_KEYPAD),
    "macos": (MACOS, MAC, MAC_KEYPAD),
}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_documented_key_types_its_us_characters(platform: str) -> None:
    table, main, keypad = PLATFORMS[platform]
    for plain, code in main.items():
        assert us_character(table, code, shift=False) == plain, (platform, hex(code))
        assert us_character(table, code, shift=True) == US_SHIFTED[plain], (platform, hex(code))
    for text, code in keypad.items():
        assert us_character(table, code, shift=False) == text, (platform, hex(code))
        assert us_character(table, code, shift=True) == text
    assert set(table) == set(main.values()) | set(keypad.values())  # nothing else in it


def test_a_key_that_is_not_in_the_table_types_nothing() -> None:
    assert us_character(X11, 9, shift=False) == ""  # Escape
    assert us_character(WINDOWS, 0x1C, shift=True) == ""  # Enter


def test_ctrl_and_a_position_type_its_control_character_whatever_the_layout() -> None:
    assert us_control_character(X11, EVDEV["]"] + 8) == "\x1d"  # GS1's separator
    assert us_control_character(WINDOWS, EVDEV["j"]) == "\n"
    assert us_control_character(MACOS, MAC["m"]) == "\r"
    assert us_control_character(X11, EVDEV["1"] + 8) == ""


def test_the_table_follows_qts_platform_plugin() -> None:
    assert table_for("xcb") == (X11, NativeCode.SCAN_CODE)
    assert table_for("wayland") == (X11, NativeCode.SCAN_CODE)
    assert table_for("windows") == (WINDOWS, NativeCode.SCAN_CODE)
    assert table_for("cocoa") == (MACOS, NativeCode.VIRTUAL_KEY)
    assert table_for("offscreen") is None  # no key positions: the layout's text is read
    assert key_positions.__doc__  # the tables say where their codes come from
