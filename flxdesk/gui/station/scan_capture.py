"""Takes a barcode scan wherever focus is in the main window.

A USB scanner is a keyboard that types fast: here, a burst of at least ``min_length``
printable keys at most ``max_gap_ms`` apart, ending in the scanner's suffix (Odoo's
rule). Scanners come set to end a code with Enter (or the keypad's Enter), with Tab (set
up for spreadsheets), or with nothing: ``suffix`` takes Enter, Tab or either (the
default), and ``pause_ends`` also takes a burst that simply stops. An event filter on
the application holds each printable key for up to ``max_gap_ms``: if the next key
comes sooner, the burst goes on; if the suffix (or, with ``pause_ends``, the pause)
ends a long enough burst, its keys are emitted as ``scanned`` (a ``Burst``: each key's
text, its US key position and Shift, read by ``flxdesk.station.scan_reading``) and none
of the keys reach the widget that had focus (a Tab does not move the focus either).
Modifier keys (Shift for a capital, AltGr, Caps Lock) never break a burst; Ctrl or
Alt keys inside one (a GS1 separator typed as Ctrl+]) are part of it; the second half
of a CR+LF suffix is swallowed, so it never makes a second, empty scan. Any
other key sequence is replayed to its widget unchanged, so a person typing a note, or
choosing a status by its first letter, sees the keys arrive (at most ``max_gap_ms``
late). A list or menu open over the window (the status list, a menu) takes part too:
a scan closes it and is taken, where it would otherwise be lost in the list's type-ahead.
While a dialog with fields is open (token, bulk) the filter stands aside: the
dialog's keys are its own, and a token must never be taken for an order ID. A question
box of the window (buttons only) would swallow a scan, so there the scan is still taken,
and so it is in the window's one-field questions (a PIN, a badge: ``takesScans``).
The scanner check's window (``listen``) is watched too, with the slowest scanner's gap.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from flxdesk.station.key_positions import (
    KeyTable,
    NativeCode,
    table_for,
    us_character,
    us_control_character,
)
from flxdesk.station.scan_reading import Burst, KeyStroke
from flxdesk.station.scanner_check import SLOWEST_GAP_MS

DEFAULT_MIN_LENGTH = 3
DEFAULT_MAX_GAP_MS = 50
_LISTENING_MIN_LENGTH = 4
_TYPED_KEPT = 128  # keys kept for a check code typed too slowly to be a burst


class ScanCapture(QObject):
    scanned = Signal(object)  # a Burst

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
        # Where a key's position is read from on this platform (None: offscreen, VNC).
        self.positions: tuple[KeyTable, NativeCode] | None = table_for(
            QGuiApplication.platformName()
        )
        self._held: list[tuple[QObject, QKeyEvent, KeyStroke]] = []
        # Fields where a scan means "type this here" (the history search): left alone.
        self.exempt: set[QWidget] = set()
        self._listening: QWidget | None = None  # the scanner check's window
        self._last_key_at = 0.0
        self._last_stamp = 0  # the last key's own time (ms, the window system's), 0: none
        self._scan_ended_at = -1.0  # a CR+LF's LF this soon after a scan is the scan's
        self._typed: list[KeyStroke] = []  # the keys since the last line end
        self.last_typed = Burst((), "")  # what was typed before the last Enter not a scan
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._on_pause)
        app = QApplication.instance()
        assert app is not None  # the capture is made for a window: the application exists
        app.installEventFilter(self)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.release_held_keys()

    def listen(self, window: QWidget | None) -> None:
        """Take bursts in ``window`` (the scanner check's) too, as slow as scanners come,
        ended by anything; None: back to the station's rule."""
        self.release_held_keys()
        self._listening = window

    # --- the filter ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: most are turned away by the cheap
        # isinstance (no Python enum is made for their type), a key's type is checked next.
        if self._replaying or not isinstance(event, QKeyEvent):
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if event.key() in _MODIFIER_KEYS or not self._takes_keys_of(watched):
            return False  # Shift for a capital, AltGr, Caps Lock: the burst goes on
        now = time.monotonic()
        stamp = event.timestamp()
        gap_ms = _gap_ms(now - self._last_key_at, stamp, self._last_stamp)
        line_end = _is_line_end(event)
        if not line_end:
            self._scan_ended_at = -1.0  # another key (Ctrl+F): a Tab after it is a person's
        if kind == QEvent.Type.ShortcutOverride:
            return self._override(event, watched, gap_ms, now, line_end)
        if self._is_suffix(event) and self._is_burst(gap_ms):
            self._emit_held("tab" if event.key() == _TAB_KEY else "enter", now)
            return True
        if line_end:
            if self._just_scanned(now):
                self._scan_ended_at = now  # CR+LF, or Enter+Tab: one scan's suffix
                return True
            self.last_typed = Burst(tuple(self._typed), "enter")
            self._typed.clear()
            self.release_held_keys()
            return False
        stroke = self._stroke(event, now)
        if stroke is None or (_is_command_key(event) and not self._continues(watched, gap_ms)):
            self._typed.clear()
            self.release_held_keys()
            return False
        if self._held and not self._continues(watched, gap_ms):
            self.release_held_keys()  # too slow, or typed somewhere else: not one scan
        self._typed.append(stroke)
        del self._typed[:-_TYPED_KEPT]  # a long note typed without Enter: its end is enough
        self._held.append((watched, _copy(event), stroke))
        self._last_key_at, self._last_stamp = now, stamp
        self._flush_timer.start(round(self._gap_ms()))
        return True

    def _override(
        self, event: QKeyEvent, watched: QObject, gap_ms: float, now: float, line_end: bool
    ) -> bool:
        """Before a key is a shortcut: the suffix ending a burst is the scan's (an open
        status list would otherwise take an Enter and close, choosing an item), and so
        is a Ctrl key inside a burst (Ctrl+] for a GS1 separator)."""
        ours = (
            (self._is_suffix(event) and self._is_burst(gap_ms))
            or (line_end and self._just_scanned(now))
            or (_is_command_key(event) and self._continues(watched, gap_ms))
        )
        if ours:
            event.accept()
        return ours

    def _stroke(self, event: QKeyEvent, now: float) -> KeyStroke | None:
        """The key as a burst's key, or None for one no scanner types (arrows, F keys)."""
        text = event.text()
        modifiers = event.modifiers()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        table, code = self._position_of(event)
        at_ms = now * 1000
        if _is_command_key(event):
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                control = us_control_character(table, code) if table else ""
                control = control or (text if _is_control(text) else "")
                return KeyStroke(control, control, shift, at_ms) if control else None
            return KeyStroke("", "", shift, at_ms)  # an Alt code's digit types nothing
        if _is_control(text):  # what an Alt code typed (GS as Alt+029): the same anywhere
            return KeyStroke(text, text, shift, at_ms)
        if len(text) != 1 or not text.isprintable():
            return None
        return KeyStroke(text, us_character(table, code, shift) if table else "", shift, at_ms)

    def _position_of(self, event: QKeyEvent) -> tuple[KeyTable | None, int]:
        if self.positions is None:
            return None, 0
        table, native = self.positions
        if native is NativeCode.VIRTUAL_KEY:
            return table, event.nativeVirtualKey()
        return table, event.nativeScanCode()

    def _continues(self, watched: QObject, gap_ms: float) -> bool:
        """A key this soon, in the same widget, goes on the burst held so far."""
        return bool(self._held) and gap_ms <= self._gap_ms() and self._held[-1][0] is watched

    def _gap_ms(self) -> float:
        return SLOWEST_GAP_MS if self._listening is not None else self.max_gap_ms

    def _just_scanned(self, now: float) -> bool:
        return not self._held and (now - self._scan_ended_at) * 1000 <= self._gap_ms()

    def _is_suffix(self, event: QKeyEvent) -> bool:
        """Enter or Tab, as the station's scanners end a code (no Ctrl/Alt/Shift+Tab)."""
        if event.modifiers() & _COMMAND_MODIFIERS:
            return False
        key = event.key()
        suffix = "either" if self._listening is not None else self.suffix
        if key in _ENTER_KEYS:
            return suffix in ("either", "enter")
        return key == _TAB_KEY and suffix in ("either", "tab")

    def _emit_held(self, suffix: str, now: float) -> None:
        burst = Burst(tuple(stroke for _, _, stroke in self._held), suffix)
        self._held.clear()
        self._typed.clear()
        self._flush_timer.stop()
        self._scan_ended_at = now
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()  # the status list or a menu: nothing chosen in it
        self.scanned.emit(burst)

    def _on_pause(self) -> None:
        """No key for the gap: a scan without suffix, or keys a person typed."""
        pause_ends = self.pause_ends or self._listening is not None
        if pause_ends and len(self._held) >= self._min_length():
            self._emit_held("pause", time.monotonic())
        else:
            self.release_held_keys()

    def _min_length(self) -> int:
        return _LISTENING_MIN_LENGTH if self._listening is not None else self.min_length

    def _is_burst(self, gap_ms: float) -> bool:
        """The held keys came fast enough, and are enough, to be a scan if Enter ends them."""
        return len(self._held) >= self._min_length() and gap_ms <= self._gap_ms()

    def release_held_keys(self) -> None:
        """Not a scan after all: give the held keys to their widgets, in order."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for target, event, _ in held:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _takes_keys_of(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget):
            return False
        if self._listening is not None and watched.window() is self._listening:
            return True
        popup = QApplication.activePopupWidget()
        if popup is not None:  # a list or menu opened from the window, or from a dialog
            owner = popup.parentWidget()
            return owner is not None and owner.window() is self._window
        modal = QApplication.activeModalWidget()
        if modal is None:
            return watched.window() is self._window and watched not in self.exempt
        # A question box of the window (only buttons) would lose a scan: the scan is
        # taken, and the window answers the question "no" (see ScanDesk.take_scan). So is
        # one asking for a PIN or a badge (gui.common.typed_answer): the scan is offered
        # to it first, and a person's typing reaches its field as in the window's.
        from PySide6.QtWidgets import QMessageBox

        from flxdesk.gui.common.typed_answer import TAKES_SCANS

        return (
            (isinstance(modal, QMessageBox) or bool(modal.property(TAKES_SCANS)))
            and modal.parent() is self._window
            and watched.window() is modal
        )


def _is_control(text: str) -> bool:
    """A control character a scanner types inside a code (GS), not a line end or Tab."""
    return len(text) == 1 and ord(text) < 32 and text not in "\r\n\t"


def _is_command_key(event: QKeyEvent) -> bool:
    """Ctrl or Alt alone held: a command (Ctrl+C), or a scanner's control character.
    Ctrl+Alt with a character is AltGr on Windows: a character of the layout."""
    held = event.modifiers() & _COMMAND_MODIFIERS
    return bool(held) and held != _COMMAND_MODIFIERS


def _is_line_end(event: QKeyEvent) -> bool:
    """A key that ends a line, as a scanner's suffix may: Enter, Tab, CR or LF (Ctrl+M/J)."""
    key = event.key()
    if key in _ENTER_KEYS or key == _TAB_KEY or event.text() in ("\r", "\n"):
        return True
    control = event.modifiers() & _COMMAND_MODIFIERS == Qt.KeyboardModifier.ControlModifier
    return control and key in (Qt.Key.Key_J, Qt.Key.Key_M)


def _copy(event: QKeyEvent) -> QKeyEvent:
    """Qt reuses the event object after the filter returns; keep our own (with the
    native codes, so that a key replayed to a widget is the key that was pressed)."""
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TAB_KEY = Qt.Key.Key_Tab
# Keys that only change what the next key types: never the end of a burst.
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Mode_switch,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
    }
)


def _gap_ms(seconds_since: float, stamp: int, last_stamp: int) -> float:
    """How long after the last key this one was pressed. The window system stamps each key
    when it is pressed (X, Windows and macOS do): that gap holds however late the window
    gets to the keys, so a person's typing on a busy computer, handed over at once after
    a pause, is never taken for a scan, nor a scan broken up. A key without a stamp (one
    a program sends the window) is timed as it arrives."""
    if stamp and last_stamp and stamp >= last_stamp:
        return float(stamp - last_stamp)
    return seconds_since * 1000
