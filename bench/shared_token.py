"""Three stations sharing one token: three command-line runs at once, separate data folders.

    python bench/shared_token.py [--orders 50]

Prints the combined rate of successful updates as a ratio of the token's 2 per second,
and the share of requests answered 429. Targets: ratio at least 0.85, 429s at most 10%.
Everything runs on 127.0.0.1 against the demo API.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from flxdesk.demo_api import DemoApi
from support.stations import run_stations

STATIONS = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=50, help="updates per station")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as folder, DemoApi() as api:
        run = run_stations(Path(folder), api, STATIONS, args.orders)
    print(
        f"shared token, {STATIONS} stations x {args.orders} updates: exit codes "
        f"{run.exit_codes}, {len(run.sent)} sent; combined rate {run.rate_ratio:.2f} of 2/s "
        f"(target >= 0.85), 429 share {run.throttled_share:.1%} (target <= 10%)"
    )
    return 0 if all(code == 0 for code in run.exit_codes) else 1


if __name__ == "__main__":
    sys.exit(main())
