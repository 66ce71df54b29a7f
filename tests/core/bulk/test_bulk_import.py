"""Importing many updates: every row comes back, valid or with its reason."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.bulk.reading import (
    ImportFileError,
    check_cells,
    parse_import_text,
    read_cells,
    read_import_file,
)
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi


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


def test_ten_thousand_rows_all_come_back_in_order_with_their_lines(tmp_path: Path) -> None:
    """How fast is bench/bulk_import.py's figure (200,000 rows)."""
    path = tmp_path / "big.csv"
    lines = ["order_id,status,note"] + [f"{n},Closed,batch 7" for n in range(10_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_import_file(path)
    assert len(result.valid_rows) == 10_000
    assert [(row.line, row.order_id) for row in result.rows] == [
        (n + 2, str(n)) for n in range(10_000)
    ]
    assert result.rows[-1] == (10_001, "9999", "Closed", "batch 7", "")


# --- files are read as they are -----------------------------------------------------------


def test_a_utf8_file_with_one_bad_byte_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "order_id,status,note\n1001,Closed,café\n1002,Closed,crème\n".encode()
        + b"1003,Closed,caf\xe9\n"  # a line appended by a program writing Windows-1252
    )
    with pytest.raises(ImportFileError) as refused:
        read_import_file(path)
    message = str(refused.value)
    assert message.startswith("mixed.csv: line 4 has a byte (0xe9) that is not UTF-8")
    assert "mixes two text encodings" in message and "CSV UTF-8" in message


def test_a_bom_file_with_a_windows_byte_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbforder_id,note\n1001,ok\n1002,\x80 sign\n")
    with pytest.raises(ImportFileError, match=r"line 3 has a byte \(0x80\)"):
        read_import_file(path, "Closed")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_or_without_bom_keeps_every_character(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "utf8.csv"
    path.write_bytes(bom + "1001,Closed,café 東京 ✓\n".encode())
    result = read_import_file(path)
    assert result.encoding == "utf-8"
    assert result.rows[0].note == "café 東京 ✓"


def test_a_byte_windows_1252_does_not_define_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes(b"1001,Closed,caf\xe9\n1002,Closed,\x81\n")
    with pytest.raises(ImportFileError, match=r"ansi.csv: line 2 has a byte \(0x81\) that is"):
        read_import_file(path)


def test_a_field_over_the_csv_limit_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "open-quote.csv"
    path.write_text(
        'order_id,status,note\n1001,Closed,ok\n1002,Closed,"never closed\n'
        + ("x" * 1000 + "\n") * 200,
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as refused:
        read_import_file(path)
    message = str(refused.value)
    assert message.startswith("open-quote.csv line 3: a field is longer than 131,072 characters")
    assert "quote" in message


def test_a_note_over_the_limit_is_a_row_problem() -> None:
    result = parse_import_text(f"1001,Closed,{'n' * 501}\n1002,Closed,short\n")
    assert result.rows[0].problem.startswith("The note is 501 characters long")
    assert result.rows[1].valid
    assert parse_import_text("1003", "Closed", "d" * 501).rows[0].problem.startswith("The note")


def test_defaults_can_be_applied_again_without_parsing_again() -> None:
    cells = read_cells("order_id,status\n1001,\n1002,Open\n1001,\n")
    assert check_cells(cells).rows[0].problem.startswith("No status")
    checked = check_cells(cells, "Closed", "dock 3")
    assert [(r.order_id, r.status, r.note) for r in checked.rows] == [
        ("1001", "Closed", "dock 3"),
        ("1002", "Open", "dock 3"),
        ("1001", "Closed", "dock 3"),
    ]
    assert checked.rows[2].problem.startswith("Duplicate")


def test_progress_is_reported_while_reading_and_checking() -> None:
    text = "\n".join(str(n) for n in range(20_000))
    seen: list[float] = []
    cells = read_cells(text, seen.append)
    check_cells(cells, "Closed", progress=seen.append)
    assert len(seen) >= 8
    assert all(0.0 <= share <= 1.0 for share in seen)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("1001,Closed,café\n".encode() + b"1002,Closed,caf\xe9\n", "o.csv: line 2 has a byte"),
        (b'1001,Closed,"open\n' + b"x" * 140_000 + b"\n", "o.csv line 1: a field is longer"),
    ],
)
def test_the_command_line_refuses_such_files_with_exit_code_2(
    tmp_path: Path, flxdesk_home: Path, demo_api: DemoApi, content: bytes, message: str
) -> None:
    source = tmp_path / "o.csv"
    source.write_bytes(content)
    env = dict(
        os.environ,
        FLXDESK_HOME=str(flxdesk_home),
        FLXDESK_API_URL=demo_api.url,
        FLXDESK_TOKEN=DEMO_TOKEN,
    )
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "bulk", str(source)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert f"flxdesk: {message}" in done.stderr
    assert "Traceback" not in done.stderr
    assert demo_api.requests == []


def test_checked_rows_add_nothing_for_the_garbage_collector_to_scan() -> None:
    """Tracked rows made every full collection slow, stalling the window (bench/bulk_import)."""
    gc.collect()
    before = len(gc.get_objects())
    result = parse_import_text("\n".join(f"{n},Closed,note {n}" for n in range(50_000)))
    gc.collect()
    assert len(result.rows) == 50_000
    assert result.ready_count == 50_000
    assert result.rows[-1] == (50_000, "49999", "Closed", "note 49999", "")
    assert len(gc.get_objects()) - before < 1000
