"""Importing many updates: every row comes back, valid or with its reason."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from flxdesk.bulk_import import ImportFileError, parse_import_text, read_import_file


def summary(result) -> list[tuple]:
    return [(r.line, r.order_id, r.status, r.note, r.problem) for r in result.rows]


def test_pasted_ids_one_per_line_take_the_defaults() -> None:
    result = parse_import_text("1001\n1002\n\n  1003  \n", "Closed", "end of shift")
    assert summary(result) == [
        (1, "1001", "Closed", "end of shift", ""),
        (2, "1002", "Closed", "end of shift", ""),
        (4, "1003", "Closed", "end of shift", ""),
    ]
    assert result.blank_lines == 1
    assert not result.has_header


def test_header_order_id_status_note() -> None:
    text = "order_id,status,note\n1001,On Hold,waiting\n1002,,\n"
    result = parse_import_text(text, "Closed", "default note")
    assert result.has_header
    assert summary(result) == [
        (2, "1001", "On Hold", "waiting", ""),
        (3, "1002", "Closed", "default note", ""),
    ]


def test_header_columns_in_any_order() -> None:
    result = parse_import_text("Note;Status;Order ID\nfragile;open;A-1\n")
    assert result.delimiter == ";"
    assert summary(result) == [(2, "A-1", "Open", "fragile", "")]


def test_bom_semicolons_and_quotes_with_embedded_newlines(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    text = 'order_id;status;note\r\n1001;Closed;"two\nlines; and a semicolon"\r\n"10;02";Open;\r\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = read_import_file(path)
    assert result.encoding == "utf-8"
    assert summary(result) == [
        (2, "1001", "Closed", "two\nlines; and a semicolon", ""),
        (4, "10;02", "Open", "", ""),
    ]


def test_tab_separated_without_header() -> None:
    result = parse_import_text("1001\tCanceled\tcustomer called\n1002\tcancelled\t\n")
    assert result.delimiter == "\t"
    assert [r.status for r in result.rows] == ["Canceled", "Canceled"]


def test_bad_rows_are_listed_with_their_reason_never_dropped() -> None:
    text = "order_id,status\n1001,Closed\n,Closed\n1002,Shipped\n1001,Open\n1003,\n"
    result = parse_import_text(text, default_status="")
    assert [(r.line, r.problem.split(":")[0]) for r in result.rows] == [
        (2, ""),
        (3, "Scan or type an order ID first."),
        (4, "Unknown status 'Shipped'"),
        (5, "Duplicate"),
        (6, "No status"),
    ]
    assert "already on line 2" in result.rows[3].problem
    assert len(result.valid_rows) == 1 and len(result.invalid_rows) == 4


def test_windows_ansi_csv_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("order_id;note\n1001;Größe prüfen\n".encode("cp1252"))
    result = read_import_file(path, default_status="Closed")
    assert result.encoding == "cp1252"
    assert result.rows[0].note == "Größe prüfen"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "There is no file"), (b"PK\x03\x04\x00\x00binary", "not a text file")],
)
def test_unreadable_files_get_a_clear_message(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "orders.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFileError, match=reason):
        read_import_file(path)


def test_ten_thousand_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    lines = ["order_id,status,note"] + [f"{n},Closed,batch 7" for n in range(10_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = read_import_file(path)
    assert len(result.valid_rows) == 10_000
    assert result.rows[-1] == (10_001, "9999", "Closed", "batch 7", "")
    assert time.perf_counter() - started < 5  # generous: a sanity bound, not a benchmark
