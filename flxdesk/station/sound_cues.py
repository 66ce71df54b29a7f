"""The station's sounds, one name each: what the player plays and make_sounds.py makes.

Each cue's value names its file, ``resources/sounds/<value>.wav``. A new sound is a
member here, its notes in build_scripts/make_sounds.py, and a call where it is heard
(flxdesk.gui.station.station_feedback). Standard library only: the build script
imports it without Qt.
"""

from enum import StrEnum


class Cue(StrEnum):
    SENT = "sent"  # the update was sent
    FAILED = "failed"  # an update failed, or rows of a bulk run could not be sent
    REFUSED = "refused"  # the scan was not taken
    WAITING = "waiting"  # queued, but the queue is held
