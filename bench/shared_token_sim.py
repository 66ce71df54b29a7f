"""Stations sharing one token, simulated: the real RateLimiter on a simulated clock.

    python bench/shared_token_sim.py [--stations 3] [--orders 20 50] [--seeds 40]
                                     [--jitter-ms 20] [--latency-ms 4] [--limit window]

``bench/shared_token.py`` measures real processes, about a minute per figure; this runs
the same situation in virtual time, hundreds of runs a second, for tuning
``flxdesk/flxpoint/rate_limit.py``. Each station is what the queue engine does with the
limiter: up to two requests in flight, each waiting for ``wait_for_slot``'s start
(claiming a new one when a pause came meanwhile); a 429 pauses the limiter for
``Retry-After`` (1 s), calls ``on_throttled`` and retries that row after the pause.
Stations start within 0.3 s of each other, as three processes started at once do
(``--stations 1`` is a lone station, as in ``bench/throughput.py``). The server is the
demo API's token bucket or its strict window; ``--jitter-ms J`` counts each request 0-J
ms after it starts (plus up to 2 ms of the machine's own timing), as the jittery strict
server does. Prints, per server and run length, the mean combined rate as a ratio of 2
per second and the mean share of requests answered 429 (with the worst run). Its figures
track the real benchmarks' within a few hundredths (see the README).
"""

from __future__ import annotations

import argparse
import heapq
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flxdesk.flxpoint.rate_limit import RateLimiter

LATENCY_SECONDS = 0.004  # loopback
TIMING_NOISE_SECONDS = 0.002  # a sending thread wakes, connects and is read a little late
START_SPREAD_SECONDS = 0.3
RETRY_AFTER_SECONDS = 1.0
IN_FLIGHT = 2


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Server:
    """The demo API's limits: ``bucket`` (2/s, bursts of 2) or ``window`` (strict)."""

    def __init__(self, limit: str) -> None:
        self.limit = limit
        self.passed: list[float] = []
        self.answers: list[bool] = []
        self._bucket = (2.0, 0.0)

    def answer(self, now: float) -> bool:
        if self.limit == "window":
            ok = sum(1 for at in self.passed if at > now - 1.0) < 2
        else:
            left, last = self._bucket
            left = min(2.0, left + (now - last) * 2.0)
            ok = left >= 1.0
            self._bucket = (left - 1.0 if ok else left, now)
        self.answers.append(ok)
        if ok:
            self.passed.append(now)
        return ok


def run_once(
    stations: int,
    orders: int,
    limit: str,
    seed: int,
    make_limiter: Callable[[Clock, Callable[[], float]], RateLimiter] | None = None,
    jitter: float = 0.0,
    latency: float = LATENCY_SECONDS,
) -> tuple[float, float]:
    """(combined rate as a ratio of 2/s, share of requests answered 429) for one run."""
    rng = random.Random(seed)
    clock = Clock()
    server = Server(limit)
    events: list = []
    order = [0]

    def at(when: float, action: Callable[[], None]) -> None:
        order[0] += 1
        heapq.heappush(events, (when, order[0], action))

    def limiter_for() -> RateLimiter:
        if make_limiter is not None:
            return make_limiter(clock, rng.random)
        return RateLimiter(clock=clock, jitter=rng.random)

    def station(limiter: RateLimiter) -> None:
        rows = list(range(orders))
        retry_at: dict[int, float] = {}
        busy: set[int] = set()

        def fill() -> None:
            while len(busy) < IN_FLIGHT:
                due = [r for r in rows if r not in busy and retry_at.get(r, 0.0) <= clock.now]
                if not due:
                    waiting = [retry_at[r] for r in rows if r not in busy and r in retry_at]
                    if waiting:
                        at(min(waiting), fill)
                    return
                busy.add(due[0])
                reserve(due[0])

        def reserve(row: int) -> None:
            start, serial = limiter.reserve()
            at(max(start, clock.now), lambda: start_request(row, serial))

        def start_request(row: int, serial: int) -> None:
            # as wait_for_slot: a pause that came meanwhile freed the slot; claim a new one
            if serial != limiter._pause_serial:
                reserve(row)
                return
            delay = TIMING_NOISE_SECONDS * rng.random() + jitter * rng.random()
            at(clock.now + delay, lambda: counted(row))

        def counted(row: int) -> None:
            ok = server.answer(clock.now)
            at(clock.now + latency + LATENCY_SECONDS * rng.random(), lambda: answered(row, ok))

        def answered(row: int, ok: bool) -> None:
            busy.discard(row)
            if ok:
                rows.remove(row)
            else:
                limiter.pause(RETRY_AFTER_SECONDS)
                limiter.on_throttled()
                retry_at[row] = clock.now + RETRY_AFTER_SECONDS
            fill()

        at(rng.random() * START_SPREAD_SECONDS, fill)

    for _ in range(stations):
        station(limiter_for())
    while events:
        when, _, action = heapq.heappop(events)
        clock.now = when
        action()
    passed = sorted(server.passed)
    ratio = (len(passed) - 1) / (passed[-1] - passed[0]) / 2.0
    return ratio, server.answers.count(False) / len(server.answers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=3)
    parser.add_argument("--orders", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--seeds", type=int, default=40)
    parser.add_argument("--jitter-ms", type=float, default=0.0)
    parser.add_argument("--latency-ms", type=float, default=LATENCY_SECONDS * 1000)
    parser.add_argument("--limit", action="append", choices=("bucket", "window"))
    args = parser.parse_args(argv)
    jitter, latency = args.jitter_ms / 1000, args.latency_ms / 1000
    for limit in args.limit or ["bucket", "window"]:
        for orders in args.orders:
            runs = [
                run_once(args.stations, orders, limit, seed, jitter=jitter, latency=latency)
                for seed in range(args.seeds)
            ]
            ratios, shares = zip(*runs, strict=True)
            print(
                f"simulated, {limit}, {args.stations} stations x {orders}: combined rate "
                f"{statistics.mean(ratios):.3f} of 2/s (worst {min(ratios):.3f}), 429 share "
                f"{statistics.mean(shares):.3f} (worst {max(shares):.3f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
