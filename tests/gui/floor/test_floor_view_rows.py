"""View → Floor…'s rows from a report made here (no floor): who is signed in at each
station, the floor's line per operator, and what other stations wrote shown as plain
text; a row that cannot be shown is "?", never a stop."""

from __future__ import annotations

import time
from types import SimpleNamespace

from pytestqt.qtbot import QtBot

from flxdesk.floor.report import SIGNED_IN_FRESH_SECONDS, FloorReport, StationLine
from flxdesk.gui.floor.floor_view import FloorView
from flxdesk.history.periods import today
from flxdesk.reports.shift_report import OperatorLine, ShiftSummary


def summary(*operators: OperatorLine) -> ShiftSummary:
    return ShiftSummary(today(), time.time(), {}, [], [], [], "", operators)


def rows(table) -> list[tuple[str, ...]]:
    return [
        tuple(
            table.item(row, column).text() if table.item(row, column) is not None else ""
            for column in range(table.columnCount())
        )
        for row in range(table.rowCount())
    ]


def view(qtbot: QtBot) -> FloorView:
    shown = FloorView(SimpleNamespace())  # never shown: nothing asks the floor
    qtbot.addWidget(shown)
    return shown


def test_the_floor_view_names_who_is_signed_in_and_a_line_per_operator(qtbot: QtBot) -> None:
    now = time.time()
    long_ago = now - SIGNED_IN_FRESH_SECONDS - 60
    floor = view(qtbot)
    stations = [
        StationLine("PACK-1", 3, 1, 0, now - 5, "Maria López", now - 600),
        StationLine("PACK-2", 0, 0, 2, now - 5),  # nobody signed in
        StationLine("PACK-3", 1, 0, 0, long_ago, "Sam Lee", long_ago),  # not seen lately
        StationLine("PACK\x1b[2J-4", 1, 0, 0, now, "Kim\x07 Park", now),  # control characters
    ]
    operators = (
        OperatorLine("Maria López", 4, 3, 1, 4, now - 3600, now, 3600.0, 754.0),
        OperatorLine("", 1, 1, 0, 1, now, now, 0.0, None),  # nobody signed in
    )
    floor._on_report(None, FloorReport(summary(*operators), stations))
    assert [(row[0], row[5]) for row in rows(floor.table)] == [
        ("PACK-1", "Maria López"),
        ("PACK-2", "-"),
        ("PACK-3", "-"),
        ("PACK?[2J-4", "Kim? Park"),
    ]
    assert rows(floor.table)[0][1:4] == ("3", "1", "0")
    assert rows(floor.operators) == [
        ("Maria López", "4", "3", "1", "4.0", "0:12:34"),
        ("(nobody signed in)", "1", "1", "0", "-", "-"),
    ]
    assert not floor.operators.isHidden() and not floor.operators_title.isHidden()


def test_without_operators_today_the_view_has_no_operators_table(qtbot: QtBot) -> None:
    floor = view(qtbot)
    nobody = (OperatorLine("", 2, 2, 0, 2, 0.0, 60.0, 60.0, 60.0),)
    floor._on_report(None, FloorReport(summary(*nobody), [StationLine("PACK-1", 2, 0, 0, None)]))
    assert rows(floor.table) == [("PACK-1", "2", "0", "0", "-", "-")]
    assert floor.operators.isHidden() and floor.operators_title.isHidden()


def test_a_row_that_cannot_be_shown_is_question_marks_and_the_others_are_shown(
    qtbot: QtBot,
) -> None:
    floor = view(qtbot)
    broken = StationLine("PACK-9", "many", None, object(), float("nan"), 42)  # type: ignore[arg-type]
    good = StationLine("PACK-1", 1, 0, 0, None)
    floor._on_report(None, FloorReport(summary(), [broken, good]))
    assert rows(floor.table) == [("?",) * 6, ("PACK-1", "1", "0", "0", "-", "-")]
    assert floor.message.text().startswith("Read at ")
