"""The window's queue writer: what the history cannot take at once waits in order."""

from __future__ import annotations

import sqlite3

from flxdesk.bulk.reading import parse_import_text
from flxdesk.history.store import HistoryStore
from flxdesk.host.paths import AppPaths
from flxdesk.orders.destination import Destination
from flxdesk.sending.queue_writer import QueueWriter, unwritten_text

HERE = Destination("https://api.example.invalid", "f" * 32)


def test_an_import_not_written_by_quit_is_returned_whole_and_named(paths: AppPaths) -> None:
    store = HistoryStore(paths.history_db)
    written: list[object] = []
    writer = QueueWriter(paths.history_db, lambda job, result: written.append(result), print)
    imported = parse_import_text("\n".join(str(800_000 + n) for n in range(2_000)), "Closed")
    other = sqlite3.connect(paths.history_db, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the history until quit
    try:
        assert writer.queue_import(store, imported.rows, "orders.csv", destination=HERE) is None
        assert writer.importing
        left = writer.close(timeout=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert written == [] and len(left) == 1 and len(left[0].rows) == 2_000
    assert store.count() == 0
    assert "the bulk update of 2,000 rows from orders.csv" in unwritten_text(left)
    store.close()
