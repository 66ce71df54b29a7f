"""Files that ship beside the code (icon, sounds, the user guide), in the source tree or a
frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

ICON_NAME = "flxdesk-256.png"


def _resources_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path() -> Path | None:
    """The window icon: resources/ in a PyInstaller build, or the checkout's resources/icons/."""
    frozen = getattr(sys, "_MEIPASS", None) is not None
    candidate = _resources_root() / ("" if frozen else "icons") / ICON_NAME
    return candidate if candidate.is_file() else None


def sound_path(name: str) -> Path | None:
    """resources/sounds/<name>.wav, or None where it is not installed (plain beep then)."""
    candidate = _resources_root() / "sounds" / f"{name}.wav"
    return candidate if candidate.is_file() else None


def user_guide_path() -> Path | None:
    """docs/user-guide.md: beside the code in a checkout, in the frozen build's docs/."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    candidate = root / "docs" / "user-guide.md"
    return candidate if candidate.is_file() else None


def translation_path(language: str) -> Path | None:
    """resources/i18n/flxdesk_<language>.qm (compiled from the .ts beside it), or None."""
    candidate = _resources_root() / "i18n" / f"flxdesk_{language}.qm"
    return candidate if candidate.is_file() else None
