"""Each window part is built and used without a MainWindow: it gets what it reads, and
says what happened by signals (which gui/window/wiring connects in the real window).

The stand-ins below are exactly what each part's Protocol names (HeldWindow, BulkWindow,
DeskWindow); the preferences and the floor parts take arguments only. Each test checks
what the part emits, or what it shows in the widgets it was given. The floor parts run on
a real PostgreSQL floor (tests/support/postgres.py), and on a floor that is not there.
"""

from __future__ import annotations

import socket
from pathlib import Path
from types import SimpleNamespace

import psycopg
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import Settings
from flxdesk.history.store import HistoryStore
from flxdesk.orders.destination import Destination
from flxdesk.station.scan_reading import Burst, KeyStroke
from support.floor import init_floor, publish_row, started_session
from support.keychain import MemoryKeyring

HERE = Destination("https://api.flxpoint.example", "fp-now")
ELSEWHERE = Destination("https://old.flxpoint.example", "fp-before")


class FakeEngineThread(QObject):
    heldChanged = Signal(int)

    def __init__(self, destination: Destination = HERE) -> None:
        super().__init__()
        self.destination = destination


def test_the_held_watch_makes_its_panel_only_once_something_is_held(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from flxdesk.gui.sending.held_watch import HeldWatch
    from flxdesk.gui.window.notices import WindowStack

    parent = QWidget()
    qtbot.addWidget(parent)
    store = HistoryStore(tmp_path / "history.sqlite3")
    store.add_queued("1001", "Closed", "", destination=ELSEWHERE)
    reloads: list[str] = []
    parts = SimpleNamespace(
        store=store, engine_thread=FakeEngineThread(), stack=WindowStack(QVBoxLayout(parent)),
        model=SimpleNamespace(attached=True, reload=lambda: reloads.append("reload")),
        history_pane_made=True,
    )  # fmt: skip
    watch = HeldWatch(parts, parent)
    parts.engine_thread.heldChanged.emit(0)
    assert parts.stack.get("held_panel") is None  # nothing held: no panel
    parts.engine_thread.heldChanged.emit(1)
    panel = parts.stack.get("held_panel")
    assert panel is watch.panel
    assert panel.groups == [(*ELSEWHERE, 1)]
    assert not panel.isHidden()
    store.close()


def test_the_bulk_flow_says_why_it_refuses_while_sending_has_stopped(qtbot: QtBot) -> None:
    from flxdesk.gui.bulk.bulk_flow import BulkFlow

    parent = QWidget()
    qtbot.addWidget(parent)
    parts = SimpleNamespace(
        sending_refusal="Sending has stopped: the history cannot be written.",
        store_writer=None,
        operators=SimpleNamespace(badge_needed=False),
    )
    bulk = BulkFlow(parts, parent)
    with qtbot.waitSignal(bulk.result) as said:
        assert bulk.queue(SimpleNamespace(rows=[]), "pasted") is None
    assert said.args == ["Sending has stopped: the history cannot be written.", False]


def test_the_preferences_refuse_a_locked_zoom_and_say_so(qtbot: QtBot) -> None:
    from flxdesk.gui.station.preferences import StationPreferences

    parent = QWidget()
    qtbot.addWidget(parent)
    preferences = StationPreferences(parent, Settings(locked=frozenset({"zoom"})), None)
    sized: list[float] = []
    preferences.textSizeChanged.connect(sized.append)
    with qtbot.waitSignal(preferences.info) as said:
        preferences.apply_zoom(1.5)
    assert said.args == ["The zoom is set by IT on this computer."]
    assert preferences.station.zoom == 1.0 and sized == []  # no text was resized


def test_the_preferences_say_new_settings_and_the_zoomed_text_size(qtbot: QtBot) -> None:
    from flxdesk.gui.station.preferences import StationPreferences

    parent = QWidget()
    qtbot.addWidget(parent)
    preferences = StationPreferences(parent, Settings(), None)
    base = parent.font().pointSizeF()
    with qtbot.waitSignal(preferences.textSizeChanged) as sized:
        preferences.apply_zoom(1.5)
    assert sized.args == [parent.font().pointSizeF()]
    assert parent.font().pointSizeF() == base * 1.5
    with qtbot.waitSignal(preferences.stationChanged) as changed:
        preferences.learn({"scan_suffix": "tab", "no_such_setting": 1})
    assert changed.args[0].scan_suffix == "tab" and changed.args[0].zoom == 1.5
    assert preferences.station == changed.args[0]


def desk_parts(parent: QWidget) -> SimpleNamespace:
    return SimpleNamespace(
        order_id_edit=QLineEdit(parent), note_edit=QLineEdit(parent),
        submit_button=QPushButton(parent), status_combo=QComboBox(parent),
        preferences=SimpleNamespace(station=Settings().station),
    )  # fmt: skip


def test_the_scan_desk_refuses_an_unreadable_burst_by_signal(qtbot: QtBot) -> None:
    from flxdesk.gui.station.scan_desk import ScanDesk

    parent = QWidget()
    qtbot.addWidget(parent)
    desk = ScanDesk(desk_parts(parent), parent)
    keys = tuple(KeyStroke(text, position, False, 0.0) for text, position in ("ù'", "ù'", "ù'"))
    with qtbot.waitSignal(desk.refused) as refused:
        desk.take_burst(Burst(keys, "enter"))
    assert "scanner check" in refused.args[0]


def test_the_scan_desk_says_an_armed_status_and_puts_the_focus_back(qtbot: QtBot) -> None:
    from flxdesk.gui.station.scan_desk import ScanDesk

    parent = QWidget()
    qtbot.addWidget(parent)
    parts = desk_parts(parent)
    desk = ScanDesk(parts, parent)
    with qtbot.waitSignal(desk.info) as said:
        desk.on_armed("Closed", "")
    assert said.args == ["Armed: Closed. Every scan is set to Closed."]
    with qtbot.assertNotEmitted(desk.info):
        desk.on_armed("Closed", "command")  # the command's own words say it


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


# --- the floor parts -----------------------------------------------------------------
def test_the_floor_parts_mirror_another_stations_update_and_list_the_stations(
    qtbot: QtBot, floor_db: str, tmp_path: Path
) -> None:
    from flxdesk.gui.floor.floor_parts import FloorParts

    url = init_floor(floor_db)
    with psycopg.connect(url, autocommit=True) as connection:
        at = publish_row(connection, "PACK-9", 1, "1700", "sent", status="Closed", ago=30)
    floor, _watch = started_session(url, tmp_path / "station")
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        parts = FloorParts(floor, lambda: 600.0, parent)
        with qtbot.waitSignal(parts.mirror.refreshed, timeout=20_000):
            pass
        found = parts.lookup("1700", "Closed", at - 1)
        assert found is not None and found[0] == "PACK-9"
        assert parts.lookup("1700", "Canceled", at - 1) is None  # another status: not a repeat
        view = parts.open_view()
        assert view.isVisible() and view.parent() is parent
        table = view.table

        def listed() -> set[str]:
            return {table.item(row, 0).text() for row in range(table.rowCount())}

        qtbot.waitUntil(lambda: listed() == {"PACK-1", "PACK-9"}, timeout=20_000)  # and itself
        parts.stop()
        assert not view.isVisible()
    finally:
        floor.close()


def test_the_floor_roster_gives_the_copy_at_once_and_each_change_on_the_windows_thread(
    qtbot: QtBot,
) -> None:
    import threading

    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    from flxdesk.gui.floor.floor_roster import FloorRoster
    from flxdesk.operators.roster import Operator, Roster

    settings, copy = Roster((Operator("0007", "Kim Park"),)), Roster((Operator("0042", "Maria"),))
    listeners: list = []
    floor = SimpleNamespace(add_roster_listener=listeners.append, known_roster=lambda: copy)
    parent = QWidget()
    qtbot.addWidget(parent)
    roster = FloorRoster(floor, settings, False, parent)
    assert roster.start() == copy and roster.roster == copy  # no wait for the floor
    (listen,) = listeners
    on_window_thread: list[bool] = []
    window_thread = QApplication.instance().thread()
    roster.changed.connect(
        lambda _roster: on_window_thread.append(QThread.currentThread() is window_thread)
    )
    new = Roster((Operator("0042", "Maria"), Operator("0077", "Sam Lee")))
    with qtbot.waitSignal(roster.changed, timeout=5_000) as heard:
        threading.Thread(target=listen, args=(new,)).start()  # as a floor thread does
    assert heard.args == [new] and on_window_thread == [True]
    with qtbot.assertNotEmitted(roster.changed, wait=200):
        listen(new)  # the same roster again: nothing to say
    with qtbot.waitSignal(roster.changed, timeout=5_000) as heard:
        listen(Roster())  # the floor has no operators now: the settings' serve
    assert heard.args == [settings]
    locked = FloorRoster(floor, settings, True, parent)
    assert locked.start() == settings  # IT locked the operators: the floor's are not used
    with qtbot.assertNotEmitted(locked.changed, wait=200):
        listeners[-1](new)
    roster.stop()
    with qtbot.assertNotEmitted(roster.changed, wait=200):
        listen(Roster((Operator("0099", "Lee Chen"),)))


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_floor_parts_on_a_floor_that_is_not_there_say_why_and_hold_nothing(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    from flxdesk.gui.floor.floor_parts import FloorParts

    floor, _watch = started_session(
        f"postgresql://flxdesk@127.0.0.1:{closed_port()}/floor", tmp_path / "station"
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        parts = FloorParts(floor, lambda: 600.0, parent)
        with qtbot.waitSignal(parts.mirror.missed, timeout=20_000) as missed:
            pass
        assert missed.args[0]  # why, in words
        assert parts.mirror.reads == 0
        assert parts.lookup("1700", "Closed", 0.0) is None  # the guard alone decides
        view = parts.open_view()
        qtbot.waitUntil(lambda: "does not answer" in view.message.text(), timeout=20_000)
        assert view.table.rowCount() == 0
        parts.stop()
    finally:
        floor.close()
