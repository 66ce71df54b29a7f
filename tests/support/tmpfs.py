"""Small RAM file systems for storage-fault tests: a disk that fills up, a read-only one.

Mounting needs root (or CAP_SYS_ADMIN) and a ``mount`` command; where that is not
possible the test is skipped, with the reason, unless FLXDESK_TEST_TMPFS_REQUIRED is set
(``.ci/run`` as root, and the workflow's root step): there it fails. The tests that mount
one are marked ``tmpfs`` (``pytest -m tmpfs`` runs the six of them).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REQUIRED_VARIABLE = "FLXDESK_TEST_TMPFS_REQUIRED"  # fail, do not skip, without a tmpfs


def _mount_problem() -> str:
    if not sys.platform.startswith("linux"):
        return "tmpfs mounts are a Linux feature"
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root"
    if shutil.which("mount") is None or shutil.which("umount") is None:
        return "no mount/umount command"
    return ""


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=30)


@contextlib.contextmanager
def small_tmpfs(folder: Path, size_kib: int = 2048) -> Iterator[Path]:
    """A tmpfs of ``size_kib`` mounted on ``folder`` (created), unmounted afterwards."""
    problem = _mount_problem()
    if not problem:
        folder.mkdir(parents=True, exist_ok=True)
        options = f"size={size_kib}k,mode=0755"
        mounted = _run("mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder))
        problem = mounted.stderr.strip() if mounted.returncode != 0 else ""
    if problem:
        message = f"needs a small tmpfs for a full or read-only disk: {problem}"
        if os.environ.get(REQUIRED_VARIABLE):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs on ``folder`` read-only (root ignores file permissions)."""
    done = _run("mount", "-o", "remount,ro", str(folder))
    assert done.returncode == 0, done.stderr


def fill_disk(folder: Path) -> Path:
    """Write a file in ``folder`` until the disk is full; returns it (delete it to free)."""
    filler = folder / "filler.bin"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for size in (65536, 4096, 1):
            while True:
                try:
                    os.write(descriptor, b"\0" * size)
                except OSError as error:
                    assert error.errno == errno.ENOSPC, error
                    break
    finally:
        os.close(descriptor)
    return filler
