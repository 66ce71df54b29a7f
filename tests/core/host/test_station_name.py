"""The station's name: FLXDESK_STATION, else the setting, else the computer's name."""

from __future__ import annotations

import os
import socket
from types import SimpleNamespace

import pytest

from flxdesk.host.station_name import InvalidStationName, computer_name, station_name


@pytest.fixture(autouse=True)
def no_station_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLXDESK_STATION", raising=False)
    monkeypatch.delenv("COMPUTERNAME", raising=False)


def the_computer_is_called(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OS's name for this computer (os.uname where there is one, else gethostname)."""
    if hasattr(os, "uname"):
        monkeypatch.setattr(os, "uname", lambda: SimpleNamespace(nodename=name))
    monkeypatch.setattr(socket, "gethostname", lambda: name)


def test_the_node_name_is_the_host_name_gethostname_gives() -> None:
    from flxdesk.host.station_name import _node_name

    assert _node_name() == socket.gethostname()


def test_the_environment_wins_then_the_setting_then_the_computer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    the_computer_is_called("pack-7.corp.example", monkeypatch)
    assert station_name("") == "pack-7"
    assert station_name("  PACK-2 ") == "PACK-2"
    monkeypatch.setenv("FLXDESK_STATION", "DOCK 3")
    assert station_name("PACK-2") == "DOCK 3"


def test_windows_computer_name_is_used_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPUTERNAME", "PACK-9")
    assert computer_name() == "PACK-9"


def test_a_computer_without_a_name_is_still_a_station(monkeypatch: pytest.MonkeyPatch) -> None:
    the_computer_is_called("", monkeypatch)
    assert station_name() == "station"


@pytest.mark.parametrize("bad", ["x" * 65, "two\nlines", "tab\there"])
def test_an_unusable_name_is_refused_in_words(bad: str, monkeypatch) -> None:
    with pytest.raises(InvalidStationName) as refused:
        station_name(bad)
    assert "The station_name setting cannot be used as the station's name" in str(refused.value)
    monkeypatch.setenv("FLXDESK_STATION", bad)
    with pytest.raises(InvalidStationName, match="FLXDESK_STATION cannot be used"):
        station_name("")
