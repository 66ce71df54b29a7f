"""Run the real flxdesk window in a child process, scan one order, and say what it shows.

    python -m support.signal_driver ORDER_ID

The window starts as a person starts it (``flxdesk.app.main``). Once it is shown it
prints ``crash notice: yes`` or ``crash notice: no``; once the token is known it scans
ORDER_ID (unless it is ``-``) and prints ``scanned``. Then it waits to be ended from
outside (SIGTERM, as a logout or ``kill`` does). The process's exit code is the window's.
"""

from __future__ import annotations

import sys


def main(order_id: str) -> int:
    from flxdesk.app import main as flxdesk_main

    def on_shown(window) -> None:
        from PySide6.QtCore import QTimer

        from flxdesk.gui.token.keeper import TokenState

        print(f"crash notice: {'yes' if window.crash_notice else 'no'}", flush=True)
        timer = QTimer(window)

        def tick() -> None:
            if window.token_watch.state is not TokenState.KEYCHAIN:
                return
            timer.stop()
            if order_id != "-":
                window.order_id_edit.setText(order_id)
                window.scan_desk.submit()
            print("scanned", flush=True)

        timer.timeout.connect(tick)
        timer.start(20)

    return flxdesk_main([], on_shown=on_shown)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
