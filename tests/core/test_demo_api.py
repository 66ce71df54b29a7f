from flxdesk.api_client import FlxpointClient
from flxdesk.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.rate_limit import RateLimiter
from flxdesk.results import Outcome
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
