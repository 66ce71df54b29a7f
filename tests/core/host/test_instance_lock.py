"""One flxdesk per data folder: the operating system's file lock, gone with its process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.host.instance_lock import LOCK_NAME, AlreadyRunning, InstanceLock
from support.windows.msvcrt_locks import MsvcrtLocks

HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from flxdesk.host.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]), "a test holder")
print("locked", flush=True)
time.sleep(120)
"""


def test_a_second_holder_is_refused_with_who_holds_it(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path, "the flxdesk window")
    try:
        with pytest.raises(AlreadyRunning, match=r"the flxdesk window \(process \d+"):
            InstanceLock(tmp_path, "flxdesk resume (command line)")
    finally:
        first.release()
    InstanceLock(tmp_path, "after release").release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_lock_dies_with_a_killed_process(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning, match="a test holder"):
            InstanceLock(tmp_path, "window")
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.stdout.close()
    InstanceLock(tmp_path, "window after a kill -9").release()


def test_the_command_line_never_loads_qt(tmp_path: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; from flxdesk.host.instance_lock import InstanceLock;"
        " InstanceLock(Path(sys.argv[1]), 'probe').release();"
        " import flxdesk.cli.commands;"
        " print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.fixture
def windows_locks(monkeypatch: pytest.MonkeyPatch) -> MsvcrtLocks:
    """The Windows path of the lock, on a stand-in msvcrt."""
    msvcrt = MsvcrtLocks()
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setattr(sys, "platform", "win32")
    return msvcrt


def test_windows_unlocks_before_closing_so_the_next_start_is_not_refused(
    tmp_path: Path, windows_locks: MsvcrtLocks
) -> None:
    first = InstanceLock(tmp_path, "the flxdesk window")
    with pytest.raises(AlreadyRunning, match="the flxdesk window"):
        InstanceLock(tmp_path, "flxdesk resume (command line)")
    first.release()
    assert windows_locks.calls[-1] == ("unlock", 0, 1)
    InstanceLock(tmp_path, "started right after").release()  # no wait for Windows' clean-up
    assert windows_locks.held == {}


def test_windows_locks_the_same_byte_whatever_the_lock_file_holds(
    tmp_path: Path, windows_locks: MsvcrtLocks
) -> None:
    """msvcrt locks from the current position, and an appending open starts at the end."""
    (tmp_path / LOCK_NAME).write_bytes(b"written by some other tool\n")
    first = InstanceLock(tmp_path, "the flxdesk window")
    try:
        with pytest.raises(AlreadyRunning):
            InstanceLock(tmp_path, "flxdesk bulk (command line)")
    finally:
        first.release()
    assert {position for _, position, _ in windows_locks.calls} == {0}
