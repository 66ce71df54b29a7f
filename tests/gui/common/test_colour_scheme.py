"""Every coloured widget takes its colours from the palette and follows the OS scheme."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flxdesk.gui.bulk.dialog import BulkDialog
from flxdesk.gui.common.colour_scheme import current_scheme, follow_scheme, notice_style
from flxdesk.gui.common.roles import FOREGROUND_ROLE
from flxdesk.gui.sending.held_panel import HeldPanel
from flxdesk.gui.token.dialog import TokenDialog
from flxdesk.station.palette import NOTICE, STATE_TEXT, Scheme
from support.colour_scheme import dark_os_scheme


def test_a_follower_is_told_each_change_until_its_widget_goes(qtbot: QtBot) -> None:
    widget = QWidget()
    seen: list[Scheme] = []
    follow_scheme(widget, seen.append)
    assert seen == [Scheme.LIGHT] and current_scheme() is Scheme.LIGHT
    with dark_os_scheme():
        assert seen == [Scheme.LIGHT, Scheme.DARK]
    assert seen == [Scheme.LIGHT, Scheme.DARK, Scheme.LIGHT]
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget))
    with dark_os_scheme():
        pass
    assert len(seen) == 3  # no call for a widget that is gone


def test_the_held_panel_follows_the_scheme(qtbot: QtBot) -> None:
    panel = HeldPanel(store=None, engine=None, on_changed=lambda: None)  # colours only
    qtbot.addWidget(panel)
    light, dark = (
        notice_style("heldPanel", NOTICE["held"][scheme], bold=True) for scheme in Scheme
    )
    assert panel.styleSheet() == light
    assert NOTICE["held"][Scheme.LIGHT].background in light
    with dark_os_scheme():
        assert panel.styleSheet() == dark
        assert NOTICE["held"][Scheme.DARK].background in dark
    assert panel.styleSheet() == light


def test_the_token_dialogs_refusal_follows_the_scheme(qtbot: QtBot) -> None:
    dialog = TokenDialog()
    qtbot.addWidget(dialog)
    dialog.token_edit.setText("not a token")
    dialog.accept()
    assert dialog.error_label.text()
    assert STATE_TEXT["failed"][Scheme.LIGHT] in dialog.error_label.styleSheet()
    with dark_os_scheme():
        assert STATE_TEXT["failed"][Scheme.DARK] in dialog.error_label.styleSheet()


def test_the_bulk_dialogs_problems_follow_the_scheme(qtbot: QtBot, tmp_path) -> None:
    dialog = BulkDialog(None, "Closed", "")
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("1001\n\n1001")  # the second 1001 is a duplicate
    model = dialog.preview_model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and dialog.preview_is_current)
    problem_cell = model.index(1, 4)

    def problem_colour() -> str:
        return model.data(problem_cell, FOREGROUND_ROLE).color().name()

    assert model.data(model.index(0, 4), FOREGROUND_ROLE) is None  # a ready row: plain
    assert problem_colour() == STATE_TEXT["failed"][Scheme.LIGHT]
    dialog.import_file(tmp_path / "missing.csv")
    qtbot.waitUntil(lambda: "There is no file" in dialog.summary.text())
    assert STATE_TEXT["failed"][Scheme.LIGHT] in dialog.summary.text()
    with dark_os_scheme():
        assert problem_colour() == STATE_TEXT["failed"][Scheme.DARK]
        assert STATE_TEXT["failed"][Scheme.DARK] in dialog.summary.text()
        assert "There is no file" in dialog.summary.text()
    dialog.reject()
