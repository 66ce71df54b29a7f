"""Files that ship beside the code: the app icon, in the source tree or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

ICON_NAME = "flxdesk-256.png"


def icon_path() -> Path | None:
    """The window icon: resources/ in a PyInstaller build, or the checkout's resources/icons/."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidate = Path(frozen_root) / "resources" / ICON_NAME
    else:
        candidate = Path(__file__).resolve().parent.parent / "resources" / "icons" / ICON_NAME
    return candidate if candidate.is_file() else None
