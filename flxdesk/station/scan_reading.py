"""Reading a scanner's burst of keys: by key position or by the layout's characters.

A burst can be read two ways. **By position**: what each key types on a US keyboard
(``flxdesk.station.key_positions``), as a factory-set scanner means it, whatever the
station's layout. **By the layout**: the characters the operating system made of the
keys, as a scanner set up for the station's own layout (a "French keyboard" setting)
means it. On a US station they agree; on an AZERTY station a US-set scanner's
``FR-10234/1`` reads ``FR-10234/1`` by position and ``FR)&àé"'!&`` by the layout.

``scanner_keys`` decides: ``us-positions`` or ``os-layout`` take that reading; ``auto``
takes the readings when they agree, else a known code (a command, the scanner check) in
either (and learns the scanner from it), else the one reading that holds only
characters an ID may hold, else what the scanner check or the last command code
learned. Until something has, a burst that reads as two different IDs is refused and
the band asks for the scanner check, once. Caps Lock never changes a scan: a letter's
case is the one Shift gave it. An AIM symbology identifier (``]C1``) at the start is
removed as ``scanner_prefix`` says; a GS1 group separator (ASCII 29) at either end is
dropped, inside an ID it refuses the scan.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

from flxdesk.host.i18n import translate


class ScannerKeys(StrEnum):
    """How the station reads a scanner's keys (the ``scanner_keys`` setting)."""

    AUTO = "auto"
    US_POSITIONS = "us-positions"
    OS_LAYOUT = "os-layout"


class ScannerPrefix(StrEnum):
    """Whether a scan starts with an AIM identifier to remove (``scanner_prefix``)."""

    AUTO = "auto"  # when the scanner check saw one
    AIM = "aim"
    NONE = "none"


class KeyStroke(NamedTuple):
    """One key of a burst, as the window caught it."""

    text: str  # what the OS layout typed ("" for none)
    position: str  # what the key types on a US keyboard; "" when unknown
    shift: bool
    at_ms: float  # when it came, on the window's clock


class Burst(NamedTuple):
    """The keys of one scan and what ended it ("enter", "tab" or "pause")."""

    keys: tuple[KeyStroke, ...]
    suffix: str

    def gaps_ms(self) -> list[float]:
        return [later.at_ms - key.at_ms for key, later in itertools.pairwise(self.keys)]


class Reading(NamedTuple):
    """What flxdesk makes of a burst: the text to take, or why it is not taken."""

    text: str  # the scan, "" when refused
    problem: str = ""  # the band's words when refused
    learned: ScannerKeys | None = None  # what a known code taught about the scanner
    ambiguous: bool = False  # refused because two readings could both be IDs
    unreadable: bool = False  # neither reading makes an ID: run the scanner check


GS = "\x1d"  # the GS1 group separator
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")
# What an order ID may hold, as far as telling two readings apart goes: a reading with
# anything else (&àé from a US scanner on AZERTY, !) from an AZERTY scanner) is not one.
ID_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-/._# ")


def by_layout(keys: tuple[KeyStroke, ...]) -> str:
    """The layout's characters; a letter's case is Shift's (a key with a known position),
    so that Caps Lock does not turn ``SO-1001`` into ``so-1001``."""
    return "".join(_with_shift_case(key) for key in keys)


def _with_shift_case(key: KeyStroke) -> str:
    text = key.text
    if key.position and len(text) == 1 and text in string.ascii_letters:
        return text.upper() if key.shift else text.lower()
    return text


def by_position(keys: tuple[KeyStroke, ...]) -> str | None:
    """What a US-set scanner meant; None when a key's position is not known."""
    if not keys or not all(key.position or not key.text for key in keys):
        return None  # (a key that typed nothing, an Alt code's digit, has no position)
    return "".join(key.position for key in keys)


def strip_aim(text: str) -> tuple[str, str]:
    """``text`` without a leading AIM identifier, and the identifier ("" if none)."""
    match = _AIM.match(text)
    if match is None:
        return text, ""
    return text[match.end() :], match.group()


def could_be_id(text: str) -> bool:
    return bool(text.strip()) and all(char in ID_CHARACTERS for char in text)


def read_burst(
    burst: Burst,
    keys_mode: ScannerKeys,
    prefix_mode: ScannerPrefix,
    learned_keys: ScannerKeys | None,
    learned_aim: bool,
    is_known_code: Callable[[str], bool] | None = None,
) -> Reading:
    """The scan in ``burst``, read as the station is set (see the module docstring).

    ``is_known_code``: a callable telling a command or check code (it teaches ``auto``).
    """
    strip = prefix_mode is ScannerPrefix.AIM or (prefix_mode is ScannerPrefix.AUTO and learned_aim)
    readings: dict[ScannerKeys, str] = {ScannerKeys.OS_LAYOUT: by_layout(burst.keys)}
    position = by_position(burst.keys)
    if position is not None:
        readings[ScannerKeys.US_POSITIONS] = position
    cleaned: dict[ScannerKeys, str] = {}
    for mode, text in readings.items():
        if strip:
            text = strip_aim(text)[0]
        text = text.strip(GS)
        cleaned[mode] = text
    if keys_mode is not ScannerKeys.AUTO:
        chosen = cleaned.get(keys_mode, cleaned[ScannerKeys.OS_LAYOUT])
        return _checked(chosen)
    texts = set(cleaned.values())
    if len(texts) == 1:
        return _checked(texts.pop())
    if is_known_code is not None:
        for mode, text in cleaned.items():
            if is_known_code(text):
                return _checked(text)._replace(learned=mode)
    plausible = {mode: text for mode, text in cleaned.items() if could_be_id(text.replace(GS, ""))}
    if len(plausible) == 1:
        return _checked(next(iter(plausible.values())))
    if plausible and learned_keys in plausible:
        return _checked(plausible[learned_keys])
    if plausible:
        words = translate(
            "ScanReading",
            "Not sent: this scan reads as {position} by key position and as {layout} in "
            "this keyboard's layout. Scan the scanner check's code (File → Settings → "
            "Scanner check, or the command barcodes) once, so that flxdesk knows how the "
            "scanner is set.",
        )
        text = words.format(
            position=cleaned[ScannerKeys.US_POSITIONS], layout=cleaned[ScannerKeys.OS_LAYOUT]
        )
        return Reading("", text, ambiguous=True)
    return unreadable(cleaned[ScannerKeys.OS_LAYOUT])


def unreadable(arrived: str) -> Reading:
    words = translate(
        "ScanReading",
        "Not sent: the scanner typed {arrived}, which is no order ID by key position nor "
        "in this keyboard's layout. Run the scanner check (File → Settings → Scanner "
        "check) to see how the scanner is set.",
    )
    return Reading("", words.format(arrived=ascii_escaped(arrived)), unreadable=True)


def _checked(text: str) -> Reading:
    if GS in text:
        words = translate(
            "ScanReading",
            "Not sent: the scan {scan} holds a GS1 group separator, so it is more than an "
            "order ID. Scan the order's own barcode.",
        )
        return Reading("", words.format(scan=ascii_escaped(text)))
    return Reading(text)


def ascii_escaped(text: str) -> str:
    """``text`` with control characters named (``<GS>``, ``<0x07>``), for the band."""
    named = {GS: "<GS>", "\t": "<Tab>", "\r": "<CR>", "\n": "<LF>"}
    return "".join(
        named.get(char, f"<0x{ord(char):02X}>") if not char.isprintable() else char for char in text
    )
