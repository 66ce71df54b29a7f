"""Reading many updates at once: pasted IDs, or a CSV/TSV file from a spreadsheet.

Accepted: a header row or none; UTF-8 with or without BOM, or the Windows "ANSI" code
page Excel uses for CSV, decoded strictly (see ``text_decoding``: a file mixing both is
refused with its line); comma, semicolon or tab; quoted fields, also with line breaks
inside. Columns: order ID, then optional status and note; a header may name them in
any order (``order_id,status,note``). Missing status or note come from the defaults
chosen in the window or on the command line.

Reading happens in two steps, so that the window can change the defaults without
reading the file again: ``read_cells`` parses the text once into raw cells, and
``check_cells`` applies the defaults and checks every row. Every non-blank input row
comes back, valid or with the reason it cannot be sent; none is dropped. Blank lines
are not rows and are only counted.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, overload

from flxdesk.bulk.row_disposal import RowList
from flxdesk.bulk.text_decoding import UndecodableText, decode_text
from flxdesk.host.i18n import translate
from flxdesk.orders.notes import InvalidNote, check_note
from flxdesk.orders.order_ids import InvalidOrderId, clean_order_id
from flxdesk.orders.statuses import ORDER_STATUSES, canonical_status

DELIMITERS = ",;\t"
MAX_FILE_BYTES = 50 * 1024 * 1024
PROGRESS_EVERY_ROWS = 4096

HEADER_NAMES = {
    "order_id": {"order_id", "order id", "orderid", "order", "order number", "order_number", "id"},
    "status": {"status", "order status", "new status"},
    "note": {"note", "notes", "update note", "updatenote", "update_note", "comment"},
}

Progress = Callable[[float], None]  # the share done so far, 0.0 to 1.0


class ImportFileError(ValueError):
    """The file cannot be read at all; ``str(error)`` says why in plain words."""


# (line where the row starts, counting from 1; order ID, status and note cells as read)
RawRow = tuple[int, str, str, str]


class ImportCells(NamedTuple):
    """The input as parsed, before defaults and checks."""

    rows: list[RawRow]
    has_header: bool
    delimiter: str
    blank_lines: int
    encoding: str = "utf-8"


class ImportRow(NamedTuple):
    line: int  # where the row starts in the input, counting from 1
    order_id: str
    status: str
    note: str
    problem: str  # empty when the row can be sent

    @property
    def valid(self) -> bool:
        return not self.problem


class ImportRows(Sequence[ImportRow]):
    """Checked rows, stored as plain tuples and handed out as ImportRow.

    Python's garbage collector stops tracking a plain tuple of strings and ints, but
    never a NamedTuple: 200,000 tracked rows made each full collection hold the GIL for
    tens of milliseconds, in whichever thread it ran, and the window stalled.
    """

    __slots__ = ("_rows", "_statuses")

    def __init__(self, rows: list[tuple[int, str, str, str, str]]) -> None:
        self._rows = rows
        # Counted here, where the rows are checked (off the GUI thread): 12 ms at 200,000.
        self._statuses = Counter(row[2] for row in rows if not row[4])

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> ImportRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[ImportRow]: ...

    def __getitem__(self, index: int | slice) -> ImportRow | list[ImportRow]:
        if isinstance(index, slice):
            return [ImportRow._make(row) for row in self._rows[index]]
        return ImportRow._make(self._rows[index])

    def __iter__(self) -> Iterator[ImportRow]:
        return map(ImportRow._make, self._rows)

    def count_valid(self) -> int:
        return sum(1 for row in self._rows if not row[4])

    def plain(self) -> list[tuple[int, str, str, str, str]]:
        """The rows as kept: (line, order ID, status, note, problem); do not change it."""
        return self._rows

    def valid_statuses(self) -> Counter[str]:
        """How many rows that can be sent set each status."""
        return Counter(self._statuses)


class ImportResult(NamedTuple):
    rows: Sequence[ImportRow]
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

    @property
    def ready_count(self) -> int:
        """How many rows can be sent."""
        if isinstance(self.rows, ImportRows):
            return self.rows.count_valid()
        return sum(1 for row in self.rows if row.valid)

    def ready_by_status(self) -> Counter[str]:
        """How many rows that can be sent set each status (without an ImportRow each)."""
        if isinstance(self.rows, ImportRows):
            return self.rows.valid_statuses()
        return Counter(row.status for row in self.rows if row.valid)


def read_import_bytes(path: Path) -> bytes:
    """The file's bytes; ImportFileError when it cannot be read or is too large."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(
                translate(
                    "BulkImport", "{name} is {value} MB; files up to {value2} MB can be imported."
                ).format(
                    name=path.name,
                    value=size // (1024 * 1024),
                    value2=MAX_FILE_BYTES // (1024 * 1024),
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(
            translate("BulkImport", "There is no file {path}.").format(path=path)
        ) from None
    except IsADirectoryError:
        raise ImportFileError(
            translate("BulkImport", "{path} is a folder, not a file.").format(path=path)
        ) from None
    except OSError as error:
        raise ImportFileError(
            translate("BulkImport", "{path} cannot be read: {value}.").format(
                path=path, value=error.strerror or error
            )
        ) from None


def decode_import_bytes(data: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)`` of an import file's bytes, or ImportFileError."""
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            translate(
                "BulkImport",
                "{name} is not a text file (an Excel workbook?). Save it as CSV (comma "
                "or semicolon separated) and import that.",
            ).format(name=name)
        )
    try:
        return decode_text(data)
    except UndecodableText as problem:
        raise ImportFileError(f"{name}: {problem}") from None


