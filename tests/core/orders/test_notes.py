"""The note length limit, checked before an update is queued."""

import os
import subprocess
import sys

import pytest

from flxdesk.flxpoint.demo_api import DEMO_TOKEN
from flxdesk.history.store import State
from flxdesk.orders.notes import MAX_NOTE_LENGTH, InvalidNote, check_note


def test_a_note_up_to_the_limit_is_kept_without_surrounding_blanks() -> None:
    assert check_note("  dock 3 \n") == "dock 3"
    assert check_note("n" * MAX_NOTE_LENGTH) == "n" * MAX_NOTE_LENGTH
    assert check_note("") == ""


def test_a_longer_note_is_refused_with_its_length_and_the_limit() -> None:
    with pytest.raises(InvalidNote) as refused:
        check_note("n" * 501)
    assert str(refused.value) == (
        "The note is 501 characters long; the most Flxpoint takes is 500. Shorten it."
    )


def test_the_window_refuses_a_long_note_and_keeps_the_scan(qtbot, paths) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from flxdesk.gui.start.startup import build_app

    running = build_app(paths, demo=True)
    try:
        qtbot.addWidget(running.window)
        running.window.show()
        running.window.findChild(QLineEdit, "noteEdit").setText("n" * 501)
        edit = running.window.findChild(QLineEdit, "orderIdEdit")
        qtbot.keyClicks(edit, "1001")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert "The note is 501 characters long" in running.window.result_label.text()
        assert edit.text() == "1001"  # nothing lost: shorten the note and press Enter again
        assert running.window.model.rowCount() == 0
        assert running.store.count_by_state()[State.QUEUED] == 0
    finally:
        running.close()


def test_the_command_line_refuses_a_long_note_before_sending(flxdesk_home, demo_api) -> None:
    env = dict(
        os.environ,
        FLXDESK_HOME=str(flxdesk_home),
        FLXDESK_API_URL=demo_api.url,
        FLXDESK_TOKEN=DEMO_TOKEN,
    )
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "update", "1", "--status", "Open", "--note", "n" * 501],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "The note is 501 characters long; the most Flxpoint takes is 500." in done.stderr
    assert demo_api.requests == []
