"""Takes a barcode scan wherever focus is in the main window.

A USB scanner is a keyboard that types fast: here, a burst of at least ``min_length``
printable keys at most ``max_gap_ms`` apart, ending in the scanner's suffix (Odoo's
rule). Scanners come set to end a code with Enter (or the keypad's Enter), with Tab (set
up for spreadsheets), or with nothing: ``suffix`` takes Enter, Tab or either (the
default), and ``pause_ends`` also takes a burst that simply stops. An event filter on
the application holds each printable key for up to ``max_gap_ms``: if the next key
comes sooner, the burst goes on; if the suffix (or, with ``pause_ends``, the pause)
ends a long enough burst, the text is emitted as ``scanned`` and none of the keys reach
the widget that had focus (a Tab does not move the focus either). Any
other key sequence is replayed to its widget unchanged, so a person typing a note, or
choosing a status by its first letter, sees the keys arrive (at most ``max_gap_ms``
late). A list or menu open over the window (the status list, a menu) takes part too:
a scan closes it and is taken, where it would otherwise be lost in the list's type-ahead.
While a dialog with fields is open (token, bulk) the filter stands aside: the
dialog's keys are its own, and a token must never be taken for an order ID. A question
box of the window (buttons only) would swallow a scan, so there the scan is still taken.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

DEFAULT_MIN_LENGTH = 3
DEFAULT_MAX_GAP_MS = 50


class ScanCapture(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        window: QWidget,
        min_length: int = DEFAULT_MIN_LENGTH,
        max_gap_ms: int = DEFAULT_MAX_GAP_MS,
        *,
        suffix: str = "either",
        pause_ends: bool = False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.min_length = min_length
        self.max_gap_ms = max_gap_ms
        self.suffix = suffix
        self.pause_ends = pause_ends
        self._held: list[tuple[QObject, QKeyEvent]] = []
        # Fields where a scan means "type this here" (the history search): left alone.
        self.exempt: set[QWidget] = set()
        self._last_key_at = 0.0
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._on_pause)
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.release_held_keys()

    # --- the filter ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: most are turned away by the cheap
        # isinstance (no Python enum is made for their type), a key's type is checked next.
        if self._replaying or not isinstance(event, QKeyEvent):
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not self._in_main_window(watched):
            return False
        now = time.monotonic()
        gap_ms = (now - self._last_key_at) * 1000
        if kind == QEvent.Type.ShortcutOverride:
            # The suffix ending a burst is the scan's, not a shortcut's: an open status
            # list would otherwise take an Enter here and close, choosing an item.
            ends_scan = self._is_suffix(event) and self._is_burst(gap_ms)
            if ends_scan:
                event.accept()
            return ends_scan
        text = event.text()
        if self._is_suffix(event):
            if self._is_burst(gap_ms):
                self._emit_held()
                return True
            self.release_held_keys()
            return False
        if not _is_printable(text) or event.modifiers() & _COMMAND_MODIFIERS:
            self.release_held_keys()
            return False
        if self._held and (gap_ms > self.max_gap_ms or self._held[-1][0] is not watched):
            self.release_held_keys()  # too slow, or typed somewhere else: not one scan
        self._held.append((watched, _copy(event)))
        self._last_key_at = now
        self._flush_timer.start(self.max_gap_ms)
        return True

    def _is_suffix(self, event: QKeyEvent) -> bool:
        """Enter or Tab, as the station's scanners end a code (no Ctrl/Alt/Shift+Tab)."""
        if event.modifiers() & _COMMAND_MODIFIERS:
            return False
        key = event.key()
        if key in _ENTER_KEYS:
            return self.suffix in ("either", "enter")
        return key == _TAB_KEY and self.suffix in ("either", "tab")

    def _emit_held(self) -> None:
        scan = "".join(held.text() for _, held in self._held)
        self._held.clear()
        self._flush_timer.stop()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()  # the status list or a menu: nothing chosen in it
        self.scanned.emit(scan)

    def _on_pause(self) -> None:
        """No key for ``max_gap_ms``: a scan without suffix, or keys a person typed."""
        if self.pause_ends and len(self._held) >= self.min_length:
            self._emit_held()
        else:
            self.release_held_keys()

    def _is_burst(self, gap_ms: float) -> bool:
        """The held keys came fast enough, and are enough, to be a scan if Enter ends them."""
        return len(self._held) >= self.min_length and gap_ms <= self.max_gap_ms

    def release_held_keys(self) -> None:
        """Not a scan after all: give the held keys to their widgets, in order."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for target, event in held:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _in_main_window(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget):
            return False
        popup = QApplication.activePopupWidget()
        if popup is not None:  # a list or menu opened from the window, or from a dialog
            owner = popup.parentWidget()
            return owner is not None and owner.window() is self._window
        modal = QApplication.activeModalWidget()
        if modal is None:
            return watched.window() is self._window and watched not in self.exempt
        # A question box of the window (only buttons) would lose a scan: the scan is
        # taken, and the window answers the question "no" (see MainWindow.take_scan).
        from PySide6.QtWidgets import QMessageBox

        return (
            isinstance(modal, QMessageBox)
            and modal.parent() is self._window
            and watched.window() is modal
        )


def _is_printable(text: str) -> bool:
    return len(text) == 1 and text.isprintable()


def _copy(event: QKeyEvent) -> QKeyEvent:
    """Qt reuses the event object after the filter returns; keep our own."""
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


def _command_modifiers():
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _keys() -> tuple[tuple[int, ...], int]:
    from PySide6.QtCore import Qt

    return (Qt.Key.Key_Return, Qt.Key.Key_Enter), Qt.Key.Key_Tab


_COMMAND_MODIFIERS = _command_modifiers()
_ENTER_KEYS, _TAB_KEY = _keys()
