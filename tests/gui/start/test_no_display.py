"""With no display (a Linux server, SSH, a scheduled task) nothing aborts: the window
says it needs one, the self-test checks Qt offscreen and says so. Each run as a real
``flxdesk`` with no DISPLAY, no WAYLAND_DISPLAY and no QT_QPA_PLATFORM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support.headless import without_display

NO_DISPLAY = (
    "flxdesk: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set);"
    " the command line needs none: flxdesk --help"
)


def flxdesk(*args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", *args],
        env=without_display(FLXDESK_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=90,
    )


@pytest.mark.parametrize("args", [(), ("--demo",)], ids=["window", "demo"])
def test_the_window_without_a_display_says_so_and_exits_2(args, flxdesk_home: Path) -> None:
    done = flxdesk(*args, home=flxdesk_home)
    assert done.returncode == 2, done.stderr  # not SIGABRT (-6) from Qt's platform plugin
    assert done.stderr.splitlines() == [NO_DISPLAY]


def test_a_refusal_before_the_window_without_a_display_is_said_on_stderr(tmp_path: Path) -> None:
    home = tmp_path / "a-file-not-a-folder"
    home.write_text("", encoding="utf-8")
    done = flxdesk(home=home)
    assert done.returncode == 2, done.stderr  # the line, and no dialog to wait for
    said = [line for line in done.stderr.splitlines() if line.startswith("flxdesk: ")]
    assert len(said) == 1 and str(home) in said[0]


def test_the_self_test_without_a_display_checks_qt_offscreen(flxdesk_home: Path) -> None:
    done = flxdesk("--self-test", home=flxdesk_home)
    assert done.returncode in (0, 1), done.stderr  # 1: no keychain here; never a signal
    qt = [line for line in done.stdout.splitlines() if "Qt platform plugin" in line]
    assert qt == [
        "PASS  Qt platform plugin: offscreen, screen 800x800 (no display: DISPLAY and "
        "WAYLAND_DISPLAY unset; the window needs one)"
    ]
    assert "PASS  Translations" in done.stdout
