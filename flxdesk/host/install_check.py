"""What one line of ``flxdesk --self-test`` says: one check of this install, passed or not.

Each part of flxdesk that an install depends on contributes its own check, beside what
it checks: the keychain (flxdesk.host.credentials), the TLS trust store
(flxdesk.flxpoint.tls), the history (flxdesk.history.store), a round trip
(flxdesk.flxpoint.demo_api), the floor (flxdesk.floor.login_check) and the window's Qt
(flxdesk.gui.start.qt_checks). ``flxdesk.self_test`` only collects them and prints a
line each. A check never raises: what went wrong is its ``detail``.
"""

from __future__ import annotations

from typing import NamedTuple


class CheckResult(NamedTuple):
    name: str
    passed: bool
    detail: str
