"""Scanners on every keyboard, typed through a real X server into the real window.

A USB scanner is a keyboard: it presses key positions, with Shift around each capital.
Here XTest presses them (``support.xserver``) into ``flxdesk --demo`` running on Xvfb
with the layout a French, German, Spanish, UK or US station has, and the test reads
what the window queued and said (``support.x_station``). Before, on every layout a
scan's first capital was lost (``SO-1001`` sent as ``O-1001``), and on AZERTY a US-set
scanner's ``1234`` was sent as ``&é"'``.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flxdesk.station.key_positions import X11, us_character
from flxdesk.station.scanner_check import CHECK_CODE
from support.process import child_env
from support.xserver import Keyboard, desktop, require_x, set_layout

pytestmark = pytest.mark.timeout(300)
IDS = ["SO-1001", "A/B-7", "1234", "FR-10234/1", "x_9.q#2"]
CAPS_IDS = ["ZQ-5/a.9_Y", "Mm-77"]
CTRL = 37  # Control_L
BADGE_SCAN = "FLXOP 0042"  # the demo's practice badge (Maria López)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    require_x()
    with desktop() as name:
        yield name


@pytest.fixture(scope="module")
def us_keys(display: str) -> dict[str, tuple[int, bool]]:
    """What a US-set scanner presses for each character: xkb's own US map."""
    set_layout(display, "us")
    keyboard = Keyboard(display)
    try:
        chars = set("".join(IDS + CAPS_IDS) + CHECK_CODE + "]C1q1w;FLXCMD CLEAR NOTE" + BADGE_SCAN)
        keys = {char: keyboard.keycode_of(char) for char in chars}
    finally:
        keyboard.close()
    for char, (code, shift) in keys.items():  # flxdesk's X11 table agrees with xkb's
        assert us_character(X11, code, shift) == char
    return keys


