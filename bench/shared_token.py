"""Three stations sharing one token: three command-line runs at once, separate data folders.

    python bench/shared_token.py [--orders 50]

Prints the combined rate of successful updates as a ratio of the token's 2 per second,
and the share of requests answered 429. Targets: ratio at least 0.85, 429s at most 10%.
Everything runs on 127.0.0.1 against the demo API.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from flxdesk.demo_api import DEMO_TOKEN, DemoApi

STATIONS = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=50, help="updates per station")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="flxdesk-bench-") as folder, DemoApi() as api:
        runs = []
        for station in range(STATIONS):
            home = Path(folder) / f"station-{station}"
            home.mkdir()
            orders = home / "orders.csv"
            first = 1000 + station * args.orders
            orders.write_text(
                "order_id\n" + "\n".join(str(first + n) for n in range(args.orders)) + "\n",
                encoding="utf-8",
            )
            env = dict(
                os.environ,
                FLXDESK_HOME=str(home),
                FLXDESK_API_URL=api.url,
                FLXDESK_TOKEN=DEMO_TOKEN,
                PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            )
            command = [sys.executable, "-m", "flxdesk", "bulk", str(orders), "--status", "Closed"]
            runs.append(
                subprocess.Popen(
                    command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
        codes = [run.wait() for run in runs]
    sent = [seen for seen in api.requests if seen.answer == 201]
    arrivals = sorted(seen.arrived for seen in sent)
    ratio = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]) / 2
    throttled = sum(seen.answer == 429 for seen in api.requests) / len(api.requests)
    print(
        f"shared token, {STATIONS} stations x {args.orders} updates: exit codes {codes}, "
        f"{len(sent)} sent; combined rate {ratio:.2f} of 2/s (target >= 0.85), "
        f"429 share {throttled:.1%} (target <= 10%)"
    )
    return 0 if all(code == 0 for code in codes) else 1


if __name__ == "__main__":
    sys.exit(main())
