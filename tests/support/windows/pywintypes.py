"""Stand-in for pywin32's ``pywintypes``: its ``error``, as Windows API calls raise it."""

from __future__ import annotations


class error(Exception):  # pywin32 names it so
    """``error(winerror, funcname, strerror)``, with those three as attributes too."""

    def __init__(self, winerror: int, funcname: str, strerror: str) -> None:
        super().__init__(winerror, funcname, strerror)
        self.winerror, self.funcname, self.strerror = winerror, funcname, strerror
