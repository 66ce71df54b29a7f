"""The printed command barcodes decode to exactly the documented codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.orders.statuses import ORDER_STATUSES
from flxdesk.station.command_codes import COMMANDS, PREFIX, Action, is_command, parse_command
from support.paths import ROOT

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
}


def test_codes_are_the_documented_set_and_safe_for_every_keyboard_layout() -> None:
    assert {command.code for command in COMMANDS} == DOCUMENTED
    for command in COMMANDS:
        assert set(command.code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        assert command.code.startswith(PREFIX)


def test_readme_lists_every_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in DOCUMENTED:
        assert f"`{code}`" in readme, code


def test_each_status_has_its_command_and_parsing_forgives_case_and_blanks() -> None:
    armed = {c.status for c in COMMANDS if c.action is Action.ARM_STATUS}
    assert armed == set(ORDER_STATUSES)
    command = parse_command("  flxcmd   no shipping method\n")
    assert command is not None and command.status == "No Shipping Method"
    assert parse_command("FLXCMD ACK").action is Action.ACKNOWLEDGE
    assert parse_command("1004") is None
    assert is_command("FLXCMD SOMETHING NEW") and parse_command("FLXCMD SOMETHING NEW") is None


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs poppler-utils and zbar-tools (installed by .ci/run)",
)
def test_command_sheet_pdf_decodes_to_exactly_the_documented_codes(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet" / "commands.pdf"
    sheet.parent.mkdir()
    written = subprocess.run(
        [sys.executable, "-m", "flxdesk", "command-sheet", str(sheet)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert written.returncode == 0, written.stderr
    assert sheet.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", str(sheet), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1  # one sheet per station
    decoded = subprocess.run(
        ["zbarimg", "--raw", "-q", *map(str, pages)], capture_output=True, text=True, timeout=60
    )
    assert sorted(decoded.stdout.splitlines()) == sorted(DOCUMENTED)


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
