"""The order statuses Flxpoint accepts, spelled exactly as the API wants them.

These values go on the wire and into the history as they are, in every language; only
what people read (``status_label``) is translated.
"""

from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate

ORDER_STATUSES: tuple[str, ...] = (
    "Open",
    "Closed",
    "Canceled",
    "On Hold",
    "Failed",
    "No Shipping Method",
    "Not Managed",
)

# How people write them in files and on the command line -> the API's spelling.
STATUS_SPELLINGS: dict[str, str] = {status.lower(): status for status in ORDER_STATUSES} | {
    "cancelled": "Canceled",  # British spelling; the API wants the American one
}


def canonical_status(text: str) -> str | None:
    """The API's spelling of ``text`` (any case, British "Cancelled"), or None."""
    return STATUS_SPELLINGS.get(" ".join(text.split()).lower())


# Statuses that undo or stop an order's fulfilment: arming one asks first, and a station
# never starts with one armed.
DESTRUCTIVE_STATUSES: frozenset[str] = frozenset({"Canceled", "Failed", "Not Managed"})

# Marked for translation under the "Status" context; the keys stay English.
_LABELS = (
    QT_TRANSLATE_NOOP("Status", "Open"),
    QT_TRANSLATE_NOOP("Status", "Closed"),
    QT_TRANSLATE_NOOP("Status", "Canceled"),
    QT_TRANSLATE_NOOP("Status", "On Hold"),
    QT_TRANSLATE_NOOP("Status", "Failed"),
    QT_TRANSLATE_NOOP("Status", "No Shipping Method"),
    QT_TRANSLATE_NOOP("Status", "Not Managed"),
)


def status_label(status: str) -> str:
    """What people read for the API's ``status`` (the value itself is never translated);
    a status that is not one of ORDER_STATUSES (a row of an import) as it is."""
    return translate("Status", status) if status in ORDER_STATUSES else status
