"""Operators at the real window on a floor: a real PostgreSQL on loopback, the demo API.

The floor holds the roster: a badge only the floor knows signs in, an operator the
floor's owner adds is accepted without a restart, one the owner removes is signed out
(the band says so); the station's copy serves while the floor is away at start (no
waiting); IT's locked operators win over the floor's. Who is signed in is told to the
floor, which the stations table, the floor's report and View → Floor… show.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import psycopg
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import machine_settings_file
from flxdesk.floor.operators import RosterCopy, add_operator, remove_operator
from flxdesk.floor.report import floor_report
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.gui.start.startup import RunningApp
from flxdesk.history.periods import today
from flxdesk.history.store import State
from flxdesk.host.paths import AppPaths
from flxdesk.operators.roster import Operator, Roster
from support.floor import init_floor
from support.keychain import MemoryKeyring
from support.window import scan

STATION = "PACK-1"


@pytest.fixture
def real_station(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> Iterator[DemoApi]:
    """A real station's set-up (not demo mode), sign-in required; the floor's heartbeat
    (which reads the roster) every half second, so that changes arrive quickly."""
    monkeypatch.setenv("FLXDESK_STATION", STATION)
    monkeypatch.setattr("flxdesk.floor.outbox.HEARTBEAT_SECONDS", 0.5)
    memory_keyring.set_password("flxdesk", "default", DEMO_TOKEN)
    with DemoApi() as api:
        yield api


def machine_settings(**document: object) -> None:
    machine = machine_settings_file()
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text(json.dumps({"operator_sign_in": "required", **document}), "utf-8")


def on_the_floor(
    qtbot: QtBot, start_app, api: DemoApi, url: str, monkeypatch: pytest.MonkeyPatch
) -> RunningApp:
    monkeypatch.setenv("FLXDESK_FLOOR_URL", url)
    running = start_app(demo=False, api_url=api.url)
    qtbot.waitExposed(running.window)
    qtbot.waitUntil(lambda: running.window.floor_parts is not None, timeout=10_000)
    qtbot.waitUntil(lambda: running.window.scan_desk.capture is not None)
    return running


def badge(widget: QWidget, code: str) -> None:
    """A badge scanned wherever focus is: the keys back to back, then Enter."""
    widget.setFocus()
    QTest.keyClicks(widget, f"FLXOP {code}")
    QTest.keyClick(widget, Qt.Key.Key_Return)


def knows(running: RunningApp, code: str) -> bool:
    return running.window.operators.desk.roster.find(code) is not None


def signed_in_on_the_floor(url: str) -> dict[str, str]:
    """{station: who it last said is signed in}, as the floor's report reads it."""
    with psycopg.connect(url, autocommit=True) as connection:
        report = floor_report(connection, today())
    return {line.name: line.operator for line in report.stations}


def sent(running: RunningApp, order_id: str) -> bool:
    return any(
        row.order_id == order_id and row.state is State.SENT for row in running.store.newest(100)
    )


