"""What a file held when it was read, to tell later whether it has changed since."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import NamedTuple


class FileSnapshot(NamedTuple):
    path: Path
    size: int
    sha256: str
    read_at: float  # time.time() of the read, for messages

    @classmethod
    def of(cls, path: Path, data: bytes) -> FileSnapshot:
        return cls(path, len(data), hashlib.sha256(data).hexdigest(), time.time())

    def changed(self) -> bool:
        """True when the file now holds other bytes than were read (or is gone)."""
        try:
            if self.path.stat().st_size != self.size:
                return True
            data = self.path.read_bytes()
        except OSError:
            return True
        return hashlib.sha256(data).hexdigest() != self.sha256
