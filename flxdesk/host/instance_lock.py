"""One running flxdesk per data folder, so a queue is never sent twice.

A window and a command-line run, or two windows, on the same data folder would both
send the same queued updates. The lock is the operating system's own lock on an open
file (``flock`` on macOS and Linux, ``msvcrt.locking`` on Windows): it dies with its
process, even after ``kill -9`` or a power cut, so there is never a stale lock to
clear. A small side file says who holds it, for the message the second launch shows.
Standard library only: the command line runs without loading Qt.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from typing import IO

from flxdesk.host.i18n import translate

LOCK_NAME = "flxdesk.lock"
HOLDER_NAME = "flxdesk.lock.json"


class AlreadyRunning(RuntimeError):
    """Another flxdesk uses this data folder; ``str(error)`` says which."""


def _try_lock(file: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        file.seek(0)  # msvcrt locks from the current position: always the first byte
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    def __init__(self, data_dir: Path, what: str) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self._holder_file = data_dir / HOLDER_NAME
        self._file: IO[bytes] | None = open(data_dir / LOCK_NAME, "a+b")  # noqa: SIM115
        if not _try_lock(self._file):
            self._file.close()
            self._file = None
            raise AlreadyRunning(self._describe_holder(data_dir))
        # Plain lines, not JSON: the window takes this lock before its first paint.
        self._holder_file.write_text(f"{os.getpid()}\n{time.time()}\n{what}\n", encoding="utf-8")

    def _describe_holder(self, data_dir: Path) -> str:
        try:
            pid, since, what = self._holder_file.read_text(encoding="utf-8").splitlines()[:3]
            started = time.strftime("%H:%M", time.localtime(float(since)))
            who = translate("InstanceLock", "{what} (process {pid}, since {started})").format(
                what=what, pid=pid, started=started
            )
        except (OSError, ValueError):
            who = translate("InstanceLock", "another flxdesk")
        return translate(
            "InstanceLock",
            "{who} is already using the data folder {data_dir}. Close it first, or "
            "wait for it to finish: two at once could send the same updates twice.",
        ).format(who=who, data_dir=data_dir)

    def release(self) -> None:
        """Give the folder back: unlocked at once, then closed.

        Windows frees a lock left on a closed file only "when resources allow", so a
        flxdesk started right after this one could be refused; unlock it explicitly.
        """
        if self._file is None:
            return
        self._holder_file.unlink(missing_ok=True)
        if sys.platform == "win32":
            import msvcrt

            self._file.seek(0)
            with contextlib.suppress(OSError):  # closing the file frees it too, only later
                msvcrt.locking(self._file.fileno(), msvcrt.LK_UNLCK, 1)
        self._file.close()
        self._file = None
