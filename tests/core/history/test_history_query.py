"""History search and filters: exactly the matching rows, newest first, through the indexes."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from flxdesk.history import query as history_query
from flxdesk.history.periods import this_shift, today
from flxdesk.history.query import (
    HistoryFilter,
    HistoryQuery,
    IdMatch,
    Matches,
    StateFilter,
    prefix_upper_bound,
)
from flxdesk.history.store import HistoryStore, State, UpdateRow
from flxdesk.orders.destination import Destination
from flxdesk.station.duplicate_guard import DuplicateGuard
from support.paths import bench_script

HERE = Destination("https://api.example.test", "f" * 32)
NOW = time.time()


def fill(store: HistoryStore, rows: int = 1500, seed: int = 7) -> None:
    """Rows of every state over 30 days, the newest 50 since midnight (and in the last 6
    hours); order IDs with shared prefixes and mixed case; a few clock steps back
    (created_at out of id order). Written straight to SQL."""
    rng = random.Random(seed)
    today_from = max(today(NOW).since, NOW - 6 * 3600)
    older = sorted(rng.uniform(NOW - 30 * 86400, today_from) for _ in range(rows - 50))
    recent = sorted(rng.uniform(today_from, NOW - 1) for _ in range(50))
    values = []
    for moment in older + recent:
        if rng.random() < 0.01:
            moment -= 3 * 3600  # the clock was set back
        order_id = rng.choice(["1", "12", "123", "2", "A", "a", "Ab", "ab"]) + str(
            rng.randrange(100)
        )
        state = rng.choice([*State, State.SENT, State.SENT, State.FAILED])
        values.append((order_id, "Closed", "", state.value, moment, *HERE))
    values.append(("1230", "Closed", "", State.FAILED.value, NOW - 1, *HERE))
    store.connection.executemany(
        "INSERT INTO updates (order_id, status, note, state, created_at, api_url, token_fp)"
        " VALUES (?,?,?,?,?,?,?)",
        values,
    )


def expected(rows: list[UpdateRow], f: HistoryFilter, key: str) -> list[UpdateRow]:
    """The filter done in Python, the slow and obvious way."""
    wanted_states = history_query.FILTER_STATES[f.states]
    text = f.order_text.strip()

    def matches(row: UpdateRow) -> bool:
        if text and f.id_match is IdMatch.EXACT and row.order_id != text:
            return False
        if text and f.id_match is IdMatch.PREFIX and not row.order_id.startswith(text):
            return False
        if wanted_states and row.state not in wanted_states:
            return False
        if f.since is not None and row.created_at < f.since:
            return False
        return f.until is None or row.created_at < f.until

    order = (lambda r: r.id) if key == "id" else (lambda r: (r.created_at, r.id))
    return sorted(filter(matches, rows), key=order, reverse=True)


def all_pages(matches: Matches, limit: int) -> list[UpdateRow]:
    pages, before = [], None
    while True:
        page = matches.page(limit, before)
        assert len(page) <= limit
        pages += page
        if len(page) < limit:
            return pages
        before = page[-1].id


FILTERS = {
    "everything": HistoryFilter(),
    "exact 123": HistoryFilter("12345", IdMatch.EXACT),
    "exact, padded": HistoryFilter(" 1230 ", IdMatch.EXACT),
    "prefix 12": HistoryFilter("12"),
    "prefix A (case matters)": HistoryFilter("A"),
    "failed only": HistoryFilter(states=StateFilter.FAILED),
    "waiting only": HistoryFilter(states=StateFilter.WAITING),
    "today": HistoryFilter.in_period(today(NOW)),
    "this shift": HistoryFilter.in_period(this_shift(NOW)),
    "a week": HistoryFilter(since=NOW - 20 * 86400, until=NOW - 13 * 86400),
    "prefix 1, a week": HistoryFilter("1", since=NOW - 20 * 86400, until=NOW - 13 * 86400),
    "prefix 1, failed": HistoryFilter("1", states=StateFilter.FAILED),
    "exact, failed, since": HistoryFilter(
        "1230", IdMatch.EXACT, StateFilter.FAILED, since=NOW - 15 * 86400
    ),
    "waiting in a week": HistoryFilter(
        states=StateFilter.WAITING, since=NOW - 20 * 86400, until=NOW - 13 * 86400
    ),
    "no such order": HistoryFilter("999999"),
}


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    store = HistoryStore(tmp_path / "history.sqlite3")
    fill(store)
    yield store
    store.close()


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize(
    ("sort_limit", "time_drive_limit"), [(20_000, 30_000), (5, 0)], ids=["sort", "walk"]
)
def test_every_filter_pages_through_exactly_its_rows_newest_first(
    store: HistoryStore,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    sort_limit: int,
    time_drive_limit: int,
) -> None:
    """Each plan (seek, sort, walk) gives the same rows as the obvious filter in Python."""
    monkeypatch.setattr(history_query, "SORT_LIMIT", sort_limit)
    monkeypatch.setattr(history_query, "TIME_DRIVE_LIMIT", time_drive_limit)
    f = FILTERS[name]
    matches = HistoryQuery(store).run(f)
    everything = store.newest(100_000)
    wanted = expected(everything, f, matches.where.key)
    assert matches.count == len(wanted)
    assert all_pages(matches, 37) == wanted
    assert matches.page(37) == wanted[:37]


def test_the_test_data_has_rows_for_every_filter(store: HistoryStore) -> None:
    """So that the test above is not passing on empty results."""
    query = HistoryQuery(store)
    counts = {name: query.run(f).count for name, f in FILTERS.items()}
    assert counts.pop("no such order") == 0
    assert all(counts.values()), counts
    assert counts["prefix A (case matters)"] < counts["everything"] / 4


def test_a_clock_set_back_does_not_hide_rows_from_a_time_filter(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    first = store.add_queued("1001", "Closed", "", destination=HERE)
    later = store.add_queued("1002", "Closed", "", destination=HERE)
    store.connection.execute(
        "UPDATE updates SET created_at = created_at - 7200 WHERE id = ?", (later,)
    )
    two_hours_ago = store.get(later).created_at
    rows = HistoryQuery(store).run(HistoryFilter(since=two_hours_ago - 1)).page(10)
    assert [row.id for row in rows] == [first, later]  # newest by the time recorded


def test_pages_are_a_snapshot_until_the_filter_runs_again(store: HistoryStore) -> None:
    query = HistoryQuery(store)
    f = HistoryFilter("12")
    before = query.run(f)
    new_id = store.add_queued("12999", "Closed", "", destination=HERE)
    assert before.page(1)[0].id != new_id
    assert new_id not in {row.id for row in all_pages(before, 100)}
    again = query.run(f)
    assert again.count == before.count + 1
    assert again.page(1)[0].id == new_id


@pytest.mark.parametrize(
    ("prefix", "bound"),
    [
        ("12", "13"),
        ("A9", "A:"),
        ("a\U0010ffff", "b"),
        ("\U0010ffff", None),
        ("x\ud7ff", "x\ue000"),
    ],
)
def test_prefix_upper_bound(prefix: str, bound: str | None) -> None:
    assert prefix_upper_bound(prefix) == bound


def plan_lines(store: HistoryStore, sql: str, args: tuple) -> list[str]:
    return [row[3] for row in store.connection.execute(f"EXPLAIN QUERY PLAN {sql}", args)]


def count_sql(matches: Matches) -> tuple[str, tuple]:
    where = matches.where
    source = f"updates INDEXED BY {where.index_name}" if where.index_name else "updates"
    condition = f" WHERE {where.sql}" if where.sql else ""
    return f"SELECT COUNT(*) FROM {source}{condition}", where.args


@pytest.mark.parametrize(
    ("f", "index_use"),
    [
        (HistoryFilter("12"), "updates_by_order_id (order_id>? AND order_id<?)"),
        (HistoryFilter("12", IdMatch.EXACT), "updates_by_order_id (order_id=?"),
        (HistoryFilter(states=StateFilter.FAILED), "updates_by_state (state=?"),
        (HistoryFilter(since=NOW - 3600), "updates_by_created_at (created_at>?"),
        (
            HistoryFilter(states=StateFilter.FAILED, since=NOW - 3600),
            "updates_by_state_created_at (state=? AND created_at>?",
        ),
    ],
)
def test_count_and_pages_search_an_index(store: HistoryStore, f: HistoryFilter, index_use) -> None:
    """EXPLAIN QUERY PLAN: the prefix is an index range, not a scan of every row."""
    matches = HistoryQuery(store).run(f)
    for sql, args in (count_sql(matches), matches.page_sql(50)):
        lines = plan_lines(store, sql, args)
        assert any("SEARCH updates USING" in line and index_use in line for line in lines), lines
        assert not any(line.startswith("SCAN updates") for line in lines), lines


@pytest.mark.parametrize(
    "f",
    [
        HistoryFilter(),
        HistoryFilter("12", IdMatch.EXACT),
        HistoryFilter(states=StateFilter.FAILED),
        HistoryFilter.in_period(today(NOW)),
        HistoryFilter.in_period(this_shift(NOW), states=StateFilter.FAILED),
    ],
)
def test_seek_pages_read_only_the_page_without_sorting(store: HistoryStore, f) -> None:
    matches = HistoryQuery(store).run(f)
    assert matches.plan == "seek"
    sql, args = matches.page_sql(50, store.newest(1)[0])
    lines = plan_lines(store, sql, args)
    assert not any("TEMP B-TREE" in line for line in lines), lines
    assert not any(line.startswith("SCAN") for line in lines), lines


def test_a_broad_prefix_walks_between_its_newest_and_oldest_match(
    store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_query, "SORT_LIMIT", 5)
    for _ in range(6):
        store.add_queued("Q", "Closed", "", destination=HERE)  # newer than every match
    matches = HistoryQuery(store).run(HistoryFilter("1"))
    assert matches.plan == "walk"
    ones = [row.id for row in store.newest(100_000) if row.order_id.startswith("1")]
    assert (matches.lowest_id, matches.top_id) == (min(ones), max(ones))
    sql, args = matches.page_sql(50)
    assert "SEARCH updates USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in plan_lines(
        store, sql, args
    )


def test_previous_update_lookup_feeds_the_duplicate_guard(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    query = HistoryQuery(store)
    sent = store.add_queued("1004", "Closed", "", destination=HERE)
    store.complete(
        sent, ok=True, attempts=1, http_code=201, outcome="success", message="", detail=""
    )
    failed = store.add_queued("1005", "Closed", "", destination=HERE)
    store.complete(
        failed, ok=False, attempts=1, http_code=404, outcome="not_found", message="", detail=""
    )
    guard = DuplicateGuard(query.previous_update_at, window_seconds=600)
    held = guard.check("1004", "Closed")
    assert not held.send and held.previous_at == store.get(sent).created_at
    assert guard.check("1004", "On Hold").send  # another status
    assert guard.check("1005", "Closed").send  # it failed: the status was never set
    assert query.previous_update_at("1004", "Closed", time.time() + 1) is None  # too old


# The benchmark's history (bench/history_query.py) at a tenth of its million rows, with a
# tenth of the plans' limits: every filter takes the plan it takes at full size.
BENCH_ROWS = 100_000
BENCH_SCALE = BENCH_ROWS / 1_000_000
FULL_SIZE_PLANS = [
    "seek",  # no filter
    "seek",  # exact order ID
    "sort",  # prefix (narrow)
    "walk",  # prefix 12
    "walk",  # prefix 10
    "walk",  # prefix 1
    "seek",  # prefix 1 today: through the time index
    "seek",  # prefix 12 failed only: through the state index
    "seek",  # failed only
    "sort",  # waiting only
    "seek",  # today
    "seek",  # this shift
    "seek",  # 7 days
    "seek",  # 90 days
    "seek",  # failed in 7 days
]


def test_the_benchmarked_filters_count_and_page_exactly_through_their_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every filter bench/history_query.py times (it holds the 100 ms budget) takes its
    full-size plan, counts and pages exactly what a plain scan of the table finds, and
    its count and first page search an index (EXPLAIN QUERY PLAN), never the table."""
    monkeypatch.setattr(history_query, "SORT_LIMIT", int(history_query.SORT_LIMIT * BENCH_SCALE))
    monkeypatch.setattr(
        history_query, "TIME_DRIVE_LIMIT", int(history_query.TIME_DRIVE_LIMIT * BENCH_SCALE)
    )
    bench = bench_script("history_query")
    path = tmp_path / "history.sqlite3"
    now = time.time()
    bench.build_history(path, BENCH_ROWS, now)
    store = HistoryStore(path)
    try:
        query = HistoryQuery(store)
        named = bench.filters(store, now)
        runs = [(name, query.run(f)) for name, f in named]
        assert [(name, matches.plan) for name, matches in runs] == [
            (name, plan) for (name, _), plan in zip(named, FULL_SIZE_PLANS, strict=True)
        ]
        for name, matches in runs:
            where = matches.where
            plain = f"FROM updates NOT INDEXED WHERE {where.sql or '1'}"
            (plain_count,) = store.connection.execute(
                f"SELECT COUNT(*) {plain}", where.args
            ).fetchone()
            assert matches.count == plain_count > 0, name
            order = "created_at DESC, id DESC" if where.key == "time" else "id DESC"
            plain_page = store.connection.execute(
                f"SELECT id {plain} ORDER BY {order} LIMIT ?", (*where.args, bench.PAGE)
            ).fetchall()
            assert [row.id for row in matches.page(bench.PAGE)] == [i for (i,) in plain_page]
            counting = plan_lines(store, *count_sql(matches))
            index_use = f"INDEX {where.index_name} ("
            if where.sql:
                assert any(
                    line.startswith("SEARCH updates USING") and index_use in line
                    for line in counting
                ), (name, counting)
            else:  # every row counted: from the smallest index, not the table's rows
                assert all("USING COVERING INDEX" in line for line in counting), counting
            paging = plan_lines(store, *matches.page_sql(bench.PAGE))
            assert not any(line.startswith("SCAN") for line in paging), (name, paging)
    finally:
        store.close()


