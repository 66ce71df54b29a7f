"""The window's menus and actions, as one table: a new entry is one line in ``ENTRIES``.

Each entry names its menu, the attribute it is reachable by (``window.menus.<name>``),
an objectName for automation tools when it has one, and what it does: a path from the
window to a method (``"preferences.open_settings"``), looked up when the action is
triggered, so parts made after the first paint (the history pane) can be targets.
Keyboard shortcuts are set after the first paint (``set_shortcuts``): ``QKeySequence``
and the ``Qt`` namespace are not small to build.
"""

import operator
from typing import NamedTuple

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate

MENUS = (
    ("file", QT_TRANSLATE_NOOP("WindowMenus", "&File")),
    ("view", QT_TRANSLATE_NOOP("WindowMenus", "&View")),
    ("bulk", QT_TRANSLATE_NOOP("WindowMenus", "&Bulk")),
    ("operator", QT_TRANSLATE_NOOP("WindowMenus", "O&perator")),
    ("token", QT_TRANSLATE_NOOP("WindowMenus", "&Token")),
    ("help", QT_TRANSLATE_NOOP("WindowMenus", "&Help")),
)


class Entry(NamedTuple):
    menu: str
    name: str  # the action's attribute on WindowMenus
    text: str
    object_name: str  # "" when automation has no need of it
    target: str  # window.<target>() runs when it is triggered
    argument: float | None = None  # passed to the target, when it takes one
    separator_before: bool = False


ENTRIES = (
    Entry(
        "file",
        "settings_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Settings…"),
        "settingsAction",
        "preferences.open_settings",
    ),
    Entry(
        "file",
        "print_codes_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Print command barcodes…"),
        "printCommandBarcodesAction",
        "save_command_sheet",
    ),
    Entry(
        "file",
        "shift_summary_action",
        QT_TRANSLATE_NOOP("WindowMenus", "Shift &summary…"),
        "shiftSummaryAction",
        "history_pane.open_shift_summary",
        separator_before=True,
    ),
    Entry("file", "quit_action", QT_TRANSLATE_NOOP("WindowMenus", "&Quit"), "", "close"),
    Entry(
        "view",
        "acknowledge_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Acknowledge failures"),
        "acknowledgeAction",
        "feedback.acknowledge",
    ),
    Entry(
        "view",
        "zoom_in_action",
        QT_TRANSLATE_NOOP("WindowMenus", "Zoom &in"),
        "",
        "preferences.zoom_by",
        0.1,
    ),
    Entry(
        "view",
        "zoom_out_action",
        QT_TRANSLATE_NOOP("WindowMenus", "Zoom &out"),
        "",
        "preferences.zoom_by",
        -0.1,
    ),
    Entry(
        "view",
        "zoom_reset_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Actual size"),
        "",
        "preferences.apply_zoom",
        1.0,
    ),
    Entry(
        "view",
        "floor_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Floor…"),
        "floorAction",
        "floor_parts.open_view",
        separator_before=True,
    ),
    Entry(
        "bulk",
        "bulk_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Bulk update…"),
        "bulkAction",
        "bulk.open_dialog",
    ),
    Entry(
        "operator",
        "sign_in_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Sign in…"),
        "signInAction",
        "operators.ask_badge",
    ),
    Entry(
        "operator",
        "sign_out_action",
        QT_TRANSLATE_NOOP("WindowMenus", "Sign &out"),
        "signOutAction",
        "operators.sign_out",
    ),
    Entry(
        "token",
        "set_token_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Set or replace token…"),
        "setTokenAction",
        "token_watch.prompts.ask",
    ),
    Entry(
        "token",
        "forget_token_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&Forget saved token"),
        "forgetTokenAction",
        "token_watch.prompts.confirm_forget",
    ),
    Entry(
        "help",
        "user_guide_action",
        QT_TRANSLATE_NOOP("WindowMenus", "&User guide"),
        "userGuideAction",
        "open_user_guide",
    ),
)

# Shortcuts by action: a standard key's name (the platform's own keys) or a sequence.
SHORTCUTS = {
    "quit_action": ("StandardKey.Quit",),
    "bulk_action": ("Ctrl+B",),
    "sign_in_action": ("Ctrl+I",),  # the badge number typed, for a scanner that fails
    "zoom_in_action": ("StandardKey.ZoomIn", "Ctrl+="),
    "zoom_out_action": ("StandardKey.ZoomOut",),
    "zoom_reset_action": ("Ctrl+0",),
    "acknowledge_action": ("Esc",),  # anywhere in the window (WindowShortcut)
}


class WindowMenus:
    """The menu bar of ``window``; each action is an attribute named as in ``ENTRIES``."""

    # Set in __init__ from ENTRIES (setattr); declared here so that they are typed.
    settings_action: QAction
    print_codes_action: QAction
    shift_summary_action: QAction
    quit_action: QAction
    acknowledge_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    floor_action: QAction
    bulk_action: QAction
    sign_in_action: QAction
    sign_out_action: QAction
    set_token_action: QAction
    forget_token_action: QAction
    user_guide_action: QAction

    def __init__(self, window: QMainWindow, *, demo: bool) -> None:
        self._window = window
        menus = {
            key: window.menuBar().addMenu(translate("WindowMenus", text)) for key, text in MENUS
        }
        self.token_menu = menus["token"]
        self.operator_menu = menus["operator"]  # hidden where operators do not sign in
        self.token_menu.setEnabled(not demo)  # the demo's token is its own
        for entry in ENTRIES:
            menu = menus[entry.menu]
            if entry.separator_before:
                menu.addSeparator()
            action = menu.addAction(translate("WindowMenus", entry.text))
            if entry.object_name:
                action.setObjectName(entry.object_name)
            action.triggered.connect(lambda _checked=False, e=entry: self._run(e))
            setattr(self, entry.name, action)
        self.floor_action.setVisible(False)  # shown on a station with a floor (FloorParts)

    def action(self, name: str) -> QAction:
        return getattr(self, name)

    def _run(self, entry: Entry) -> None:
        method = operator.attrgetter(entry.target)(self._window)
        if entry.argument is None:
            method()
        else:
            method(entry.argument)

    def set_shortcuts(self) -> None:
        """After the first paint: every entry's keys (``SHORTCUTS``)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence

        for name, keys in SHORTCUTS.items():
            sequences = [
                QKeySequence(getattr(QKeySequence.StandardKey, key.split(".")[1]))
                if key.startswith("StandardKey.")
                else QKeySequence(key)
                for key in keys
            ]
            self.action(name).setShortcuts(sequences)
        self.acknowledge_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
