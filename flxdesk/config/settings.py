"""The settings: ``settings.json`` files read once into one model. Never the token.

One model (``Settings``): the API address and keychain profile at the top, the station's
preferences under ``"station"`` (``flxdesk.station.station_settings``). Two files give
it, in the same shape: the user's, beside the data, and the computer's, which IT puts
in platformdirs' ``site_config_dir`` (``%PROGRAMDATA%\flxdesk``, ``/Library/Application
Support/flxdesk``, the first of ``XDG_CONFIG_DIRS`` + ``/flxdesk``) with one more key,
``"locked"``: the names of settings users may not change. Order, first wins: a locked
machine value, the environment (``FLXDESK_API_URL``, ``FLXDESK_FLOOR_URL``,
``FLXDESK_STATION``: read where they are used, which ask ``is_locked`` first), the
user's value, a machine value, the built-in default. ``floor_tls`` (may the floor be
reached without a verified certificate) is the machine file's only: a user's is
ignored. Read once at start (``load_settings``) and handed down; the window saves the station's part
(``save_station``): only what the user chose, keeping every other key of the file.

A missing file means the defaults. A file that is there but cannot be used stops
flxdesk with a SettingsError naming the file and the problem: falling back to the
defaults would send the token and the updates to the production API when the file
meant a test server. Station preferences that are not usable fall back one by one
(they cannot send an update anywhere). The computer's file is IT's: anything in it that
cannot be used (a value, an unknown name, a locked name that does not exist) stops
flxdesk, naming the file, before anything is sent.
"""

import logging
import os
from pathlib import Path
from typing import Any, NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.operators.operator_settings import NAMES as OPERATOR_SETTINGS
from flxdesk.operators.operator_settings import OperatorSettings, check_together, read_value
from flxdesk.operators.roster import RosterError
from flxdesk.station.station_settings import SECTION, StationSettings, usable_values

log = logging.getLogger(__name__)

EXAMPLE = '{"api_url": "https://api.flxpoint.com"}'


class Settings(NamedTuple):
    api_url: str = ""  # the Flxpoint API address; "" is the production API (flxpoint.endpoint)
    profile: str = "default"  # the keychain entry's user name: one token per profile
    # The floor's PostgreSQL, a libpq URI without its password (flxdesk.floor.connection).
    floor_url: str = ""
    # This station's name on the floor and in its history (flxdesk.host.station_name).
    station_name: str = ""
    station: StationSettings = StationSettings()
    locked: frozenset[str] = frozenset()  # names IT locked on this computer
    below_user: StationSettings = StationSettings()  # station values without the user's
    machine_file: Path | None = None  # IT's settings, when this computer has them
    # "unverified": the floor may be reached with a weaker sslmode than verify-full
    # (flxdesk.floor.connection). Only the machine file can say so.
    floor_tls: str = ""
    # Who may sign in, and how (flxdesk.operators.operator_settings): top-level keys.
    operators: OperatorSettings = OperatorSettings()

    def is_locked(self, name: str) -> bool:
        """Whether IT locked ``name``: then neither the user nor the environment changes it."""
        return name in self.locked


TEXT_SETTINGS = ("api_url", "profile", "floor_url", "station_name")  # top-level text
MACHINE_ONLY = ("floor_tls",)  # read from the machine file alone
FLOOR_TLS_VALUES = ("", "verify-full", "unverified")
LOCKED = "locked"


def machine_settings_file() -> Path:
    """Where IT puts the computer's settings (the file need not exist)."""
    import platformdirs

    return Path(platformdirs.site_config_dir("flxdesk", appauthor=False)) / "settings.json"


class SettingsError(ValueError):
    """``settings.json`` exists but cannot be used; ``str(error)`` names it and says why."""

    def __init__(self, path: Path, problem: str, *, machine: bool = False) -> None:
        if machine:
            text = translate(
                "Settings",
                "This computer's settings file {path}, set up by IT, cannot be used: "
                "{problem}. flxdesk sends nothing until IT corrects it.",
            )
        else:
            text = translate(
                "Settings",
                "The settings file {path} cannot be used: {problem}. Correct it (JSON "
                "such as {example}), or remove it to use the default API address.",
            )
        super().__init__(text.format(path=path, problem=problem, example=EXAMPLE))
        self.path = path


