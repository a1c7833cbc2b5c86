"""The menus by keyboard, in every language: each menu and each of its items has a mnemonic
(the underlined letter Alt reaches), no two items of a menu share one, and Alt+File then the
Export letter opens the export dialog, as a keyboard user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from peerjournal.ui.export.dialog import ExportDialog
from peerjournal.ui.kit.i18n import LANGUAGES, install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from tests.gui.shell.test_main_window import _create_vault


@pytest.fixture
def prefs(tmp_path: Path) -> UiPrefs:
    return UiPrefs(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def _back_to_english(qapp, prefs: UiPrefs) -> Iterator[None]:
    yield
    prefs.set(LANGUAGE, "en")
    install_translator(qapp, prefs)


def _mnemonic(text: str) -> Qt.Key | None:
    sequence = QKeySequence.mnemonic(text)
    return None if sequence.isEmpty() else sequence[0].key()


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_menu_item_has_its_own_mnemonic_and_alt_file_x_exports(
    qtbot, qapp, prefs: UiPrefs, make_window, lang: str
) -> None:
    prefs.set(LANGUAGE, lang)
    install_translator(qapp, prefs)
    window = make_window()
    _create_vault(qtbot, window)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert len(menus) == 3
    bar_keys = [_mnemonic(menu.title()) for menu in menus]
    assert None not in bar_keys and len(set(bar_keys)) == len(bar_keys), bar_keys
    for menu in menus:
        items = [a for a in menu.actions() if not a.isSeparator()]
        keys = {a.text(): _mnemonic(a.text()) for a in items}
        assert None not in keys.values(), f"{menu.title()}: no mnemonic in {keys}"
        assert len(set(keys.values())) == len(keys), f"{menu.title()}: shared in {keys}"
    # the tool bar shows the words without the mnemonic (and without Japanese '(&X)')
    for action in window.toolbar.actions():
        assert "&" not in action.iconText() and "(" not in action.iconText()

    file_menu, export = menus[0], window.commands.export_action
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, bar_keys[0], Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is file_menu)
    qtbot.keyClick(file_menu, _mnemonic(export.text()))
    qtbot.waitUntil(lambda: bool(window.findChildren(ExportDialog)))
    dialog = window.findChildren(ExportDialog)[0]
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()
