"""Files that ship beside the code (icon, sounds, the user guide), in the source tree or a
frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

from flxdesk.host.i18n import SOURCE_LANGUAGE

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


def user_guide_path(language: str = SOURCE_LANGUAGE) -> Path | None:
    """The user guide in ``language``: docs/user-guide.<language>.md (docs/user-guide.md
    for English, and wherever that language has none), beside the code in a checkout, in
    the frozen build's docs/; None when neither is installed."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    docs = (Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]) / "docs"
    names = ["user-guide.md"]
    if language != SOURCE_LANGUAGE:
        names.insert(0, f"user-guide.{language}.md")
    return next((docs / name for name in names if (docs / name).is_file()), None)


def translation_path(language: str) -> Path | None:
    """resources/i18n/flxdesk_<language>.qm (compiled from the .ts beside it), or None."""
    candidate = _resources_root() / "i18n" / f"flxdesk_{language}.qm"
    return candidate if candidate.is_file() else None
