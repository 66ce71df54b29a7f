"""Keep the window's thread quick to get Python's GIL while worker threads compute.

Reading, checking and writing a large import run in worker threads, but they still run
Python, and only one thread runs Python at a time. The GUI thread enters Python many
times per event loop pass (each timer, queued signal, model ``data`` call and the scan
filter's look at every event), and each entry waits for the GIL. Measured on 2 cores
with ``bench/bulk_import.py``:

- CPython makes a busy thread hand the GIL over only after the *switch interval*
  (5 ms by default). A pass of the event loop that enters Python 20 times then waits
  ~100 ms while a worker checks rows: stalls of 90-330 ms, with the GUI thread using
  under 5 ms of CPU in them. A 1 ms interval keeps such a pass near 20 ms.
- A full garbage collection holds the GIL for all of it, in whichever thread it runs:
  11-17 ms each, several per 200,000-row import, most of it spent walking the
  objects made at start-up, which live as long as the window. Frozen after start-up
  (``gc.freeze``), they are no longer walked; a full collection then takes ~3 ms.

Until the window's first paint nothing is collected at all (``pause_collections``): what
start-up makes (PySide6's modules and types, the window's widgets) lives as long as the
window, and the ~40 collections that walked it took ~5 ms of the start. At the first
paint it is frozen and collections resume (``resume_collections``).
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL_SECONDS = 0.001  # CPython's default is 0.005


def share_the_gil_quickly() -> None:
    """A thread that waits for the GIL gets it within 1 ms (for the whole process)."""
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


def pause_collections() -> None:
    """No garbage collection until ``resume_collections`` (the start of the window)."""
    gc.disable()


def resume_collections() -> None:
    """Collections again, leaving out what exists now (the first paint): once."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def freeze_start_up_objects() -> None:
    """Leave the objects that exist now out of later garbage collections."""
    gc.freeze()


def thaw_start_up_objects() -> None:
    """Undo ``freeze_start_up_objects`` (the window closes: its objects may go)."""
    gc.unfreeze()