def test_the_floors_roster_reaches_the_window_and_who_is_signed_in_reaches_the_floor(
    qtbot: QtBot, start_app, real_station: DemoApi, floor_db: str, monkeypatch
) -> None:
    url = init_floor(floor_db)
    with psycopg.connect(url, autocommit=True) as owner:  # the tests' login owns the floor
        add_operator(owner, "0042", "Maria López", False, "")
    machine_settings(operators=[{"badge": "0007", "name": "Only In Settings"}])
    running = on_the_floor(qtbot, start_app, real_station, url, monkeypatch)
    window = running.window
    heard_on: list[bool] = []
    window.floor_parts.roster.changed.connect(
        lambda _roster: heard_on.append(QThread.currentThread() is QApplication.instance().thread())
    )
    qtbot.waitUntil(lambda: knows(running, "0042"), timeout=20_000)  # the floor's roster
    assert all(heard_on)  # changed on the window's thread, never the floor's
    assert not knows(running, "0007")  # the floor has operators: the settings' are not used
    qtbot.waitUntil(lambda: signed_in_on_the_floor(url) == {STATION: ""}, timeout=20_000)

    badge(window.note_edit, "0042")
    assert window.operators.name == "Maria López"
    assert window.result_label.text() == "Signed in: Maria López."
    qtbot.waitUntil(lambda: signed_in_on_the_floor(url) == {STATION: "Maria López"}, timeout=20_000)
    scan(qtbot, window, "1701")
    qtbot.waitUntil(lambda: sent(running, "1701"), timeout=15_000)
    assert running.store.newest(1)[0].operator == "Maria López"

    view = window.floor_parts.open_view()

    def stations() -> dict[str, str]:
        table = view.table
        return {
            table.item(row, 0).text(): table.item(row, 5).text()
            for row in range(table.rowCount())
            if table.item(row, 0) is not None and table.item(row, 5) is not None
        }

    qtbot.waitUntil(lambda: stations() == {STATION: "Maria López"}, timeout=20_000)

    def by_operator() -> list[tuple[str, ...]]:
        table = view.operators
        return [
            tuple(table.item(row, column).text() for column in range(4))
            for row in range(table.rowCount())
        ]

    qtbot.waitUntil(lambda: by_operator() == [("Maria López", "1", "1", "0")], timeout=20_000)
    assert view.operators.isVisible() and view.operators_title.isVisible()
    view.hide()

    with psycopg.connect(url, autocommit=True) as owner:
        add_operator(owner, "0077", "Sam Lee", True, "")
    qtbot.waitUntil(lambda: knows(running, "0077"), timeout=20_000)  # no restart
    badge(window.history_view, "0077")
    assert window.operators.name == "Sam Lee"
    qtbot.waitUntil(lambda: signed_in_on_the_floor(url) == {STATION: "Sam Lee"}, timeout=20_000)

    with psycopg.connect(url, autocommit=True) as owner:
        remove_operator(owner, "0077")  # Sam's badge voided while he is signed in
    qtbot.waitUntil(lambda: window.operators.name == "", timeout=20_000)
    assert window.result_label.text() == "Sam Lee was signed out: the badge is no longer set up."
    assert window.operators.badge_needed
    qtbot.waitUntil(lambda: signed_in_on_the_floor(url) == {STATION: ""}, timeout=20_000)
    badge(window.note_edit, "0077")
    assert window.operators.name == ""
    assert window.result_label.text() == "Unknown badge 0077: nobody was signed in."


def test_with_the_floor_away_at_start_the_copys_badges_sign_in_at_once(
    qtbot: QtBot, start_app, real_station: DemoApi, paths: AppPaths, monkeypatch
) -> None:
    import socket

    listener = socket.create_server(("127.0.0.1", 0))  # a floor that never says a word
    try:
        url = f"postgresql://flxdesk@127.0.0.1:{listener.getsockname()[1]}/floor"
        RosterCopy(paths.floor_roster).save(Roster((Operator("0042", "Maria López"),)), url)
        machine_settings()
        running = on_the_floor(qtbot, start_app, real_station, url, monkeypatch)
        window = running.window
        assert running.engine_thread.floor is not None
        assert running.engine_thread.floor.status is None  # still trying to connect
        badge(window.note_edit, "0042")
        assert window.operators.name == "Maria López"
        scan(qtbot, window, "1300")
        qtbot.waitUntil(lambda: sent(running, "1300"), timeout=15_000)
        assert running.store.newest(1)[0].operator == "Maria López"
    finally:
        listener.close()


def test_operators_it_locked_on_the_computer_win_over_the_floors(
    qtbot: QtBot, start_app, real_station: DemoApi, floor_db: str, monkeypatch
) -> None:
    url = init_floor(floor_db)
    with psycopg.connect(url, autocommit=True) as owner:
        add_operator(owner, "0042", "Maria López", False, "")
    machine_settings(operators=[{"badge": "0007", "name": "Kim Park"}], locked=["operators"])
    running = on_the_floor(qtbot, start_app, real_station, url, monkeypatch)
    floor = running.engine_thread.floor
    qtbot.waitUntil(lambda: floor.known_roster() is not None, timeout=20_000)  # read
    assert floor.known_roster().find("0042") is not None
    badge(running.window.note_edit, "0042")
    assert running.window.operators.name == ""
    badge(running.window.note_edit, "0007")
    assert running.window.operators.name == "Kim Park"
