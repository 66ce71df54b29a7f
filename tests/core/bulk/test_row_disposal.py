"""Large row lists are freed a slice at a time by a thread of their own."""

from __future__ import annotations

import threading

from flxdesk.bulk.row_disposal import CHUNK, RowList


class Freed:
    """A row that records the thread freeing it; the last one says when all are freed."""

    def __init__(self, threads: list[str], last: threading.Event | None = None) -> None:
        self._threads = threads
        self._last = last

    def __del__(self) -> None:
        self._threads.append(threading.current_thread().name)
        if self._last is not None:
            self._last.set()


def test_a_large_row_list_dropped_is_freed_by_the_disposer_thread() -> None:
    threads: list[str] = []
    done = threading.Event()
    rows = RowList(Freed(threads) for _ in range(3 * CHUNK))
    rows.insert(0, Freed(threads, done))  # freed last: the list is emptied from its end
    del rows  # the last reference, handed to the disposer
    assert done.wait(10)
    assert len(threads) == 3 * CHUNK + 1
    assert set(threads) == {"flxdesk-row-disposer"}


def test_a_small_row_list_is_freed_at_once_where_it_is_dropped() -> None:
    threads: list[str] = []
    rows = RowList(Freed(threads) for _ in range(10))
    del rows
    assert threads == [threading.current_thread().name] * 10
