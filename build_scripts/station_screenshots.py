"""The guides' screenshots, made from the real window: the station after a failure in a
light and a dark theme, in English and in Spanish, and the history pane and a bulk run
in Spanish (docs/user-guide.es.md; the English ones are build_scripts/screenshot*.sh's).

    python build_scripts/station_screenshots.py [OUT_DIR]     (default: resources/)

Runs the real window in demo mode on Qt's offscreen platform (no display needed; on an
X server, e.g. ``QT_QPA_PLATFORM=xcb xvfb-run -a python build_scripts/station_screenshots.py``,
the same), drives it as a worker does and saves what the window shows:

- the station: a good order and an unknown one scanned, then one more while the failure
  is unacknowledged (screenshot-station-light, -dark, -es, -es-dark);
- the history: six scans (two unknown orders fail with 404), the failures acknowledged,
  the failed 5555 selected so its details show (screenshot-history-es);
- a bulk run: six pasted rows (a duplicate, an unknown order) caught while the last one
  is still being sent (screenshot-bulk-es).

The dark pictures use Qt's Fusion style with a dark palette, as a dark OS theme gives.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ["FLXDESK_STATION"] = "PACK-1"  # the status bar shows it, not this computer's name


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


def wait_until(condition: Callable[[], bool]) -> None:
    """Let the window work until ``condition`` holds (at most 10 s)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for _ in range(400):
        QApplication.processEvents()
        if condition():
            return
        QTest.qWait(25)
    raise TimeoutError("the window did not get there")


def scan(running, order_id: str) -> None:
    """An order ID typed into the order field, then Enter, as a scanner does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClicks(running.window.order_id_edit, order_id)
    QTest.keyClick(running.window.order_id_edit, Qt.Key.Key_Return)


def shown(running, order_id: str) -> bool:
    """The window shows how ``order_id``'s update ended (a failure: in the red panel too)."""
    window = running.window
    if window.model.rowCount() == 0 or window.model.row_at(0).order_id != order_id:
        return False
    state = window.model.row_at(0).state.value
    failure_shown = window.feedback.has_failure_panel and window.feedback.failure_panel.isVisible()
    return state == "sent" or (state == "failed" and failure_shown)


def scan_and_wait(running, order_id: str) -> None:
    scan(running, order_id)
    wait_until(lambda: shown(running, order_id))


def station_after_a_failure(running) -> None:
    running.window.note_edit.setText("fragile")
    for order_id in ("1001", "5555"):
        scan_and_wait(running, order_id)
    scan(running, "1002")


def history_with_a_failure_selected(running) -> None:
    window = running.window
    for order_id in ("1001", "1002", "5555", "1003", "77", "1004"):
        scan_and_wait(running, order_id)
        if window.feedback.has_failure_panel and window.feedback.failure_panel.isVisible():
            window.feedback.acknowledge()  # as Esc does: the next scan is taken
    wait_until(lambda: window.model.rowCount() == 6)
    window.history_view.setFocus()
    window.history_view.selectRow(3)  # 5555: failed, 404
    wait_until(lambda: "5555" in window.history_pane.details.toPlainText())


def bulk_run_in_progress(running) -> None:
    from flxdesk.gui.bulk.dialog import BulkDialog

    window = running.window
    window.menus.bulk_action.trigger()  # Bulk → Bulk update…
    wait_until(lambda: window.findChild(BulkDialog, "bulkDialog") is not None)
    dialog = window.findChild(BulkDialog, "bulkDialog")
    dialog.text_edit.setPlainText("1001\n1002\n1003\n1002\nABC-9\n1500\n")
    wait_until(lambda: dialog.preview_model.rowCount() == 6 and dialog.queue_button.isEnabled())
    dialog.queue_button.click()
    panel = window.bulk.batch_panel
    wait_until(lambda: panel.progress.maximum() == 6 and panel.progress.value() == 5)


def take(out: Path, scenario: Callable, dark: bool = False, language: str = "") -> None:
    from PySide6.QtWidgets import QApplication

    from flxdesk.config.settings import save_station
    from flxdesk.gui.start.startup import build_app
    from flxdesk.gui.start.translation import remove_translators
    from flxdesk.host.paths import app_paths, demo_paths
    from flxdesk.station.station_settings import StationSettings

    home = tempfile.mkdtemp(prefix="flxdesk-shot-")  # a demo of its own for each picture
    os.environ["FLXDESK_HOME"] = home
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
    wait_until(lambda: window.feedback.sounds is not None)
    scenario(running)
    app.processEvents()
    saved = window.grab().save(str(out))
    running.close()
    remove_translators()
    shutil.rmtree(home, ignore_errors=True)
    if not saved:
        raise SystemExit(f"could not write {out}")


SHOTS: dict[str, tuple[Callable, bool, str]] = {  # file: (scenario, dark, language)
    "screenshot-station-light.png": (station_after_a_failure, False, ""),
    "screenshot-station-dark.png": (station_after_a_failure, True, ""),
    "screenshot-station-es.png": (station_after_a_failure, False, "es"),
    "screenshot-station-es-dark.png": (station_after_a_failure, True, "es"),
    "screenshot-history-es.png": (history_with_a_failure_selected, False, "es"),
    "screenshot-bulk-es.png": (bulk_run_in_progress, False, "es"),
}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "resources"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (scenario, dark, language) in SHOTS.items():
        take(folder / name, scenario, dark, language)
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
