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


def is_valid_status(status: str) -> bool:
    return status in ORDER_STATUSES
