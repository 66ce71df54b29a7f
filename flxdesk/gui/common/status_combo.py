"""Status dropdowns: each item shows the translated label and holds the API's value.

The value (``currentData()``) is what is queued and sent; the label is only for people.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from flxdesk.orders.statuses import status_label


def fill_statuses(combo: QComboBox, statuses: Iterable[str], current: str) -> None:
    """Add one item per status (label shown, value kept) and select ``current``."""
    for status in statuses:
        combo.addItem(status_label(status), status)
    select_status(combo, current)


def select_status(combo: QComboBox, status: str) -> None:
    """Select the item whose value is ``status`` (nothing changes if there is none)."""
    for index in range(combo.count()):
        if combo.itemData(index) == status:
            combo.setCurrentIndex(index)
            return


def chosen_status(combo: QComboBox) -> str:
    """The API's value of the selected item."""
    return str(combo.currentData())
