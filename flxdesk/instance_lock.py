"""One running flxdesk per data folder, so a queue is never sent twice.

A window and a command-line run, or two windows, on the same data folder would both
send the same queued updates. ``QLockFile`` (from QtCore, no GUI needed) takes a lock
that dies with its process, even after ``kill -9`` or a power cut, and a small
side file says who holds it, for the message the second launch shows.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

LOCK_NAME = "flxdesk.lock"
HOLDER_NAME = "flxdesk.lock.json"


class AlreadyRunning(RuntimeError):
    """Another flxdesk uses this data folder; ``str(error)`` says which."""


class InstanceLock:
    def __init__(self, data_dir: Path, what: str) -> None:
        from PySide6.QtCore import QLockFile

        data_dir.mkdir(parents=True, exist_ok=True)
        self._holder_file = data_dir / HOLDER_NAME
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when the holder's process is gone
        if not self._lock.tryLock(0):
            raise AlreadyRunning(self._describe_holder(data_dir))
        # Plain lines, not JSON: the window takes this lock before its first paint.
        self._holder_file.write_text(f"{os.getpid()}\n{time.time()}\n{what}\n", encoding="utf-8")

    def _describe_holder(self, data_dir: Path) -> str:
        try:
            pid, since, what = self._holder_file.read_text(encoding="utf-8").splitlines()[:3]
            started = time.strftime("%H:%M", time.localtime(float(since)))
            who = f"{what} (process {pid}, since {started})"
        except (OSError, ValueError):
            who = "another flxdesk"
        return (
            f"{who} is already using the data folder {data_dir}. Close it first, or wait "
            "for it to finish: two at once could send the same updates twice."
        )

    def release(self) -> None:
        self._holder_file.unlink(missing_ok=True)
        self._lock.unlock()
