"""Cells that would start a spreadsheet formula are written as text, numbers as numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flxdesk.history.store import HistoryStore
from flxdesk.orders.destination import Destination
from flxdesk.reports.csv_safe import safe_cell
from flxdesk.reports.export import export_rows

HERE = Destination("https://api.example.test", "f" * 32)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+31 555", "'+31 555"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("1001", "1001"),
        ("a=b", "a=b"),
        ("", ""),
        (-2, -2),
        (None, None),
    ],
)
def test_safe_cell(value: object, written: object) -> None:
    assert safe_cell(value) == written


def test_results_export_keeps_formulas_as_text(tmp_path: Path) -> None:
    """The window's Export and ``bulk --results`` write notes and messages people typed."""
    store = HistoryStore(tmp_path / "history.sqlite3")
    store.add_queued("-1001", "Closed", '=HYPERLINK("http://127.0.0.1/")', destination=HERE)
    store.add_queued("1002", "Closed", "@note", destination=HERE)
    target = tmp_path / "results.csv"
    export_rows(target, store.newest(10)[::-1])
    store.close()
    with target.open(encoding="utf-8-sig", newline="") as written:
        rows = list(csv.DictReader(written))
    assert [(row["order_id"], row["note"]) for row in rows] == [
        ("'-1001", '\'=HYPERLINK("http://127.0.0.1/")'),
        ("1002", "'@note"),
    ]
    assert rows[0]["attempts"] == "0"
