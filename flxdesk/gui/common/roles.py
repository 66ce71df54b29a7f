"""Qt item-data roles as plain ints, for the first-paint path.

PySide6 builds the whole ``Qt`` namespace (about 1,200 enum members, ~11 ms) the first
time ``Qt`` is imported. The history model is painted before anything else needs ``Qt``,
so it compares with these ints; tests/gui/history/test_history_model.py checks they equal Qt's.
"""

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole
