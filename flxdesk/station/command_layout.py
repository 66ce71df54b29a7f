"""Where each command barcode (and each operator's badge card) goes: one bar width for
every code, quiet zones, pages.

Every code on a paper is drawn with the same narrowest bar (the module, X), a whole
number of the PDF's dots so that each bar edge falls on a printer dot: on A4/Letter
X = 4 dots at 300 dpi (1/75 in, 0.339 mm: 2 dots at 150 dpi, 8 at 600), on 4x6 in
labels X = 3 dots at 203 dpi (0.375 mm), the resolution of warehouse label printers.
Both are above 0.33 mm (13 mil). Each code has at least ``QUIET_ZONE_MODULES`` blank
modules on each side inside its own cell; a code too long for a column gets a whole
row, and the rows run onto as many pages as they need. Labels are drawn along their
6 in side: the longest code does not fit across 4 in at 0.33 mm.

Badge cards (``badge_layout``, ``flxdesk badges``) are laid out by the same rules with
the same bar widths, on their own papers' specs (``BADGE_SPECS``): a taller row with room
above the bars for the operator's name, and one card per 4x6 in label.

Plain geometry in dots, without Qt, so that the tests can check it as drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Generic, NamedTuple, Protocol, TypeVar

from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.operators.badges import badge_code
from flxdesk.operators.roster import Roster
from flxdesk.station.command_codes import SHEET, Command

QUIET_ZONE_MODULES = 10
MIN_MODULE_MM = 0.33  # 13 mil


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"
    LABEL_4X6 = "4x6"


# What the window can offer (translated with the "CommandSheet" context).
PAPER_NAMES: dict[Paper, str] = {
    Paper.A4: QT_TRANSLATE_NOOP("CommandSheet", "A4 sheet"),
    Paper.LETTER: QT_TRANSLATE_NOOP("CommandSheet", "Letter sheet"),
    Paper.LABEL_4X6: QT_TRANSLATE_NOOP("CommandSheet", "4x6 in labels (label printer)"),
}


@dataclass(frozen=True)
class PaperSpec:
    """One paper's page and drawing sizes (lengths in mm unless named otherwise)."""

    width_pt: int  # the page as the printer takes it (portrait), in PDF points (1/72 in)
    height_pt: int
    dpi: int  # the PDF's drawing resolution
    module_dots: int  # the narrowest bar, X
    margin_mm: float
    columns: int
    header_mm: float  # title lines above the first row of each page
    row_mm: float  # one code (bars, its words) and the gap to the next row
    bar_height_mm: float
    title_pt: float
    caption_pt: float  # the command's words, bold
    code_pt: float  # the code as typed
    turned: bool  # drawn a quarter turn round, along the page's long side
    above_bars_mm: float = 0.0  # room in each row above the bars (a badge card's name)

    def dots(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi)

    @property
    def module_mm(self) -> float:
        return self.module_dots / self.dpi * 25.4

    @property
    def page_dots(self) -> tuple[int, int]:
        """The page's width and height in dots, as the printer takes it."""
        return round(self.width_pt / 72 * self.dpi), round(self.height_pt / 72 * self.dpi)

    @property
    def drawing_dots(self) -> tuple[int, int]:
        """Width and height of the drawing in dots (turned for labels)."""
        width, height = self.page_dots
        return (height, width) if self.turned else (width, height)


def _sheet(width_pt: int, height_pt: int) -> PaperSpec:
    """A sheet of office paper: everything but its size is shared."""
    return PaperSpec(
        width_pt,
        height_pt,
        dpi=300,
        module_dots=4,
        margin_mm=15.0,
        columns=2,
        header_mm=24.0,
        row_mm=44.0,
        bar_height_mm=15.0,
        title_pt=16.0,
        caption_pt=13.0,
        code_pt=10.0,
        turned=False,
    )


SPECS: dict[Paper, PaperSpec] = {
    Paper.A4: _sheet(595, 842),  # Qt's A4, in whole points
    Paper.LETTER: _sheet(612, 792),
    Paper.LABEL_4X6: PaperSpec(
        288,
        432,
        dpi=203,
        module_dots=3,
        margin_mm=4.0,
        columns=1,
        header_mm=8.0,
        row_mm=28.0,
        bar_height_mm=15.0,
        title_pt=10.0,
        caption_pt=11.0,
        code_pt=8.0,
        turned=True,
    ),
}


# Badge cards: a row holds the name above the bars, the badge's words below; one card
# per label.
BADGE_SPECS: dict[Paper, PaperSpec] = {
    Paper.A4: replace(SPECS[Paper.A4], row_mm=54.0, above_bars_mm=12.0, caption_pt=12.0),
    Paper.LETTER: replace(SPECS[Paper.LETTER], row_mm=54.0, above_bars_mm=12.0, caption_pt=12.0),
    Paper.LABEL_4X6: replace(
        SPECS[Paper.LABEL_4X6], row_mm=56.0, above_bars_mm=16.0, header_mm=10.0, caption_pt=12.0
    ),
}
NAME_PT = {Paper.A4: 20.0, Paper.LETTER: 20.0, Paper.LABEL_4X6: 24.0}  # the name, large


