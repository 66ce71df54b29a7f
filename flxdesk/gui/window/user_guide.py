"""Help → User guide: docs/user-guide.md, shipped with flxdesk and read offline.

In the window's language: docs/user-guide.es.md when the window speaks Spanish (the
English guide where a language has none). Shown in a window of its own (not modal:
scans go on behind it) by Qt's own Markdown reader, with its pictures; links to the
other language's guide and to the IT guide open in it too, web links in the browser. A
build without the guide says so on the band.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from flxdesk.gui.start.translation import current_language
from flxdesk.host.i18n import translate
from flxdesk.host.resources import user_guide_path


class UserGuide(QDialog):
    def __init__(self, source: QUrl, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(translate("UserGuide", "flxdesk user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(source)
        QVBoxLayout(self).addWidget(self.browser)
        width = self.fontMetrics().averageCharWidth() * 100
        self.resize(width, width * 3 // 4)


def show_user_guide(parent: QWidget, say: Callable[[str, bool | None], None]) -> UserGuide | None:
    existing = parent.findChild(UserGuide, "userGuide")
    if existing is not None:
        existing.show()
        existing.raise_()
        return existing
    path = user_guide_path(current_language())
    if path is None:
        say(translate("UserGuide", "The user guide is not installed with this copy."), False)
        return None
    guide = UserGuide(QUrl.fromLocalFile(str(path)), parent)
    guide.show()
    return guide
