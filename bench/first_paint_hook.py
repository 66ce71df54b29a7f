"""PyInstaller runtime hook for bench/frozen.py only: report the first paint of the main
window on stdout and end the process at once. Never part of a release build.

bench/frozen.py adds this hook to both benchmark builds (flxdesk and the bare window), so
the product needs no benchmark code. Runtime hooks run before the app's own code and
before PyInstaller's Qt hook has set up Qt's paths, so this one imports no Qt: it waits
for the app to import PySide6.QtWidgets, then wraps QApplication.exec to install an
application-wide event filter just before the event loop starts. The first Paint event
for a QMainWindow (flxdesk's main window, or the bare one) prints the marker and calls
os._exit(0), so teardown is not measured.
"""

import importlib.util
import os
import sys

MARKER = "flxdesk-bench: first paint"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _instrument(qt_widgets) -> None:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaintProbe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched, qt_widgets.QMainWindow):
                sys.stdout.write(MARKER + "\n")
                sys.stdout.flush()
                os._exit(0)
            return False

    original_exec = qt_widgets.QApplication.exec  # static in C++ and in PySide6

    def exec_with_probe(*args):
        app = qt_widgets.QApplication.instance()
        app.installEventFilter(FirstPaintProbe(app))  # parented to the app: stays alive
        return original_exec()

    qt_widgets.QApplication.exec = exec_with_probe


class _WhenQtWidgetsLoads:
    """A meta path finder that lets the normal finders load PySide6.QtWidgets, then
    instruments it, once. (Not derived from importlib.abc.MetaPathFinder: importing that
    costs both frozen apps ~15 ms of start-up, which would flatter the ratio.)"""

    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            _instrument(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _WhenQtWidgetsLoads())
