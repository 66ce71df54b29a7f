"""A burst is read by key position or by the layout, as the station's scanner is set.

The bursts (``support.key_bursts``) are built as a real station receives them: each key's
US position (what a US-set scanner pressed), Shift, and the character the layout made of it.
"""

from __future__ import annotations

import pytest

from flxdesk.station.scan_reading import (
    GS,
    Burst,
    KeyStroke,
    ScannerKeys,
    ScannerPrefix,
    by_layout,
    by_position,
    read_burst,
)
from support.key_bursts import azerty, azerty_scanner, us_scanner


def read(burst: Burst, keys=ScannerKeys.AUTO, prefix=ScannerPrefix.AUTO, learned=None, aim=False):
    return read_burst(burst, keys, prefix, learned, aim, is_known_code=lambda t: t == "FLXCMD ACK")


@pytest.mark.parametrize("code", ["SO-1001", "A/B-7", "1234", "FR-10234/1", "x_9.a#2"])
def test_a_us_set_scanner_on_azerty_is_read_by_position(code: str) -> None:
    burst = us_scanner(code, azerty)
    assert by_layout(burst.keys) != code  # what the OS made of it
    assert read(burst).text == code


def test_the_station_builds_its_burst_as_azerty_types() -> None:
    """The stand-in layout above types what the real French layout typed under X."""
    assert by_layout(us_scanner("SO-1001/a_", azerty).keys) == "SO)&àà&!q°"


@pytest.mark.parametrize("caps_lock", [False, True])
@pytest.mark.parametrize("layout", [None, azerty], ids=["us", "fr"])
def test_caps_lock_never_changes_a_scan(caps_lock: bool, layout) -> None:
    burst = us_scanner("SO-1001/Ab", layout, caps_lock=caps_lock)
    assert read(burst).text == "SO-1001/Ab"


def test_keys_without_a_position_are_read_as_typed() -> None:
    """Offscreen, VNC, a scanner that types characters (Windows' Unicode input)."""
    keys = tuple(KeyStroke(c, "", False, 0) for c in "Ab-1")
    assert by_position(keys) is None
    assert read(Burst(keys, "enter")).text == "Ab-1"


def test_a_scanner_set_for_the_stations_layout_is_read_by_the_layout() -> None:
    burst = azerty_scanner("SO-1001")
    assert by_position(burst.keys) == "SO6!))!"  # AZERTY's - is the 6 key; 1 is Shift+1
    assert by_position(burst.keys) != "SO-1001"
    assert read(burst).text == "SO-1001"
    assert read(burst, keys=ScannerKeys.OS_LAYOUT).text == "SO-1001"


def test_two_readings_that_could_both_be_ids_wait_for_the_scanner_check() -> None:
    burst = us_scanner("AZQW", azerty)  # QWAZ in the layout: an ID either way
    refused = read(burst)
    assert refused.text == "" and refused.ambiguous
    assert "AZQW" in refused.problem and "QWAZ" in refused.problem
    assert "scanner check" in refused.problem
    assert read(burst, learned=ScannerKeys.US_POSITIONS).text == "AZQW"
    assert read(burst, learned=ScannerKeys.OS_LAYOUT).text == "QWAZ"
    assert read(burst, keys=ScannerKeys.US_POSITIONS).text == "AZQW"


def test_a_known_code_in_one_reading_is_taken_and_teaches_how_the_scanner_is_set() -> None:
    reading = read(us_scanner("FLXCMD ACK", azerty))  # FLXC?D QCK in the layout
    assert reading.text == "FLXCMD ACK"
    assert reading.learned is ScannerKeys.US_POSITIONS


def test_a_scan_that_is_no_id_either_way_is_unreadable() -> None:
    keys = tuple(KeyStroke(c, p, False, 0) for c, p in zip("é&!", "@(%", strict=True))
    reading = read(Burst(keys, "enter"))
    assert reading.unreadable and reading.text == ""
    assert "scanner check" in reading.problem


def test_an_aim_identifier_is_removed_as_the_station_says() -> None:
    burst = us_scanner("]C1SO-1001")
    assert read(burst).text == "]C1SO-1001"  # not seen by the check, not set: kept
    assert read(burst, aim=True).text == "SO-1001"
    assert read(burst, prefix=ScannerPrefix.AIM).text == "SO-1001"
    assert read(burst, prefix=ScannerPrefix.NONE, aim=True).text == "]C1SO-1001"
    assert read(us_scanner("]C1SO-1001", azerty), aim=True).text == "SO-1001"


def test_a_gs1_separator_never_reaches_an_order_id() -> None:
    def with_gs(code: str) -> Burst:
        keys = [
            KeyStroke(GS, GS, False, 0.0) if c == "|" else KeyStroke(c, c, False, 0.0) for c in code
        ]
        return Burst(tuple(keys), "enter")

    assert read(with_gs("1234|")).text == "1234"  # at either end: dropped
    assert read(with_gs("|1234")).text == "1234"
    inside = read(with_gs("0104|1234"))
    assert inside.text == "" and "<GS>" in inside.problem


def test_a_key_that_types_nothing_keeps_the_position_reading() -> None:
    """An Alt code's digits (Alt+029) type nothing; their character comes after."""
    keys = (
        KeyStroke("1", "1", False, 0),
        KeyStroke("", "", False, 1),
        KeyStroke("2", "2", False, 2),
    )
    assert by_position(keys) == "12"


def test_the_settings_spell_the_reading_modes_as_the_reader_does() -> None:
    from flxdesk.station.station_settings import SCANNER_KEYS, SCANNER_PREFIXES

    assert tuple(ScannerKeys) == SCANNER_KEYS
    assert tuple(ScannerPrefix) == SCANNER_PREFIXES
