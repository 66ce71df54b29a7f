"""Freeing a large list of rows a slice at a time, in a thread of its own.

Freeing a list frees everything in it in one call into C, holding Python's GIL all the
while: 200,000 imported rows took 13-28 ms, and it happened on the window's thread
(the bulk dialog closing, or the window dropping the written import), a stall no
worker thread can take over, since the GUI thread needs the GIL too. A ``RowList``
that nobody holds any more is handed to the disposer thread instead, which frees it
``CHUNK`` rows at a time, pausing between slices so that the window's thread gets the
GIL and a core while it redraws.
"""

from __future__ import annotations

import contextlib
import queue
import sys
import threading
import time
from typing import Protocol, TypeVar

CHUNK = 2048  # rows freed at a time: well under a millisecond
PAUSE_SECONDS = 0.001  # between slices: freeing takes a fraction of a core, never a whole


class Emptiable(Protocol):
    """What the disposer needs of a list: its length, and deleting a slice of it."""

    def __len__(self) -> int: ...

    def __delitem__(self, index: slice, /) -> None: ...


_Row = TypeVar("_Row")
_lists: queue.SimpleQueue[Emptiable] = queue.SimpleQueue()
_started = threading.Lock()
_thread: threading.Thread | None = None


class RowList(list[_Row]):
    """A list of rows that is freed off the thread that drops it, when it is large."""

    __slots__ = ()

    def __del__(self) -> None:
        if len(self) > CHUNK and not sys.is_finalizing():
            # Kept alive by the disposer until it has emptied it; when no thread can start
            # (Python is ending), freed here at once.
            with contextlib.suppress(RuntimeError):
                dispose(self)


def dispose(rows: Emptiable) -> None:
    """Free ``rows`` (which nobody else uses any more) a slice at a time, elsewhere."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=_work, name="flxdesk-row-disposer", daemon=True)
            _thread.start()
    _lists.put(rows)


def _work() -> None:
    while True:
        rows = _lists.get()
        while rows:
            del rows[-CHUNK:]
            time.sleep(PAUSE_SECONDS)
        del rows
