"""Results CSVs: formula-like cells are written as text (OWASP CSV injection), recoverably."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flxdesk.history.store import HistoryStore
from flxdesk.reports.csv_safe import escape_cell, unescape_cell
from flxdesk.reports.export import export_rows

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


def test_exporting_a_filter_writes_exactly_its_rows_newest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page by page (pages of 7 here), every matching row once, and the progress reaches 1."""
    from flxdesk.history.query import HistoryFilter, StateFilter
    from flxdesk.orders.destination import Destination
    from flxdesk.reports import export
    from flxdesk.reports.export import export_filter

    monkeypatch.setattr(export, "FILTER_PAGE", 7)
    store = HistoryStore(tmp_path / "history.sqlite3")
    try:
        ids = store.add_many_queued(
            [(f"{n % 3}-{n}", "Closed", "") for n in range(40)], destination=Destination("x")
        )
        for update_id in ids[::2]:
            store.complete(
                update_id,
                ok=False,
                attempts=2,
                http_code=404,
                outcome="not_found",
                message="=not found",
                detail="",
            )
        shares: list[float] = []
        f = HistoryFilter("1-", states=StateFilter.FAILED)
        count = export_filter(store, f, tmp_path / "out.csv", shares.append)
        with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as file:
            header, *rows = list(csv.reader(file))
    finally:
        store.close()
    assert header == list(export.EXPORT_COLUMNS)
    wanted = [f"1-{n}" for n in reversed(range(40)) if n % 3 == 1 and n % 2 == 0]
    assert count == len(wanted) == len(rows)
    assert [row[0] for row in rows] == wanted
    assert {(row[3], row[4], row[5], row[6]) for row in rows} == {
        ("failed", "404", "'=not found", "2")
    }
    assert shares[-1] == 1.0
    assert shares == sorted(shares)


def test_every_results_row_names_its_station_where_it_always_was(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    try:
        store.set_station("PACK-1")
        batch = store.new_batch("test")
        store.add_rejected([("1001", "Closed", "", "not sent")], batch)
        out = tmp_path / "results.csv"
        export_rows(out, store.rows_of_batch(batch))
    finally:
        store.close()
    with out.open(encoding="utf-8-sig", newline="") as file:
        header, row = list(csv.reader(file))
    assert header[0] == "order_id" and header[9] == "station"  # old columns keep places
    assert (row[0], row[9]) == ("1001", "PACK-1")


def test_every_results_file_names_the_operator_and_approver_after_the_station(
    tmp_path: Path,
) -> None:
    from flxdesk.history.store import AskedBy
    from flxdesk.orders.destination import Destination
    from flxdesk.reports.export import EXPORT_COLUMNS

    store = HistoryStore(tmp_path / "history.sqlite3")
    try:
        store.set_station("DOCK 3")
        batch = store.new_batch("test")
        here = Destination("https://api.example.test")
        store.add_many_queued(
            [("1001", "Closed", "")], batch, destination=here, asked_by=AskedBy("Maria López")
        )
        store.add_many_queued(
            [("1002", "Canceled", "")],
            batch,
            destination=here,
            asked_by=AskedBy("=Sam Lee", "Sam Lee"),
        )
        store.add_many_queued([("1003", "Open", "")], batch, destination=here)
        out = tmp_path / "results.csv"
        export_rows(out, store.rows_of_batch(batch))
    finally:
        store.close()
    with out.open(encoding="utf-8-sig", newline="") as written:
        header, *rows = list(csv.reader(written))
    assert tuple(header) == EXPORT_COLUMNS
    assert header[-3:] == ["station", "operator", "approved_by"]
    assert [row[-3:] for row in rows] == [
        ["DOCK 3", "Maria López", ""],
        ["DOCK 3", "'=Sam Lee", "Sam Lee"],  # a name that looks like a formula stays text
        ["DOCK 3", "", ""],
    ]
