"""Three command-line runs at once, one token, separate data folders: all sent.

Prints the combined rate as a ratio of the token's 2 per second, and the share of
requests answered 429 (``pytest -s`` shows them; ``bench/shared_token.py`` measures
longer runs). The bounds asserted here catch regressions; the issue's targets are
in the closing note with the measured figures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flxdesk.demo_api import DEMO_TOKEN, DemoApi

STATIONS = 3
ORDERS_PER_STATION = 30


def test_three_stations_share_one_token(tmp_path: Path) -> None:
    with DemoApi() as api:
        runs = []
        for station in range(STATIONS):
            home = tmp_path / f"station-{station}"
            home.mkdir()
            first = 1000 + station * ORDERS_PER_STATION
            orders = home / "orders.csv"
            orders.write_text(
                "order_id\n" + "\n".join(str(first + n) for n in range(ORDERS_PER_STATION)),
                encoding="utf-8",
            )
            env = dict(
                os.environ,
                FLXDESK_HOME=str(home),
                FLXDESK_API_URL=api.url,
                FLXDESK_TOKEN=DEMO_TOKEN,
            )
            runs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "flxdesk", "bulk", str(orders), "--status", "Closed"],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
        for run in runs:
            run.stderr.close()
    assert [code for code, _ in results] == [0] * STATIONS, results
    sent = [seen for seen in api.requests if seen.answer == 201]
    assert sorted(int(seen.order_id) for seen in sent) == list(
        range(1000, 1000 + STATIONS * ORDERS_PER_STATION)
    )  # every item sent, none twice
    arrivals = sorted(seen.arrived for seen in sent)
    ratio = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]) / 2
    throttled = sum(seen.answer == 429 for seen in api.requests) / len(api.requests)
    print(
        f"\nshared token, {STATIONS} stations: combined rate {ratio:.2f} of 2/s, "
        f"429 share {throttled:.0%}"
    )
    assert ratio >= 0.6
    assert throttled <= 0.35
