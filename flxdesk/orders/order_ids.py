"""Checking what a person typed or scanned as an order ID.

Flxpoint documents no format for order IDs, so anything printable is accepted and
sent whole (the API client percent-encodes it). Only input that can never be an ID
is refused, each with a message a warehouse worker can act on.
"""

from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.orders.text_length import refuse_if_longer

MAX_ORDER_ID_LENGTH = 128


class InvalidOrderId(ValueError):
    """The text cannot be an order ID; ``str(error)`` says why in plain words."""


def clean_order_id(raw: str) -> str:
    """Return the order ID in ``raw`` without surrounding blanks, or raise InvalidOrderId.

    Scanners often add a trailing tab or newline; those are removed. Control characters
    inside the ID mean the scan went wrong, so they are refused rather than sent.
    """
    import unicodedata  # only when a scan is checked, not at start-up

    order_id = raw.strip()
    if not order_id:
        raise InvalidOrderId(translate("OrderIds", "Scan or type an order ID first."))
    refuse_if_longer(
        order_id,
        MAX_ORDER_ID_LENGTH,
        InvalidOrderId,
        "OrderIds",
        QT_TRANSLATE_NOOP(
            "OrderIds",
            "That order ID is {len} characters long; the most is {most}. Check the scan.",
        ),
    )
    if any(unicodedata.category(char).startswith("C") for char in order_id):
        raise InvalidOrderId(
            translate(
                "OrderIds",
                "That order ID contains invisible control characters. Scan it again or type it.",
            )
        )
    return order_id