def test_a_filter_runs_inside_a_transaction_of_the_caller(store: HistoryStore) -> None:
    query = HistoryQuery(store)
    with store.transaction():
        new_id = store.add_queued("12999", "Closed", "", destination=HERE)
        matches = query.run(HistoryFilter("12999", IdMatch.EXACT))
        assert [row.id for row in matches.page(5)] == [new_id]
    assert not store.connection.in_transaction


@pytest.mark.parametrize("name", FILTERS)
def test_includes_tells_a_new_row_that_matches_from_one_that_does_not(
    store: HistoryStore, name: str
) -> None:
    """The window shows a scan made while a filter is set on top only when it matches."""
    f = FILTERS[name]
    matches = HistoryQuery(store).run(f)
    rows = [store.get(n) for n in range(1, store.count() + 1)]
    assert {row.id for row in rows if matches.includes(row.id)} == {
        row.id for row in expected(rows, f, "id")
    }
    new_id = store.add_queued("12345", "Closed", "", destination=HERE)
    assert matches.includes(new_id) == bool(expected([store.get(new_id)], f, "id"))


def test_only_a_filter_without_criteria_matches_all() -> None:
    assert HistoryFilter().matches_all
    assert HistoryFilter("  ", IdMatch.EXACT).matches_all
    assert not any(f.matches_all for name, f in FILTERS.items() if name != "everything")
