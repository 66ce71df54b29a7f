"""Several stations sharing one token: command-line runs at once, each with its own folder.

Used by ``tests/cli/test_shared_token.py`` and ``bench/shared_token.py`` (which puts
``tests/`` on its path for this module).
"""

from __future__ import annotations

import collections
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi, SeenRequest
from flxdesk.history.store import HistoryStore, State
from support.strict_server import Pace, pace


class StationsRun(NamedTuple):
    exit_codes: list[int]
    stderr: list[str]
    requests: list[SeenRequest]

    @property
    def sent(self) -> list[SeenRequest]:
        return [seen for seen in self.requests if seen.answer == 201]

    @property
    def answers(self) -> collections.Counter[int]:
        """How many requests the API answered with each code."""
        return collections.Counter(seen.answer for seen in self.requests)

    @property
    def lost_after_429(self) -> list[str | None]:
        """Orders answered 429 that no later request sent: each must have been retried
        until it was (an order belongs to one station only)."""
        sent_at = {seen.order_id: seen.arrived for seen in self.sent}
        return [
            seen.order_id
            for seen in self.requests
            if seen.answer == 429 and not sent_at.get(seen.order_id, -math.inf) > seen.arrived
        ]

    @property
    def pace(self) -> Pace:
        return pace(self.requests)

    @property
    def rate_ratio(self) -> float:
        """Combined rate of successful updates as a share of the token's 2 per second
        (a benchmark's figure: bench/shared_token.py, bench/floor.py)."""
        return self.pace.ratio

    @property
    def throttled_share(self) -> float:
        """Share of all requests that were answered 429 (a benchmark's figure)."""
        return self.pace.throttled_share


def run_stations(
    folder: Path,
    api: DemoApi,
    stations: int,
    orders_per_station: int,
    timeout: float = 300,
    env: dict[str, str] | None = None,
) -> StationsRun:
    """Each station bulk-sends its own orders (1000 upwards, no overlap) with one token."""
    runs = start_stations(folder, api, stations, orders_per_station, env)
    return finish_stations(runs, api, timeout)


def station_env(
    home: Path, api: DemoApi, name: str, env: dict[str, str] | None = None
) -> dict[str, str]:
    """A command-line station's environment: its data folder, the demo API and token, its
    name, no keychain, no floor unless ``env`` names one."""
    station = dict(
        os.environ,
        FLXDESK_HOME=str(home),
        FLXDESK_API_URL=api.url,
        FLXDESK_TOKEN=DEMO_TOKEN,
        FLXDESK_STATION=name,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    station.pop("FLXDESK_FLOOR_URL", None)
    station.update(env or {})
    return station


def start_stations(
    folder: Path,
    api: DemoApi,
    stations: int,
    orders_per_station: int,
    env: dict[str, str] | None = None,
) -> list[subprocess.Popen]:
    """The stations' command-line runs, started at once (PACK-1, PACK-2, ... with ``env``
    added, e.g. a floor); ``finish_stations`` waits for them."""
    runs = []
    for station in range(stations):
        home = folder / f"station-{station}"
        home.mkdir()
        first = 1000 + station * orders_per_station
        orders = home / "orders.csv"
        orders.write_text(
            "order_id\n" + "\n".join(str(first + n) for n in range(orders_per_station)) + "\n",
            encoding="utf-8",
        )
        runs.append(
            subprocess.Popen(
                [sys.executable, "-m", "flxdesk", "bulk", str(orders), "--status", "Closed"],
                env=station_env(home, api, f"PACK-{station + 1}", env),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    return runs


def finish_stations(
    runs: list[subprocess.Popen], api: DemoApi, timeout: float = 300
) -> StationsRun:
    codes, errors = [], []
    for run in runs:
        _, stderr = run.communicate(timeout=timeout)
        codes.append(run.returncode)
        errors.append(stderr)
    return StationsRun(codes, errors, list(api.requests))


def station_states(folder: Path, stations: int) -> list[dict[State, int]]:
    """Each station's history (``run_stations``' folders), counted by state."""
    states = []
    for station in range(stations):
        store = HistoryStore(folder / f"station-{station}" / "history.sqlite3")
        try:
            states.append(store.count_by_state())
        finally:
            store.close()
    return states
