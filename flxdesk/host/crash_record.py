"""A hard crash leaves words behind: faulthandler writes into a file in the log folder.

A fault in a C extension (a segfault, or CPython's own "Fatal Python error") ends the
process before any Python handler or log line can run. ``faulthandler`` still writes
the Python traceback of every thread into an open file. The file exists only while
flxdesk runs: a clean exit removes it, so finding it at the next start means the
previous run ended abnormally. It is then kept under a dated name for whoever looks
into it, and the person is told.
"""

import faulthandler
import logging
import time
from pathlib import Path
from typing import IO, NamedTuple

from flxdesk.host.i18n import translate

KEEP_REPORTS = 10


class PreviousCrash(NamedTuple):
    report: Path  # the kept traceback file
    has_traceback: bool  # False: killed or powered off, nothing could be written

    def notice(self) -> str:
        """What the window (or the command line) tells the person at the next start."""
        how = (
            translate("CrashRecord", "The previous run of flxdesk ended abnormally")
            if self.has_traceback
            else translate(
                "CrashRecord",
                "The previous run of flxdesk did not close normally (it was ended, or the "
                "computer lost power)",
            )
        )
        return translate(
            "CrashRecord",
            "{how}. Updates that were queued are safe: each is saved before it is "
            "sent, and what was still waiting is sent now. Details for IT: {report}",
        ).format(how=how, report=self.report)


class CrashRecord:
    """Arms faulthandler into ``<log_dir>/<name>-running.fault`` for one run."""

    def __init__(self, log_dir: Path, name: str = "flxdesk") -> None:
        self._log_dir = log_dir
        self._name = name
        self._live = log_dir / f"{name}-running.fault"
        self._file: IO[str] | None = None

    def arm(self) -> PreviousCrash | None:
        """Keep what a crashed previous run left, then start recording this run."""
        try:
            self._log_dir.mkdir(parents=True, exist_ok=True)
            previous = self._keep_previous()
            self._file = open(self._live, "w", encoding="utf-8")  # noqa: SIM115 - open all run
        except OSError as error:  # a read-only or full log folder: run without the record
            logging.getLogger(__name__).warning("No crash record this run: %s", error)
            self._file = None
            return None
        faulthandler.enable(self._file, all_threads=True)
        return previous

    def disarm(self) -> None:
        """A clean exit: nothing to report next time."""
        if self._file is None:
            return
        faulthandler.disable()
        self._file.close()
        self._file = None
        self._live.unlink(missing_ok=True)

    def _keep_previous(self) -> PreviousCrash | None:
        if not self._live.exists():
            return None
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._live.stat().st_mtime))
        kept = self._log_dir / f"{self._name}-crash-{stamp}.txt"
        number = 1
        while kept.exists():
            number += 1
            kept = self._log_dir / f"{self._name}-crash-{stamp}-{number}.txt"
        self._live.replace(kept)
        self._prune()
        return PreviousCrash(kept, kept.stat().st_size > 0)

    def _prune(self) -> None:
        reports = sorted(self._log_dir.glob(f"{self._name}-crash-*.txt"), key=_modified)
        for old in reports[:-KEEP_REPORTS]:
            old.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    return path.stat().st_mtime
