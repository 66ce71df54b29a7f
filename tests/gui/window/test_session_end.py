"""A Windows logoff or shutdown: Qt emits only ``aboutToQuit``, then the process is killed.

closeEvent never runs then. The window must still end cleanly in that signal: the next
morning's start says nothing of a crash, the window's place is kept, the data folder's
lock is given back. The kill is played by a handler connected after flxdesk's own,
which ends the process at once (``os._exit``), as Windows does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DRIVER = """
import os, sys
from PySide6.QtCore import QCoreApplication, QTimer

def on_shown(window):
    app = QCoreApplication.instance()
    app.aboutToQuit.connect(lambda: os._exit(0))  # after flxdesk's handler: the kill
    window.resize(777, 555)

    def end_session():
        if window.history_is_open:
            QCoreApplication.quit()  # what Windows' WM_ENDSESSION leads to: no closeEvent
        else:
            QTimer.singleShot(50, end_session)

    QTimer.singleShot(300, end_session)

import flxdesk.app
sys.exit(flxdesk.app.main(["--demo"], on_shown=on_shown))
"""


def test_a_session_end_without_close_event_still_ends_cleanly(flxdesk_home: Path) -> None:
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", DRIVER], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    logs = flxdesk_home / "logs"
    assert not list(logs.glob("*-running.fault"))  # the next start: no "did not close" notice
    assert not list(flxdesk_home.rglob("flxdesk.lock.json"))  # the lock given back
    settings = json.loads((flxdesk_home / "settings.json").read_text(encoding="utf-8"))
    assert settings["station"]["geometry"]  # the window's place, for the next start
