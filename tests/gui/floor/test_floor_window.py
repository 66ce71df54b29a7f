"""The real window on a floor: a real PostgreSQL on loopback, the demo API, one station.

The window opens its floor with the engine, after the first paint; it says in the status
bar whether the floor is reachable or the station paces alone, publishes every scan to
the floor, and never waits on it: a floor that never answers delays neither the start
nor a scan. A box another station just set is held like a local repeat, naming that
station; View → Floor… lists the stations; the shift summary offers the whole floor.
Practice (demo mode) never reaches a floor.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import psycopg
import pytest
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.gui.start.startup import RunningApp
from flxdesk.history.store import State
from support.floor import floor_rows, init_floor, publish_row
from support.keychain import MemoryKeyring
from support.postgres import PostgresServer
from support.window import scan

STATION = "PACK-1"


def floor_text(running: RunningApp) -> str:
    """The floor's line; these tests' floor login is the superuser, which the line marks
    (a login that can do more than a station needs): the mark is left out here."""
    label = running.window.findChild(QLabel, "floorStatus")
    return label.text().removeprefix("⚠ ") if label is not None and label.isVisible() else ""


def sent(running: RunningApp, order_id: str) -> bool:
    return any(
        row.order_id == order_id and row.state is State.SENT for row in running.store.newest(100)
    )


@pytest.fixture
def station(monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring) -> Iterator[DemoApi]:
    """A real station's set-up (not demo mode): its name, a token, the demo API."""
    monkeypatch.setenv("FLXDESK_STATION", STATION)
    memory_keyring.set_password("flxdesk", "default", DEMO_TOKEN)
    with DemoApi() as api:
        yield api


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes connections and never says a word (a hung database server)."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=16)
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()


def test_a_station_on_a_floor_says_so_and_publishes_every_scan(
    qtbot: QtBot, start_app, station: DemoApi, floor_db: str, monkeypatch
) -> None:
    url = init_floor(floor_db)
    monkeypatch.setenv("FLXDESK_FLOOR_URL", url)
    running = start_app(demo=False, api_url=station.url)
    qtbot.waitUntil(lambda: floor_text(running) == "Floor: reachable", timeout=20_000)
    label = running.window.findChild(QLabel, "floorStatus")
    assert label.text().startswith("⚠ ")
    assert "the floor login postgres is a superuser" in label.toolTip()
    for order_id in ("1234", "1235"):
        scan(qtbot, running.window, order_id)
    qtbot.waitUntil(lambda: sent(running, "1234") and sent(running, "1235"), timeout=15_000)
    qtbot.waitUntil(
        lambda: (
            sorted(floor_rows(url, "station, order_id, state"))
            == [(STATION, "1234", "sent"), (STATION, "1235", "sent")]
        ),
        timeout=20_000,
    )


def made_at_another_station(url: str, order_id: str, status: str, station: str = "PACK-9"):
    """An update another station published (sent a minute ago), and its heartbeat."""
    at = time.time() - 60
    with psycopg.connect(url, autocommit=True) as connection:
        publish_row(connection, station, 1, order_id, "sent", status=status, ago=60)
    return at


def on_the_floor(qtbot: QtBot, start_app, api: DemoApi, url: str, monkeypatch) -> RunningApp:
    monkeypatch.setenv("FLXDESK_FLOOR_URL", url)
    running = start_app(demo=False, api_url=api.url)
    qtbot.waitUntil(lambda: running.window.floor_parts is not None, timeout=10_000)
    qtbot.waitUntil(lambda: running.window.floor_parts.mirror.reads >= 1, timeout=20_000)
    return running


def one_update_each(qtbot: QtBot, start_app, api: DemoApi, url: str, monkeypatch) -> RunningApp:
    """PACK-9 sent 1700 a minute ago; this station sends 1701; both are on the floor."""
    made_at_another_station(url, "1700", "Closed")
    running = on_the_floor(qtbot, start_app, api, url, monkeypatch)
    scan(qtbot, running.window, "1701")
    qtbot.waitUntil(lambda: len(floor_rows(url)) == 2, timeout=20_000)  # published
    return running


def test_a_box_another_station_just_set_is_held_naming_it_and_a_rescan_sends_it(
    qtbot: QtBot, start_app, station: DemoApi, floor_db: str, monkeypatch
) -> None:
    url = init_floor(floor_db)
    armed = "Closed"
    at = made_at_another_station(url, "1600", armed)
    running = on_the_floor(qtbot, start_app, station, url, monkeypatch)
    window = running.window
    window.findChild(QComboBox, "statusCombo").setCurrentText(armed)
    scan(qtbot, window, "1600")
    when = time.strftime("%H:%M", time.localtime(at))
    qtbot.waitUntil(
        lambda: f"1600 was already set to Closed at PACK-9, {when}" in (window.result_label.text())
    )
    assert station.requests == [] and running.store.count() == 0
    scan(qtbot, window, "1600")  # the person means it: sent
    qtbot.waitUntil(lambda: sent(running, "1600"), timeout=15_000)
    assert [seen.order_id for seen in station.requests] == ["1600"]


