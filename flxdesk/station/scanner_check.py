"""The scanner check: one test code that shows how a scanner is set, and teaches flxdesk.

Scanning ``CHECK_CODE`` (File → Settings → Scanner check…, or the command sheet) shows
what arrived (the characters, the keys, the gaps between them, the suffix), what
flxdesk reads, and one sentence per finding: how the scanner's keys are meant (a US
keyboard, or this station's layout), whether it adds an AIM identifier, how fast it
types. What it finds is learned (``Finding.learn``): the station settings
``scanner_learned_keys``, ``scanner_learned_aim`` and, for a slow (Bluetooth)
scanner, a longer ``scan_max_gap_ms``; a setting IT locked is not changed, and the
check says so.

The code holds every character an order ID may hold (letters of both cases, digits,
``-``, ``/``, ``.``, ``_``), with the letters that move between US, AZERTY and QWERTZ
(A/Q, W/Z, Y/Z, M). ``FLXCHECK`` itself types the same on all those layouts.
"""

from __future__ import annotations

import math
import statistics
from typing import Any, NamedTuple

from flxdesk.host.i18n import translate
from flxdesk.station.scan_reading import (
    Burst,
    ScannerKeys,
    ascii_escaped,
    by_layout,
    by_position,
    strip_aim,
)

PREFIX = "FLXCHECK"
CHECK_CODE = "FLXCHECK Aq-Wz.My/Za_0123456789"  # fits a 4x6 in label at 0.375 mm
SLOWEST_GAP_MS = 500  # the longest wait between keys the check listens for
_GAP_LIMITS = (50, 500)  # scan_max_gap_ms it may learn (the setting's own upper limit)


def is_check_code(text: str) -> bool:
    """Whether ``text`` (after an AIM identifier, in any case) is the scanner check."""
    return strip_aim(text.strip())[0].upper().startswith(PREFIX)


def is_check_burst(burst: Burst) -> bool:
    """Whether a burst is a scan of the check code, however the scanner typed it
    (``FLXCHECK`` types the same by position and on the usual layouts)."""
    position = by_position(burst.keys)
    return is_check_code(by_layout(burst.keys)) or (
        position is not None and is_check_code(position)
    )


def gap_for(slowest_ms: float) -> int:
    """The scan-burst gap that takes a scanner whose slowest gap is ``slowest_ms``."""
    low, high = _GAP_LIMITS
    return int(min(high, max(low, math.ceil(slowest_ms * 1.5 / 10) * 10)))


class Finding(NamedTuple):
    """What the check saw in one burst, and what it learns."""

    arrived: str  # the characters as the layout typed them, control characters named
    keys: int
    gaps: str  # "min 4 ms, median 5 ms, most 9 ms"
    suffix: str
    reads: str  # what flxdesk reads with what it learns
    advice: tuple[str, ...]  # one sentence each
    learn: dict[str, Any]  # station settings to save
    ok: bool  # the scanner works as it is


def examine(burst: Burst, current_gap_ms: int, locked: frozenset[str] = frozenset()) -> Finding:
    """What the burst of the check code says about the scanner (see the module docstring)."""
    layout_text = by_layout(burst.keys)
    position_text = by_position(burst.keys)
    gaps = burst.gaps_ms()
    learn: dict[str, Any] = {}
    advice: list[str] = []
    keys_mode: ScannerKeys | None = None

    layout_code, layout_aim = strip_aim(layout_text)
    position_code, position_aim = strip_aim(position_text or "")
    if position_text is not None and position_code == CHECK_CODE:
        keys_mode, reads, aim = ScannerKeys.US_POSITIONS, position_code, position_aim
        if layout_code == CHECK_CODE:
            advice.append(
                translate(
                    "ScannerCheck",
                    "This scanner types every character right on this keyboard layout.",
                )
            )
        else:
            advice.append(
                translate(
                    "ScannerCheck",
                    "This scanner is set for a US keyboard: flxdesk reads it by key position.",
                )
            )
    elif layout_code == CHECK_CODE:
        keys_mode, reads, aim = ScannerKeys.OS_LAYOUT, layout_code, layout_aim
        advice.append(
            translate(
                "ScannerCheck",
                "This scanner is set for this station's keyboard layout: flxdesk reads the "
                "characters it types.",
            )
        )
    else:
        reads, aim = position_code or layout_code, ""
        advice.append(_changed_advice(position_code or layout_code))
    if keys_mode is not None:
        learn["scanner_learned_keys"] = str(keys_mode)
        learn["scanner_learned_aim"] = bool(aim)
        if aim:
            advice.append(
                translate(
                    "ScannerCheck", "The scanner adds {aim} before each code: flxdesk removes it."
                ).format(aim=aim)
            )
    slowest = max(gaps, default=0.0)
    if gaps and gap_for(slowest) > current_gap_ms:
        gap = gap_for(slowest)
        if "scan_max_gap_ms" in locked:
            words = translate(
                "ScannerCheck",
                "This scanner types {slowest:.0f} ms apart, slower than the {gap} ms IT set "
                "for this computer: ask IT to allow {wanted} ms.",
            )
            advice.append(words.format(slowest=slowest, gap=current_gap_ms, wanted=gap))
        else:
            learn["scan_max_gap_ms"] = gap
            words = translate(
                "ScannerCheck",
                "This scanner types {slowest:.0f} ms apart: flxdesk now waits {gap} ms for "
                "the next key of a scan.",
            )
            advice.append(words.format(slowest=slowest, gap=gap))
    if burst.suffix == "pause":
        if "scan_pause_ends" in locked:
            advice.append(
                translate(
                    "ScannerCheck",
                    "This scanner ends a code with nothing: ask IT to let a pause end a scan.",
                )
            )
        else:
            learn["scan_pause_ends"] = True
            advice.append(
                translate(
                    "ScannerCheck",
                    "This scanner ends a code with nothing: flxdesk now takes a pause as the "
                    "end of a scan.",
                )
            )
    for name in sorted(set(learn) & locked):
        del learn[name]
    return Finding(
        arrived=ascii_escaped(layout_text),
        keys=len(burst.keys),
        gaps=_gap_words(gaps),
        suffix=_suffix_words(burst.suffix),
        reads=ascii_escaped(reads),
        advice=tuple(advice),
        learn=learn,
        ok=keys_mode is not None,
    )


def _changed_advice(read: str) -> str:
    """The scanner changes or loses characters: which, and what to do."""
    wrong = [
        f"{want}→{got}"
        for want, got in zip(CHECK_CODE, read.ljust(len(CHECK_CODE)), strict=False)
        if want != got
    ]
    words = translate(
        "ScannerCheck",
        "This scanner changes the code ({changes}): set it to a US keyboard (its factory "
        "setting) or to this station's layout, then scan the check again.",
    )
    return words.format(changes=", ".join(wrong[:4]) or translate("ScannerCheck", "its length"))


def _gap_words(gaps: list[float]) -> str:
    if not gaps:
        return "-"
    words = translate(
        "ScannerCheck", "shortest {low:.0f} ms, median {median:.0f} ms, longest {high:.0f} ms"
    )
    return words.format(low=min(gaps), median=statistics.median(gaps), high=max(gaps))


def _suffix_words(suffix: str) -> str:
    names = {
        "enter": translate("ScannerCheck", "Enter"),
        "tab": translate("ScannerCheck", "Tab"),
        "pause": translate("ScannerCheck", "nothing (the code just stops)"),
    }
    return names.get(suffix, suffix)
