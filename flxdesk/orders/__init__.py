"""What an update is made of: the order ID, the status, the note, where it goes, how it ended.

Plain values and their checks, with no I/O: everything else in flxdesk builds on them.
Not here: sending them (``sending``), storing them (``history``).
"""