def read_file_cells(path: Path, progress: Progress | None = None) -> ImportCells:
    """Read, decode and parse a CSV/TSV file; raises ImportFileError when it cannot."""
    text, encoding = decode_import_bytes(read_import_bytes(path), path.name)
    return read_cells(text, progress, source=path.name)._replace(encoding=encoding)


def read_import_file(path: Path, default_status: str = "", default_note: str = "") -> ImportResult:
    """Parse and check a CSV/TSV file; raises ImportFileError when it cannot be read."""
    return check_cells(read_file_cells(path), default_status, default_note)


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first lines; a comma when there is only one column."""
    head = text[:65536].splitlines()[:50]  # never split a whole large file for a sample
    sample = "\n".join(line for line in head if line.strip())
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {delimiter: sample.count(delimiter) for delimiter in DELIMITERS}
        best = max(counts, key=lambda delimiter: counts[delimiter])
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
        return "", translate("BulkImport", "No status: choose one, or add a status column.")
    status = canonical_status(chosen)
    if status is None:
        allowed = ", ".join(ORDER_STATUSES)
        return chosen, translate(
            "BulkImport", "Unknown status {chosen}: use one of {allowed}."
        ).format(chosen=repr(chosen), allowed=allowed)
    return status, ""


def parse_import_text(text: str, default_status: str = "", default_note: str = "") -> ImportResult:
    """Parse and check pasted text (or a file's decoded text)."""
    return check_cells(read_cells(text), default_status, default_note)


def read_cells(text: str, progress: Progress | None = None, source: str = "") -> ImportCells:
    """Split ``text`` into rows of raw cells; ImportFileError when a row cannot be parsed."""
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    total_lines = text.count("\n") + 1
    rows: list[RawRow] = RowList()  # freed off the window's thread (row_disposal)
    columns = {"order_id": 0, "status": 1, "note": 2}
    has_header = False
    blank_lines = 0
    next_line = 1
    for count in itertools.count(1):
        line = next_line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ImportFileError(_parse_problem(source, line, error)) from None
        next_line = reader.line_num + 1
        if progress is not None and count % PROGRESS_EVERY_ROWS == 0:
            progress(min(reader.line_num / total_lines, 1.0))
        if not any(cell.strip() for cell in cells):
            blank_lines += reader.line_num - line + 1
            continue
        if not rows and not has_header:
            header = _header_columns(cells)
            if header is not None:
                columns, has_header = header, True
                continue
        rows.append(
            (
                line,
                _cell(cells, columns, "order_id"),
                _cell(cells, columns, "status"),
                _cell(cells, columns, "note"),
            )
        )
    return ImportCells(rows, has_header, delimiter, blank_lines)


def _parse_problem(source: str, line: int, error: csv.Error) -> str:
    where = (
        translate("BulkImport", "{source} line {line}").format(source=source, line=line)
        if source
        else translate("BulkImport", "Line {line}").format(line=line)
    )
    if "field larger than field limit" in str(error):
        return translate(
            "BulkImport",
            "{where}: a field is longer than {field_size_limit} characters, more "
            'than any order ID, status or note. Is a quote (") left open on that '
            "line?",
        ).format(where=where, field_size_limit=f"{csv.field_size_limit():,}")
    return translate("BulkImport", "{where} cannot be read as CSV: {error}.").format(
        where=where, error=error
    )


def check_cells(
    cells: ImportCells,
    default_status: str = "",
    default_note: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Apply the defaults and check every row: ID, status, note length, duplicates."""
    rows: list[tuple[int, str, str, str, str]] = RowList()
    first_line_of: dict[str, int] = {}
    total = max(len(cells.rows), 1)
    for number, (line, raw_id, raw_status, raw_note) in enumerate(cells.rows):
        if progress is not None and number % PROGRESS_EVERY_ROWS == 0:
            progress(number / total)
        status, problem = _status_of(raw_status, default_status)
        note = raw_note.strip() or default_note
        if not problem:
            try:
                note = check_note(note)
            except InvalidNote as invalid:
                problem = str(invalid)
        try:
            order_id = clean_order_id(raw_id)
        except InvalidOrderId as invalid:
            order_id, problem = raw_id.strip(), str(invalid)
        if not problem:
            if order_id in first_line_of:
                problem = translate(
                    "BulkImport", "Duplicate: order {order_id} is already on line {value}."
                ).format(order_id=order_id, value=first_line_of[order_id])
            else:
                first_line_of[order_id] = line
        rows.append((line, order_id, status, note, problem))
    return ImportResult(
        ImportRows(rows), cells.has_header, cells.delimiter, cells.blank_lines, cells.encoding
    )
