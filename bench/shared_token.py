"""Three stations sharing one token: three command-line runs at once, separate data folders.

    python bench/shared_token.py [--orders 50] [--limit bucket|window]

Runs against the demo API twice: with its token bucket (2 per second, bursts of 2) and
with a strict sliding window (at most 2 requests let through in any 1.0 s, 429 with
Retry-After: 1 otherwise). For each, prints the combined rate of successful updates as
a ratio of the token's 2 per second, and the share of requests answered 429. Targets:
ratio at least 0.85, 429s at most 0.10 of requests, short runs (20 updates) included.
Everything runs on 127.0.0.1. The README has the last figures, and why stations that
share nothing but the server's answers cannot reach the target on the strict window.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from flxdesk.flxpoint.demo_api import DemoApi
from support.stations import run_stations

STATIONS = 3
LIMITS = {
    "bucket": "token bucket (2/s, bursts of 2)",
    "window": "strict window (2 in any 1.0 s, Retry-After: 1)",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=50, help="updates per station")
    parser.add_argument(
        "--limit",
        action="append",
        choices=sorted(LIMITS),
        help="the demo API's limit to run against (default: both, one after the other)",
    )
    args = parser.parse_args(argv)
    codes = []
    for limit in args.limit or ["bucket", "window"]:
        with (
            tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as folder,
            DemoApi(limit=limit) as api,
        ):
            run = run_stations(Path(folder), api, STATIONS, args.orders)
        codes += run.exit_codes
        print(
            f"shared token, {LIMITS[limit]}, {STATIONS} stations x {args.orders} updates: exit "
            f"codes {run.exit_codes}, {len(run.sent)} sent; combined rate {run.rate_ratio:.2f} "
            f"of 2/s (target >= 0.85), 429 share {run.throttled_share:.2f} of requests "
            "(target <= 0.10)",
            flush=True,
        )
    return 0 if all(code == 0 for code in codes) else 1


if __name__ == "__main__":
    sys.exit(main())
