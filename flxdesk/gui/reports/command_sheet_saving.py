"""File → Print command barcodes…: ask where (without blocking scans), write the PDF, say so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from flxdesk.host.i18n import translate

SUGGESTED_NAME = "flxdesk-command-barcodes.pdf"


def ask_and_save_command_sheet(
    parent: QWidget, show_result: Callable[[str, bool | None], None]
) -> QWidget:
    """Open the save dialog (``commandSheetSaveDialog``); returns it."""
    from flxdesk.gui.common.file_choice import ask_save_path

    return ask_save_path(
        parent,
        "commandSheetSaveDialog",
        translate("CommandSheetSaving", "Save the command barcodes"),
        SUGGESTED_NAME,
        lambda path: save_command_sheet(path, show_result),
    )


def save_command_sheet(path: Path, show_result: Callable[[str, bool | None], None]) -> None:
    from flxdesk.gui.reports.command_sheet import write_command_sheet

    try:
        write_command_sheet(path)
    except OSError as error:
        problem = error.strerror or error
        words = translate("CommandSheetSaving", "Could not write {path}: {problem}")
        show_result(words.format(path=path, problem=problem), False)
        return
    words = translate(
        "CommandSheetSaving", "Command barcodes saved to {path}: print and pin it up."
    )
    show_result(words.format(path=path), None)
