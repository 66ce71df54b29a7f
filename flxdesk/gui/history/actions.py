"""The history pane's two longer actions: asking before retrying all failed updates, and
exporting a filter off the GUI thread.

The export reads the history through its own connection in a pool thread (SQLite
connections stay in the thread that made them), so a filter matching a million rows
writes its CSV while the window keeps painting and sending.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.gui.common.background_job import BackgroundJob
    from flxdesk.history.query import HistoryFilter


class ExportFailed(Exception):
    """The export could not be written; the text says why, in plain words."""


def ask_to_retry_all(parent: QWidget, count: int, where: str, on_yes: Callable[[], object]) -> None:
    """Ask (objectName ``retryAllBox``, Cancel by default) before queueing ``count`` again."""
    from flxdesk.gui.common.question import ask

    ask(
        parent,
        "retryAllBox",
        translate("HistoryActions", "Retry all failed"),
        translate(
            "HistoryActions", "Queue the %Ln failed update(s) {where} again?", None, count
        ).format(where=where),
        translate(
            "HistoryActions",
            "Each is sent again as a new update that names the failed one. Left out: updates "
            "already retried, and orders set to the same status in the last minutes.",
        ),
        on_yes,
    )


def export_job(db_path: Path, f: HistoryFilter, target: Path) -> BackgroundJob:
    """A job (not started) writing every row of ``f`` to ``target``; succeeds with the
    count, fails with a plain reason."""
    from flxdesk.gui.common.background_job import BackgroundJob

    def work(progress: Callable[[float], None]) -> int:
        from flxdesk.history.schema import HistoryFileError
        from flxdesk.history.store import HistoryStore
        from flxdesk.reports.export import export_filter

        try:
            store = HistoryStore(db_path)  # this thread's own connection
        except HistoryFileError as problem:
            raise ExportFailed(str(problem)) from problem
        try:
            return export_filter(store, f, target, progress)
        except OSError as problem:
            text = translate("HistoryActions", "{file} cannot be written: {problem}")
            raise ExportFailed(text.format(file=target, problem=problem.strerror)) from None
        finally:
            store.close()

    return BackgroundJob(work, expected=(ExportFailed,))