class Printed(Protocol):
    """What a printed code is for the layout: the text its barcode carries."""

    @property
    def code(self) -> str: ...


Item = TypeVar("Item", bound=Printed)


class Card(NamedTuple):
    """One operator's badge card: the barcode ``FLXOP <badge>``, the name, the badge."""

    code: str
    name: str
    badge: str
    supervisor: bool


@dataclass(frozen=True)
class Placement(Generic[Item]):
    """One code on the drawing of one page; x and y in dots."""

    command: Item  # the command (or the badge card) whose code this is
    pattern: str  # "1" a dark module, "0" a light one (quiet zones not included)
    page: int
    cell_left: int  # the code's own room in its row: nothing else is drawn there
    cell_width: int
    top: int  # of the bars
    bars_left: int
    module: int

    @property
    def bars_right(self) -> int:
        return self.bars_left + len(self.pattern) * self.module

    @property
    def quiet_zones(self) -> tuple[int, int]:
        """Blank dots left and right of the bars, inside the cell."""
        return self.bars_left - self.cell_left, self.cell_left + self.cell_width - self.bars_right


@dataclass(frozen=True)
class Layout(Generic[Item]):
    spec: PaperSpec
    pages: int
    placements: tuple[Placement[Item], ...]


class TooLong(ValueError):
    """A code does not fit across the page at the bar width readable when printed."""


def bar_pattern(code: str) -> str:
    """'1' for a dark module, '0' for a light one, quiet zones not included."""
    from barcode import Code128

    pattern: str = Code128(code).build()[0]  # python-barcode has no type hints
    return pattern


def _rows(
    spec: PaperSpec, patterns: list[str], commands: Sequence[Printed]
) -> list[list[tuple[int, int, int]]]:
    """Rows of (index of the code, first column, columns spanned), first fit in order:
    a code that fits a column takes the first free one, a longer one a new whole row."""
    width, _ = spec.drawing_dots
    usable = width - 2 * spec.dots(spec.margin_mm)
    column = usable // spec.columns
    rows: list[list[tuple[int, int, int]]] = []
    used: list[int] = []  # columns taken in each row
    for index, pattern in enumerate(patterns):
        # One spare module: the bars start on a whole module from the page's edge.
        needed = (len(pattern) + 2 * QUIET_ZONE_MODULES + 1) * spec.module_dots
        if needed > usable:
            raise TooLong(f"the barcode of {commands[index].code!r} is too long for the page")
        if needed <= column:
            free = next((n for n, taken in enumerate(used) if taken < spec.columns), None)
            if free is not None:
                rows[free].append((index, used[free], 1))
                used[free] += 1
                continue
            rows.append([(index, 0, 1)])
            used.append(1)
        else:
            rows.append([(index, 0, spec.columns)])
            used.append(spec.columns)
    return rows


def layout(paper: Paper, commands: tuple[Command, ...] = SHEET) -> Layout[Command]:
    """Where every code goes on ``paper``, in the order given."""
    return place(SPECS[paper], commands)


def badge_layout(paper: Paper, roster: Roster) -> Layout[Card]:
    """Where each operator's badge card goes on ``paper``, in the roster's order; TooLong,
    in words, for a badge whose barcode does not fit across the paper."""
    cards = [
        Card(badge_code(operator.badge), operator.name, operator.badge, operator.supervisor)
        for operator in roster.operators
    ]
    try:
        return place(BADGE_SPECS[paper], cards)
    except TooLong:
        longest = max(cards, key=lambda card: len(bar_pattern(card.code)))
        words = translate(
            "BadgeCards",
            "the badge {badge} is too long to print on this paper at a width scanners read: "
            "print the badges on A4 or Letter, or give that operator a shorter badge",
        )
        raise TooLong(words.format(badge=longest.badge)) from None


def place(spec: PaperSpec, commands: Sequence[Item]) -> Layout[Item]:
    """Where every code of ``commands`` goes on a paper of ``spec``, in the order given."""
    patterns = [bar_pattern(command.code) for command in commands]
    width, height = spec.drawing_dots
    margin = spec.dots(spec.margin_mm)
    column = (width - 2 * margin) // spec.columns
    first_top = margin + spec.dots(spec.header_mm) + spec.dots(spec.above_bars_mm)
    row_height = spec.dots(spec.row_mm)
    per_page = (height - margin - first_top) // row_height
    if per_page < 1:
        raise ValueError("no room for a row of barcodes on the page")
    rows = _rows(spec, patterns, commands)
    placements = []
    for row_number, row in enumerate(rows):
        page, row_on_page = divmod(row_number, per_page)
        top = first_top + row_on_page * row_height
        for index, first_column, span in row:
            cell_left = margin + first_column * column
            cell_width = span * column
            bars_width = len(patterns[index]) * spec.module_dots
            centred = cell_left + (cell_width - bars_width) // 2
            bars_left = centred - centred % spec.module_dots
            placements.append(
                Placement(
                    commands[index],
                    patterns[index],
                    page,
                    cell_left,
                    cell_width,
                    top,
                    bars_left,
                    spec.module_dots,
                )
            )
    pages = -(-len(rows) // per_page)
    return Layout(spec, pages, tuple(placements))
