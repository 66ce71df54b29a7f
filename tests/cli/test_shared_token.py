"""Three command-line runs at once, one token, separate data folders: all sent.

Prints the combined rate as a ratio of the token's 2 per second, and the share of
requests answered 429 (``pytest -s`` shows them; ``bench/shared_token.py`` measures
longer runs). The bounds asserted here catch regressions; the targets are in the
benchmark.
"""

from __future__ import annotations

from pathlib import Path

from flxdesk.flxpoint.demo_api import DemoApi
from support.stations import run_stations

STATIONS = 3
ORDERS_PER_STATION = 30


def test_three_stations_share_one_token(tmp_path: Path, demo_api: DemoApi) -> None:
    run = run_stations(tmp_path, demo_api, STATIONS, ORDERS_PER_STATION)
    assert run.exit_codes == [0] * STATIONS, run.stderr
    assert sorted(int(seen.order_id) for seen in run.sent) == list(
        range(1000, 1000 + STATIONS * ORDERS_PER_STATION)
    )  # every item sent, none twice
    print(
        f"\nshared token, {STATIONS} stations: combined rate {run.rate_ratio:.2f} of 2/s, "
        f"429 share {run.throttled_share:.0%}"
    )
    assert run.rate_ratio >= 0.6
    assert run.throttled_share <= 0.35
