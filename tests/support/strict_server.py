"""The strict loopback server the pacing figures are measured on, and how they are read.

Flxpoint's limit taken as strictly as it could be meant: at most 2 requests per token
counted in any 1.0 s (``DemoApi(limit="window")``, ``Retry-After: 1``), each request
counted a random 0-J ms after it arrives, as requests from different stations reach
Flxpoint over network paths of varying delay. Used by the pacing tests and by
``bench/throughput.py``, ``bench/shared_token.py`` and ``bench/floor.py`` (the benches
put ``tests/`` on their path for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi, SeenRequest

LIMIT_PER_SECOND = 2.0
SEED = 18  # the same jitter every run unless asked otherwise


def strict_api(
    jitter_ms: float = 20.0, *, seed: int = SEED, latency: float = 0.0, token: str = DEMO_TOKEN
) -> DemoApi:
    """The strict window with 0-``jitter_ms`` arrival jitter; start it (``with``) to serve."""
    return DemoApi(token=token, latency=latency, limit="window", jitter=jitter_ms / 1000, seed=seed)


class Pace(NamedTuple):
    """How a run used the token's budget, as the server counted it."""

    requests: int
    sent: int  # answered 201
    throttled: int  # answered 429
    ratio: float  # updates sent per second, as a share of the limit

    @property
    def throttled_share(self) -> float:
        return self.throttled / self.requests if self.requests else 0.0

    def describe(self) -> str:
        return (
            f"{self.ratio:.3f} of {LIMIT_PER_SECOND:g}/s, {self.throttled} of {self.requests} "
            f"requests answered 429 ({self.throttled_share:.1%})"
        )


def pace(requests: Sequence[SeenRequest]) -> Pace:
    """The pace of the updates sent (first to last counted), and the 429s among requests."""
    sent = sorted(seen.counted for seen in requests if seen.answer == 201)
    throttled = sum(seen.answer == 429 for seen in requests)
    span = sent[-1] - sent[0] if len(sent) > 1 else 0.0
    ratio = (len(sent) - 1) / span / LIMIT_PER_SECOND if span > 0 else 0.0
    return Pace(len(requests), len(sent), throttled, ratio)