def load_settings(path: Path, machine_file: Path | None = None) -> Settings:
    """The settings from the user's file at ``path`` over the computer's (``machine_file``,
    by default ``machine_settings_file()``); defaults where neither says; SettingsError
    when either cannot be used."""
    machine_file = machine_file or machine_settings_file()
    machine_raw = _read_document(machine_file, machine=True)
    machine = _machine_values(machine_raw, machine_file)
    locked = _locked_names(machine_raw, machine_file)
    user_raw = _read_document(path)
    user = {name: _text(user_raw, name, path) for name in TEXT_SETTINGS if name in user_raw}
    user.update(usable_values(user_raw.get(SECTION)))
    below = {**Settings()._asdict(), **StationSettings()._asdict(), **machine}
    chosen = {**below, **user, **{name: below[name] for name in locked if name in below}}
    station = StationSettings(**{name: chosen[name] for name in StationSettings._fields})
    # With a floor, the floor holds the operators (flxdesk.floor.operators) unless IT
    # locked them here; the floor's address as flxdesk.floor.connection.configured_url reads it.
    floor_set = bool(chosen["floor_url"].strip()) or (
        "floor_url" not in locked and bool(os.environ.get("FLXDESK_FLOOR_URL", "").strip())
    )
    roster_elsewhere = floor_set and "operators" not in locked
    operators = _operator_settings(
        user_raw, path, machine_raw, machine_file, locked, roster_elsewhere
    )
    return Settings(
        **{name: chosen[name] for name in TEXT_SETTINGS},
        station=station,
        locked=locked,
        below_user=StationSettings(**{name: below[name] for name in StationSettings._fields}),
        machine_file=machine_file if machine_raw else None,
        floor_tls=machine.get("floor_tls", ""),
        operators=operators,
    )


def _operator_settings(
    user_raw: dict[str, object],
    path: Path,
    machine_raw: dict[str, object],
    machine_file: Path,
    locked: frozenset[str],
    roster_elsewhere: bool = False,
) -> OperatorSettings:
    """The operators' settings: a locked machine value, the user's, the machine's, the
    default; every value checked, the file it came from named when it cannot be used.
    ``roster_elsewhere``: the floor gives the operators (operator_settings.check_together)."""
    values: dict[str, Any] = {}  # each checked by read_value
    came_from: dict[str, tuple[Path, bool]] = {}
    for raw, where, machine in ((machine_raw, machine_file, True), (user_raw, path, False)):
        for name in OPERATOR_SETTINGS:
            if name not in raw or (not machine and name in locked):
                continue
            try:
                values[name] = read_value(name, raw[name])
            except RosterError as error:
                raise SettingsError(where, str(error), machine=machine) from None
            came_from[name] = (where, machine)
    settings = OperatorSettings()._replace(**values)
    problem = check_together(settings, roster_elsewhere=roster_elsewhere)
    if problem:
        where, machine = next(iter(came_from.values()), (path, False))
        raise SettingsError(where, problem, machine=machine)
    return settings


def _text(raw: dict[str, object], name: str, path: Path, *, machine: bool = False) -> str:
    value = raw[name]
    if not isinstance(value, str):
        words = translate("Settings", '"{name}" must be text in quotes').format(name=name)
        raise SettingsError(path, words, machine=machine)
    return value


