"""Distinct sounds for sent, failed, refused and waiting, played without blocking.

PySide6-Essentials has no QtMultimedia, so each OS's own player is used: ``winsound``
(asynchronous, from a file) on Windows, ``afplay`` on macOS, ``paplay``/``pw-play``/
``aplay`` on Linux when present, else ``QApplication.beep()``. The volume is applied by
scaling the samples into a cached copy of the WAV once per volume, so no player needs
a volume option and ``play`` only starts a process (a few milliseconds at most).
The copies live in a temporary folder, removed by ``close`` once no cue plays from it.
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
from flxdesk.station.sound_cues import Cue

log = logging.getLogger(__name__)

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


Backend = Callable[[Cue, "Path | None"], None]
STOP_WAIT_MS = 200  # for a player process to end once killed, at close


class SoundPlayer(QObject):
    """``play(Cue.FAILED)``: start the cue and return at once."""

    def __init__(
        self,
        *,
        muted: bool = False,
        volume: float = 0.8,
        backend: Backend | None = None,
        program: str | None = None,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``program``: the player to run with a cue's file (default: the system's)."""
        super().__init__(parent)
        self._muted = muted
        self._volume = volume
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        if cache_dir is None:
            self._temporary = tempfile.TemporaryDirectory(
                prefix="flxdesk-sounds-", ignore_cleanup_errors=True
            )
            cache_dir = Path(self._temporary.name)
        cache_dir.mkdir(parents=True, exist_ok=True)
        self._cache_dir = cache_dir
        self._files: dict[Cue, Path | None] = {}
        self._processes: list[QProcess] = []
        self._backend = backend or self._system_backend(program)
        self._prepare()

    def close(self) -> None:
        """Stop what still plays, then remove the scaled copies (when the window closes).

        A player still reading a copy would play a file that is gone (macOS, Linux) or
        keep it from being removed (Windows), so no cue may play from the folder then.
        """
        self._muted = True
        self._stop_playing()
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None

    def set_muted(self, muted: bool) -> None:
        self._muted = muted

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        self._prepare()

    def play(self, cue: Cue) -> None:
        if self._muted or self._volume <= 0:
            return
        try:
            self._backend(cue, self._files.get(cue))
        except Exception:  # a sound must never cost a scan
            log.exception("Could not play the %s sound", cue)

    def _prepare(self) -> None:
        """Scaled copies of every cue now, so that ``play`` does no file work."""
        for cue in Cue:
            source = sound_path(cue)
            if source is None:  # not installed
                self._files[cue] = None  # no file: a plain beep
                continue
            try:
                self._files[cue] = scaled_copy(source, self._volume, self._cache_dir)
            except (OSError, wave.Error, TypeError):
                self._files[cue] = None  # no file: a plain beep

    def _stop_playing(self) -> None:
        for process in self._processes:
            if process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(STOP_WAIT_MS)
            process.deleteLater()
        self._processes = []
        if self._backend is _play_winsound:
            _stop_winsound()

    # --- backends ------------------------------------------------------------------
    def _system_backend(self, program: str | None) -> Backend:
        if program is None and sys.platform == "win32":
            return _play_winsound
        if program is None:
            program = (
                "afplay"
                if sys.platform == "darwin"
                else next((name for name in LINUX_PLAYERS if shutil.which(name)), None)
            )
        if program is None or shutil.which(program) is None:
            return _beep
        return lambda cue, path: self._play_process(program, path)

    def _play_process(self, program: str, path: Path | None) -> None:
        if path is None:
            _beep("", None)
            return
        self._forget_finished()
        process = QProcess(self)
        process.setProgram(program)
        process.setArguments([str(path)])
        process.errorOccurred.connect(lambda _error: _beep("", None))
        process.start()
        self._processes.append(process)

    def _forget_finished(self) -> None:
        """Drop the players that ended. They are deleted here, not when they end, so that
        every process in the list can still be asked whether it runs."""
        running = []
        for process in self._processes:
            if process.state() == QProcess.ProcessState.NotRunning:
                process.deleteLater()
            else:
                running.append(process)
        self._processes = running


def _play_winsound(cue: Cue, path: Path | None) -> None:
    # Windows only. typeshed declares winsound's names only for win32, and the tests run
    # this elsewhere with a stand-in module: hence the narrow ignores off Windows.
    import winsound

    if path is None:
        winsound.MessageBeep()  # type: ignore[attr-defined, unused-ignore]
        return
    flags = (
        winsound.SND_FILENAME  # type: ignore[attr-defined, unused-ignore]
        | winsound.SND_ASYNC  # type: ignore[attr-defined, unused-ignore]
        | winsound.SND_NODEFAULT  # type: ignore[attr-defined, unused-ignore]
    )
    winsound.PlaySound(str(path), flags)  # type: ignore[attr-defined, unused-ignore]


def _stop_winsound() -> None:
    """Ends the sound PlaySound plays asynchronously (it holds its file meanwhile)."""
    import winsound  # Windows only (names declared for win32 only, as above)

    winsound.PlaySound(None, 0)  # type: ignore[attr-defined, unused-ignore]


def _beep(cue: Cue | str, path: Path | None) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.beep()
