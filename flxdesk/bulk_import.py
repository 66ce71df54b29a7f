"""Reading many updates at once: pasted IDs, or a CSV/TSV file from a spreadsheet.

Accepted: a header row or none; UTF-8 with or without BOM (and, failing that, the
Windows "ANSI" code page Excel uses for CSV); comma, semicolon or tab; quoted fields,
also with line breaks inside. Columns: order ID, then optional status and note; a
header may name them in any order (``order_id,status,note``). Missing status or note
come from the defaults chosen in the window or on the command line.

Every non-blank input row comes back, valid or with the reason it cannot be sent;
none is dropped. Blank lines are not rows and are only counted.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import NamedTuple

from flxdesk.order_ids import InvalidOrderId, clean_order_id
from flxdesk.statuses import ORDER_STATUSES, canonical_status

DELIMITERS = ",;\t"
MAX_FILE_BYTES = 50 * 1024 * 1024

HEADER_NAMES = {
    "order_id": {"order_id", "order id", "orderid", "order", "order number", "order_number", "id"},
    "status": {"status", "order status", "new status"},
    "note": {"note", "notes", "update note", "updatenote", "update_note", "comment"},
}


class ImportFileError(ValueError):
    """The file cannot be read at all; ``str(error)`` says why in plain words."""


class ImportRow(NamedTuple):
    line: int  # where the row starts in the input, counting from 1
    order_id: str
    status: str
    note: str
    problem: str  # empty when the row can be sent

    @property
    def valid(self) -> bool:
        return not self.problem


class ImportResult(NamedTuple):
    rows: list[ImportRow]
    has_header: bool
    delimiter: str
    blank_lines: int
    encoding: str = "utf-8"

    @property
    def valid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.valid]

    @property
    def invalid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.valid]


def read_import_file(path: Path, default_status: str = "", default_note: str = "") -> ImportResult:
    """Parse a CSV/TSV file; raises ImportFileError when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(
                f"{path.name} is {size // (1024 * 1024)} MB; files up to "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB can be imported."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise ImportFileError(f"{path} cannot be read: {error.strerror or error}.") from None
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            f"{path.name} is not a text file (an Excel workbook?). "
            "Save it as CSV (comma or semicolon separated) and import that."
        )
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    result = parse_import_text(text, default_status, default_note)
    return result._replace(encoding=encoding)


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first lines; a comma when there is only one column."""
    sample = "\n".join(line for line in text.splitlines()[:50] if line.strip())
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {delimiter: sample.count(delimiter) for delimiter in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column positions named by a header row, or None when ``cells`` is data."""
    names = [cell.strip().lower().replace("-", "_") for cell in cells]
    known = set().union(*HEADER_NAMES.values())
    if not all(name in known for name in names if name):
        return None
    columns = {}
    for field, aliases in HEADER_NAMES.items():
        for position, name in enumerate(names):
            if name in aliases:
                columns[field] = position
                break
    return columns if "order_id" in columns else None


def _cell(cells: list[str], columns: dict[str, int], field: str) -> str:
    position = columns.get(field)
    return cells[position] if position is not None and position < len(cells) else ""


def _status_of(cell: str, default_status: str) -> tuple[str, str]:
    """(status, problem) for a status cell, using the default when it is empty."""
    chosen = cell.strip() or default_status
    if not chosen:
        return "", "No status: choose one, or add a status column."
    status = canonical_status(chosen)
    if status is None:
        allowed = ", ".join(ORDER_STATUSES)
        return chosen, f"Unknown status {chosen!r}: use one of {allowed}."
    return status, ""


def parse_import_text(text: str, default_status: str = "", default_note: str = "") -> ImportResult:
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[ImportRow] = []
    first_line_of: dict[str, int] = {}
    columns = {"order_id": 0, "status": 1, "note": 2}
    has_header = False
    blank_lines = 0
    next_line = 1
    for cells in reader:
        line, next_line = next_line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            blank_lines += reader.line_num - line + 1
            continue
        if not rows and not has_header:
            header = _header_columns(cells)
            if header is not None:
                columns, has_header = header, True
                continue

        raw_id = _cell(cells, columns, "order_id")
        status, problem = _status_of(_cell(cells, columns, "status"), default_status)
        note = _cell(cells, columns, "note").strip() or default_note
        try:
            order_id = clean_order_id(raw_id)
        except InvalidOrderId as invalid:
            order_id, problem = raw_id.strip(), str(invalid)
        if not problem:
            if order_id in first_line_of:
                problem = (
                    f"Duplicate: order {order_id} is already on line {first_line_of[order_id]}."
                )
            else:
                first_line_of[order_id] = line
        rows.append(ImportRow(line, order_id, status, note, problem))
    return ImportResult(rows, has_header, delimiter, blank_lines)
