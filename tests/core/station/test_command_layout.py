"""Where the command barcodes go, checked on the drawing's own numbers: one bar width
for every code (at least 0.33 mm), 10 blank modules each side, a whole row for a long
code, and as many pages as the codes need."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import pytest

from flxdesk.station.command_codes import COMMANDS, SHEET, Action
from flxdesk.station.command_layout import (
    MIN_MODULE_MM,
    QUIET_ZONE_MODULES,
    SPECS,
    Paper,
    layout,
)

LONGEST = "FLXCMD NO SHIPPING METHOD"


@pytest.mark.parametrize("paper", list(Paper))
def test_every_code_has_the_same_bar_width_of_at_least_13_mil(paper: Paper) -> None:
    plan = layout(paper)
    assert sorted(p.command for p in plan.placements) == sorted(SHEET)  # each once
    assert {p.module for p in plan.placements} == {plan.spec.module_dots}
    assert plan.spec.module_mm >= MIN_MODULE_MM
    for placement in plan.placements:
        assert placement.bars_left % placement.module == 0  # bars on whole modules


@pytest.mark.parametrize("paper", list(Paper))
def test_each_code_has_its_quiet_zones_inside_its_own_cell_on_the_page(paper: Paper) -> None:
    plan = layout(paper)
    spec = plan.spec
    width, height = spec.drawing_dots
    margin = spec.dots(spec.margin_mm)
    rows = defaultdict(list)
    for placement in plan.placements:
        left, right = placement.quiet_zones
        assert min(left, right) >= QUIET_ZONE_MODULES * placement.module, placement.command
        assert margin <= placement.cell_left
        assert placement.cell_left + placement.cell_width <= width - margin
        assert placement.top + spec.dots(spec.row_mm) <= height - margin
        rows[placement.page, placement.top].append(placement)
    for row in rows.values():
        row.sort(key=lambda p: p.cell_left)
        for before, after in pairwise(row):
            assert before.cell_left + before.cell_width <= after.cell_left
    tops = sorted(rows)
    for (page, top), (next_page, next_top) in pairwise(tops):
        assert next_page > page or next_top - top >= spec.dots(spec.row_mm)


@pytest.mark.parametrize("paper", list(Paper))
def test_the_long_code_gets_a_whole_row(paper: Paper) -> None:
    plan = layout(paper)
    spec = plan.spec
    width, _ = spec.drawing_dots
    usable = width - 2 * spec.dots(spec.margin_mm)
    (long,) = [p for p in plan.placements if p.command.code == LONGEST]
    assert long.cell_width >= usable - spec.columns  # all columns (less rounding)
    beside = [p for p in plan.placements if (p.page, p.top) == (long.page, long.top)]
    assert beside == [long]
    if spec.columns > 1:  # it would not fit one column at this bar width
        needed = (len(long.pattern) + 2 * QUIET_ZONE_MODULES) * spec.module_dots
        assert needed > usable // spec.columns


def test_the_labels_run_along_the_6_in_side_where_the_long_code_fits() -> None:
    spec = SPECS[Paper.LABEL_4X6]
    assert spec.page_dots == (4 * 203, 6 * 203)
    assert spec.turned and spec.drawing_dots == (6 * 203, 4 * 203)
    (long,) = [p for p in layout(Paper.LABEL_4X6).placements if p.command.code == LONGEST]
    assert (len(long.pattern) + 2 * QUIET_ZONE_MODULES) * spec.module_dots > 4 * 203


def test_the_commands_fill_one_page_and_labels_are_as_many_as_needed() -> None:
    """The station's commands on one sheet; sign-out and the scanner check's code (a whole
    row) on the next, where a station without operators can leave them."""
    station = tuple(c for c in COMMANDS if c.action is not Action.SIGN_OUT)
    assert layout(Paper.A4, station).pages == layout(Paper.LETTER, station).pages == 1
    for paper in (Paper.A4, Paper.LETTER):
        sheet = layout(paper)
        on_second = [p.command.code for p in sheet.placements if p.page == 1]
        assert on_second == ["FLXCMD SIGN OUT", SHEET[-1].code]
    labels = layout(Paper.LABEL_4X6, COMMANDS)
    per_label = max(sum(1 for p in labels.placements if p.page == n) for n in range(labels.pages))
    assert labels.pages == -(-len(COMMANDS) // per_label) > 1
    twice = layout(Paper.LABEL_4X6, COMMANDS * 2)
    assert twice.pages == -(-2 * len(COMMANDS) // per_label)
    assert {p.page for p in twice.placements} == set(range(twice.pages))
