"""This station's name: what the floor, the history and the window call this computer.

``FLXDESK_STATION`` when set, else ``station_name`` in the settings, else the computer's
name (its first label: ``PACK-1`` of ``PACK-1.corp.example``). One place, so that the
window's title, the history rows and the floor all say the same.
"""

from __future__ import annotations

import os

from flxdesk.host.i18n import translate

STATION_ENV = "FLXDESK_STATION"
MAX_LENGTH = 64
FALLBACK = "station"


class InvalidStationName(ValueError):
    """The configured name cannot be used; ``str(error)`` says where it came from and why."""


def computer_name() -> str:
    """The computer's name without its domain, or "station" when the OS gives none.

    Windows: ``COMPUTERNAME``; elsewhere the kernel's node name (``os.uname``, what
    ``gethostname`` reads), so that the window's start does not import ``socket``."""
    name = os.environ.get("COMPUTERNAME") or _node_name()
    name = name.strip()
    return name.split(".", 1)[0] or FALLBACK


def _node_name() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def check_station_name(name: str, source: str) -> str:
    """``name`` trimmed, or InvalidStationName: 1 to 64 printable characters, no line breaks."""
    name = name.strip()
    if not name or len(name) > MAX_LENGTH or not name.isprintable():
        raise InvalidStationName(
            translate(
                "StationName",
                "{source} cannot be used as the station's name: give 1 to {max_length} "
                "letters, digits or signs on one line (for example PACK-1).",
            ).format(source=source, max_length=MAX_LENGTH)
        )
    return name


def station_name(configured: str = "", locked: bool = False) -> str:
    """The station's name: FLXDESK_STATION, else ``configured`` (the ``station_name``
    setting), else the computer's name; a ``locked`` setting wins over the environment.
    Raises InvalidStationName for an unusable one."""
    from_env = "" if locked else os.environ.get(STATION_ENV, "")
    if from_env.strip():
        return check_station_name(from_env, STATION_ENV)
    if configured.strip():
        return check_station_name(configured, translate("StationName", "The station_name setting"))
    return computer_name()