def _machine_values(raw: dict[str, object], path: Path) -> dict[str, Any]:
    """What IT's file sets, every value checked: IT's mistakes stop flxdesk, in words.

    By name, each value of its field's type (as ``usable_values`` gives the user's)."""
    from flxdesk.station.station_settings import is_usable

    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name in TEXT_SETTINGS:
            values[name] = _text(raw, name, path, machine=True)
        elif name in MACHINE_ONLY:
            values[name] = _text(raw, name, path, machine=True)
            if values[name] not in FLOOR_TLS_VALUES:
                words = translate("Settings", '"floor_tls" must be "verify-full" or "unverified"')
                raise SettingsError(path, words, machine=True)
        elif name in OPERATOR_SETTINGS:
            continue  # read with the user's, in _operator_settings
        elif name == SECTION and isinstance(value, dict):
            for station_name, station_value in value.items():
                if not is_usable(station_name, station_value):
                    words = translate(
                        "Settings", 'the station setting "{name}" cannot be {value}'
                    ).format(name=station_name, value=repr(station_value))
                    raise SettingsError(path, words, machine=True)
                default = getattr(StationSettings(), station_name)
                values[station_name] = type(default)(station_value)
        elif name != LOCKED:
            words = translate(
                "Settings",
                '"{name}" is not a setting (station settings go inside "station")',
            ).format(name=name)
            raise SettingsError(path, words, machine=True)
    return values


def _locked_names(raw: dict[str, object], path: Path) -> frozenset[str]:
    names = raw.get(LOCKED, [])
    known = (
        set(TEXT_SETTINGS)
        | set(MACHINE_ONLY)
        | set(StationSettings._fields)
        | set(OPERATOR_SETTINGS)
    )
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        words = translate("Settings", '"locked" must be a list of setting names in quotes')
        raise SettingsError(path, words, machine=True)
    unknown = sorted(set(names) - known)
    if unknown:
        words = translate("Settings", '"locked" names settings that do not exist: {names}')
        raise SettingsError(path, words.format(names=", ".join(unknown)), machine=True)
    return frozenset(names)


def _read_document(path: Path, *, machine: bool = False) -> dict[str, object]:
    """The file's JSON object; {} when there is no file; SettingsError when unusable."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except IsADirectoryError:
        words = translate("Settings", "it is a folder, not a file")
        raise SettingsError(path, words, machine=machine) from None
    except OSError as error:
        words = translate("Settings", "it cannot be read ({value})").format(
            value=error.strerror or error
        )
        raise SettingsError(path, words, machine=machine) from None
    try:
        text = data.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError as error:
        words = translate(
            "Settings", "it is not UTF-8 text (byte 0x{value} at position {start})"
        ).format(value=f"{data[error.start]:02x}", start=error.start)
        raise SettingsError(path, words, machine=machine) from None
    import json  # only when there is a file: keeps start-up light

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        words = translate(
            "Settings", "it is not valid JSON ({msg}, line {lineno} column {colno})"
        ).format(msg=error.msg, lineno=error.lineno, colno=error.colno)
        raise SettingsError(path, words, machine=machine) from None
    if not isinstance(raw, dict):
        words = translate("Settings", "it must hold one JSON object")
        raise SettingsError(path, words, machine=machine)
    return raw


def save_settings(path: Path, settings: Settings) -> None:
    """Write the whole model, keeping keys of the file it does not know."""
    document = _read_document(path)
    document.update({name: getattr(settings, name) for name in TEXT_SETTINGS})
    document[SECTION] = settings.station._asdict()
    _write_document(path, document)


def save_station(path: Path, station: StationSettings, settings: Settings | None = None) -> None:
    """Write the station's preferences the user chose, keeping every other key of the file.

    Only values that differ from what the computer (or the built-in default) gives, and
    never a locked one: when IT changes a default later, the user follows it unless the
    user chose otherwise.
    """
    below = settings.below_user if settings is not None else StationSettings()
    locked = settings.locked if settings is not None else frozenset()
    document = _read_document(path)
    document[SECTION] = {
        name: value
        for name, value in station._asdict().items()
        if name not in locked and value != getattr(below, name)
    }
    _write_document(path, document)


def _write_document(path: Path, document: dict[str, object]) -> None:
    """Atomically: the old file stays whole until the new one is on disk."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2)
        out.flush()
        os.fsync(out.fileno())
    temporary.replace(path)
