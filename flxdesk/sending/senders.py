"""The queue engine's sending threads, their HTTP clients, and the requests on the wire.

The threads are daemons, so that a request stuck on the wire never keeps the process
alive after the engine stopped; ``Wire`` knows which clients are in a request, so that
a stop lets their answers arrive within a grace and then ends the rest at once.
"""

from __future__ import annotations

import enum
import queue
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Protocol

if TYPE_CHECKING:
    from flxdesk.flxpoint.results import UpdateResult


class Abandoned(enum.Enum):
    """The request was ended by a stop while on the wire: it may have been applied.

    One member, so that ``result is ABANDONED`` tells the type checker which it is.
    """

    ABANDONED = "abandoned"


ABANDONED: Final = Abandoned.ABANDONED


def flxpoint_client(api_url: str, token: str) -> SendingClient:
    """The client of a sending thread: Flxpoint's, imported when the first is made."""
    from flxdesk.flxpoint.client import FlxpointClient

    return FlxpointClient(api_url, token)


class SendingClient(Protocol):
    """What a sending thread needs of its HTTP client (flxpoint.client.FlxpointClient)."""

    def update_status(self, order_id: str, status: str, note: str = "") -> UpdateResult: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...  # ends the request in progress, from another thread


class Senders:
    """Daemon threads that run the submitted jobs, ``count`` at a time."""

    def __init__(self, count: int) -> None:
        self._jobs: queue.Queue[tuple[Callable[..., None], tuple[object, ...]] | None] = (
            queue.Queue()
        )
        self._threads = [
            threading.Thread(target=self._work, name=f"flxdesk-send-{n}", daemon=True)
            for n in range(count)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, function: Callable[..., None], *args: object) -> None:
        self._jobs.put((function, args))

    def close(self) -> None:
        """Each thread ends after the jobs submitted before."""
        for _ in self._threads:
            self._jobs.put(None)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            function, args = job
            function(*args)


class ThreadClients:
    """One HTTP client per sending thread (its own session), made again for a new token."""

    def __init__(self, make: Callable[[str], SendingClient]) -> None:
        self._make = make
        self._local = threading.local()

    def get(self, token: str, generation: int) -> SendingClient:
        cached: tuple[int, SendingClient] | None = getattr(self._local, "entry", None)
        if cached is None or cached[0] != generation:
            if cached is not None:
                cached[1].close()
            cached = (generation, self._make(token))
            self._local.entry = cached
        return cached[1]


class Wire:
    """The clients in a request, on the caller's lock (``enter`` is called with it held,
    so that deciding to send and being on the wire are one step)."""

    def __init__(self, lock: threading.RLock) -> None:
        self._clients: set[SendingClient] = set()
        self._changed = threading.Condition(lock)
        self._answers_until = 0.0  # time.monotonic() until which answers may still come

    def allow_answers_for(self, grace: float) -> None:
        with self._changed:
            self._answers_until = max(self._answers_until, time.monotonic() + grace)

    def enter(self, client: SendingClient) -> None:
        self._clients.add(client)

    def leave(self, client: SendingClient) -> None:
        with self._changed:
            self._clients.discard(client)
            self._changed.notify_all()

    def end(self) -> None:
        """Let the answers on their way arrive until the grace ends, then end the rest."""
        with self._changed:
            self._changed.wait_for(
                lambda: not self._clients,
                timeout=max(0.0, self._answers_until - time.monotonic()),
            )
            on_wire = list(self._clients)
        for client in on_wire:
            client.abort()
