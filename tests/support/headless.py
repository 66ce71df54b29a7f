"""The environment of a machine with no display: a Linux server, a scheduled task, SSH."""

from __future__ import annotations

import os

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def without_display(**extra: str) -> dict[str, str]:
    """This process's environment without a display and without a chosen Qt platform
    (the tests' own ``QT_QPA_PLATFORM=offscreen`` removed too), plus ``extra``."""
    env = {name: value for name, value in os.environ.items() if name not in DISPLAY_VARIABLES}
    return env | extra
