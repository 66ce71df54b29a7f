"""The roster IT sets up: every entry checked, the bad one named; badges found in any case."""

from __future__ import annotations

import pytest

from flxdesk.operators.badges import badge_code, is_badge_scan, scanned_badge
from flxdesk.operators.pins import hash_pin
from flxdesk.operators.roster import Operator, RosterError, read_roster


def test_a_roster_reads_its_operators_in_order_and_finds_a_badge_in_any_case() -> None:
    roster = read_roster(
        [
            {"badge": "0042", "name": " Maria López "},
            {"badge": "sam-77", "name": "Sam Lee", "supervisor": True},
        ]
    )
    assert roster.operators == (
        Operator("0042", "Maria López"),
        Operator("sam-77", "Sam Lee", supervisor=True),
    )
    assert roster.find("SAM-77") == roster.operators[1]
    assert roster.find(" 0042 ") == roster.operators[0]
    assert roster.find("0043") is None
    assert roster.has_supervisor
    assert read_roster(roster.entries()) == roster  # the floor's copy reads back the same


@pytest.mark.parametrize(
    ("entries", "named"),
    [
        (
            [{"badge": "0042", "name": "Maria"}, {"badge": "0042", "name": "Sam"}],
            'operator 2 ("Sam"): the badge "0042" is also operator 1\'s',
        ),
        (
            [{"badge": "AB1", "name": "Maria"}, {"badge": "ab1", "name": "Sam"}],
            'operator 2 ("Sam"): the badge "ab1" is also operator 1\'s',
        ),
        ([{"badge": "0042", "name": "  "}], "operator 1: the name is empty"),
        (
            [{"badge": "1", "name": "Sam Lee"}, {"badge": "2", "name": "Sam Lee"}],
            'operator 2 ("Sam Lee"): operator 1 has the same name',
        ),
        (
            [{"badge": "00 42", "name": "Maria"}],
            'operator 1 ("Maria"): the badge "00 42" has spaces',
        ),
        ([{"badge": "", "name": "Maria"}], 'operator 1 ("Maria"): the badge is empty'),
        (
            [{"badge": "1" * 33, "name": "Maria"}],
            f'operator 1 ("Maria"): the badge "{"1" * 33}" is longer than 32 characters',
        ),
        ([{"badge": 42, "name": "Maria"}], "a number would lose its leading zeros"),
        ([{"badge": "ñ42", "name": "Maria"}], "characters a barcode cannot carry"),
        ([{"badge": "0042", "name": "Maria", "pin": "1234"}], "a PIN is never written as typed"),
        ([{"badge": "0042", "name": "Maria", "pin_hash": "1234"}], '"pin_hash" is not a PIN hash'),
        ([{"badge": "0042", "name": "Maria", "supervisor": "yes"}], "must be true or false"),
        ([{"badge": "0042", "name": "Maria", "role": "x"}], '"role" is not an operator\'s field'),
        (["0042"], "operator 1: it must be an object"),
        ({"badge": "0042"}, '"operators" must be a list'),
    ],
)
def test_an_entry_that_cannot_be_used_is_named_with_why(entries: object, named: str) -> None:
    with pytest.raises(RosterError) as refused:
        read_roster(entries)
    assert named in str(refused.value)


def test_a_pin_hash_made_by_flxdesk_is_kept() -> None:
    stored = hash_pin("4321")
    roster = read_roster([{"badge": "0042", "name": "Maria", "pin_hash": stored}])
    assert roster.operators[0].pin_hash == stored
    assert "4321" not in repr(roster)


def test_badge_codes_are_their_own_space_read_in_any_case() -> None:
    assert badge_code("0042") == "FLXOP 0042"
    assert scanned_badge("FLXOP 0042") == "0042"
    assert scanned_badge("flxop 0042\r") == "0042"
    assert scanned_badge("FLXOP") == ""
    assert scanned_badge("FLXOPS 0042") is None
    assert scanned_badge("0042") is None
    assert is_badge_scan(" FLXOP 7 ") and not is_badge_scan("FLXCMD ACK")
