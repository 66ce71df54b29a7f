"""User settings: a small JSON file beside the data. Never holds the token.

A missing file means the defaults. A file that is there but cannot be used stops
flxdesk with a SettingsError naming the file and the problem: falling back to the
defaults would send the token and the updates to the production API when the file
meant a test server.
"""

import logging
from pathlib import Path
from typing import NamedTuple

log = logging.getLogger(__name__)

EXAMPLE = '{"api_url": "https://api.flxpoint.com"}'


class Settings(NamedTuple):
    api_url: str = ""
    profile: str = "default"


class SettingsError(ValueError):
    """``settings.json`` exists but cannot be used; ``str(error)`` names it and says why."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"The settings file {path} cannot be used: {problem}. Correct it (JSON such as "
            f"{EXAMPLE}), or remove it to use the default API address."
        )
        self.path = path


def load_settings(path: Path) -> Settings:
    """Read settings; defaults when there is no file; SettingsError when it is unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except IsADirectoryError:
        raise SettingsError(path, "it is a folder, not a file") from None
    except OSError as error:
        raise SettingsError(path, f"it cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError as error:
        raise SettingsError(
            path, f"it is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start})"
        ) from None
    import json  # only when there is a file: keeps start-up light

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingsError(
            path, f"it is not valid JSON ({error.msg}, line {error.lineno} column {error.colno})"
        ) from None
    if not isinstance(raw, dict):
        raise SettingsError(path, "it must hold one JSON object")
    for name in Settings._fields:
        if name in raw and not isinstance(raw[name], str):
            raise SettingsError(path, f'"{name}" must be text in quotes')
    return Settings(**{name: raw[name] for name in Settings._fields if name in raw})


def save_settings(path: Path, settings: Settings) -> None:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(settings._asdict(), indent=2), encoding="utf-8")
    temporary.replace(path)
