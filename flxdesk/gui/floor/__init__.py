"""What the window shows of the floor: the Floor view, and the mirror of other stations'
recent updates that the duplicate guard reads without waiting.

Every question to the floor is asked from a worker thread (flxdesk.gui.common.
background_job), never the window's. Not here: the floor itself (``flxdesk.floor``),
the status bar's floor line (``flxdesk.gui.window.status_bar``), the whole floor's shift
summary (``flxdesk.gui.reports.shift_summary_dialog``).
"""
