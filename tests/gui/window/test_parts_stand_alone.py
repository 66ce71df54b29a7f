"""Each window part is built and used without a MainWindow: it gets what it uses.

The stand-ins below are exactly what each part's Protocol names (HeldWindow, BulkWindow,
PreferencesWindow, DeskWindow), recording what the part asks of them.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import Settings
from flxdesk.station.scan_reading import Burst, KeyStroke


class Said:
    """Records every call made on it, by name."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []

    def __getattr__(self, name: str):
        def record(*args, **_kwargs):
            self.calls.append((name, args))

        return record


class FakeEngineThread(QObject):
    heldChanged = Signal(int)


def test_the_held_watch_shows_the_count_without_a_window(qtbot: QtBot) -> None:
    from flxdesk.gui.sending.held_watch import HeldWatch

    parent = QWidget()
    qtbot.addWidget(parent)
    status = Said()
    parts = SimpleNamespace(
        store=None, engine_thread=FakeEngineThread(), model=None, stack=None, status=status,
        history_pane_made=False,
    )  # fmt: skip
    HeldWatch(parts, parent)
    parts.engine_thread.heldChanged.emit(3)
    assert status.calls == [("show_held", (3,))]


def test_the_bulk_flow_refuses_while_sending_has_stopped_without_a_window(qtbot: QtBot) -> None:
    from flxdesk.gui.bulk.bulk_flow import BulkFlow

    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[tuple[str, bool | None]] = []
    parts = SimpleNamespace(
        sending_refusal="Sending has stopped: the history cannot be written.",
        show_result=lambda text, ok: shown.append((text, ok)),
        store_writer=None,
        operators=SimpleNamespace(badge_needed=False),
    )
    assert BulkFlow(parts, parent).queue(SimpleNamespace(rows=[]), "pasted") is None
    assert shown == [("Sending has stopped: the history cannot be written.", False)]


def test_the_preferences_refuse_a_locked_zoom_without_a_window(qtbot: QtBot) -> None:
    from flxdesk.gui.station.preferences import StationPreferences

    parent = QWidget()
    qtbot.addWidget(parent)
    feedback = Said()
    parts = SimpleNamespace(feedback=feedback)
    preferences = StationPreferences(parts, parent, Settings(locked=frozenset({"zoom"})), None)
    preferences.apply_zoom(1.5)
    assert feedback.calls == [("info", ("The zoom is set by IT on this computer.",))]
    assert preferences.station.zoom == 1.0


def test_the_scan_desk_refuses_an_unreadable_burst_without_a_window(qtbot: QtBot) -> None:
    from flxdesk.gui.station.scan_desk import ScanDesk

    parent = QWidget()
    qtbot.addWidget(parent)
    feedback = Said()
    parts = SimpleNamespace(
        order_id_edit=QLineEdit(parent), note_edit=QLineEdit(parent),
        submit_button=QPushButton(parent), status_combo=QComboBox(parent),
        preferences=SimpleNamespace(station=Settings().station), feedback=feedback,
    )  # fmt: skip
    desk = ScanDesk(parts, parent)
    keys = tuple(KeyStroke(text, position, False, 0.0) for text, position in ("ù'", "ù'", "ù'"))
    desk.take_burst(Burst(keys, "enter"))
    assert [name for name, _ in feedback.calls] == ["refused"]
    assert "scanner check" in feedback.calls[0][1][0]


def test_the_operator_part_signs_in_and_out_without_a_window(qtbot: QtBot) -> None:
    from flxdesk.gui.station.operator_part import OperatorPart
    from flxdesk.operators.operator_settings import OperatorSettings
    from flxdesk.operators.roster import Operator, Roster

    parent = QWidget()
    qtbot.addWidget(parent)
    note = QLineEdit(parent)
    settings = OperatorSettings(
        Roster((Operator("0042", "Maria López"),)),
        operator_sign_in="required",
        note_signature="{note} ({operator}, {station})",
    )
    part = OperatorPart(settings, "Pack-3", parent, note)
    changes: list[str] = []
    welcomed: list[str] = []
    part.operator_changed.connect(changes.append)
    part.welcomed.connect(welcomed.append)
    assert part.badge_needed and part.refusal("1500") == (
        "Scan your badge first: 1500 was not sent."
    )
    part.take_badge("0042")
    assert changes == ["Maria López"] and welcomed == ["Signed in: Maria López."]
    assert part.asked_by("Sam Lee") == ("Maria López", "Sam Lee")
    assert part.signed_note(" fragile ") == "fragile (Maria López, Pack-3)"
    assert note.maxLength() == 500 - len(" (Maria López, Pack-3)")
    part.sign_out()
    assert changes == ["Maria López", ""] and part.badge_needed
    assert note.maxLength() == 32767
