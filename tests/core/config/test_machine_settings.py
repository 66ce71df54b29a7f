"""Machine-wide settings: IT presets (and locks) settings for every user of a computer.

The computer's file is platformdirs' site_config_dir + settings.json; on Linux the first
folder of XDG_CONFIG_DIRS, which each test points at a folder of its own (the autouse
``flxdesk_home`` fixture).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.config.settings import (
    SettingsError,
    load_settings,
    machine_settings_file,
    save_station,
)
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.station.station_settings import StationSettings


@pytest.fixture
def machine_file(tmp_path: Path) -> Path:
    path = machine_settings_file()
    assert path == tmp_path / "machine-config" / "flxdesk" / "settings.json"
    path.parent.mkdir(parents=True)
    return path


def write(path: Path, document: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_machine_values_are_defaults_the_user_overrides(tmp_path: Path, machine_file: Path) -> None:
    write(
        machine_file,
        {"api_url": "https://machine.test", "station": {"default_status": "On Hold", "zoom": 1.5}},
    )
    user = write(tmp_path / "user.json", {"station": {"zoom": 1.2}})
    settings = load_settings(user)
    assert settings.api_url == "https://machine.test"
    assert settings.station.default_status == "On Hold"  # from the machine
    assert settings.station.zoom == 1.2  # the user's own
    assert settings.station.sound_volume == StationSettings().sound_volume  # built in
    assert settings.machine_file == machine_file
    assert settings.locked == frozenset()


def test_locked_machine_values_win_over_the_user(tmp_path: Path, machine_file: Path) -> None:
    write(
        machine_file,
        {
            "api_url": "https://machine.test",
            "station": {"language": "es"},
            "locked": ["api_url", "language", "sound_muted"],
        },
    )
    user = write(
        tmp_path / "user.json",
        {"api_url": "https://user.test", "station": {"language": "", "sound_muted": True}},
    )
    settings = load_settings(user)
    assert settings.api_url == "https://machine.test"
    assert settings.station.language == "es"
    assert settings.station.sound_muted is False  # locked at the built-in default
    assert settings.locked == {"api_url", "language", "sound_muted"}


def test_the_user_file_keeps_only_what_the_user_chose(tmp_path: Path, machine_file: Path) -> None:
    write(machine_file, {"station": {"zoom": 1.5, "language": "es"}, "locked": ["language"]})
    user = tmp_path / "user.json"
    settings = load_settings(user)
    save_station(user, settings.station._replace(sound_volume=0.3), settings)
    saved = json.loads(user.read_text(encoding="utf-8"))["station"]
    assert saved == {"sound_volume": 0.3}  # not the machine's zoom, not the locked language
    # IT changes its default later: the user follows it.
    write(machine_file, {"station": {"zoom": 2.0, "language": "es"}, "locked": ["language"]})
    again = load_settings(user)
    assert (again.station.zoom, again.station.sound_volume) == (2.0, 0.3)


BROKEN_MACHINE = {
    "unknown name": ({"default_status": "Closed"}, '"default_status" is not a setting'),
    "bad value": ({"station": {"zoom": 12}}, 'the station setting "zoom" cannot be 12'),
    "unknown locked": ({"locked": ["api_ur1"]}, "do not exist: api_ur1"),
    "locked not a list": ({"locked": "api_url"}, '"locked" must be a list'),
    "text not text": ({"api_url": 5}, '"api_url" must be text'),
    "not an object": (["x"], "must hold one JSON object"),
}


@pytest.mark.parametrize("name", BROKEN_MACHINE)
def test_an_unusable_machine_file_stops_naming_it(
    tmp_path: Path, machine_file: Path, name: str
) -> None:
    document, problem = BROKEN_MACHINE[name]
    write(machine_file, document)
    with pytest.raises(SettingsError) as stopped:
        load_settings(tmp_path / "user.json")
    message = str(stopped.value)
    assert message.startswith(f"This computer's settings file {machine_file}, set up by IT,")
    assert problem in message
    assert "sends nothing until IT corrects it" in message


def test_the_command_line_sends_nothing_and_exits_2_with_an_unusable_machine_file(
    flxdesk_home: Path, tmp_path: Path, machine_file: Path, demo_api: DemoApi
) -> None:
    write(machine_file, {"api_url": demo_api.url, "locked": ["no_such_setting"]})
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), FLXDESK_TOKEN=DEMO_TOKEN)
    env["XDG_CONFIG_DIRS"] = str(tmp_path / "machine-config")
    env.pop("FLXDESK_API_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Closed"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert f"This computer's settings file {machine_file}" in done.stderr
    assert demo_api.requests == []


def test_the_command_line_uses_the_machine_api_address(
    flxdesk_home: Path, tmp_path: Path, machine_file: Path, demo_api: DemoApi
) -> None:
    write(machine_file, {"api_url": demo_api.url, "locked": ["api_url"]})
    write(flxdesk_home / "settings.json", {"api_url": "https://user.example.invalid"})
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), FLXDESK_TOKEN=DEMO_TOKEN)
    env["XDG_CONFIG_DIRS"] = str(tmp_path / "machine-config")
    env.pop("FLXDESK_API_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Closed"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [seen.order_id for seen in demo_api.requests] == ["1001"]


def test_a_locked_key_wins_over_the_environment_too(
    tmp_path: Path, machine_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user's FLXDESK_* variable cannot point a locked station elsewhere (issue 23)."""
    from flxdesk.floor.connection import configured_url
    from flxdesk.flxpoint.endpoint import resolve_api_url
    from flxdesk.host.station_name import station_name

    write(
        machine_file,
        {
            "api_url": "https://machine.test",
            "floor_url": "postgresql://pack1@floor.corp/flxdesk",
            "station_name": "PACK-1",
            "locked": ["api_url", "floor_url", "station_name"],
        },
    )
    monkeypatch.setenv("FLXDESK_FLOOR_URL", "postgresql://me@my-own-floor/flxdesk")
    monkeypatch.setenv("FLXDESK_API_URL", "https://my-own-api.test")
    monkeypatch.setenv("FLXDESK_STATION", "PACK-2")
    settings = load_settings(tmp_path / "user.json")
    assert configured_url(settings.floor_url, settings.is_locked("floor_url"))[0] == (
        "postgresql://pack1@floor.corp/flxdesk"
    )
    assert resolve_api_url(settings.api_url, settings.is_locked("api_url")) == (
        "https://machine.test"
    )
    assert station_name(settings.station_name, settings.is_locked("station_name")) == "PACK-1"
    unlocked = load_settings(tmp_path / "user.json", tmp_path / "none.json")
    assert configured_url(unlocked.floor_url, unlocked.is_locked("floor_url"))[0] == (
        "postgresql://me@my-own-floor/flxdesk"
    )


def test_weaker_floor_tls_is_the_machine_files_alone(tmp_path: Path, machine_file: Path) -> None:
    user = write(tmp_path / "user.json", {"floor_tls": "unverified"})
    assert load_settings(user).floor_tls == ""  # a user cannot weaken it
    write(machine_file, {"floor_tls": "unverified", "locked": ["floor_tls"]})
    assert load_settings(user).floor_tls == "unverified"
    write(machine_file, {"floor_tls": "none"})
    with pytest.raises(SettingsError, match="floor_tls"):
        load_settings(user)
