"""Console output that never fails on a character the console's code page lacks.

Windows gives redirected output (a scheduled task's log file, a pipe) the ANSI code page:
cp1252 in western Europe and the Americas. An order ID or a server's text outside it
(Cyrillic, Chinese, an emoji, "→") raised UnicodeEncodeError in the middle of a run, after
the update was sent. Such characters are written as escapes (``\\u4e2d``) instead, as
Python already does on stderr; everything the code page has is written as before.
"""

from __future__ import annotations

import sys


def tolerate_unencodable_output() -> None:
    """Make stdout and stderr escape what their encoding cannot write, instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None: no console at all
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            reconfigure(errors="backslashreplace")
