"""The window's language: flxdesk's own translation and Qt's, installed before the widgets.

English, the language the sources are written in, installs nothing and reads no file:
start-up stays as fast as before. Any other language loads ``flxdesk_<lang>.qm`` from
the resources and Qt's ``qtbase_<lang>.qm`` (standard buttons, file dialogs, the text
fields' menus) from Qt's translations folder, and points the core's hook
(flxdesk.host.i18n) at ``QCoreApplication.translate``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from flxdesk.host import i18n
from flxdesk.host.resources import translation_path

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_language = "en"


def system_language() -> str:
    """The first of the OS's user-interface languages flxdesk speaks; else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-", 1)[0].lower()
        if code in i18n.LANGUAGES:
            return code
    return i18n.SOURCE_LANGUAGE


def current_language() -> str:
    """The language the window speaks now ("en" until a translator is installed)."""
    return _language


def _qt_translations_folders() -> list[Path]:
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # where the frozen build keeps them (build_scripts/qt_trim.py)
        folders.append(Path(frozen_root) / "PySide6" / "Qt" / "translations")
    return folders


def qt_translation_path(language: str) -> Path | None:
    """Qt's own ``qtbase_<language>.qm`` (standard buttons, dialogs), or None."""
    candidates = [folder / f"qtbase_{language}.qm" for folder in _qt_translations_folders()]
    return next((path for path in candidates if path.is_file()), None)


def loads(path: Path) -> bool:
    """True when ``path`` is a translation file Qt can load."""
    return QTranslator().load(str(path))


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(str(path)):
        return translator
    log.warning("Could not load the translation %s", path)
    return None


def remove_translators() -> None:
    """Back to English (the sources' text)."""
    global _language
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    i18n.set_translate(None)
    if _language != i18n.SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale.system())
    _language = i18n.SOURCE_LANGUAGE


def install_translators(choice: str = "") -> str:
    """Speak ``choice`` ("" follows the OS); returns the language now spoken.

    Nothing is read or installed for English. Installing the language already installed
    does nothing; another one replaces it.
    """
    global _language
    language = choice if choice in i18n.LANGUAGES else system_language()
    if language == _language:
        return language
    remove_translators()
    if language == i18n.SOURCE_LANGUAGE:
        return language
    app = QCoreApplication.instance()
    own = translation_path(language)
    translator = _load(own) if own is not None else None
    if app is None or translator is None:
        log.warning("No translation for %r: flxdesk stays in English", language)
        return current_language()
    qt_file = qt_translation_path(language)
    qt_translator = _load(qt_file) if qt_file is not None else None
    for loaded in (qt_translator, translator):
        if loaded is not None:
            app.installTranslator(loaded)
            _installed.append(loaded)
    i18n.set_translate(QCoreApplication.translate)
    QLocale.setDefault(QLocale(language))  # dates and numbers in the widgets too
    _language = language
    log.info("Language: %s (Qt's own: %s)", language, qt_file or "not found")
    return language
