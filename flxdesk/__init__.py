"""flxdesk: set Flxpoint order statuses from a desktop window.

The package root and everything outside ``flxdesk.gui`` import without Qt, so the
engine can be tested (and later driven from a command line) with no display.
"""

__version__ = "0.1.0"
