"""The station's sounds: distinct cues, shipped as made, played without blocking."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import types
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QProcess
from pytestqt.qtbot import QtBot

from flxdesk.gui.station.sound_player import LINUX_PLAYERS, SoundPlayer, scaled_copy
from flxdesk.host.resources import sound_path
from flxdesk.station.sound_cues import Cue
from support.paths import build_script


def test_shipped_sounds_are_what_the_script_makes(tmp_path: Path) -> None:
    make_sounds = build_script("make_sounds")
    assert set(make_sounds.CUES) == set(Cue)
    fingerprints = set()
    for cue in Cue:
        made = make_sounds.write_cue(cue, tmp_path)
        shipped = sound_path(cue)
        assert shipped is not None, cue
        assert shipped.read_bytes() == made.read_bytes(), f"re-run make_sounds.py ({cue})"
        fingerprints.add(hashlib.sha256(made.read_bytes()).hexdigest())
        with wave.open(str(made)) as cue_file:
            seconds = cue_file.getnframes() / cue_file.getframerate()
        assert 0.1 <= seconds <= 1.0, (cue, seconds)
    assert len(fingerprints) == len(Cue)  # four different sounds


def test_volume_scales_the_samples(tmp_path: Path) -> None:
    source = sound_path(Cue.SENT)
    half = scaled_copy(source, 0.5, tmp_path)
    with wave.open(str(source)) as full_file, wave.open(str(half)) as half_file:
        full = full_file.readframes(full_file.getnframes())
        scaled = half_file.readframes(half_file.getnframes())
    loudest = max(
        abs(int.from_bytes(full[i : i + 2], "little", signed=True)) for i in range(0, len(full), 2)
    )
    loudest_half = max(
        abs(int.from_bytes(scaled[i : i + 2], "little", signed=True))
        for i in range(0, len(scaled), 2)
    )
    assert abs(loudest_half - loudest / 2) <= 1
    assert scaled_copy(source, 0.5, tmp_path) == half  # cached


def test_player_plays_each_cue_unless_muted(qtbot: QtBot, tmp_path: Path) -> None:
    played: list[tuple[str, Path | None]] = []
    player = SoundPlayer(backend=lambda cue, path: played.append((cue, path)), cache_dir=tmp_path)
    player.play(Cue.FAILED)
    player.play(Cue.SENT)
    assert [cue for cue, _ in played] == [Cue.FAILED, Cue.SENT]
    assert all(path is not None and path.parent == tmp_path for _, path in played)
    player.set_muted(True)
    player.play(Cue.REFUSED)
    assert len(played) == 2


def player_program(folder: Path, body: str, name: str = "player") -> str:
    """A stand-in for paplay/afplay: a shell script run with the cue's file."""
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


@pytest.mark.skipif(sys.platform == "win32", reason="winsound plays there, tested below")
def test_play_starts_the_system_player_and_returns_while_it_plays(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's player is found on PATH (here a stand-in paplay or afplay that plays
    for 30 s) and started with the cue's file; ``play`` returns while it still plays."""
    programs = tmp_path / "bin"
    programs.mkdir()
    log = tmp_path / "played.txt"
    name = "afplay" if sys.platform == "darwin" else LINUX_PLAYERS[0]
    player_program(programs, f'echo "$1" >> "{log}"; exec sleep 30', name)
    monkeypatch.setenv("PATH", f"{programs}{os.pathsep}{os.environ.get('PATH', '')}")
    player = SoundPlayer(cache_dir=tmp_path / "cache")
    try:
        for count, cue in enumerate(Cue, start=1):
            player.play(cue)
            process = player._processes[-1]
            assert process.program() == name
            assert process.state() != QProcess.ProcessState.NotRunning  # play did not wait
            qtbot.waitUntil(
                lambda count=count: log.is_file() and log.read_text().count("\n") == count
            )
            # and it plays on (Qt may see it start only after it wrote the line)
            qtbot.waitUntil(
                lambda process=process: process.state() == QProcess.ProcessState.Running
            )
        assert len(player._processes) == len(Cue)  # none had to end for the next to start
        names = [Path(line).name for line in log.read_text().split()]
        assert names == [f"{cue.value}-80.wav" for cue in Cue]
    finally:
        player.close()
    assert player._processes == []  # close stopped them


def test_every_cue_plays_after_an_earlier_player_ended(qtbot: QtBot, tmp_path: Path) -> None:
    """A player that ended (and was deleted) must not keep the next cue from starting."""
    log = tmp_path / "played.txt"
    program = player_program(tmp_path, f'echo "$1" >> "{log}"')
    player = SoundPlayer(program=program, cache_dir=tmp_path / "cache")
    for count, cue in enumerate((Cue.FAILED, Cue.SENT, Cue.REFUSED), start=1):
        player.play(cue)
        qtbot.waitUntil(lambda count=count: log.is_file() and len(log.read_text().split()) == count)
        qtbot.waitUntil(
            lambda: all(p.state() == QProcess.ProcessState.NotRunning for p in player._processes)
        )
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    names = [Path(line).name for line in log.read_text().split()]
    assert names == ["failed-80.wav", "sent-80.wav", "refused-80.wav"]
    player.close()


def test_close_stops_a_playing_cue_before_removing_its_file(qtbot: QtBot, tmp_path: Path) -> None:
    started = tmp_path / "started"
    program = player_program(tmp_path, f'touch "{started}"; exec sleep 30')
    player = SoundPlayer(program=program)
    folder = player._cache_dir
    try:
        player.play(Cue.FAILED)
        qtbot.waitUntil(started.is_file)
        (process,) = player._processes
        # it plays (Qt may see it start only after it wrote the file)
        qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.Running)
    finally:
        player.close()  # also when the above failed: no player outlives the test
    assert process.state() == QProcess.ProcessState.NotRunning
    assert not folder.exists()
    player.play(Cue.SENT)  # the window is closing: nothing plays from the removed folder
    assert player._processes == []


def test_close_on_windows_ends_the_async_sound_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """winsound plays asynchronously from the file: it is stopped before the folder goes."""
    calls: list[tuple[str | None, int, bool]] = []
    player_folder: list[Path] = []

    def play_sound(sound: str | None, flags: int) -> None:
        calls.append((sound and Path(sound).name, flags, player_folder[0].exists()))

    stand_in = types.SimpleNamespace(
        PlaySound=play_sound,
        MessageBeep=lambda: None,
        SND_FILENAME=0x20000,
        SND_ASYNC=0x1,
        SND_NODEFAULT=0x2,
    )
    monkeypatch.setitem(sys.modules, "winsound", stand_in)
    monkeypatch.setattr(sys, "platform", "win32")
    player = SoundPlayer()
    monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "winsound", stand_in)
    player_folder.append(player._cache_dir)
    player.play(Cue.FAILED)
    player.close()
    assert calls == [("failed-80.wav", 0x20003, True), (None, 0, True)]
    assert not player_folder[0].exists()
