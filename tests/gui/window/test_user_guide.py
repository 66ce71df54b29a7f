"""Help → User guide opens the guide shipped with flxdesk, offline, beside the window, in
the language the window speaks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.start.translation import current_language
from flxdesk.gui.window.user_guide import UserGuide
from support.paths import ROOT
from support.window import visible_child


def open_guide(qtbot: QtBot, window) -> UserGuide:
    """Help → User guide, and the guide's window it opens."""
    window.menus.user_guide_action.trigger()
    qtbot.waitUntil(lambda: visible_child(window, UserGuide, "userGuide") is not None)
    return visible_child(window, UserGuide, "userGuide")


def opened_file(guide: UserGuide) -> Path:
    """The file the guide's browser shows (no web browser is started for it)."""
    return Path(guide.browser.source().toLocalFile())


# The offscreen platform cannot raise a window; Qt says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_help_opens_the_user_guide_and_scans_go_on_behind_it(qtbot: QtBot, station) -> None:
    window = station.window
    guide = open_guide(qtbot, window)
    assert opened_file(guide) == ROOT / "docs" / "user-guide.md"
    text = guide.browser.toPlainText()
    assert "flxdesk user guide: the packing station" in text
    assert "FLXCMD ACK" in text  # the whole guide, read as Markdown
    assert not guide.isModal()
    window.menus.user_guide_action.trigger()  # once more: the same window, not a second
    assert len([w for w in window.findChildren(UserGuide) if w.isVisible()]) == 1


def test_in_spanish_help_opens_the_spanish_guide(qtbot: QtBot, spanish_app: RunningApp) -> None:
    assert current_language() == "es"
    guide = open_guide(qtbot, spanish_app.window)
    assert opened_file(guide) == ROOT / "docs" / "user-guide.es.md"
    assert guide.windowTitle() == "Guía del usuario de flxdesk"
    text = guide.browser.toPlainText()
    assert "Guía del usuario de flxdesk: el puesto de empaque" in text
    assert "Reintentar todas las fallidas…" in text  # the window's words, read as Markdown
    assert "flxdesk user guide: the packing station" not in text
