"""The packing station's own preferences, kept in ``settings.json`` under ``"station"``
(read and written by ``flxdesk.config.settings``, with the rest of the file).

Window size and place, zoom, sound, the station's default status, the duplicate guard's
windows, the scan-burst rule, how a scanner's keys are read (and what the scanner
check learned), whether failures must be acknowledged before the next
scan, and the language of the window. A value that is missing or not usable falls back
to its default (logged): unlike the API address, none of these can send an update
somewhere it was not meant to go.
"""

import logging
from typing import Any, NamedTuple

from flxdesk.host.i18n import LANGUAGES
from flxdesk.orders.statuses import DESTRUCTIVE_STATUSES, ORDER_STATUSES

log = logging.getLogger(__name__)

SECTION = "station"
SCAN_SUFFIXES = ("either", "enter", "tab")
# scan_reading.ScannerKeys and ScannerPrefix, spelled out: reading them here would load
# the scan reader before the first paint (tests/core/station checks they agree).
SCANNER_KEYS = ("auto", "us-positions", "os-layout")
SCANNER_PREFIXES = ("auto", "aim", "none")


class StationSettings(NamedTuple):
    default_status: str = "Closed"  # armed at start and after idle; never a destructive one
    idle_reset_minutes: float = 5.0  # the default status comes back after this idle time
    duplicate_window_minutes: float = 10.0  # 0 turns the duplicate guard off
    duplicate_confirm_seconds: float = 8.0  # a held repeat scanned again this soon is sent
    refuse_while_unacknowledged: bool = True  # scans refused until failures are acknowledged
    sound_muted: bool = False  # no sounds at all (the band still says everything)
    sound_volume: float = 0.8  # 0 silent, 1 full
    zoom: float = 1.0  # the whole window's text size (Ctrl+plus / Ctrl+minus)
    scan_min_length: int = 3  # a scan is at least this many keys
    scan_max_gap_ms: int = 50  # at most this long between a scan's keys (the check learns it)
    scan_suffix: str = "either"  # what ends a scan: "enter", "tab" or "either"
    scan_pause_ends: bool = False  # a burst that just stops is a scan too (no suffix)
    scanner_keys: str = "auto"  # a scan read by US key position, the OS layout, or either
    scanner_prefix: str = "auto"  # remove an AIM identifier (]C1): as the check saw, always, never
    scanner_learned_keys: str = ""  # what the scanner check or a command code learned
    scanner_learned_aim: bool = False  # the scanner check saw an AIM identifier
    geometry: str = ""  # QWidget.saveGeometry(), base64
    language: str = ""  # "" follows the OS; else one of i18n.LANGUAGES (applied at start)


DEFAULTS = StationSettings()

LIMITS: dict[str, tuple[float, float]] = {
    "idle_reset_minutes": (0.0, 24 * 60.0),
    "duplicate_window_minutes": (0.0, 24 * 60.0),
    "duplicate_confirm_seconds": (1.0, 120.0),
    "sound_volume": (0.0, 1.0),
    "zoom": (0.5, 3.0),
    "scan_min_length": (1, 64),
    "scan_max_gap_ms": (10, 500),
}


def is_usable(name: str, value: Any) -> bool:
    """Whether ``value`` can be the station setting ``name`` (type, range, choices)."""
    return name in StationSettings._fields and _valid(name, value, getattr(DEFAULTS, name))


def _valid(name: str, value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int | float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        low, high = LIMITS[name]
        return low <= value <= high
    if name == "default_status":
        return value in ORDER_STATUSES and value not in DESTRUCTIVE_STATUSES
    if name == "scan_suffix":
        return value in SCAN_SUFFIXES
    if name == "scanner_keys":
        return value in SCANNER_KEYS
    if name == "scanner_learned_keys":
        return value in ("", *SCANNER_KEYS[1:])
    if name == "scanner_prefix":
        return value in SCANNER_PREFIXES
    if name == "language":
        return value == "" or value in LANGUAGES
    return isinstance(value, str)


def usable_values(raw: object) -> dict[str, Any]:
    """The usable station settings in ``raw`` (a JSON object); the others are logged."""
    if not isinstance(raw, dict):
        return {}
    values = {}
    for name, value in raw.items():
        if name not in StationSettings._fields:
            continue
        default = getattr(DEFAULTS, name)
        if _valid(name, value, default):
            values[name] = type(default)(value)
        else:
            log.warning("Station setting %s=%r is not usable; using %r", name, value, default)
    return values
