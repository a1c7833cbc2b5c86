"""Help → About: reachable by keyboard, the package's version, every bundled licence, German."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from peerjournal.app.about import Component
from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from peerjournal.ui.shell.about_dialog import AboutDialog
from tests.helpers.gui import tab_walk


@pytest.fixture
def prefs(tmp_path: Path) -> UiPrefs:
    return UiPrefs(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def _back_to_english(qapp, prefs: UiPrefs) -> Iterator[None]:
    yield
    prefs.set(LANGUAGE, "en")
    install_translator(qapp, prefs)


def _show(qtbot, dialog: AboutDialog) -> AboutDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _open_from_help_menu(qtbot, window) -> AboutDialog:
    """Alt+H opens Help, A picks About: the way a keyboard user gets there."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    qtbot.keyClick(menu, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(window.findChildren(AboutDialog)))
    dialog = window.findChildren(AboutDialog)[0]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_help_about_by_keyboard_shows_the_package_version(qtbot, make_window) -> None:
    window = make_window()  # locked (first run): About works before any vault exists
    dialog = _open_from_help_menu(qtbot, window)
    assert dialog.version_label.text() == f"Version {metadata.version('peerjournal')}"
    assert "GPL-3.0-or-later" in dialog.licence_label.text()
    qtbot.waitUntil(dialog.list.hasFocus)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_lists_the_run_time_components_with_licences_and_texts(qtbot) -> None:
    dialog = _show(qtbot, AboutDialog())
    names = dialog.component_names()
    for expected in ("PySide6", "PyNaCl", "sqlcipher3", "Python", "platformdirs"):
        assert expected in names
    for development_only in ("pytest", "hypothesis", "mypy", "ruff", "pyinstaller"):
        assert development_only not in names
    assert names == sorted(names, key=str.lower)
    # arrow keys walk the list and the text below follows
    assert dialog.list.hasFocus()
    target = names.index("PyNaCl")
    for _ in range(target):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.list.currentItem().text(0) == "PyNaCl"
    assert dialog.list.currentItem().text(2) == "Apache-2.0"
    assert "Apache License" in dialog.text.toPlainText()


def test_a_component_without_a_text_says_where_its_licence_is(qtbot) -> None:
    components = [
        Component("Alpha", "1.0", "MIT", "Permission is hereby granted"),
        Component("Qt bindings", "6.11", "LGPL-3.0-only", ""),
    ]
    dialog = _show(qtbot, AboutDialog(components=components))
    assert dialog.text.toPlainText() == "Permission is hereby granted"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    text = dialog.text.toPlainText()
    assert "Qt bindings does not ship its licence text" in text
    assert "LGPL-3.0-only" in text


def test_tab_walks_list_text_close_and_return_closes(qtbot) -> None:
    dialog = _show(qtbot, AboutDialog(components=[Component("Alpha", "1.0", "MIT", "text")]))
    assert tab_walk(qtbot, dialog.list) == ["Bundled components", "Licence text", "Close"]
    dialog.text.setFocus()
    qtbot.waitUntil(dialog.text.hasFocus)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # read-only text: Return closes the dialog
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_fits_a_720_pixel_screen(qtbot) -> None:
    dialog = _show(qtbot, AboutDialog())
    assert dialog.frameGeometry().height() <= 720 - 40


def test_german(qtbot, qapp, prefs: UiPrefs, make_window) -> None:
    prefs.set(LANGUAGE, "de")
    install_translator(qapp, prefs)
    window = make_window()
    assert window.commands.about_action.text() == "Ü&ber PeerJournal"
    dialog = window.dialogs.open_about()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Über PeerJournal"
    assert dialog.version_label.text().startswith("Version ")
    assert dialog.list.headerItem().text(2) == "Lizenz"
    assert "freie Software" in dialog.licence_label.text()
    assert dialog.close_button.text() == "Schließen"
