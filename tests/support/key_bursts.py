"""Scanner bursts as a station receives them, for the reading and check tests.

Each key carries its US position (what a US-set scanner pressed), Shift, and the
character the station's layout made of it: US, or French AZERTY (a small stand-in,
checked against what the real layout typed under X in tests/core/station).
"""

from __future__ import annotations

from flxdesk.station.scan_reading import Burst, KeyStroke

US_SHIFTED = dict(zip("1234567890-=/.;,'", '!@#$%^&*()_+?>:<"', strict=True))
# What French AZERTY types for a US key position (plain and with Shift).
AZERTY_PLAIN = dict(zip("1234567890-=qwazm;,./'", "&é\"'(-è_çà)=azqw,m;:!ù", strict=True))
AZERTY_SHIFTED = dict(zip("1234567890-=QWAZM:<>?", "1234567890°+AZQW?M.", strict=False))


def us_key(char: str) -> tuple[str, bool]:
    """The US key position (its plain character) and Shift that type ``char``."""
    for plain, shifted in US_SHIFTED.items():
        if char == shifted:
            return plain, True
    if char.isupper():
        return char.lower(), True
    return char, False


def azerty(plain: str, shift: bool, caps_lock: bool = False) -> str:
    if shift:
        typed = AZERTY_SHIFTED.get(plain.upper() if plain.isalpha() else plain)
        typed = typed or {"/": "§", ";": ".", "'": "%"}.get(plain, plain.upper())
    else:
        typed = AZERTY_PLAIN.get(plain, plain)
    if caps_lock and typed.isalpha():
        typed = typed.lower() if shift else typed.upper()
    return typed


def us_scanner(code: str, layout=None, caps_lock: bool = False, gap_ms: float = 3) -> Burst:
    """A US-set scanner typing ``code`` on a station with ``layout`` (None: US)."""
    keys = []
    for index, char in enumerate(code):
        plain, shift = us_key(char)
        if layout is None:
            typed = char if not caps_lock or not char.isalpha() else char.swapcase()
        else:
            typed = layout(plain, shift, caps_lock)
        position = (
            plain.upper() if shift and plain.isalpha() else (US_SHIFTED[plain] if shift else plain)
        )
        keys.append(KeyStroke(typed, position, shift, index * gap_ms))
    return Burst(tuple(keys), "enter")


def azerty_scanner(code: str) -> Burst:
    """A scanner set up for a French keyboard on a French station: Shift for digits."""
    inverse = {typed: plain for plain, typed in AZERTY_PLAIN.items()}
    keys = []
    for index, char in enumerate(code):
        if char.isdigit():
            plain, shift = (
                inverse[
                    {
                        "1": "&",
                        "2": "é",
                        "3": '"',
                        "4": "'",
                        "5": "(",
                        "6": "-",
                        "7": "è",
                        "8": "_",
                        "9": "ç",
                        "0": "à",
                    }[char]
                ],
                True,
            )
        elif char == "-":
            plain, shift = "6", False
        elif char.isalpha():
            low = char.lower()
            plain, shift = inverse.get(low, low), char.isupper()
        else:
            plain, shift = char, False
        position = US_SHIFTED.get(plain, plain.upper()) if shift else plain
        keys.append(KeyStroke(char, position, shift, index * 3.0))
    return Burst(tuple(keys), "enter")
