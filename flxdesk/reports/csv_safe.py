"""CSV cells that a spreadsheet shows as text, never runs as a formula (OWASP "CSV Injection").

Order IDs, notes and the server's messages come from people and from the network.
A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheets skip before looking) would be run by Excel or LibreOffice;
a leading apostrophe makes it text, and the apostrophe itself is not shown. A cell
that itself starts with an apostrophe gets one too, so removing exactly one leading
apostrophe from any escaped cell gives the value back (``unescape_cell``). Numbers
stay numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_cell(value: str) -> str:
    """``value`` as a cell that spreadsheet programs show as text, never run."""
    if value.startswith((*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + value
    return value


def unescape_cell(cell: str) -> str:
    """The value ``escape_cell`` was given."""
    return cell.removeprefix(ESCAPE)


def safe_cell(value: object) -> object:
    return escape_cell(value) if isinstance(value, str) else value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in values]


class SafeWriter:
    """``csv.writer`` whose rows are made safe cell by cell."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, values: Iterable[object]) -> None:
        self._writer.writerow(safe_row(values))
