"""Run the real flxdesk window in a child process, scan one order, and quit on a sign.

    python -m support.quit_driver FLAG_FILE ORDER_ID

Used by the test that quits the window while a request hangs: the window starts as a
person starts it (``flxdesk.app.main``), the order is scanned once the token is known,
and File → Quit is triggered as soon as FLAG_FILE exists (the test creates it once the
server has the request). The process's exit code is the window's. ``start_window``
starts it so, with its data folder, API address and token (through the environment's
test keyring), for the test and for ``bench/hangs.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def start_window(
    flag: Path, data_dir: Path, api_url: str, token: str, order_id: str = "1234"
) -> subprocess.Popen[str]:
    """The window in a child process, headless, about to scan ``order_id`` and to quit
    once ``flag`` exists; its stdout and stderr are pipes."""
    from support.env_keyring import TOKEN_VARIABLE
    from support.process import child_env

    env = child_env(
        FLXDESK_HOME=str(data_dir),
        FLXDESK_API_URL=api_url,
        PYTHON_KEYRING_BACKEND="support.env_keyring.EnvKeyring",
        QT_QPA_PLATFORM="offscreen",
    )
    env[TOKEN_VARIABLE] = token
    return subprocess.Popen(
        [sys.executable, "-m", "support.quit_driver", str(flag), order_id],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def main(flag: Path, order_id: str) -> int:
    from flxdesk.app import main as flxdesk_main

    def on_shown(window) -> None:
        from PySide6.QtCore import QTimer

        from flxdesk.gui.token.keeper import TokenState

        timer = QTimer(window)
        scanned = []

        def tick() -> None:
            if not scanned and window.token_watch.state is TokenState.KEYCHAIN:
                window.order_id_edit.setText(order_id)
                window.scan_desk.submit()
                scanned.append(order_id)
                print("scanned", flush=True)
            if scanned and flag.exists():
                timer.stop()
                print("quitting", flush=True)
                window.menus.quit_action.trigger()

        timer.timeout.connect(tick)
        timer.start(20)

    return flxdesk_main([], on_shown=on_shown)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
