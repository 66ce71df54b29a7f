"""Faults of the history file and the data folder, each in one plain sentence.

SQLite and the operating system name a fault by a code ("database is locked",
SQLITE_FULL, EROFS, ...). A person at the screen or IT reading a scheduled task's
output needs to know which file, what is wrong and what to do. ``classify`` sorts an
error into a ``StorageKind``; ``describe`` gives the sentence. Standard library only.
"""

from __future__ import annotations

import errno
import sqlite3
import time
from enum import StrEnum
from pathlib import Path

from flxdesk.host.i18n import translate

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26


class StorageKind(StrEnum):
    LOCKED = "locked"  # another program holds a lock: waiting helps
    FULL = "full"  # no space left on the disk: freeing space helps
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    NOT_A_DATABASE = "not_a_database"  # the file is damaged or not a history at all
    DISK_ERROR = "disk_error"  # the disk reported an error reading or writing
    OTHER = "other"


# Faults that end by themselves or once someone frees space: the window waits them out.
PASSING = (StorageKind.LOCKED, StorageKind.FULL)


class StorageFault(RuntimeError):
    """A storage fault with its words; ``str(fault)`` is the sentence for the person."""

    def __init__(self, kind: StorageKind, path: Path, detail: str = "") -> None:
        self.kind = kind
        self.path = path
        self.detail = detail
        super().__init__(describe(kind, path, detail))


def _sqlite_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def classify(error: BaseException) -> StorageKind:
    """What kind of storage fault ``error`` is (an sqlite3.Error or an OSError)."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return StorageKind.FULL
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageKind.READ_ONLY
        if error.errno == errno.EIO:
            return StorageKind.DISK_ERROR
        return StorageKind.OTHER
    code = _sqlite_code(error)
    text = str(error).lower()
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text:
        return StorageKind.LOCKED
    if code == SQLITE_FULL or "disk is full" in text:
        return StorageKind.FULL
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN) or "readonly" in text:
        return StorageKind.READ_ONLY
    if code in (SQLITE_NOTADB, SQLITE_CORRUPT) or "not a database" in text:
        return StorageKind.NOT_A_DATABASE
    if code == SQLITE_IOERR or "disk i/o error" in text:
        return StorageKind.DISK_ERROR
    return StorageKind.OTHER


def describe(kind: StorageKind, path: Path, detail: str = "") -> str:
    """One plain sentence naming the file and what to do."""
    if kind is StorageKind.LOCKED:
        return translate(
            "StorageFaults",
            "The history file {path} is locked by another program (a backup or "
            "antivirus tool, or another copy of flxdesk): close that program or wait "
            "until it is done.",
        ).format(path=path)
    if kind is StorageKind.FULL:
        return translate(
            "StorageFaults",
            "The disk holding the history file {path} is full: free some space on it "
            "(empty the recycle bin, delete large files you do not need).",
        ).format(path=path)
    if kind is StorageKind.READ_ONLY:
        return translate(
            "StorageFaults",
            "The history file {path} cannot be written, because it or its folder "
            "{parent} is read-only: ask IT to make the folder writable for you, or "
            "set FLXDESK_HOME to a folder you may write to.",
        ).format(path=path, parent=path.parent)
    if kind is StorageKind.NOT_A_DATABASE:
        return translate(
            "StorageFaults",
            "The history file {path} is not a flxdesk history (it is damaged, or "
            "another program wrote over it): set it aside (rename or move it) to "
            "start a new history, or restore it from a backup.",
        ).format(path=path)
    if kind is StorageKind.DISK_ERROR:
        return translate(
            "StorageFaults",
            "The disk reported an error while reading or writing the history file "
            "{path}: ask IT to check the disk; do not delete the file.",
        ).format(path=path)
    reason = translate("StorageFaults", " ({detail})").format(detail=detail) if detail else ""
    return translate(
        "StorageFaults",
        "The history file {path} cannot be used{reason}: check that the folder "
        "{parent} exists and that you may write to it.",
    ).format(path=path, reason=reason, parent=path.parent)


def fault_from(error: BaseException, path: Path) -> StorageFault:
    return StorageFault(classify(error), path, str(error))


def is_storage_error(error: BaseException) -> bool:
    return isinstance(error, (sqlite3.Error, OSError))


def set_aside(path: Path, now: float | None = None) -> Path:
    """Rename an unusable history (and its WAL side files) out of the way; never delete it.

    Returns the new name of the file: ``history.sqlite3.unreadable-20250603-141500``.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{number}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target
