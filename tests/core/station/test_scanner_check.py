"""The scanner check tells how a scanner is set, and what flxdesk learns from it."""

from __future__ import annotations

from flxdesk.station.scan_reading import Burst, KeyStroke
from flxdesk.station.scanner_check import (
    CHECK_CODE,
    examine,
    gap_for,
    is_check_burst,
    is_check_code,
)
from support.key_bursts import azerty, azerty_scanner, us_scanner


def test_the_check_code_holds_every_character_an_id_may_hold() -> None:
    for character in "-/._0123456789":
        assert character in CHECK_CODE
    assert any(c.islower() for c in CHECK_CODE) and any(c.isupper() for c in CHECK_CODE)
    assert set("AQWZYM") <= set(CHECK_CODE.upper()[len("FLXCHECK") :])  # the letters layouts move


def test_a_us_set_scanner_on_azerty_is_found_and_learned() -> None:
    burst = us_scanner(CHECK_CODE, azerty)
    assert is_check_burst(burst)  # FLXCHECK types the same on AZERTY
    finding = examine(burst, current_gap_ms=50)
    assert finding.ok
    assert finding.reads == CHECK_CODE
    assert finding.arrived != CHECK_CODE
    assert finding.keys == len(CHECK_CODE)
    assert finding.suffix == "Enter"
    assert finding.advice[0] == (
        "This scanner is set for a US keyboard: flxdesk reads it by key position."
    )
    assert finding.learn == {"scanner_learned_keys": "us-positions", "scanner_learned_aim": False}


def test_a_scanner_set_for_the_stations_layout_is_found_and_learned() -> None:
    finding = examine(azerty_scanner(CHECK_CODE), current_gap_ms=50)
    assert finding.ok and finding.reads == CHECK_CODE
    assert "this station's keyboard layout" in finding.advice[0]
    assert finding.learn["scanner_learned_keys"] == "os-layout"


def test_an_aim_prefix_is_seen_and_learned() -> None:
    finding = examine(us_scanner("]Q1" + CHECK_CODE), current_gap_ms=50)
    assert "The scanner adds ]Q1 before each code: flxdesk removes it." in finding.advice
    assert finding.learn["scanner_learned_aim"] is True
    assert is_check_code("]Q1" + CHECK_CODE)


def test_a_slow_scanner_teaches_the_gap_and_a_locked_gap_is_named_not_changed() -> None:
    burst = us_scanner(CHECK_CODE, gap_ms=80)
    finding = examine(burst, current_gap_ms=50)
    assert finding.learn["scan_max_gap_ms"] == 120
    assert "This scanner types 80 ms apart: flxdesk now waits 120 ms" in " ".join(finding.advice)
    assert finding.gaps == "shortest 80 ms, median 80 ms, longest 80 ms"
    locked = examine(burst, current_gap_ms=50, locked=frozenset({"scan_max_gap_ms"}))
    assert "scan_max_gap_ms" not in locked.learn
    assert "ask IT to allow 120 ms" in " ".join(locked.advice)
    assert "scan_max_gap_ms" not in examine(us_scanner(CHECK_CODE), 50).learn  # fast enough


def test_the_learned_gap_stays_within_the_settings_limits() -> None:
    assert gap_for(5) == 50
    assert gap_for(33.4) == 60
    assert gap_for(400) == 500


def test_a_scanner_that_ends_with_nothing_teaches_that_a_pause_ends_a_scan() -> None:
    burst = us_scanner(CHECK_CODE)._replace(suffix="pause")
    finding = examine(burst, 50)
    assert finding.learn["scan_pause_ends"] is True
    assert finding.suffix == "nothing (the code just stops)"


def test_a_scanner_that_changes_the_code_is_named_and_nothing_is_learned() -> None:
    wrong = CHECK_CODE.replace("-", "+")
    keys = tuple(KeyStroke(c, "", False, 0.0) for c in wrong)
    finding = examine(Burst(keys, "enter"), 50)
    assert not finding.ok
    assert "changes the code (-→+)" in finding.advice[0]
    assert "scanner_learned_keys" not in finding.learn


def test_control_characters_are_shown_by_name() -> None:
    keys = tuple(KeyStroke(c, c, False, 0.0) for c in CHECK_CODE + "\x1d")
    assert examine(Burst(keys, "enter"), 50).arrived.endswith("<GS>")
