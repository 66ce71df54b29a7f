"""A demo API that misbehaves on purpose, for the queue engine's fault tests."""

from __future__ import annotations

import threading
from collections.abc import Callable

from flxdesk.flxpoint.demo_api import DemoApi

# A fault decides, from the 1-based number of the request, what to do instead of
# answering normally: (code, body[, headers]) to answer, "reset" to drop the
# connection, ("slow", seconds) to stall before the normal answer, or None.
Fault = Callable[[int], object]


class FaultyApi(DemoApi):
    def __init__(self, fault: Fault | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fault = fault or (lambda number: None)
        self.count = 0
        self._count_lock = threading.Lock()

    def _answer(self, method, raw_path, headers):
        with self._count_lock:
            self.count += 1
            number = self.count
        action = self.fault(number)
        if action == "reset":
            return None
        if isinstance(action, tuple) and action[0] == "slow":
            self.sleep(action[1])
        elif isinstance(action, tuple):
            self.record(method, raw_path, headers, action[0])
            return action
        return super()._answer(method, raw_path, headers)

    def record(self, method, raw_path, headers, code) -> None:
        from flxdesk.flxpoint.demo_api import SeenRequest

        now = self.clock()
        with self._lock:
            self.requests.append(SeenRequest(now, method, raw_path, None, {}, headers, code, now))
