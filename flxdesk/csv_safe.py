"""CSV cells that a spreadsheet shows as text, never runs as a formula (OWASP "CSV Injection").

Order IDs, notes and the server's messages come from people and from the network.
A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheets skip before looking) would be run by Excel or LibreOffice;
a leading apostrophe makes it text, and the apostrophe itself is not shown.
Numbers stay numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in values]


class SafeWriter:
    """``csv.writer`` whose rows are made safe cell by cell."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, values: Iterable[object]) -> None:
        self._writer.writerow(safe_row(values))
