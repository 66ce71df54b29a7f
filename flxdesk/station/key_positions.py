"""Which character a key position types on a US keyboard: one table per platform.

A USB barcode scanner is a keyboard. It sends key positions (scan codes), not
characters, and most leave the factory set for a US keyboard: on a French station the
operating system turns the positions of ``FR-10234/1`` into ``FR)&àé"'!&``. The window
reads a scan from its keys' positions with these tables, whatever the station's layout.

Qt gives each key's native code: ``nativeScanCode`` on X11 (the X keycode, evdev + 8,
also under Wayland) and on Windows (the set-1 scan code, with 0x100 for an extended
key), ``nativeVirtualKey`` on macOS (the ``kVK_ANSI_*`` code of Carbon's ``Events.h``;
macOS gives no scan code). Each table maps a code to the character of the key alone
and with Shift; keypad keys type the same either way. Only the characters a scan may
hold are here: digits, letters, the punctuation of a US keyboard and the space.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

# The US keyboard's rows, left to right, as (plain, shifted) pairs.
_DIGIT_ROW = tuple(zip("`1234567890-=", "~!@#$%^&*()_+", strict=True))
_TOP_ROW = tuple(zip("qwertyuiop[]\\", "QWERTYUIOP{}|", strict=True))
_HOME_ROW = tuple(zip("asdfghjkl;'", 'ASDFGHJKL:"', strict=True))
_BOTTOM_ROW = tuple(zip("zxcvbnm,./", "ZXCVBNM<>?", strict=True))
_SPACE = (" ", " ")

KeyTable = Mapping[int, tuple[str, str]]


def _same(text: str) -> tuple[str, str]:
    return (text, text)


def _run(first: int, keys: tuple[tuple[str, str], ...]) -> dict[int, tuple[str, str]]:
    return {first + offset: key for offset, key in enumerate(keys)}


# X11 (and Wayland) keycodes: the Linux evdev code + 8, as in xkb's "evdev" keycodes.
X11: KeyTable = {
    49: _DIGIT_ROW[0],  # TLDE
    **_run(10, _DIGIT_ROW[1:]),  # AE01..AE12
    **_run(24, _TOP_ROW[:12]),  # AD01..AD12
    51: _TOP_ROW[12],  # BKSL
    **_run(38, _HOME_ROW),  # AC01..AC11
    **_run(52, _BOTTOM_ROW),  # AB01..AB10
    65: _SPACE,
    # The keypad (with Num Lock on): KP7 KP8 KP9 KPSU KP4 KP5 KP6 KPAD KP1 KP2 KP3 KP0 KPDL
    63: _same("*"),
    106: _same("/"),
    **{code: _same(text) for code, text in zip(range(79, 92), "789-456+1230.", strict=True)},
}

# Windows scan codes (set 1), as Qt gives them: the extended bit is 0x100 (KP /: 0x135).
WINDOWS: KeyTable = {
    0x29: _DIGIT_ROW[0],
    **_run(0x02, _DIGIT_ROW[1:]),
    **_run(0x10, _TOP_ROW[:12]),
    0x2B: _TOP_ROW[12],
    **_run(0x1E, _HOME_ROW),
    **_run(0x2C, _BOTTOM_ROW),
    0x39: _SPACE,
    0x37: _same("*"),
    0x135: _same("/"),
    **{code: _same(text) for code, text in zip(range(0x47, 0x54), "789-456+1230.", strict=True)},
}

# macOS virtual key codes (kVK_ANSI_* and kVK_Space in Carbon's HIToolbox/Events.h):
# not in keyboard order, so written out.
_MAC_KEYS = {
    0x00: "a", 0x01: "s", 0x02: "d", 0x03: "f", 0x04: "h", 0x05: "g", 0x06: "z", 0x07: "x",
    0x08: "c", 0x09: "v", 0x0B: "b", 0x0C: "q", 0x0D: "w", 0x0E: "e", 0x0F: "r", 0x10: "y",
    0x11: "t", 0x12: "1", 0x13: "2", 0x14: "3", 0x15: "4", 0x16: "6", 0x17: "5", 0x18: "=",
    0x19: "9", 0x1A: "7", 0x1B: "-", 0x1C: "8", 0x1D: "0", 0x1E: "]", 0x1F: "o", 0x20: "u",
    0x21: "[", 0x22: "i", 0x23: "p", 0x25: "l", 0x26: "j", 0x27: "'", 0x28: "k", 0x29: ";",
    0x2A: "\\", 0x2B: ",", 0x2C: "/", 0x2D: "n", 0x2E: "m", 0x2F: ".", 0x31: " ", 0x32: "`",
}  # fmt: skip
_MAC_KEYPAD = {
    0x41: ".", 0x43: "*", 0x45: "+", 0x4B: "/", 0x4E: "-", 0x52: "0", 0x53: "1", 0x54: "2",
    0x55: "3", 0x56: "4", 0x57: "5", 0x58: "6", 0x59: "7", 0x5B: "8", 0x5C: "9",
}  # fmt: skip
_US_SHIFTED = {
    plain: shifted for plain, shifted in (*_DIGIT_ROW, *_TOP_ROW, *_HOME_ROW, *_BOTTOM_ROW, _SPACE)
}
MACOS: KeyTable = {
    **{code: (plain, _US_SHIFTED[plain]) for code, plain in _MAC_KEYS.items()},
    **{code: _same(text) for code, text in _MAC_KEYPAD.items()},
}


class NativeCode(StrEnum):
    """Which of Qt's native key codes names the key's position on this platform."""

    SCAN_CODE = "scan code"  # QKeyEvent.nativeScanCode()
    VIRTUAL_KEY = "virtual key"  # QKeyEvent.nativeVirtualKey()


_PLATFORMS: dict[str, tuple[KeyTable, NativeCode]] = {
    "xcb": (X11, NativeCode.SCAN_CODE),
    "wayland": (X11, NativeCode.SCAN_CODE),
    "windows": (WINDOWS, NativeCode.SCAN_CODE),
    "cocoa": (MACOS, NativeCode.VIRTUAL_KEY),
}


def table_for(platform_name: str) -> tuple[KeyTable, NativeCode] | None:
    """The table for Qt's platform plugin (``QGuiApplication.platformName()``), and which
    native code it reads; None where keys have no position (offscreen, a VNC server)."""
    return _PLATFORMS.get(platform_name)


def us_character(table: KeyTable, code: int, shift: bool) -> str:
    """What the key at ``code`` types on a US keyboard, ``shift`` held; "" if unknown."""
    key = table.get(code)
    if key is None:
        return ""
    return key[1] if shift else key[0]


# With Ctrl held, a key types the control character of its US character: Ctrl+] is the
# GS1 group separator (ASCII 29) that scanners send between a GS1 code's fields.
_CONTROL_BASE = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"


def us_control_character(table: KeyTable, code: int) -> str:
    """The control character Ctrl plus the key at ``code`` types on a US keyboard, or ""."""
    key = table.get(code)
    if key is None:
        return ""
    for character in (key[0].upper(), key[1]):
        index = _CONTROL_BASE.find(character)
        if index >= 0:
            return chr(index)
    return ""
