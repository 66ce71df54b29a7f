"""File → Print command barcodes… in the real window saves a sheet that decodes whole
at 150 dpi (the window's own application object draws it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.startup import RunningApp
from flxdesk.station.command_codes import SHEET


class SaveAs(QObject):
    """Answers the first save dialog shown with ``target``, as a person would."""

    def __init__(self, target: Path) -> None:
        super().__init__()
        self.target = target
        self.answered = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog)
        if shown and not self.answered:
            self.answered = True
            watched.selectFile(str(self.target))
            QTimer.singleShot(0, watched.accept)  # once it is shown (its loop runs)
        return False


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs poppler-utils and zbar-tools (installed by .ci/run)",
)
def test_print_command_barcodes_saves_a_sheet_that_decodes_at_150_dpi(
    qtbot: QtBot, demo_app: RunningApp, tmp_path: Path
) -> None:
    target = tmp_path / "codes.pdf"
    answer = SaveAs(target)
    QApplication.instance().installEventFilter(answer)
    try:
        action = demo_app.window.findChild(QAction, "printCommandBarcodesAction")
        action.trigger()
        band = demo_app.window.findChild(QLabel, "resultLabel")
        qtbot.waitUntil(lambda: str(target) in band.text(), timeout=20_000)
    finally:
        QApplication.instance().removeEventFilter(answer)
    assert answer.answered
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", str(target), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob("page*.pgm"))
    assert len(pages) == 2  # the commands, then the scanner check's code
    decoded = subprocess.run(
        ["zbarimg", "--raw", "-q", *map(str, pages)], capture_output=True, text=True, timeout=60
    )
    assert sorted(decoded.stdout.splitlines()) == sorted(c.code for c in SHEET)
