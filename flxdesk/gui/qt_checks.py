"""The self-test's Qt checks: the platform plugin loads, and the binding keeps its counts.

They run after the core checks (``flxdesk.self_test``): a platform plugin that cannot
load makes Qt end the process with its own message, and by then the other lines are
already printed.
"""

from __future__ import annotations

import sys

from flxdesk.self_test import CheckResult


def check_qt() -> CheckResult:
    """Load the Qt platform plugin by creating the application object.

    A plugin that cannot load makes Qt end the process with its own message, so this
    check runs last: the lines above are already printed by then.
    """
    name = "Qt platform plugin"
    try:
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        platform = QGuiApplication.platformName()
        screen = app.primaryScreen()
        where = f", screen {screen.size().width()}x{screen.size().height()}" if screen else ""
        return CheckResult(name, bool(platform), f"{platform}{where}")
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")


def check_qt_binding() -> CheckResult:
    """A Qt binding that loses references to None/True/False aborts the app mid-shift."""
    name = "Qt binding reference counts"
    try:
        from flxdesk.gui.binding_check import check_binding_refcounts, describe

        report = check_binding_refcounts()
        return CheckResult(name, report.ok, describe(report))
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")


CHECKS = (check_qt, check_qt_binding)  # in this order: the binding check needs the app
