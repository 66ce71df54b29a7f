import random

import pytest

from flxdesk.flxpoint.client import FlxpointClient
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.flxpoint.rate_limit import RateLimiter
from flxdesk.flxpoint.results import Outcome
from support.timing import three_in_one_second


def test_demo_api_answers_like_flxpoint(demo_api: DemoApi) -> None:
    client = FlxpointClient(demo_api.url, DEMO_TOKEN)
    limiter = RateLimiter()
    outcomes = {}
    for order_id in ("1000", "1999", "999", "2000", "abc"):
        limiter.wait_for_slot()
        outcomes[order_id] = client.update_status(order_id, "Closed").outcome
    assert outcomes == {
        "1000": Outcome.SUCCESS,
        "1999": Outcome.SUCCESS,
        "999": Outcome.NOT_FOUND,
        "2000": Outcome.NOT_FOUND,
        "abc": Outcome.NOT_FOUND,
    }
    wrong = FlxpointClient(demo_api.url, "not-the-demo-token")
    assert wrong.update_status("1000", "Open").outcome is Outcome.UNAUTHORIZED


def test_demo_api_rejects_unknown_status(demo_api: DemoApi) -> None:
    result = FlxpointClient(demo_api.url, DEMO_TOKEN).update_status("1000", "Shipped")
    assert result.outcome is Outcome.BAD_REQUEST
    assert "Shipped" in result.message


def test_demo_api_enforces_two_per_second(demo_api: DemoApi) -> None:
    client = FlxpointClient(demo_api.url, DEMO_TOKEN)
    outcomes = [client.update_status("1000", "Open").outcome for _ in range(3)]
    assert outcomes[:2] == [Outcome.SUCCESS, Outcome.SUCCESS]
    assert outcomes[2] is Outcome.RATE_LIMITED
    accepted = [seen.arrived for seen in demo_api.requests if seen.answer == 201]
    assert three_in_one_second(accepted) == []


def test_the_strict_window_lets_two_through_in_any_second_where_the_bucket_lets_three() -> None:
    bucket, window = DemoApi(), DemoApi(limit="window")
    try:
        arrivals = [0.0, 0.0, 0.5, 1.0, 1.2, 2.0]
        over_bucket = [bucket._over_rate("t", 100 + at) for at in arrivals]
        over_window = [window._over_rate("t", 100 + at) for at in arrivals]
    finally:
        for api in (bucket, window):
            api._server.server_close()
    assert over_bucket == [False, False, False, False, True, False]  # refilled at 2/s
    # Strict: 2 let through in any 1.0 s; a request answered 429 does not count.
    assert over_window == [False, False, True, False, False, False]


def test_the_strict_window_answers_429_with_retry_after_1() -> None:
    with DemoApi(limit="window") as api:
        client = FlxpointClient(api.url, DEMO_TOKEN)
        results = [client.update_status("1000", "Open") for _ in range(3)]
    assert [r.outcome for r in results] == [Outcome.SUCCESS, Outcome.SUCCESS, Outcome.RATE_LIMITED]
    assert results[2].retry_after == 1.0


def test_demo_mode_counts_each_request_as_it_arrives(demo_api: DemoApi) -> None:
    client = FlxpointClient(demo_api.url, DEMO_TOKEN)
    client.update_status("1000", "Open")
    client.update_status("1001", "Open")
    assert demo_api.jitter == 0.0
    assert [seen.counted for seen in demo_api.requests] == [
        seen.arrived for seen in demo_api.requests
    ]


def test_arrival_jitter_counts_each_request_a_seeded_0_to_j_later() -> None:
    jitter, seed = 0.03, 7
    expected = random.Random(seed)
    with DemoApi(limit="window", jitter=jitter, seed=seed) as api:
        client = FlxpointClient(api.url, DEMO_TOKEN)
        limiter = RateLimiter()
        for order in range(1000, 1005):
            limiter.wait_for_slot()
            client.update_status(str(order), "Open")
    delays = [seen.counted - seen.arrived for seen in api.requests]
    draws = [expected.uniform(0.0, jitter) for _ in delays]
    # held until its draw has passed: never counted early, late only by the wake-up
    assert all(draw <= delay < draw + 0.015 for delay, draw in zip(delays, draws, strict=True))
    assert [seen.answer for seen in api.requests] == [201] * 5


def test_arrival_jitter_squeezes_three_starts_into_the_strict_window() -> None:
    """Starts 1.02 s apart pass the strict window; a path delay of the first can refuse the third.

    Seed 2 draws the first request a long delay and the third a short one, so the server
    counts the first and the third less than 1.0 s apart.
    """
    jitter, seed = 0.1, 2
    draws = random.Random(seed)
    first, _, third = (draws.uniform(0.0, jitter) for _ in range(3))
    assert first > 0.02 + third + 0.05  # the draws this test relies on, with room to spare
    answers = {}
    for with_jitter in (False, True):
        with DemoApi(limit="window", jitter=jitter if with_jitter else 0.0, seed=seed) as api:
            client = FlxpointClient(api.url, DEMO_TOKEN)
            limiter = RateLimiter(margin=0.02)  # slots at t, t and t + 1.02
            for order in range(1000, 1003):
                limiter.wait_for_slot()
                client.update_status(str(order), "Open")
        answers[with_jitter] = [seen.answer for seen in api.requests]
    assert answers == {False: [201, 201, 201], True: [201, 201, 429]}


def test_a_negative_jitter_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="jitter must be 0 or more seconds"):
        DemoApi(jitter=-0.01)


def test_a_benchmark_can_have_more_orders_and_say_how_many_requests_are_kept() -> None:
    with DemoApi(order_ids=range(1000, 5000), keep_requests=10) as api:
        api.requests_per_second = None  # no limit: this is about orders and memory
        client = FlxpointClient(api.url, DEMO_TOKEN)
        outcomes = [client.update_status(str(order), "Open").outcome for order in (4999, 5000)]
        for order in range(1000, 1010):
            client.update_status(str(order), "Open")
    assert outcomes == [Outcome.SUCCESS, Outcome.NOT_FOUND]
    # The 11th seen request forgot the oldest 5; the newest are all there.
    assert [seen.order_id for seen in api.requests] == [str(n) for n in range(1003, 1010)]
