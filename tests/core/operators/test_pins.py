"""A PIN is kept only as a scrypt hash and checked against it."""

from __future__ import annotations

import pytest

from flxdesk.operators.pins import InvalidPin, check_pin, hash_pin, is_pin_hash, pin_matches


def test_a_pin_matches_only_its_own_hash_and_each_hash_has_its_own_salt() -> None:
    first, second = hash_pin("123456"), hash_pin("123456")
    assert first != second  # a new salt each time: equal PINs do not look equal
    assert first.startswith("scrypt$16384$8$1$") and "123456" not in first
    assert pin_matches("123456", first) and pin_matches("123456", second)
    assert not pin_matches("123457", first)
    assert not pin_matches("", first)


def test_a_fixed_salt_gives_a_fixed_hash() -> None:
    assert hash_pin("1234", salt=b"0" * 16) == hash_pin("1234", salt=b"0" * 16)
    assert hash_pin("1234", salt=b"0" * 16) != hash_pin("1234", salt=b"1" * 16)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", " 1234", ""])
def test_a_pin_is_4_to_12_digits(pin: str) -> None:
    with pytest.raises(InvalidPin, match="4 to 12 digits"):
        check_pin(pin)


@pytest.mark.parametrize(
    "stored",
    [
        "1234",
        "scrypt$16384$8$1$c2FsdA==",
        "scrypt$1000$8$1$c2FsdA==$aGFzaA==",  # not a power of two
        "scrypt$4194304$8$1$c2FsdA==$aGFzaA==",  # would stall the station
        "bcrypt$16384$8$1$c2FsdA==$aGFzaA==",
    ],
)
def test_what_is_not_a_hash_flxdesk_made_never_matches(stored: str) -> None:
    assert not is_pin_hash(stored)
    assert not pin_matches("1234", stored)
