"""An operator's optional PIN, kept only as a slow hash (scrypt), never as typed.

The stored form is one line of text, ``scrypt$<n>$<r>$<p>$<salt>$<hash>`` (salt and hash
in base64), so a settings file or the floor holds nothing a person could type back.
``flxdesk operator hash-pin`` makes one for IT's settings file. A PIN is 4 to 12 digits:
what a worker types on a keypad with a box in the other hand.

hashlib and base64 are imported when a PIN is first hashed or checked: reading the
settings (before the window's first paint) needs only the stored form's pattern.
"""

from __future__ import annotations

import re

from flxdesk.host.i18n import translate

PREFIX = "scrypt"
# OWASP's minimum for scrypt (N=2^17 costs 128 MiB; 2^14 x r=8 is 16 MiB, about 50 ms here).
COST, BLOCK_SIZE, PARALLEL = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32
PIN_PATTERN = re.compile(r"[0-9]{4,12}")
_STORED = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)")
_MAX_COST = 2**20  # a stored hash asking for more would stall the station for seconds


class InvalidPin(ValueError):
    """The PIN cannot be used; ``str(error)`` says why in plain words (never the PIN)."""


def check_pin(pin: str) -> str:
    """The PIN, when it is 4 to 12 digits; InvalidPin otherwise."""
    if not PIN_PATTERN.fullmatch(pin):
        raise InvalidPin(translate("Pins", "A PIN is 4 to 12 digits."))
    return pin


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The stored form of ``pin`` (a new random salt unless one is given)."""
    import base64
    import os

    check_pin(pin)
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = _digest(pin, salt, COST, BLOCK_SIZE, PARALLEL)
    encode = base64.b64encode
    return (
        f"{PREFIX}${COST}${BLOCK_SIZE}${PARALLEL}${encode(salt).decode()}${encode(digest).decode()}"
    )


def is_pin_hash(text: str) -> bool:
    """Whether ``text`` is a stored PIN this flxdesk can check."""
    found = _STORED.fullmatch(text)
    if found is None:
        return False
    n, r, p = (int(found[index]) for index in (1, 2, 3))
    is_power_of_two = n > 1 and n & (n - 1) == 0
    return is_power_of_two and n <= _MAX_COST and 1 <= r <= 32 and 1 <= p <= 16


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from (in constant time)."""
    import base64
    import hmac

    if not is_pin_hash(stored) or not PIN_PATTERN.fullmatch(pin):
        return False
    found = _STORED.fullmatch(stored)
    assert found is not None  # is_pin_hash matched it
    salt, expected = base64.b64decode(found[4]), base64.b64decode(found[5])
    n, r, p = (int(found[index]) for index in (1, 2, 3))
    return hmac.compare_digest(_digest(pin, salt, n, r, p, len(expected)), expected)


def _digest(pin: str, salt: bytes, n: int, r: int, p: int, length: int = HASH_BYTES) -> bytes:
    import hashlib

    memory = 128 * r * (n + p + 2)
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=memory + 2**20, dklen=length
    )
