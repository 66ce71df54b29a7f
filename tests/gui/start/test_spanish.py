"""The window in Spanish: labels read in Spanish, the API still gets English values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from flxdesk.config.settings import load_settings
from flxdesk.gui.common.status_combo import select_status
from flxdesk.gui.start.startup import RunningApp
from flxdesk.gui.start.translation import current_language, install_translators
from flxdesk.history.store import State
from flxdesk.host import i18n
from flxdesk.host.paths import AppPaths, demo_paths
from support.window import scan, status_texts


def test_the_window_reads_in_spanish(qtbot: QtBot, spanish_app: RunningApp) -> None:
    window = spanish_app.window
    assert current_language() == "es"
    assert window.findChild(QPushButton, "submitButton").text() == "Actualizar"
    assert window.findChild(QLineEdit, "orderIdEdit").placeholderText() == (
        "Escanee o escriba el ID y pulse Intro"
    )
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:5] == ["&Archivo", "&Ver", "&Lote", "&Operador", "&Token"]
    assert "Nada en espera" in status_texts(window)
    assert window.findChild(QLabel, "armedStatus").text() == "CERRADO"
    combo = window.findChild(QComboBox, "statusCombo")
    labels = [combo.itemText(n) for n in range(combo.count())]
    assert "Retenido" in labels and "On Hold" not in labels
    header = window.findChild(QTableView, "historyView").horizontalHeader()
    assert header.model().headerData(4, header.orientation()) == "Resultado"
    qtbot.waitUntil(lambda: window.history_pane_made)
    count = window.findChild(QLabel, "historyCount")  # before any scan or filter
    assert count.text() == "Todas las actualizaciones, la más nueva primero"
    # Qt's own words (qtbase_es): the standard buttons of a dialog.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_a_scan_in_spanish_sends_the_english_status(qtbot: QtBot, spanish_app: RunningApp) -> None:
    window = spanish_app.window
    select_status(window.status_combo, "On Hold")
    assert window.status_combo.currentText() == "Retenido"
    scan(qtbot, window, "1234")
    model = window.model
    qtbot.waitUntil(lambda: model.row_at(0).state is State.SENT, timeout=10_000)

    (seen,) = spanish_app.demo_api.requests
    assert seen.query == {"status": ["On Hold"]}
    assert "status=On%20Hold" in seen.raw_path
    assert model.row_at(0).status == "On Hold"  # the history keeps the API's value
    assert window.result_label.text().endswith("Pedido 1234 puesto en Retenido.")
    assert model.index(0, 2).data() == "Retenido"
    assert model.index(0, 4).data() == "Enviada"
    assert "Hoy: enviadas 1 · fallidas 0" in status_texts(window)


def test_plural_forms_follow_the_count(spanish_app: RunningApp) -> None:
    assert i18n.translate("BulkFlow", "Queued %n update(s)", None, 1) == ("1 actualización en cola")
    assert i18n.translate("BulkFlow", "Queued %n update(s)", None, 3) == (
        "3 actualizaciones en cola"
    )


def test_english_installs_nothing_and_plurals_read_right() -> None:
    assert install_translators("en") == "en"
    assert current_language() == "en"
    assert i18n.translate("BulkFlow", "Queued %n update(s)", None, 1) == "Queued 1 update"
    assert i18n.translate("HistoryPane", "%Ln update(s) match", None, 1234) == (
        "1,234 updates match"
    )


def test_settings_choose_the_language_for_the_next_start(
    qtbot: QtBot, demo_app: RunningApp, paths: AppPaths
) -> None:
    from flxdesk.gui.station.settings_dialog import SettingsDialog

    window = demo_app.window
    window.menus.settings_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog, "settingsDialog") is not None)
    dialog = window.findChild(SettingsDialog, "settingsDialog")
    note = dialog.findChild(QLabel, "languageRestartNote")
    assert note.text() == ""
    languages = dialog.findChild(QComboBox, "language")
    languages.setCurrentIndex(languages.findData("es"))
    assert "next time flxdesk starts" in note.text()
    dialog.accept()
    qtbot.waitUntil(lambda: window.preferences.station.language == "es")
    assert load_settings(demo_paths(paths).settings_file).station.language == "es"
    assert current_language() == "en"  # applied at the next start, as the dialog says
