"""Synthesises the station's feedback sounds into resources/sounds/ (standard library,
and flxdesk's Qt-free names of the cues).

    python build_scripts/make_sounds.py

Four short, distinct cues a worker learns without looking (flxdesk.station.sound_cues):
*sent* (a bright rising two-note chirp), *failed* (three low buzzes, long enough to
notice over packing noise), *refused* (two short low notes: the scan was not taken)
and *waiting* (one soft mid note: queued, but the queue is held). 16-bit mono PCM at
22,050 Hz, so every player on every OS can play them. The files are committed; a test
checks they are what this script makes.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
PEAK = 0.7 * 32767
ROOT = Path(__file__).resolve().parent.parent
SOUNDS_DIR = ROOT / "resources" / "sounds"

if str(ROOT) not in sys.path:  # run from a checkout that is not installed
    sys.path.insert(0, str(ROOT))
from flxdesk.station.sound_cues import Cue  # noqa: E402  # after the path above

# cue -> notes: (frequency in Hz or 0 for silence, seconds, harmonics weight)
CUES: dict[Cue, list[tuple[float, float, float]]] = {
    Cue.SENT: [(880.0, 0.07, 0.0), (1318.5, 0.11, 0.0)],
    Cue.FAILED: [
        (196.0, 0.18, 0.6),
        (0.0, 0.06, 0.0),
        (196.0, 0.18, 0.6),
        (0.0, 0.06, 0.0),
        (164.8, 0.32, 0.6),
    ],
    Cue.REFUSED: [(329.6, 0.10, 0.3), (0.0, 0.05, 0.0), (261.6, 0.14, 0.3)],
    Cue.WAITING: [(659.3, 0.16, 0.0)],
}


def _note(frequency: float, seconds: float, harmonics: float) -> list[int]:
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.008))  # no clicks at the edges
    samples = []
    for n in range(count):
        if frequency == 0:
            samples.append(0)
            continue
        t = n / RATE
        value = math.sin(2 * math.pi * frequency * t)
        value += harmonics * math.sin(2 * math.pi * 3 * frequency * t) / 3
        value /= 1 + harmonics / 3
        envelope = min(1.0, n / fade, (count - 1 - n) / fade)
        samples.append(round(PEAK * value * envelope))
    return samples


def render(cue: Cue) -> bytes:
    """The cue's PCM frames."""
    samples = [s for note in CUES[cue] for s in _note(*note)]
    return struct.pack(f"<{len(samples)}h", *samples)


def write_cue(cue: Cue, target_dir: Path = SOUNDS_DIR) -> Path:
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"{cue.value}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(render(cue))
    return path


def main() -> int:
    for cue in Cue:
        print(f"wrote {write_cue(cue)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
