"""One question to the floor from the window: asked on a worker, answered by signal.

``ask_floor`` runs ``question(connection)`` through the session (flxdesk.floor.session.
FloorSession.ask) on Qt's thread pool and starts it; the job's ``succeeded`` carries the
answer, ``failed`` why there is none (the floor away, or silent too long). Receivers
compare the job with the one they wait for, so an answer that comes late is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from flxdesk.floor.link import FloorAway
from flxdesk.gui.common.background_job import BackgroundJob

if TYPE_CHECKING:
    from flxdesk.floor.session import FloorSession

Answer = TypeVar("Answer")  # what the question returns, and ``answered`` receives


def ask_floor(
    floor: FloorSession,
    question: Callable[[Any], Answer],
    answered: Callable[[BackgroundJob, Answer], None],
    silent: Callable[[BackgroundJob, str], None],
) -> BackgroundJob:
    """The started job; connect ``answered`` and ``silent`` to ``@Slot`` methods."""
    job = BackgroundJob(lambda _progress: floor.ask(question), expected=(FloorAway,))
    job.succeeded.connect(answered)
    job.failed.connect(silent)
    job.start()
    return job
