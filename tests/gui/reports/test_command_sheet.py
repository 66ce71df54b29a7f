"""The printed command barcodes decode to exactly the documented codes: the PDFs that
``flxdesk command-sheet`` writes on a machine without a display, rendered as the
printers print them (an office printer at 150 dpi, a label printer at 203 dpi)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.orders.statuses import ORDER_STATUSES
from flxdesk.station.command_codes import (
    COMMANDS,
    PREFIX,
    SHEET,
    Action,
    is_command,
    parse_command,
)
from flxdesk.station.command_layout import Layout, Paper, Placement, layout
from flxdesk.station.scanner_check import CHECK_CODE
from support.headless import without_display
from support.paths import ROOT

# The resolution each paper must decode at: an ordinary office printer's lowest, and
# what warehouse label printers print.
PRINTED_AT = {Paper.A4: 150, Paper.LETTER: 150, Paper.LABEL_4X6: 203}
PAGE_POINTS = {Paper.A4: "595 x 842", Paper.LETTER: "612 x 792", Paper.LABEL_4X6: "288 x 432"}
needs_poppler_and_zbar = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftoppm", "pdfinfo", "pdftotext", "zbarimg")),
    reason="needs poppler-utils and zbar-tools (installed by .ci/run)",
)

DOCUMENTED = {
    "FLXCMD OPEN",
    "FLXCMD CLOSED",
    "FLXCMD CANCELED",
    "FLXCMD ON HOLD",
    "FLXCMD FAILED",
    "FLXCMD NO SHIPPING METHOD",
    "FLXCMD NOT MANAGED",
    "FLXCMD ACK",
    "FLXCMD CLEAR NOTE",
    "FLXCMD SIGN OUT",
}


def test_codes_are_the_documented_set_and_safe_for_every_keyboard_layout() -> None:
    assert {command.code for command in COMMANDS} == DOCUMENTED
    for command in COMMANDS:
        assert set(command.code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        assert command.code.startswith(PREFIX)


@pytest.mark.parametrize("name", ["user-guide.md", "user-guide.es.md"])
def test_the_user_guide_lists_every_code(name: str) -> None:
    guide = (ROOT / "docs" / name).read_text(encoding="utf-8")
    for code in [*DOCUMENTED, CHECK_CODE]:
        assert f"`{code}`" in guide, code


def test_each_status_has_its_command_and_parsing_forgives_case_and_blanks() -> None:
    armed = {c.status for c in COMMANDS if c.action is Action.ARM_STATUS}
    assert armed == set(ORDER_STATUSES)
    command = parse_command("  flxcmd   no shipping method\n")
    assert command is not None and command.status == "No Shipping Method"
    assert parse_command("FLXCMD ACK").action is Action.ACKNOWLEDGE
    assert parse_command("1004") is None
    assert is_command("FLXCMD SOMETHING NEW") and parse_command("FLXCMD SOMETHING NEW") is None


def test_command_sheet_to_a_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "commands.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "command-sheet", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"flxdesk: cannot write {target}: No such file or directory")


def write_without_display(target: Path, *options: str) -> subprocess.CompletedProcess:
    """``flxdesk command-sheet`` with no display and no Qt platform chosen."""
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", "command-sheet", str(target), *options],
        env=without_display(),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[Paper, list[Path]]:
    """Each paper's PDF, written without a display, rendered at its printer's resolution:
    one grey-scale image per page."""
    pages = {}
    for paper in Paper:
        folder = tmp_path_factory.mktemp(paper.value)
        target = folder / "commands.pdf"
        written = write_without_display(target, "--paper", paper.value)
        assert written.returncode == 0, written.stderr
        subprocess.run(
            ["pdftoppm", "-r", str(PRINTED_AT[paper]), "-gray", str(target), str(folder / "page")],
            check=True,
            timeout=60,
        )
        pages[paper] = sorted(folder.glob("page*.pgm"))
    return pages


def test_command_sheet_draws_offscreen_on_a_machine_without_a_display(tmp_path: Path) -> None:
    target = tmp_path / "commands.pdf"
    written = write_without_display(target)
    assert written.returncode == 0, written.stderr  # not SIGABRT (-6) for want of a display
    assert written.stderr.splitlines()[-1] == f"flxdesk: wrote the command barcodes to {target}"
    assert target.read_bytes().startswith(b"%PDF")


@needs_poppler_and_zbar
@pytest.mark.parametrize("paper", list(Paper))
def test_every_code_decodes_to_exactly_its_text_at_the_printers_resolution(
    paper: Paper, printed: dict[Paper, list[Path]]
) -> None:
    plan = layout(paper)
    pages = printed[paper]
    # The commands on one page (three labels); the scanner check's code on the next.
    assert len(pages) == plan.pages == (2 if paper is not Paper.LABEL_4X6 else 4)
    decoded = [_decode(page) for page in pages]
    for number, codes in enumerate(decoded):
        on_the_page = [p.command.code for p in plan.placements if p.page == number]
        assert sorted(codes) == sorted(on_the_page), pages[number].name
    assert sorted(code for codes in decoded for code in codes) == sorted([*DOCUMENTED, CHECK_CODE])


def _decode(page: Path) -> list[str]:
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, timeout=60
    )
    return done.stdout.splitlines()


@needs_poppler_and_zbar
@pytest.mark.parametrize("paper", list(Paper))
def test_the_pdf_has_the_papers_size_and_every_codes_words(
    paper: Paper, printed: dict[Paper, list[Path]]
) -> None:
    target = printed[paper][0].parent / "commands.pdf"
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    assert f"Page size:       {PAGE_POINTS[paper]} pts" in info.stdout
    text = subprocess.run(
        ["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())  # turned labels come out a word a line
    assert text.startswith("flxdesk command barcodes")  # no "fl" ligature: it searches
    for command in SHEET:  # the commands and the scanner check's code
        assert command.code in text and command.label in text, command.code


def _pixels(page: Path) -> tuple[int, bytes]:
    """Width and grey bytes of a binary PGM (pdftoppm -gray)."""
    magic, size, _, pixels = page.read_bytes().split(b"\n", 3)
    assert magic == b"P5"
    return int(size.split()[0]), pixels


def _line_across(plan: Layout, placement: Placement, page: Path, dpi: int, y: int) -> bytes:
    """The rendered pixels along the drawing's x through the cell of ``placement``, at
    the drawing's height ``y`` (in the PDF's dots)."""
    width, pixels = _pixels(page)
    scale = dpi / plan.spec.dpi
    first = round(placement.cell_left * scale)
    last = round((placement.cell_left + placement.cell_width) * scale)
    if not plan.spec.turned:
        row = round(y * scale) * width
        return pixels[row + first : row + last]
    column = round((plan.spec.page_dots[0] - y) * scale) - 1  # drawn a quarter turn round
    return bytes(pixels[row * width + column] for row in range(first, last))


@needs_poppler_and_zbar
@pytest.mark.parametrize("paper", list(Paper))
def test_the_printed_bars_are_the_codes_modules_with_blank_quiet_zones(
    paper: Paper, printed: dict[Paper, list[Path]]
) -> None:
    """Across each code, top, middle and bottom of its bars: blank to the bars, then each
    module as whole printer dots (no grey), then blank to the end of its cell."""
    plan, dpi = layout(paper), PRINTED_AT[paper]
    scale = dpi / plan.spec.dpi
    bar_height = plan.spec.dots(plan.spec.bar_height_mm)
    for placement in plan.placements:
        dots = round(placement.module * scale)
        assert dots == placement.module * scale  # a whole number of dots per module
        expected = b"".join(
            (b"\x00" if bit == "1" else b"\xff") * dots for bit in placement.pattern
        )
        left, right = (round(zone * scale) for zone in placement.quiet_zones)
        assert min(left, right) >= 10 * dots
        for y in (3, bar_height // 2, bar_height - 3):
            line = _line_across(
                plan, placement, printed[paper][placement.page], dpi, placement.top + y
            )
            assert line == b"\xff" * left + expected + b"\xff" * right, placement.command.code
