"""The order statuses Flxpoint accepts, spelled exactly as the API wants them."""

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
