from pathlib import Path

from flxdesk.history.store import HistoryStore, State
from flxdesk.orders.destination import Destination

HERE = Destination("https://api.example.test", "f" * 32)


def test_update_is_queued_then_completed_and_survives_reopening(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    update_id = store.add_queued("1234", "Closed", "note", destination=HERE)
    assert store.get(update_id).state is State.QUEUED
    store.mark_sending(update_id, HERE)
    store.complete(
        update_id, ok=True, attempts=1, http_code=201, outcome="success", message="ok", detail=""
    )
    store.close()
    row = HistoryStore(tmp_path / "h.sqlite3").get(update_id)
    assert row.state is State.SENT
    assert row.http_code == 201
    assert row.started_at is not None and row.finished_at is not None


def test_interrupted_sends_go_back_to_queued(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    update_id = store.add_queued("1", "Open", "", destination=HERE)
    store.mark_sending(update_id, HERE)
    assert store.requeue_interrupted() == 1
    assert store.get(update_id).state is State.QUEUED
    assert store.count_by_state()[State.QUEUED] == 1


def test_pages_are_newest_first(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    ids = [store.add_queued(str(n), "Open", "", destination=HERE) for n in range(10)]
    first = store.newest(4)
    assert [row.id for row in first] == ids[::-1][:4]
    second = store.newest(4, before_id=first[-1].id)
    assert [row.id for row in second] == ids[::-1][4:8]
    assert store.count() == 10


def test_commits_are_durable_full_sync_in_wal_mode(tmp_path: Path) -> None:
    """synchronous=FULL: a queued or finished update survives a power cut, not only a crash."""
    store = HistoryStore(tmp_path / "h.sqlite3")
    connection = store._db  # the pragma is per connection; no other way to see it
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA synchronous").fetchone() == (2,)  # 2 = FULL
    store.close()
