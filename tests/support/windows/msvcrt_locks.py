"""Stand-in for ``msvcrt``'s byte-range locks (``msvcrt.locking``), with Windows' rules:
a lock covers ``nbytes`` from the file's current position; a region locked by one handle
is refused to any other; and a lock left on a closed file stays (Windows frees it only
"when resources allow", so the worst case is the one tested).

Put an instance in ``sys.modules["msvcrt"]`` (with monkeypatch) for the test's duration.
"""

from __future__ import annotations

import errno
import os
import types

LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = range(5)  # msvcrt's values
MODE_NAMES = {LK_UNLCK: "unlock", LK_NBLCK: "lock"}


class MsvcrtLocks(types.ModuleType):
    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.LK_UNLCK, self.LK_LOCK, self.LK_NBLCK = LK_UNLCK, LK_LOCK, LK_NBLCK
        self.LK_RLCK, self.LK_NBRLCK = LK_RLCK, LK_NBRLCK
        self.held: dict[tuple[int, int, int], int] = {}  # (device, inode, byte) -> handle
        self.calls: list[tuple[str, int, int]] = []  # (unlock|lock, position, nbytes)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        if mode not in MODE_NAMES:
            raise NotImplementedError(f"stand-in msvcrt.locking: mode {mode}")
        status = os.fstat(fd)
        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((MODE_NAMES[mode], position, nbytes))
        region = [
            (status.st_dev, status.st_ino, byte) for byte in range(position, position + nbytes)
        ]
        if mode == LK_NBLCK:
            if any(byte in self.held for byte in region):
                raise PermissionError(errno.EACCES, "Permission denied")
            self.held.update(dict.fromkeys(region, fd))
        else:
            if any(self.held.get(byte) != fd for byte in region):
                raise PermissionError(errno.EACCES, "Permission denied")  # not locked by fd
            for byte in region:
                del self.held[byte]
