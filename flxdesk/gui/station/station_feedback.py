"""What the station shows and sounds after each scan: the band, the failure panel, the
sounds and today's counts. The window tells it what happened; it decides how to say it.

The failure panel is made after the first paint (or at the first failure, if sooner)
and placed in the window's stack; it stays until someone acknowledges it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel

from flxdesk.gui.station.feedback_widgets import ResultBand
from flxdesk.orders.statuses import status_label
from flxdesk.station.sound_cues import Cue

if TYPE_CHECKING:
    from collections.abc import Callable

    from flxdesk.gui.station.failure_panel import FailurePanel
    from flxdesk.gui.station.sound_player import SoundPlayer
    from flxdesk.gui.window.notices import WindowStack
    from flxdesk.history.store import HistoryStore
    from flxdesk.station.station_settings import StationSettings


def start_of_today() -> float:
    """Local midnight (flxdesk.history.periods, imported here: off the first-paint path)."""
    from flxdesk.history.periods import today

    return today().since


class StationFeedback(QObject):
    def __init__(
        self,
        band: ResultBand,
        today: QLabel,
        stack: WindowStack,
        body_size: Callable[[], float],
        back_to_scanning: Callable[[], None],
        parent: QObject,
    ) -> None:
        """``body_size``: the window's font size now; ``back_to_scanning`` puts the focus
        back in the order field once failures are acknowledged."""
        super().__init__(parent)
        self.band = band
        self._today = today
        self._stack = stack
        self._body_size = body_size
        self._back_to_scanning = back_to_scanning
        self._failure_panel: FailurePanel | None = None
        self._unsent = ""  # stray text a scan replaced, named on the band until the next scan
        self.sounds: SoundPlayer | None = None  # made after the first paint
        self._sent = self._failed = 0
        self._day = 0.0  # counted from the history by count_today, after the first paint
        self._show_today()

    def count_today(self, store: HistoryStore) -> None:
        """Today's counts from the history (once, after the first paint)."""
        from flxdesk.history.store import State

        self._day = start_of_today()
        counts = store.count_finished_since(self._day)
        self._sent, self._failed = counts[State.SENT], counts[State.FAILED]
        self._show_today()

    @property
    def failure_panel(self) -> FailurePanel:
        if self._failure_panel is None:
            from flxdesk.gui.station.failure_panel import FailurePanel

            panel = FailurePanel()
            panel.acknowledged.connect(self._on_acknowledged)
            panel.set_body_size(self._body_size())
            self._stack.place("failure_panel", panel)
            self._failure_panel = panel
        return self._failure_panel

    @property
    def has_failure_panel(self) -> bool:
        return self._failure_panel is not None

    @property
    def unacknowledged(self) -> int:
        """Failures shown and not yet acknowledged (a scan may be refused while any are)."""
        return self.failure_panel.count

    def start(self, muted: bool, volume: float) -> None:
        """After the first paint: the sounds, and the failure panel, made now so that the
        first failure shows at once."""
        from flxdesk.gui.station.sound_player import SoundPlayer

        self.sounds = SoundPlayer(muted=muted, volume=volume, parent=self)
        self.failure_panel  # noqa: B018  made and placed in the stack

    @Slot(object)
    def use_station(self, station: StationSettings) -> None:
        """New preferences: the sounds' mute and volume."""
        if self.sounds is not None:
            self.sounds.set_muted(station.sound_muted)
            self.sounds.set_volume(station.sound_volume)

    @Slot(float)
    def set_body_size(self, point_size: float) -> None:
        """The zoom's text size, for the failure panel once it is made (it reads the
        window's size itself when it is made later)."""
        if self._failure_panel is not None:
            self._failure_panel.set_body_size(point_size)

    def acknowledge(self) -> None:
        """Esc, the menu or FLXCMD ACK: the failures were seen."""
        self.failure_panel.acknowledge()

    @Slot()
    def _on_acknowledged(self) -> None:
        self.info(self.tr("Failures acknowledged. Ready for the next scan."))
        self._back_to_scanning()

    # --- what happened ---------------------------------------------------------------
    def queued(self, order_id: str, status: str, held_because: str = "") -> None:
        if held_because:
            self._show(
                self.tr("{order} → {status}: queued; {why}, sent when it can be.").format(
                    order=order_id, status=status_label(status), why=held_because
                ),
                "queued",
            )
            self._play(Cue.WAITING)
        else:
            self._show(
                self.tr("{order} → {status}: sending…").format(
                    order=order_id, status=status_label(status)
                ),
                "info",
            )

    def refused(self, text: str) -> None:
        self._show(text, "refused")
        self._play(Cue.REFUSED)

    def info(self, text: str) -> None:
        self._show(text, "info")

    def welcome(self, text: str) -> None:
        """An operator signed in, a supervisor approved: the band and the ready sound."""
        self._show(text, "sent")
        self._play(Cue.SENT)

    def finished(self, order_id: str, ok: bool, message: str, loud: bool) -> None:
        """A finished update; ``loud`` for scans (a bulk run sounds only its failures)."""
        self._roll_day()
        if ok:
            self._sent += 1
            self._show(f"✔ {message}", "sent")
            if loud:
                self._play(Cue.SENT)
        else:
            self._failed += 1
            self.failure_panel.add_failure(order_id, message)
            self._show(f"✖ {message}", "failed")
            self._play(Cue.FAILED)
        self._show_today()

    def not_sent(self, stray: str) -> None:
        """Text a scan replaced in the order field: it was not sent; said until the next scan."""
        self._unsent = self.tr("{text} was not sent: scan it again.").format(text=stray)
        self._show(self.band.text(), self.band.kind)
        self._play(Cue.REFUSED)

    def next_scan(self) -> None:
        """A new scan: what was said about the last one's stray text is done."""
        self._unsent = ""

    def rejected_rows(self, rows: list[tuple[str, str]]) -> None:
        """Rows of a bulk run that could not be sent at all (order ID, problem)."""
        for order_id, problem in rows:
            self.failure_panel.add_failure(order_id or self.tr("(no ID)"), problem)
        if rows:
            self._play(Cue.FAILED)

    # --- helpers -----------------------------------------------------------------------
    def _show(self, text: str, kind: str) -> None:
        if self._unsent:  # never green while something typed or scanned was not sent
            text = f"{text} {self._unsent}"
            kind = "queued" if kind in ("sent", "info") else kind
        self.band.show_result(text, kind)

    def _play(self, cue: Cue) -> None:
        if self.sounds is not None:
            self.sounds.play(cue)

    def _roll_day(self) -> None:
        today = start_of_today()
        if today != self._day:
            self._day, self._sent, self._failed = today, 0, 0

    def _show_today(self) -> None:
        self._today.setText(
            self.tr("Today: {sent} sent · {failed} failed").format(
                sent=self._sent, failed=self._failed
            )
        )
