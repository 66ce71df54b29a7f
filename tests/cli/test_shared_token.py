"""Three command-line runs at once, one token, separate data folders: every order sent once.

The stations share nothing but the server's answers, so some requests are answered 429;
each is retried until it is sent. How fast they share the token (the combined rate as a
ratio of its 2 per second, the share answered 429) is ``bench/shared_token.py``'s.
"""

from __future__ import annotations

from pathlib import Path

from flxdesk.flxpoint.demo_api import DemoApi
from flxdesk.history.store import State
from support.stations import run_stations, station_states

STATIONS = 3
ORDERS_PER_STATION = 8  # a station alone takes 3.5 s: the three overlap


def test_three_stations_share_one_token_and_send_every_order_once(
    tmp_path: Path, demo_api: DemoApi
) -> None:
    run = run_stations(tmp_path, demo_api, STATIONS, ORDERS_PER_STATION)
    assert run.exit_codes == [0] * STATIONS, run.stderr
    assert sorted(int(seen.order_id) for seen in run.sent) == list(
        range(1000, 1000 + STATIONS * ORDERS_PER_STATION)
    )  # every item sent, none twice
    # Three stations at once spend the token's budget three times over: some requests were
    # answered 429 (and nothing else but 201), and every one of them was retried until sent.
    assert set(run.answers) == {201, 429}, run.answers
    assert run.lost_after_429 == []
    for states in station_states(tmp_path, STATIONS):
        assert states[State.SENT] == ORDERS_PER_STATION
        assert states[State.FAILED] == 0
