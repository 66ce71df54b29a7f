"""User settings: a small JSON file beside the data. Never holds the token."""

import logging
from pathlib import Path
from typing import NamedTuple

log = logging.getLogger(__name__)


class Settings(NamedTuple):
    api_url: str = ""
    profile: str = "default"


def load_settings(path: Path) -> Settings:
    """Read settings, falling back to defaults (with a log line) if the file is unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        log.warning("Ignoring unreadable settings file %s: %s", path, error)
        return Settings()
    import json  # only when there is a file: keeps start-up light

    try:
        raw = json.loads(text)
    except ValueError as error:
        log.warning("Ignoring unreadable settings file %s: %s", path, error)
        return Settings()
    if not isinstance(raw, dict):
        log.warning("Ignoring settings file %s: not a JSON object", path)
        return Settings()
    known = {name: str(raw[name]) for name in Settings._fields if name in raw}
    return Settings(**known)


def save_settings(path: Path, settings: Settings) -> None:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(settings._asdict(), indent=2), encoding="utf-8")
    temporary.replace(path)
