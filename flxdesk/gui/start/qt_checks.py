"""The self-test's Qt checks: the platform plugin loads, and the binding keeps its counts.

They run after the core checks (``flxdesk.self_test``): a platform plugin that cannot
load makes Qt end the process with its own message, and by then the other lines are
already printed.
"""

from __future__ import annotations

import sys
from typing import cast

from flxdesk.host.install_check import CheckResult


def check_qt() -> CheckResult:
    """Load the Qt platform plugin by creating the application object.

    A plugin that cannot load makes Qt end the process with its own message, so this
    check runs last: the lines above are already printed by then. With no display (a
    Linux server over SSH) it loads the offscreen platform, and says so.
    """
    name = "Qt platform plugin"
    try:
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        from flxdesk.gui.common.display import offscreen_without_display

        headless = QApplication.instance() is None and offscreen_without_display()
        # the self-test makes only QApplications: an instance is one
        app = cast("QApplication | None", QApplication.instance()) or QApplication(sys.argv[:1])
        platform = QGuiApplication.platformName()
        screen = app.primaryScreen()
        where = f", screen {screen.size().width()}x{screen.size().height()}" if screen else ""
        if headless:
            where += " (no display: DISPLAY and WAYLAND_DISPLAY unset; the window needs one)"
        return CheckResult(name, bool(platform), f"{platform}{where}")
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")


def check_qt_binding() -> CheckResult:
    """A Qt binding that loses references to None/True/False aborts the app mid-shift."""
    name = "Qt binding reference counts"
    try:
        from flxdesk.gui.start.binding_check import check_binding_refcounts, describe

        report = check_binding_refcounts()
        return CheckResult(name, report.ok, describe(report))
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")


def check_translations() -> CheckResult:
    """Each language flxdesk speaks has its own .qm and Qt's (a trimmed build could drop
    them, and the window would then fall back to English without saying why)."""
    name = "Translations"
    try:
        from flxdesk.gui.start.translation import loads, qt_translation_path
        from flxdesk.host import i18n
        from flxdesk.host.resources import translation_path

        found: list[str] = []
        missing: list[str] = []
        for language in i18n.LANGUAGES:
            if language == i18n.SOURCE_LANGUAGE:
                continue
            own, qt = translation_path(language), qt_translation_path(language)
            for label, path in ((f"flxdesk_{language}.qm", own), (f"qtbase_{language}.qm", qt)):
                (found if path is not None and loads(path) else missing).append(label)
        detail = f"{', '.join(found)} load" if not missing else f"missing: {', '.join(missing)}"
        return CheckResult(name, not missing, detail)
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")


# In this order: the binding and translation checks need the application object.
CHECKS = (check_qt, check_qt_binding, check_translations)
