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
