"""Badge barcodes: ``FLXOP <badge>``, scanned like an order ID, sign an operator in.

Code 128, like the command codes (``flxdesk.station.command_codes``), and in a space of
its own that flxdesk never takes as an order ID. A badge is what IT wrote in the
roster: printable ASCII without spaces, at most 32 characters. The prefix is read in
any case (a scanner on another layout may send it shifted); the badge after it is
compared without regard to case (``roster.Roster.find``).
"""

from __future__ import annotations

from flxdesk.host.i18n import translate

PREFIX = "FLXOP "
MAX_BADGE_LENGTH = 32


def badge_code(badge: str) -> str:
    """What a badge's barcode reads."""
    return f"{PREFIX}{badge}"


def is_badge_scan(text: str) -> bool:
    """Whether ``text`` is in the badges' space (a known badge or not)."""
    words = text.split()
    return bool(words) and words[0].upper() == PREFIX.strip()


def scanned_badge(text: str) -> str | None:
    """The badge a scan of ``text`` names, or None when it is not a badge scan."""
    if not is_badge_scan(text):
        return None
    return " ".join(text.split()[1:])


def badge_problem(badge: object) -> str:
    """Why ``badge`` cannot be a badge, in words for IT; "" when it can."""
    if not isinstance(badge, str):
        return translate(
            "Badges", "the badge must be text in quotes (a number would lose its leading zeros)"
        )
    if not badge:
        return translate("Badges", "the badge is empty")
    if any(character.isspace() for character in badge):
        return translate("Badges", 'the badge "{badge}" has spaces').format(badge=badge)
    if len(badge) > MAX_BADGE_LENGTH:
        words = translate("Badges", 'the badge "{badge}" is longer than {most} characters')
        return words.format(badge=badge, most=MAX_BADGE_LENGTH)
    if not all(33 <= ord(character) <= 126 for character in badge):
        words = translate(
            "Badges", 'the badge "{badge}" has characters a barcode cannot carry (use A-Z, 0-9, -)'
        )
        return words.format(badge=badge)
    return ""