class Station:
    """The real window in a child process; its lines read as they come."""

    def __init__(self, display: str, home: Path) -> None:
        # The demo answers 404 for most IDs here: failures must not hold the next scans.
        home.mkdir(parents=True)
        settings = {"station": {"refuse_while_unacknowledged": False}}
        (home / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        env = child_env(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            FLXDESK_HOME=str(home),
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "support.x_station"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.queued: list[str] = []
        self.bands: list[str] = []
        self.notes: list[str] = []
        self.titles: list[str] = []
        self.checks: list[str] = []
        self.wait_for(lambda line: line == "ready", 60)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, found, timeout: float = 20) -> str:
        """The first line ``found`` accepts (every line on the way is recorded)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, (
                f"not seen in {timeout} s; queued {self.queued}, bands {self.bands}, "
                f"notes {self.notes}, checks {self.checks}"
            )
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            kind, _, text = line.partition(" ")
            {
                "queued": self.queued,
                "band": self.bands,
                "note": self.notes,
                "title": self.titles,
                "check": self.checks,
            }.get(kind, []).append(text)
            if found(line):
                return line

    def command(self, words: str) -> None:
        self.process.stdin.write(words + "\n")
        self.process.stdin.flush()
        self.wait_for(lambda line: line == f"done {words}")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process.stdin.close()
        self._reader.join(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def station_on(display: str, tmp_path: Path):
    started: list[tuple[Station, Keyboard]] = []

    def start(layout: str) -> tuple[Station, Keyboard]:
        set_layout(display, layout)
        station = Station(display, tmp_path / layout)
        keyboard = Keyboard(display)
        started.append((station, keyboard))
        return station, keyboard

    yield start
    for station, keyboard in started:
        keyboard.close()
        station.close()


def scan(
    keyboard: Keyboard,
    keys: dict[str, tuple[int, bool]],
    code: str,
    gap_ms: float = 4,
    suffix: tuple[int, ...] = (Keyboard.RETURN,),
) -> None:
    keyboard.keys([keys[char] for char in code] + [(key, False) for key in suffix], gap_ms)


def queued(station: Station, order_id: str) -> None:
    station.wait_for(lambda line: line == f"queued {order_id}")


@pytest.mark.parametrize("layout", ["us", "gb", "fr", "de", "es"])
def test_a_us_set_scanners_ids_arrive_exactly_with_caps_lock_off_and_on(
    layout: str, station_on, us_keys
) -> None:
    station, keyboard = station_on(layout)
    for order_id in IDS:
        scan(keyboard, us_keys, order_id)
        queued(station, order_id)
    keyboard.press(Keyboard.CAPS_LOCK)
    for order_id in CAPS_IDS:
        scan(keyboard, us_keys, order_id)
        queued(station, order_id)
    keyboard.press(Keyboard.CAPS_LOCK)
    assert station.queued == IDS + CAPS_IDS


def test_hand_typing_on_azerty_stays_azerty(station_on, us_keys) -> None:
    station, keyboard = station_on("fr")
    station.command("focus note")
    for char in "q1w;":  # a person's pace: never a burst
        keyboard.press(*us_keys[char], gap_ms=150)
    station.wait_for(lambda line: line == "note a&zm")
    assert station.queued == []


def test_a_persons_typing_handed_over_at_once_by_a_busy_window_is_still_typing(
    station_on, us_keys
) -> None:
    """The window's thread stops (a busy computer) while a person types a note and presses
    Enter: the keys reach the window together, but each was pressed at a person's pace,
    so they are the note's, never a scan."""
    station, keyboard = station_on("us")
    station.command("focus note")
    station.process.stdin.write("busy 1500\n")
    station.process.stdin.flush()
    station.wait_for(lambda line: line == "blocking")
    for char in "q1w2":
        keyboard.press(*us_keys[char], gap_ms=80)
    keyboard.keys([(Keyboard.RETURN, False)], 80)
    station.wait_for(lambda line: line == "done busy 1500")
    station.wait_for(lambda line: line == "note q1w2")
    scan(keyboard, us_keys, "1234")  # and a scan after it is still a scan
    queued(station, "1234")
    assert station.queued == ["1234"]


def test_a_scanner_set_for_azerty_works_after_the_scanner_check(station_on) -> None:
    station, keyboard = station_on("fr")
    local = {char: keyboard.keycode_of(char) for char in set(CHECK_CODE + "SO-1001AZQW")}
    scan(keyboard, local, "AZQW")  # QWAZ by position: an ID either way, not yet known
    station.wait_for(lambda line: line.startswith("band ") and "scanner check" in line)
    scan(keyboard, local, CHECK_CODE)
    station.wait_for(lambda line: line == f"check {CHECK_CODE}")
    station.command("close check")
    for order_id in ("SO-1001", "AZQW"):
        scan(keyboard, local, order_id)
        queued(station, order_id)
    assert station.queued == ["SO-1001", "AZQW"]


def test_cr_lf_an_aim_prefix_and_a_gs1_separator(station_on, us_keys) -> None:
    station, keyboard = station_on("us")
    scan(keyboard, us_keys, "1001", suffix=(Keyboard.RETURN, Keyboard.RETURN))
    queued(station, "1001")
    scan(keyboard, us_keys, "]C1" + CHECK_CODE)  # the check sees the AIM prefix
    station.wait_for(lambda line: line == f"check {CHECK_CODE}")
    station.command("close check")
    scan(keyboard, us_keys, "]C15005")
    queued(station, "5005")
    keyboard.keys([us_keys[c] for c in "0104"], 4)
    keyboard.press_with(CTRL, us_keys["]"][0])  # Ctrl+]: the GS1 separator
    keyboard.keys([us_keys[c] for c in "10"] + [(Keyboard.RETURN, False)], 4)
    station.wait_for(lambda line: line.startswith("band ") and "<GS>" in line)
    keyboard.keys([us_keys[c] for c in "777"], 4)
    keyboard.press_with(CTRL, us_keys["]"][0])
    keyboard.press(Keyboard.RETURN)
    queued(station, "777")
    assert station.queued == ["1001", "5005", "777"]
    assert not any("Scan or type an order ID first" in band for band in station.bands)


@pytest.mark.parametrize("gap_ms", [60, 100])
def test_a_slow_scanner_on_azerty_is_learned_by_the_check(gap_ms: int, station_on, us_keys) -> None:
    station, keyboard = station_on("fr")
    scan(keyboard, us_keys, CHECK_CODE, gap_ms=gap_ms)  # from the command sheet, slowly
    station.wait_for(lambda line: line == f"check {CHECK_CODE}")
    station.command("close check")
    for order_id in ("FR-10234/1", "SO-1001"):
        scan(keyboard, us_keys, order_id, gap_ms=gap_ms)
        queued(station, order_id)
    assert station.queued == ["FR-10234/1", "SO-1001"]


def test_a_command_code_teaches_how_the_scanner_is_set(station_on, us_keys) -> None:
    """FLXCMD CLEAR NOTE reads FLXC?D C;EQR NOTE on AZERTY: only by position is it a
    command, so the scanner is set for a US keyboard, and AZQW is read so from then on."""
    station, keyboard = station_on("fr")
    scan(keyboard, us_keys, "FLXCMD CLEAR NOTE")
    station.wait_for(lambda line: line == "band Note cleared.")
    scan(keyboard, us_keys, "AZQW")
    queued(station, "AZQW")


@pytest.mark.parametrize("focus", ["note", "status"])
def test_a_scan_with_focus_elsewhere_is_taken_whole_and_changes_nothing_there(
    focus: str, station_on, us_keys
) -> None:
    station, keyboard = station_on("de")
    station.command(f"focus {focus}")
    scan(keyboard, us_keys, "SO-1001")
    queued(station, "SO-1001")
    scan(keyboard, us_keys, "A/B-7", suffix=(Keyboard.TAB,))
    queued(station, "A/B-7")
    assert station.notes == []  # the note never got a key
    assert station.queued == ["SO-1001", "A/B-7"]


def test_a_badge_scanned_with_focus_in_the_note_signs_in_and_names_the_operator(
    station_on, us_keys
) -> None:
    station, keyboard = station_on("us")
    station.command("focus note")
    scan(keyboard, us_keys, BADGE_SCAN)
    station.wait_for(lambda line: line == "band Signed in: Maria López.")
    station.wait_for(lambda line: line.startswith("title ") and line.endswith(" — Maria López"))
    scan(keyboard, us_keys, "1234")  # and scans go on
    queued(station, "1234")
    assert station.notes == []  # neither the badge nor the scan reached the note
    assert station.queued == ["1234"]
