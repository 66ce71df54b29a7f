"""A real X server for the tests that type as a keyboard device does: Xvfb, a window
manager, a keyboard layout, and keys sent by XTest.

``QTest`` sends no Shift key events and no native key codes, so what only a real
keyboard (or a USB scanner, which is one) does is typed here through XTest: Shift
pressed around each capital, the layout chosen with ``setxkbmap``, Caps Lock toggled.
What it needs (.ci/run installs all of it): ``xvfb``, ``openbox`` (focus, as a desktop
gives it), ``x11-xkb-utils`` and ``xkb-data`` (the layouts) and python-xlib (the test
extra). On Linux a missing piece skips the tests, and fails them in CI.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

SCREEN = ("-screen", "0", "1024x768x24")
TOOLS = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "setxkbmap": "x11-xkb-utils",
    "xkbcomp": "x11-xkb-utils",
}


def require_x() -> None:
    """Skip where there is no X server to start; fail in CI when a piece is missing."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the keyboard tests start an X server (Xvfb): Linux only")
    missing = sorted({package for tool, package in TOOLS.items() if not shutil.which(tool)})
    if not os.path.isdir("/usr/share/X11/xkb/symbols"):
        missing.append("xkb-data")
    try:
        import Xlib  # noqa: F401
    except ImportError:
        missing.append("python-xlib (pip install -e '.[test]')")
    if not missing:
        return
    message = f"the keyboard tests need {', '.join(missing)}: .ci/run installs them"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextlib.contextmanager
def virtual_display(*options: str) -> Iterator[str]:
    """An Xvfb of its own; its DISPLAY once the server says it is ready (``-displayfd``)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", *SCREEN, *options],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as ready:
            number = ready.readline().strip()  # written when it accepts clients; "" if it died
        assert number, f"Xvfb did not start (exit code {server.poll()})"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextlib.contextmanager
def desktop() -> Iterator[str]:
    """Xvfb (``-noreset``: the layout stays when a client leaves) with openbox."""
    with virtual_display("-noreset") as display:
        env = dict(os.environ, DISPLAY=display)
        manager = subprocess.Popen(
            ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            yield display
        finally:
            manager.terminate()
            manager.wait(timeout=30)


def set_layout(display: str, layout: str) -> None:
    subprocess.run(["setxkbmap", "-display", display, "-layout", layout], check=True, timeout=30)


class Keyboard:
    """Keys pressed by XTest, as a USB keyboard (or scanner) presses them."""

    SHIFT = 50  # Shift_L's keycode (evdev 42 + 8)
    CAPS_LOCK = 66
    RETURN = 36
    TAB = 23

    def __init__(self, display: str) -> None:
        from Xlib import display as xdisplay

        self._display = xdisplay.Display(display)

    def close(self) -> None:
        self._display.close()

    def keycode_of(self, char: str) -> tuple[int, bool]:
        """The key and Shift that type ``char`` in the layout set now (xkb's own map)."""
        from Xlib import XK

        names = {
            " ": "space", "-": "minus", "/": "slash", ".": "period", "_": "underscore",
            "]": "bracketright", "&": "ampersand", "#": "numbersign", ";": "semicolon",
        }  # fmt: skip
        keysym = XK.string_to_keysym(names.get(char, char))
        for code, index in self._display.keysym_to_keycodes(keysym):
            if index in (0, 1):
                return code, index == 1
        raise LookupError(f"no key types {char!r} in this layout")

    def press(self, code: int, shift: bool = False, gap_ms: float = 4) -> None:
        from Xlib import X
        from Xlib.ext import xtest

        if shift:
            xtest.fake_input(self._display, X.KeyPress, self.SHIFT)
        xtest.fake_input(self._display, X.KeyPress, code)
        xtest.fake_input(self._display, X.KeyRelease, code)
        if shift:
            xtest.fake_input(self._display, X.KeyRelease, self.SHIFT)
        self._display.sync()
        time.sleep(gap_ms / 1000)  # the device's own pace between keys, not a wait for flxdesk

    def press_with(self, modifier: int, code: int) -> None:
        """``code`` with ``modifier`` held (Ctrl+] for a GS1 separator)."""
        from Xlib import X
        from Xlib.ext import xtest

        xtest.fake_input(self._display, X.KeyPress, modifier)
        self.press(code)
        xtest.fake_input(self._display, X.KeyRelease, modifier)
        self._display.sync()

    def keys(self, keys: list[tuple[int, bool]], gap_ms: float = 4) -> None:
        for code, shift in keys:
            self.press(code, shift, gap_ms)
