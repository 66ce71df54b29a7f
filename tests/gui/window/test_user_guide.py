"""Help → User guide opens the guide shipped with flxdesk, offline, beside the window."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from flxdesk.gui.window.user_guide import UserGuide
from support.window import visible_child


# The offscreen platform cannot raise a window; Qt says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_help_opens_the_user_guide_and_scans_go_on_behind_it(qtbot: QtBot, station) -> None:
    window = station.window
    window.menus.user_guide_action.trigger()
    qtbot.waitUntil(lambda: visible_child(window, UserGuide, "userGuide") is not None)
    guide = visible_child(window, UserGuide, "userGuide")
    text = guide.browser.toPlainText()
    assert "flxdesk user guide: the packing station" in text
    assert "FLXCMD ACK" in text  # the whole guide, read as Markdown
    assert not guide.isModal()
    window.menus.user_guide_action.trigger()  # once more: the same window, not a second
    assert len([w for w in window.findChildren(UserGuide) if w.isVisible()]) == 1
