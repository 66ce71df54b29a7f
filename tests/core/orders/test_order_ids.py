import pytest

from flxdesk.orders.order_ids import InvalidOrderId, clean_order_id


def test_scanner_whitespace_is_removed() -> None:
    assert clean_order_id("  1234\t\r\n") == "1234"


def test_unusual_but_printable_ids_are_kept_whole() -> None:
    assert clean_order_id("../Bestellung ü/東京?#%") == "../Bestellung ü/東京?#%"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("", "Scan or type"), ("   ", "Scan or type"), ("12\x0034", "control"), ("9" * 129, "129")],
)
def test_bad_ids_get_a_clear_reason(raw: str, reason: str) -> None:
    with pytest.raises(InvalidOrderId, match=reason):
        clean_order_id(raw)
