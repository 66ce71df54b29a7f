"""A hard crash leaves its traceback in the log folder, and the next start says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.startup import build_app
from flxdesk.host.crash_record import CrashRecord
from flxdesk.host.paths import AppPaths

CRASH_AFTER_ARMING = """
import os, sys
from pathlib import Path
from flxdesk.host.crash_record import CrashRecord
CrashRecord(Path(sys.argv[1])).arm()
os.abort()
"""


def crash_a_child(log_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_ARMING, str(log_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_clean_run_leaves_nothing_to_report(tmp_path: Path) -> None:
    record = CrashRecord(tmp_path)
    assert record.arm() is None
    record.disarm()
    assert list(tmp_path.iterdir()) == []
    again = CrashRecord(tmp_path)
    assert again.arm() is None
    again.disarm()


def test_an_aborted_run_leaves_its_traceback_for_the_next_start(tmp_path: Path) -> None:
    child = crash_a_child(tmp_path)
    assert child.returncode != 0

    record = CrashRecord(tmp_path)
    previous = record.arm()
    record.disarm()
    assert previous is not None
    assert previous.has_traceback
    assert previous.report.parent == tmp_path
    assert previous.report.name.startswith("flxdesk-crash-")
    report = previous.report.read_text(encoding="utf-8")
    assert "Fatal Python error: Aborted" in report
    assert "<string>" in report  # the child's own frame
    assert str(previous.report) in previous.notice()
    assert "safe" in previous.notice()
    # Reported once: the run after that one was clean.
    again = CrashRecord(tmp_path)
    assert again.arm() is None
    again.disarm()


def test_a_killed_run_is_reported_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "flxdesk-running.fault").write_text("", encoding="utf-8")
    record = CrashRecord(tmp_path)
    previous = record.arm()
    record.disarm()
    assert previous is not None and not previous.has_traceback
    assert "did not close normally" in previous.notice()


def test_old_reports_are_pruned(tmp_path: Path) -> None:
    for number in range(15):
        report = tmp_path / f"flxdesk-crash-2026010{number:02d}.txt"
        report.write_text("x", encoding="utf-8")
        os.utime(report, (number, number))
    (tmp_path / "flxdesk-running.fault").write_text("y", encoding="utf-8")
    record = CrashRecord(tmp_path)
    record.arm()
    record.disarm()
    assert len(list(tmp_path.glob("flxdesk-crash-*.txt"))) == 10


def test_window_after_a_crash_names_the_file_and_says_updates_are_safe(
    qtbot: QtBot, paths: AppPaths
) -> None:
    crash_a_child(paths.log_dir)
    record = CrashRecord(paths.log_dir)
    previous = record.arm()
    assert previous is not None and previous.report.exists()

    running = build_app(paths, demo=True, previous_crash=previous)
    try:
        qtbot.addWidget(running.window)
        running.window.show()
        notice = running.window.crash_notice
        qtbot.waitUntil(notice.isVisible)
        text = notice.findChild(QLabel, "crashNoticeText").text()
        assert "ended abnormally" in text
        assert str(previous.report) in text
        assert "queued are safe" in text
        dismiss = notice.findChild(QPushButton, "crashNoticeDismiss")
        dismiss.click()
        assert not notice.isVisible()
    finally:
        running.close()
        record.disarm()
