"""The settings: ``settings.json`` beside the data, read once into one model. Never the token.

One file, one model (``Settings``): the API address and keychain profile at the top, the
station's preferences under ``"station"`` (``flxdesk.station.station_settings``). Read
once at start (``load_settings``) and handed down; the window saves the station's part
(``save_station``), keeping every other key of the file.

A missing file means the defaults. A file that is there but cannot be used stops
flxdesk with a SettingsError naming the file and the problem: falling back to the
defaults would send the token and the updates to the production API when the file
meant a test server. Station preferences that are not usable fall back one by one
(they cannot send an update anywhere).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.station.station_settings import SECTION, StationSettings, from_dict

log = logging.getLogger(__name__)

EXAMPLE = '{"api_url": "https://api.flxpoint.com"}'


class Settings(NamedTuple):
    api_url: str = ""
    profile: str = "default"
    station: StationSettings = StationSettings()


TEXT_SETTINGS = ("api_url", "profile")  # top-level settings that are text


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
    raw = _read_document(path)
    for name in TEXT_SETTINGS:
        if name in raw and not isinstance(raw[name], str):
            raise SettingsError(
                path, translate("Settings", '"{name}" must be text in quotes').format(name=name)
            )
    values = {name: raw[name] for name in TEXT_SETTINGS if name in raw}
    return Settings(**values, station=from_dict(raw.get(SECTION)))


def _read_document(path: Path) -> dict:
    """The file's JSON object; {} when there is no file; SettingsError when unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
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
    return raw


def save_settings(path: Path, settings: Settings) -> None:
    """Write the whole model, keeping keys of the file it does not know."""
    document = _read_document(path)
    document.update({name: getattr(settings, name) for name in TEXT_SETTINGS})
    document[SECTION] = settings.station._asdict()
    _write_document(path, document)


def save_station(path: Path, station: StationSettings) -> None:
    """Write the station's preferences, keeping every other key of the file."""
    document = _read_document(path)
    document[SECTION] = station._asdict()
    _write_document(path, document)


def _write_document(path: Path, document: dict) -> None:
    """Atomically: the old file stays whole until the new one is on disk."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2)
        out.flush()
        os.fsync(out.fileno())
    temporary.replace(path)
