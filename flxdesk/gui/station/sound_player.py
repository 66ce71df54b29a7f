"""Distinct sounds for sent, failed, refused and waiting, played without blocking.

PySide6-Essentials has no QtMultimedia, so each OS's own player is used: ``winsound``
(asynchronous, from a file) on Windows, ``afplay`` on macOS, ``paplay``/``pw-play``/
``aplay`` on Linux when present, else ``QApplication.beep()``. The volume is applied by
scaling the samples into a cached copy of the WAV once per volume, so no player needs
a volume option and ``play`` only starts a process (a few milliseconds at most).
"""

from __future__ import annotations

import array
import logging
import shutil
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess

from flxdesk.host.resources import sound_path

log = logging.getLogger(__name__)

CUES = ("sent", "failed", "refused", "waiting")
LINUX_PLAYERS = ("paplay", "pw-play", "aplay")


def scaled_copy(source: Path, volume: float, cache_dir: Path) -> Path:
    """``source`` with every sample multiplied by ``volume`` (0-1), cached by volume."""
    percent = round(max(0.0, min(1.0, volume)) * 100)
    target = cache_dir / f"{source.stem}-{percent}.wav"
    if target.exists():
        return target
    with wave.open(str(source), "rb") as reader:
        params = reader.getparams()
        frames = reader.readframes(params.nframes)
    if params.sampwidth != 2:
        return source  # not what make_sounds.py writes; play it as it is
    samples = array.array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()
    samples = array.array("h", (round(sample * percent / 100) for sample in samples))
    if sys.byteorder == "big":
        samples.byteswap()
    partial = target.with_suffix(".part")
    with wave.open(str(partial), "wb") as writer:
        writer.setparams(params)
        writer.writeframes(samples.tobytes())
    partial.replace(target)
    return target


class SoundPlayer(QObject):
    """``play("failed")``: start the cue and return at once."""

    def __init__(
        self,
        *,
        muted: bool = False,
        volume: float = 0.8,
        backend: Callable[[str, Path | None], None] | None = None,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._muted = muted
        self._volume = volume
        if cache_dir is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="flxdesk-sounds-")
            cache_dir = Path(self._temporary.name)
        cache_dir.mkdir(parents=True, exist_ok=True)
        self._cache_dir = cache_dir
        self._files: dict[str, Path | None] = {}
        self._processes: list[QProcess] = []
        self._backend = backend or self._system_backend()
        self._prepare()

    def close(self) -> None:
        """Remove the scaled copies (when the window closes)."""
        temporary = getattr(self, "_temporary", None)
        if temporary is not None:
            temporary.cleanup()
            self._temporary = None

    def set_muted(self, muted: bool) -> None:
        self._muted = muted

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        self._prepare()

    def play(self, cue: str) -> None:
        if self._muted or self._volume <= 0:
            return
        try:
            self._backend(cue, self._files.get(cue))
        except Exception:  # a sound must never cost a scan
            log.exception("Could not play the %s sound", cue)

    def _prepare(self) -> None:
        """Scaled copies of every cue now, so that ``play`` does no file work."""
        for cue in CUES:
            source = sound_path(cue)
            try:
                self._files[cue] = scaled_copy(source, self._volume, self._cache_dir)
            except (OSError, wave.Error, TypeError):
                self._files[cue] = None  # no file: a plain beep

    # --- backends ------------------------------------------------------------------
    def _system_backend(self) -> Callable[[str, Path | None], None]:
        if sys.platform == "win32":
            return _play_winsound
        command = (
            "afplay"
            if sys.platform == "darwin"
            else next((name for name in LINUX_PLAYERS if shutil.which(name)), None)
        )
        if command is None or shutil.which(command) is None:
            return _beep
        return lambda cue, path: self._play_process(command, path)

    def _play_process(self, command: str, path: Path | None) -> None:
        if path is None:
            _beep("", None)
            return
        running = QProcess.ProcessState.NotRunning
        self._processes = [p for p in self._processes if p.state() != running]
        process = QProcess(self)
        process.setProgram(command)
        process.setArguments([str(path)])
        process.finished.connect(process.deleteLater)
        process.errorOccurred.connect(lambda _error: _beep("", None))
        process.start()
        self._processes.append(process)


def _play_winsound(cue: str, path: Path | None) -> None:
    import winsound  # type: ignore[import-not-found]  # Windows only

    if path is None:
        winsound.MessageBeep()
        return
    flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
    winsound.PlaySound(str(path), flags)


def _beep(cue: str, path: Path | None) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.beep()