def test_the_floor_view_lists_every_station_with_todays_counts(
    qtbot: QtBot, start_app, station: DemoApi, floor_db: str, monkeypatch
) -> None:
    running = one_update_each(qtbot, start_app, station, init_floor(floor_db), monkeypatch)
    action = running.window.menus.floor_action
    assert action.isVisible()
    action.trigger()
    view = running.window.floor_parts.open_view()
    assert view.isVisible() and view.objectName() == "floorView"

    def listed() -> dict[str, tuple[str, str]]:
        table = view.table
        return {
            table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
            for row in range(table.rowCount())
            if table.item(row, 0) is not None
        }

    qtbot.waitUntil(lambda: listed() == {"PACK-9": ("1", "0"), STATION: ("1", "0")}, timeout=20_000)
    assert view.totals.text().startswith("Today, ")
    assert "whole floor: 2 updates: sent 2" in view.totals.text()
    assert running.window.findChild(QLabel, "floorMessage").text().startswith("Read at ")


def test_the_shift_summary_offers_the_whole_floor(
    qtbot: QtBot, start_app, station: DemoApi, floor_db: str, monkeypatch
) -> None:
    running = one_update_each(qtbot, start_app, station, init_floor(floor_db), monkeypatch)
    dialog = running.window.history_pane.open_shift_summary()
    assert dialog.scope.isVisible()
    assert dialog.summary is not None and dialog.summary.total == 1  # this station
    dialog.scope.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    assert dialog.summary.total == 2 and dialog.summary.station == ""
    assert "whole floor" in dialog.totals.text()
    assert dialog.save_csv_button.isEnabled()
    dialog.scope.setCurrentIndex(0)
    assert dialog.summary.total == 1 and dialog.summary.station == STATION


def test_a_floor_that_never_answers_delays_neither_the_start_nor_a_scan(
    qtbot: QtBot, start_app, station: DemoApi, silent_server: int, monkeypatch
) -> None:
    monkeypatch.setenv("FLXDESK_FLOOR_URL", f"postgresql://flxdesk@127.0.0.1:{silent_server}/floor")
    running = start_app(demo=False, api_url=station.url)
    qtbot.waitUntil(running.engine_thread.isRunning)
    floor = running.engine_thread.floor
    assert floor is not None and floor.status is None  # started, still trying to connect
    assert floor_text(running) == "Floor: connecting…"
    scan(qtbot, running.window, "1300")
    qtbot.waitUntil(lambda: sent(running, "1300"), timeout=15_000)
    qtbot.waitUntil(lambda: "Floor not reachable since" in floor_text(running), timeout=20_000)
    assert [seen.order_id for seen in station.requests] == ["1300"]
    label = running.window.findChild(QLabel, "floorStatus")
    assert label.text().endswith(": pacing alone")  # the whole sentence and why: tooltip
    assert ": this station is pacing alone (" in label.toolTip()


def test_a_floor_killed_and_back_is_said_and_rejoined_by_itself(
    qtbot: QtBot, start_app, station: DemoApi, own_postgres: PostgresServer, monkeypatch
) -> None:
    url = init_floor(own_postgres.url(own_postgres.new_database()))
    monkeypatch.setenv("FLXDESK_FLOOR_URL", url)
    running = start_app(demo=False, api_url=station.url)
    qtbot.waitUntil(lambda: floor_text(running) == "Floor: reachable", timeout=20_000)
    own_postgres.kill()
    scan(qtbot, running.window, "1400")  # sent at once, paced alone if need be
    qtbot.waitUntil(lambda: sent(running, "1400"), timeout=15_000)
    qtbot.waitUntil(lambda: "Floor not reachable since" in floor_text(running), timeout=30_000)
    own_postgres.start()
    qtbot.waitUntil(lambda: floor_text(running) == "Floor: reachable", timeout=60_000)
    qtbot.waitUntil(
        lambda: floor_rows(url, "station, order_id, state") == [(STATION, "1400", "sent")],
        timeout=30_000,
    )


def test_practice_never_reaches_the_floor(
    qtbot: QtBot, start_app, floor_db: str, monkeypatch
) -> None:
    url = init_floor(floor_db)
    monkeypatch.setenv("FLXDESK_FLOOR_URL", url)
    running = start_app(demo=True)
    qtbot.waitUntil(running.engine_thread.isRunning)
    scan(qtbot, running.window, "1500")
    qtbot.waitUntil(lambda: sent(running, "1500"), timeout=15_000)
    assert running.engine_thread.floor is None
    assert floor_text(running) == ""
    assert running.window.floor_parts is None
    assert not running.window.menus.floor_action.isVisible()
    assert not running.store.floor_publishing
    assert floor_rows(url) == []
