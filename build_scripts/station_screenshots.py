"""README screenshots of the station after a failure, in a light and a dark theme, and
in Spanish.

    python build_scripts/station_screenshots.py [OUT_DIR]     (default: resources/)

Runs the real window in demo mode (offscreen), scans a good order and an unknown one,
then one more while the failure is unacknowledged, and saves what the window shows.
The dark picture uses Qt's Fusion style with a dark palette, as a dark OS theme gives.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#1e1e1e"),
        (roles.WindowText, "#e8e8e8"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#2d2d2d"),
        (roles.Text, "#e8e8e8"),
        (roles.Button, "#2d2d2d"),
        (roles.ButtonText, "#e8e8e8"),
        (roles.Highlight, "#2f6fb8"),
        (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.ButtonText, roles.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def take(out: Path, dark: bool, language: str = "") -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from flxdesk.config.settings import save_station
    from flxdesk.gui.start.startup import build_app
    from flxdesk.gui.start.translation import remove_translators
    from flxdesk.host.paths import app_paths, demo_paths
    from flxdesk.station.station_settings import StationSettings

    os.environ["FLXDESK_HOME"] = tempfile.mkdtemp(prefix="flxdesk-shot-")
    if language:  # chosen in the demo's own settings, as File → Settings… does
        settings = demo_paths(app_paths().ensure()).settings_file
        save_station(settings, StationSettings(language=language))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    running = build_app(app_paths().ensure(), demo=True)
    window = running.window
    window.resize(980, 700)
    window.show()

    def wait_until(condition) -> None:
        for _ in range(400):
            app.processEvents()
            if condition():
                return
            QTest.qWait(25)
        raise TimeoutError("the window did not get there")

    wait_until(lambda: window.feedback.sounds is not None)
    window.note_edit.setText("fragile")
    for order_id in ("1001", "5555"):
        QTest.keyClicks(window.order_id_edit, order_id)
        QTest.keyClick(window.order_id_edit, Qt.Key.Key_Return)
        wait_until(lambda: running.store.newest(1)[0].state.value in ("sent", "failed"))
    QTest.keyClicks(window.order_id_edit, "1002")
    QTest.keyClick(window.order_id_edit, Qt.Key.Key_Return)
    app.processEvents()
    window.grab().save(str(out))
    running.close()
    remove_translators()


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "resources"
    take(folder / "screenshot-station-light.png", dark=False)
    take(folder / "screenshot-station-dark.png", dark=True)
    take(folder / "screenshot-station-es.png", dark=False, language="es")
    print(f"wrote {folder}/screenshot-station-light.png, -dark.png and -es.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
