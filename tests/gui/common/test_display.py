"""Drawing without a display picks Qt's offscreen platform, and only then."""

from __future__ import annotations

import pytest

from flxdesk.gui.common import display


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A Linux session with no display and no platform chosen."""
    monkeypatch.setattr(display.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_no_display_and_no_platform_chosen_draws_offscreen(no_display) -> None:
    assert display.cannot_show_windows()
    assert display.offscreen_without_display() is True
    assert display.os.environ["QT_QPA_PLATFORM"] == "offscreen"
    assert not display.cannot_show_windows()  # a platform is now chosen


def test_a_platform_the_person_chose_is_kept(no_display) -> None:
    no_display.setenv("QT_QPA_PLATFORM", "vnc")
    assert display.offscreen_without_display() is False
    assert display.os.environ["QT_QPA_PLATFORM"] == "vnc"
    assert not display.cannot_show_windows()


@pytest.mark.parametrize("variable", ["DISPLAY", "WAYLAND_DISPLAY"])
def test_a_display_is_used(no_display, variable: str) -> None:
    no_display.setenv(variable, ":0" if variable == "DISPLAY" else "wayland-0")
    assert display.offscreen_without_display() is False
    assert "QT_QPA_PLATFORM" not in display.os.environ
    assert not display.cannot_show_windows()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_keep_their_own_platform(no_display, platform: str) -> None:
    no_display.setattr(display.sys, "platform", platform)
    assert display.offscreen_without_display() is False
    assert "QT_QPA_PLATFORM" not in display.os.environ
