"""Checking the optional note sent with a status update.

The note travels in the request's query string (``updateNote``), and servers and
proxies refuse long URLs (414). A limit well below theirs is checked before an
update is queued, so a note that is too long is refused while the person is still
at the screen, not after the update has failed.
"""

from flxdesk.host.i18n import QT_TRANSLATE_NOOP
from flxdesk.orders.text_length import refuse_if_longer

MAX_NOTE_LENGTH = 500


class InvalidNote(ValueError):
    """The note cannot be sent; ``str(error)`` says why in plain words."""


def check_note(note: str) -> str:
    """Return ``note`` without surrounding blanks, or raise InvalidNote when too long."""
    note = note.strip()
    refuse_if_longer(
        note,
        MAX_NOTE_LENGTH,
        InvalidNote,
        "Notes",
        QT_TRANSLATE_NOOP(
            "Notes",
            "The note is {len} characters long; the most Flxpoint takes is {most}. Shorten it.",
        ),
    )
    return note
