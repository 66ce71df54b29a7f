"""Bulk mode in the window: the dialog that checks many rows, and a run's progress panel.

Reading the rows is ``flxdesk.bulk``.
"""
