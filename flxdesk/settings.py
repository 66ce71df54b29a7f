"""User settings: a small JSON file beside the data. Never holds the token."""

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class Settings:
    api_url: str = ""
    profile: str = "default"


def load_settings(path: Path) -> Settings:
    """Read settings, falling back to defaults (with a log line) if the file is unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("Ignoring unreadable settings file %s: %s", path, error)
        return Settings()
    if not isinstance(raw, dict):
        log.warning("Ignoring settings file %s: not a JSON object", path)
        return Settings()
    known = {name: str(raw[name]) for name in asdict(Settings()) if name in raw}
    return Settings(**known)


def save_settings(path: Path, settings: Settings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    temporary.replace(path)
