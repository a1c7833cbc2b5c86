"""Loading the UI translation for the chosen language.

Sources live in ``resources/translations/peerjournal_<lang>.ts`` (Qt Linguist) and are
compiled with ``pyside6-lrelease`` into ``.qm`` files next to them. Qt's own translations
(``qtbase_<lang>.qm``, for standard buttons and dialogs) are loaded as well when PySide6
ships them. English is the source language; its small catalogue holds only plural forms.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parents[3] / "resources" / "translations"

# Code -> name in that language (shown in the settings so a user can always find their own).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "ja": "日本語"}

# QCoreApplication keeps only a weak hold on installed translators: keep them alive here,
# and remember them so a second call replaces instead of stacking catalogues.
_installed: list[QTranslator] = []


def resolve_language(setting: str) -> str:
    """The language code to use for a LANGUAGE setting ("system" asks QLocale)."""
    if setting in LANGUAGES:
        return setting
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def current_language() -> str:
    """The code of the language whose translator is installed ("en" when none is)."""
    for translator in _installed:
        lang = translator.language()
        if lang:
            return lang.split("_")[0].split("-")[0]
    return "en"


def install_translator(app: QApplication, prefs: UiPrefs) -> None:
    """Install the translators for the LANGUAGE preference on the application."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = resolve_language(prefs.get(LANGUAGE))
    QLocale.setDefault(QLocale(lang))
    # English is the source language, but its catalogue supplies the plural forms
    # ("1 day" / "12 days"), so it is loaded too.
    ours = QTranslator(app)
    if ours.load(f"peerjournal_{lang}", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation catalogue for %s in %s", lang, TRANSLATIONS_DIR)
    if lang == "en":
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
