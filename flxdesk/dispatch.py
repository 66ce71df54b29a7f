"""Sending one update at the token's pace, waiting out 429 answers.

Shared by every front end (window worker, later the command line); no Qt here.
"""

import threading
from dataclasses import replace

from flxdesk.api_client import FlxpointClient
from flxdesk.rate_limit import RateLimiter, bounded_retry_after
from flxdesk.results import Outcome, UpdateResult

MAX_RATE_LIMITED_ATTEMPTS = 5


def send_paced(
    client: FlxpointClient,
    limiter: RateLimiter,
    order_id: str,
    status: str,
    note: str,
    stop: threading.Event,
    max_attempts: int = MAX_RATE_LIMITED_ATTEMPTS,
) -> tuple[UpdateResult | None, int]:
    """Send once the limiter allows; repeat after a bounded pause while the API answers 429.

    Returns (result, attempts). The result is None when ``stop`` was set before a
    request could start, so the caller can leave the update queued.
    """
    attempts = 0
    while True:
        if not limiter.wait_for_slot(stop):
            return None, attempts
        attempts += 1
        result = client.update_status(order_id, status, note)
        if result.outcome is not Outcome.RATE_LIMITED:
            return result, attempts
        limiter.pause(bounded_retry_after(result.retry_after))
        if attempts >= max_attempts:
            return replace(
                result, message=f"{result.message} Gave up after {attempts} tries."
            ), attempts
