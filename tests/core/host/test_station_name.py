"""The station's name: FLXDESK_STATION, else the setting, else the computer's name."""

from __future__ import annotations

import socket

import pytest

from flxdesk.host.station_name import InvalidStationName, computer_name, station_name


@pytest.fixture(autouse=True)
def no_station_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLXDESK_STATION", raising=False)
    monkeypatch.delenv("COMPUTERNAME", raising=False)


def test_the_environment_wins_then_the_setting_then_the_computer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: "pack-7.corp.example")
    assert station_name("") == "pack-7"
    assert station_name("  PACK-2 ") == "PACK-2"
    monkeypatch.setenv("FLXDESK_STATION", "DOCK 3")
    assert station_name("PACK-2") == "DOCK 3"


def test_windows_computer_name_is_used_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPUTERNAME", "PACK-9")
    assert computer_name() == "PACK-9"


def test_a_computer_without_a_name_is_still_a_station(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: "")
    assert station_name() == "station"


@pytest.mark.parametrize("bad", ["x" * 65, "two\nlines", "tab\there"])
def test_an_unusable_name_is_refused_in_words(bad: str, monkeypatch) -> None:
    with pytest.raises(InvalidStationName) as refused:
        station_name(bad)
    assert "The station_name setting cannot be used as the station's name" in str(refused.value)
    monkeypatch.setenv("FLXDESK_STATION", bad)
    with pytest.raises(InvalidStationName, match="FLXDESK_STATION cannot be used"):
        station_name("")
