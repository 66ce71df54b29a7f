"""The window's parts from top to bottom, and the notices that come and go above the fields.

``WindowStack`` is the one owner of the vertical order: a part is placed by its name and
lands where ``ORDER`` puts it, whichever parts are already there (the held panel and
the failure panel arrive late, the crash notice only after a crash). Every placed
widget with an ``apply_scheme`` is re-coloured when the OS colour scheme changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QWidget

from flxdesk.gui.common.colour_scheme import colour_style, notice_style
from flxdesk.station.palette import NOTICE, Scheme

ORDER = (
    "demo_banner",  # practice mode, never a real order
    "held_panel",  # updates queued for another destination, waiting for a choice
    "crash_notice",  # the last run did not close normally
    "fields",  # order ID, status, note, Update
    "feedback",  # the armed status and the last result
    "failure_panel",  # failures until acknowledged
    "batch_panel",  # a bulk run's progress
    "history",  # the history pane, built just after the first paint
)


class WindowStack:
    def __init__(self, layout) -> None:
        """``layout``: the central widget's QVBoxLayout, empty."""
        self._layout = layout
        self._placed: dict[str, QWidget | QLayout] = {}

    def place(self, name: str, part: QWidget | QLayout, stretch: int = 0) -> None:
        """Put ``part`` at its place in ``ORDER`` (once per name)."""
        if name in self._placed:
            raise ValueError(f"{name} is already placed")
        index = sum(1 for earlier in ORDER[: ORDER.index(name)] if earlier in self._placed)
        if isinstance(part, QWidget):
            self._layout.insertWidget(index, part, stretch)
        else:
            self._layout.insertLayout(index, part, stretch)
        self._placed[name] = part

    def get(self, name: str) -> QWidget | QLayout | None:
        return self._placed.get(name)

    def apply_scheme(self, scheme: Scheme) -> None:
        for part in self._placed.values():
            apply = getattr(part, "apply_scheme", None)
            if apply is not None:
                apply(scheme)


class DemoBanner(QLabel):
    """Across the top in demo mode: practice updates go to a stand-in API, never Flxpoint."""

    def __init__(self, scheme: Scheme) -> None:
        super().__init__()
        self.setObjectName("demoBanner")
        self.setText(
            self.tr(
                "DEMO MODE: a stand-in API on this computer. Orders 1000-1999 exist; "
                "nothing is sent to Flxpoint."
            )
        )
        self.apply_scheme(scheme)

    def apply_scheme(self, scheme: Scheme) -> None:
        self.setStyleSheet(
            colour_style(NOTICE["demo"][scheme], "padding: 4px 8px; font-weight: 600")
        )


class CrashNotice(QFrame):
    """Above the fields until dismissed: the last run ended abnormally, and what to do."""

    def __init__(self, text: str, scheme: Scheme) -> None:
        super().__init__()
        self.setObjectName("crashNotice")
        row = QHBoxLayout(self)
        label = QLabel(text)
        label.setObjectName("crashNoticeText")
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Notice about the previous run"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("crashNoticeDismiss")
        self.dismiss_button.clicked.connect(self.hide)
        row.addWidget(label, 1)
        row.addWidget(self.dismiss_button)
        self.apply_scheme(scheme)

    def apply_scheme(self, scheme: Scheme) -> None:
        self.setStyleSheet(notice_style("crashNotice", NOTICE["crash"][scheme]))
