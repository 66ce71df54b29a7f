"""The station's feedback widgets: the band, the armed chip and the failure panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from flxdesk.gui.station.failure_panel import FailurePanel
from flxdesk.gui.station.feedback_widgets import ArmedStatusChip, ResultBand
from flxdesk.station.palette import BAND, STATUS_CHIP, Scheme


def test_failure_panel_lists_newest_first_and_stays_until_acknowledged(qtbot: QtBot) -> None:
    panel = FailurePanel()
    qtbot.addWidget(panel)
    assert not panel.isVisible()
    panel.add_failure("9001", "Order 9001 was not found", when=1000.0)
    panel.add_failure("9002", "Order 9002 was not found", when=1001.0)
    assert panel.isVisible() and panel.count == 2
    assert panel.list.item(0).text().endswith("9002: Order 9002 was not found")
    with qtbot.waitSignal(panel.acknowledged):
        qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible() and panel.count == 0 and panel.list.count() == 0


def test_band_and_chip_take_their_colours_from_the_palette(qtbot: QtBot) -> None:
    band, chip = ResultBand(), ArmedStatusChip()
    qtbot.addWidget(band)
    qtbot.addWidget(chip)
    for scheme in Scheme:
        band.apply_scheme(scheme)
        chip.apply_scheme(scheme)
        band.show_result("Order 9001 not found", "failed")
        chip.show_status("Canceled")
        assert BAND["failed"][scheme].background in band.styleSheet()
        assert STATUS_CHIP["Canceled"][scheme].background in chip.styleSheet()
    assert chip.text() == "CANCELED"
    body = QApplication.font().pointSizeF()
    assert band.font().pointSizeF() >= 2 * body


class StyleChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_band_restyles_only_when_its_colour_changes(qtbot: QtBot) -> None:
    """A new style sheet restyles the window (~25 ms): a new text of the same kind needs none."""
    band = ResultBand()
    qtbot.addWidget(band)
    band.show()
    qtbot.waitExposed(band)
    changes = StyleChanges()
    band.installEventFilter(changes)
    band.show_result("Queueing 200,000 rows…", "info")
    band.show_result("Queued 200,000 updates.", "info")
    assert changes.count == 0 and band.text() == "Queued 200,000 updates."
    band.show_result("Order 9001 was not found", "failed")
    assert changes.count >= 1 and band.kind == "failed"


def test_band_shows_markup_as_the_characters_it_is(qtbot: QtBot) -> None:
    """A station name from the floor ("set to Closed at <b>X</b>") is data, never markup:
    the band is plain text from the start (set by number, without Qt's namespace)."""
    band = ResultBand()
    qtbot.addWidget(band)
    assert band.textFormat() == Qt.TextFormat.PlainText
    band.show_result("Order 3001 was set to Closed at <b>BOLD</b>", "refused")
    band.show()
    qtbot.waitExposed(band)
    assert band.textFormat() == Qt.TextFormat.PlainText
    assert band.text() == "Order 3001 was set to Closed at <b>BOLD</b>"
