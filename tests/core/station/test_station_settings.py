"""Station preferences survive restarts, keep the rest of settings.json, and never break it."""

from __future__ import annotations

import json
from pathlib import Path

from flxdesk.config.settings import load_settings, save_station
from flxdesk.station.station_settings import StationSettings, usable_values


def test_saved_station_settings_come_back_and_other_keys_stay(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"api_url": "https://api.example.invalid"}', encoding="utf-8")
    chosen = StationSettings(default_status="On Hold", zoom=1.5, sound_muted=True, geometry="AQ==")
    save_station(path, chosen)
    assert load_settings(path).station == chosen
    assert load_settings(path).api_url == "https://api.example.invalid"
    assert not (tmp_path / "settings.json.tmp").exists()


def test_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json").station == StationSettings()


def test_unusable_values_fall_back_one_by_one() -> None:
    station = StationSettings()._replace(
        **usable_values(
            {
                "default_status": "Canceled",  # never a destructive default
                "zoom": 9,
                "sound_volume": "loud",
                "refuse_while_unacknowledged": 1,
                "scan_max_gap_ms": 80,
                "idle_reset_minutes": 2,
            }
        )
    )
    defaults = StationSettings()
    assert station.default_status == defaults.default_status
    assert station.zoom == defaults.zoom
    assert station.sound_volume == defaults.sound_volume
    assert station.refuse_while_unacknowledged is True
    assert station.scan_max_gap_ms == 80
    assert station.idle_reset_minutes == 2.0


def test_the_file_stays_valid_json(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_station(path, StationSettings(zoom=1.2))
    assert json.loads(path.read_text(encoding="utf-8"))["station"]["zoom"] == 1.2
