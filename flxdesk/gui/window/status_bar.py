"""The window's status bar: what is waiting and why, today's counts, the token, the API.

Left to right: who is signed in (large, on a station whose operators sign in), the
queue (by engine state, with what is held for another destination),
today's counts (kept by ``StationFeedback``), where the token comes from, the floor (on
a station with one: reachable, or "not reachable since 09:14: this station is pacing
alone"), and, at the right, the station's name, the API address (and the Restart
sending button, when sending has stopped).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow

from flxdesk.gui.token.keeper import TokenState
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.sending.events import EngineState, FloorChanged, FloorState

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession
    from flxdesk.gui.sending.engine_thread import EngineThread

# What the queue label says in each engine state, for n waiting (Qt's plural forms).
QUEUE_STATE_TEXT: dict[EngineState, Callable[[int], str]] = {
    EngineState.IDLE: lambda n: translate("StatusBar", "Nothing waiting"),
    EngineState.SENDING: lambda n: translate("StatusBar", "Sending: %n waiting", None, n),
    EngineState.PAUSED: lambda n: translate("StatusBar", "Paused: %n waiting", None, n),
    EngineState.OFFLINE: lambda n: translate(
        "StatusBar", "Offline: %n waiting, sent when the connection is back", None, n
    ),
    EngineState.NOT_ANSWERING: lambda n: translate(
        "StatusBar", "Flxpoint is not answering since {since}, %n waiting", None, n
    ),
    EngineState.STORAGE_PROBLEM: lambda n: translate(
        "StatusBar", "History cannot be written since {since}: %n waiting", None, n
    ),
    EngineState.NEEDS_TOKEN: lambda n: translate("StatusBar", "No API token: %n waiting", None, n),
    EngineState.STOPPED: lambda n: translate("StatusBar", "Stopped: %n waiting", None, n),
}

TOKEN_STATE_TEXT = {
    TokenState.UNKNOWN: QT_TRANSLATE_NOOP("StatusBar", "Token: checking the keychain…"),
    TokenState.MISSING: QT_TRANSLATE_NOOP(
        "StatusBar", "No API token: updates wait until one is set (Token menu)"
    ),
    TokenState.KEYCHAIN: QT_TRANSLATE_NOOP("StatusBar", "Token: from the system keychain"),
    TokenState.SESSION_ONLY: QT_TRANSLATE_NOOP("StatusBar", "Token: this session only (not saved)"),
    TokenState.DEMO: QT_TRANSLATE_NOOP("StatusBar", "Demo token: no keychain used"),
}


OPERATOR_TYPE = 1.4  # times the body font: the name in the status bar
SQUEEZED_WIDTH = 60  # pixels a label keeps when a line shown whole needs the room


class StationStatusBar:
    """Fills ``window``'s status bar; the window tells it what changed."""

    def __init__(self, window: QMainWindow, api_url: str, station_name: str = "") -> None:
        self.queue_label = QLabel()
        self.today_label = QLabel()
        self.today_label.setObjectName("todayCounts")
        self.token_label = QLabel()
        self.api_label = QLabel(translate("StatusBar", "API: {url}").format(url=api_url))
        bar = window.statusBar()
        # On a station whose operators sign in (show_operator): the name, large, first.
        self.operator_label = QLabel()
        self.operator_label.setObjectName("operatorName")
        self.operator_label.setAccessibleName(translate("StatusBar", "Operator signed in"))
        self.operator_label.setContentsMargins(6, 0, 12, 0)
        self.operator_label.hide()
        bar.addWidget(self.operator_label)
        bar.addWidget(self.queue_label)
        bar.addWidget(self.today_label)
        bar.addWidget(self.token_label, 1)
        for label in (self.queue_label, self.today_label, self.token_label):
            label.setContentsMargins(6, 0, 6, 0)
        # On a station with a floor (follow_floor), at the right: squeezed last.
        self.floor_label = QLabel()
        self.floor_label.setObjectName("floorStatus")
        self.floor_label.hide()
        bar.addPermanentWidget(self.floor_label)
        if station_name:
            self.station_label = QLabel(
                translate("StatusBar", "Station: {name}").format(name=station_name)
            )
            self.station_label.setObjectName("stationName")
            bar.addPermanentWidget(self.station_label)
        bar.addPermanentWidget(self.api_label)
        self._queue_text = QUEUE_STATE_TEXT[EngineState.IDLE](0)
        self._held = 0
        self._show_queue()
        self.show_token_state(TokenState.UNKNOWN)

    def show_engine_state(self, state: EngineState, waiting: int, since: str) -> None:
        self._queue_text = QUEUE_STATE_TEXT[state](waiting).format(since=since)
        self._show_queue()

    def show_operator(self, name: str, *, required: bool) -> None:
        """Who is signed in ("": nobody), large, so it reads from across the bench."""
        from flxdesk.gui.station.feedback_widgets import enlarge

        if name:
            text = name
        elif required:
            text = translate("StatusBar", "Nobody signed in: scan your badge")
        else:
            text = translate("StatusBar", "Nobody signed in")
        if self.operator_label.isHidden():
            enlarge(self.operator_label, OPERATOR_TYPE)
            self.operator_label.show()
        self.operator_label.setText(text)
        self.operator_label.setAccessibleDescription(text)
        # Whole, however narrow the window, never who is signed in.
        self.operator_label.setMinimumWidth(self.operator_label.sizeHint().width())
        self._token_and_api_give_way()

    def show_held(self, held: int) -> None:
        self._held = held
        self._show_queue()

    def show_token_state(self, state: TokenState) -> None:
        text = translate("StatusBar", TOKEN_STATE_TEXT[state])
        self.token_label.setText(text)
        self.token_label.setToolTip(text)  # whole, when the label is squeezed

    def follow_floor(self, engine_thread: EngineThread, floor: FloorSession) -> None:
        """On a station with a floor (flxdesk.gui.floor.floor_parts): say its state."""
        self._token_and_api_give_way()  # the floor's line is shown whole
        self._floor_warnings = lambda: list(floor.warnings)
        engine_thread.floorChanged.connect(self.show_floor)
        self.show_floor(floor.status)

    def show_floor(self, status: FloorChanged | None) -> None:
        """The floor's state in words; None while the first attempt is under way."""
        from flxdesk.floor.session import away_since, floor_words

        if status is None:
            text = tip = translate("StatusBar", "Floor: connecting…")
        elif status.state is FloorState.REACHABLE:
            text, tip = translate("StatusBar", "Floor: reachable"), floor_words(status)
        else:  # short enough for a 1000-pixel window; the whole sentence and why: tooltip
            text = translate("StatusBar", "Floor not reachable since {since}: pacing alone")
            text, tip = text.format(since=away_since(status)), floor_words(status)
        warnings = self._floor_warnings() if hasattr(self, "_floor_warnings") else []
        if warnings:  # this login can do more than a station needs: IT should see it
            text = "⚠ " + text
            tip += "\n" + "\n".join(f"- {warning}" for warning in warnings)
        self.floor_label.setText(text)
        # Names read from the floor are data: escaped, so that no tag in them renders.
        self.floor_label.setToolTip(_plain_tip(tip))
        self.floor_label.setMinimumWidth(self.floor_label.sizeHint().width())
        self.floor_label.show()

    def _token_and_api_give_way(self) -> None:
        """A line shown whole (who is signed in, the floor's) takes the room it needs from
        the token's and the API's labels first, which are cut, not drawn over the others;
        their tooltips say it all."""
        for label in (self.token_label, self.api_label):
            label.setMinimumWidth(SQUEEZED_WIDTH)
        self.api_label.setToolTip(self.api_label.text())

    def _show_queue(self) -> None:
        count = self._held
        held = (
            translate("StatusBar", "; %n held for another destination", None, count)
            if count
            else ""
        )
        self.queue_label.setText(self._queue_text + held)


def _plain_tip(text: str) -> str:
    """A tooltip shown as plain text (Qt renders a tooltip that looks like rich text)."""
    import html

    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"
