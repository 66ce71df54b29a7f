"""The station's sounds: distinct cues, shipped as made, played without blocking."""

from __future__ import annotations

import hashlib
import importlib.util
import time
import wave
from pathlib import Path

from pytestqt.qtbot import QtBot

from flxdesk.gui.station.sound_player import CUES, SoundPlayer, scaled_copy
from flxdesk.host.resources import sound_path
from support.paths import ROOT


def load_make_sounds():
    spec = importlib.util.spec_from_file_location(
        "make_sounds", ROOT / "build_scripts" / "make_sounds.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_sounds_are_what_the_script_makes(tmp_path: Path) -> None:
    make_sounds = load_make_sounds()
    assert set(make_sounds.CUES) == set(CUES)
    fingerprints = set()
    for cue in CUES:
        made = make_sounds.write_cue(cue, tmp_path)
        shipped = sound_path(cue)
        assert shipped is not None, cue
        assert shipped.read_bytes() == made.read_bytes(), f"re-run make_sounds.py ({cue})"
        fingerprints.add(hashlib.sha256(made.read_bytes()).hexdigest())
        with wave.open(str(made)) as cue_file:
            seconds = cue_file.getnframes() / cue_file.getframerate()
        assert 0.1 <= seconds <= 1.0, (cue, seconds)
    assert len(fingerprints) == len(CUES)  # four different sounds


def test_volume_scales_the_samples(tmp_path: Path) -> None:
    source = sound_path("sent")
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
    player.play("failed")
    player.play("sent")
    assert [cue for cue, _ in played] == ["failed", "sent"]
    assert all(path is not None and path.parent == tmp_path for _, path in played)
    player.set_muted(True)
    player.play("refused")
    assert len(played) == 2


def test_play_with_the_system_player_returns_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    player = SoundPlayer(cache_dir=tmp_path)
    started = time.perf_counter()
    for cue in CUES:
        player.play(cue)
    per_cue = (time.perf_counter() - started) / len(CUES)
    player.close()
    assert per_cue < 0.010
