"""Results CSVs: formula-like cells are written as text (OWASP CSV injection), recoverably."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flxdesk.csv_safe import escape_cell, unescape_cell
from flxdesk.export import export_rows
from flxdesk.store import HistoryStore

HOSTILE = [
    '=HYPERLINK("http://127.0.0.1/x","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "'quoted already",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_like_value_is_escaped_and_recoverable(value: str) -> None:
    cell = escape_cell(value)
    assert cell == "'" + value
    assert unescape_cell(cell) == value


@pytest.mark.parametrize("value", ["1001", "On Hold", "dock 3 = left", "", "x-1"])
def test_ordinary_values_are_unchanged(value: str) -> None:
    assert escape_cell(value) == value
    assert unescape_cell(escape_cell(value)) == value


def test_an_exported_results_file_holds_no_cell_a_spreadsheet_would_run(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    try:
        batch = store.new_batch("test")
        store.add_rejected(
            [(value, "Closed", value, f"={value}") for value in HOSTILE[:-1]]
            + [("1001", "On Hold", "-5 units", "@flxpoint said no")],
            batch,
        )
        out = tmp_path / "results.csv"
        export_rows(out, store.rows_of_batch(batch))
        rows = list(store.rows_of_batch(batch))
    finally:
        store.close()
    with out.open(encoding="utf-8-sig", newline="") as written:
        cells = list(csv.DictReader(written))
    assert len(cells) == len(rows) == len(HOSTILE)
    for row, written_row in zip(rows, cells, strict=True):
        for column in ("order_id", "status", "note", "message"):
            cell = written_row[column]
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
            assert unescape_cell(cell) == getattr(row, column)
    assert cells[0]["order_id"] == "'" + HOSTILE[0]
    assert cells[-1]["note"] == "'-5 units"
    assert cells[-1]["order_id"] == "1001"
