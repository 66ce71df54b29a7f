"""A history of a million rows for the window's tests: built once per session, copied per test.

Built by bench/history_query.py's fast builder (one transaction, indexes made after):
about 250 days of a busy station, order IDs rising with time from 1,000,000, 4 %
failed (404, 400, 503), some invalid and cancelled, the newest 30 still queued for
``https://api.flxpoint.com`` (held in the demo window). Each test gets its own copy
as the demo's history, so what it changes stays its own.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from flxdesk.host.paths import AppPaths, demo_paths
from support.paths import bench_script

BIG_ROWS = 1_000_000


@pytest.fixture(scope="session")
def million_row_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big-history") / "history.sqlite3"
    bench_script("history_query").build_history(path, BIG_ROWS, time.time())
    return path


@pytest.fixture
def big_demo_app(qtbot, start_app: Callable, paths: AppPaths, million_row_history: Path):
    """The real demo window over its own copy of the million-row history."""
    target = demo_paths(paths).history_db
    shutil.copyfile(million_row_history, target)
    running = start_app(demo=True)
    qtbot.waitExposed(running.window)
    qtbot.waitUntil(running.engine_thread.isRunning)
    yield running
    target.unlink(missing_ok=True)  # 200 MB: not kept in the test's folder (start_app closes)


def insert_failed(
    db: sqlite3.Connection, order_id: str, status: str = "Closed", created_at: float | None = None
) -> int:
    """A failed update as the engine records one after Flxpoint kept answering 503."""
    cursor = db.execute(
        "INSERT INTO updates (order_id, status, note, state, created_at, started_at,"
        " finished_at, attempts, http_code, outcome, message, detail, api_url)"
        " VALUES (?, ?, '', 'failed', ?, ?, ?, 6, 503, 'server_error', ?, 'HTTP 503', 'demo')",
        (
            order_id,
            status,
            created_at or time.time(),
            created_at or time.time(),
            created_at or time.time(),
            "Flxpoint is having problems (503). Gave up after 6 tries.",
        ),
    )
    return int(cursor.lastrowid)
