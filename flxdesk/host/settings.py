"""User settings: a small JSON file beside the data. Never holds the token.

A missing file means the defaults. A file that is there but cannot be used stops
flxdesk with a SettingsError naming the file and the problem: falling back to the
defaults would send the token and the updates to the production API when the file
meant a test server.
"""

import logging
from pathlib import Path
from typing import NamedTuple

from flxdesk.host.i18n import translate

log = logging.getLogger(__name__)

EXAMPLE = '{"api_url": "https://api.flxpoint.com"}'


class Settings(NamedTuple):
    api_url: str = ""
    profile: str = "default"
    # The floor's PostgreSQL, a libpq URI without its password (flxdesk.floor.connection).
    floor_url: str = ""
    # This station's name on the floor and in its history (flxdesk.host.station_name).
    station_name: str = ""


class SettingsError(ValueError):
    """``settings.json`` exists but cannot be used; ``str(error)`` names it and says why."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            translate(
                "Settings",
                "The settings file {path} cannot be used: {problem}. Correct it (JSON "
                "such as {example}), or remove it to use the default API address.",
            ).format(path=path, problem=problem, example=EXAMPLE)
        )
        self.path = path


def load_settings(path: Path) -> Settings:
    """Read settings; defaults when there is no file; SettingsError when it is unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except IsADirectoryError:
        raise SettingsError(path, translate("Settings", "it is a folder, not a file")) from None
    except OSError as error:
        raise SettingsError(
            path,
            translate("Settings", "it cannot be read ({value})").format(
                value=error.strerror or error
            ),
        ) from None
    try:
        text = data.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError as error:
        raise SettingsError(
            path,
            translate(
                "Settings", "it is not UTF-8 text (byte 0x{value} at position {start})"
            ).format(value=f"{data[error.start]:02x}", start=error.start),
        ) from None
    import json  # only when there is a file: keeps start-up light

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingsError(
            path,
            translate(
                "Settings", "it is not valid JSON ({msg}, line {lineno} column {colno})"
            ).format(msg=error.msg, lineno=error.lineno, colno=error.colno),
        ) from None
    if not isinstance(raw, dict):
        raise SettingsError(path, translate("Settings", "it must hold one JSON object"))
    for name in Settings._fields:
        if name in raw and not isinstance(raw[name], str):
            raise SettingsError(
                path, translate("Settings", '"{name}" must be text in quotes').format(name=name)
            )
    return Settings(**{name: raw[name] for name in Settings._fields if name in raw})


def save_settings(path: Path, settings: Settings) -> None:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(settings._asdict(), indent=2), encoding="utf-8")
    temporary.replace(path)
