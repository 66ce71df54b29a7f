"""The window layer (PySide6): every widget, dialog, model and Qt thread lives below here.

Subpackages mirror the core where they show it (``gui.history`` shows ``history``, and so
on). Nothing outside ``flxdesk/gui/`` (and the entry point ``app.py``) imports Qt.
"""
