"""An entry's date and time are changed in the editor by keys, and a new entry is written for
a past day; the vault keeps the chosen time (English and Japanese date formats alike)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDateTimeEdit

from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from tests.gui.shell.test_main_window import _create_vault
from tests.helpers.gui import activate


def _section(edit: QDateTimeEdit, section: QDateTimeEdit.Section) -> None:
    """Put the keyboard on one section of the edit (what Tab/arrow keys do inside it)."""
    edit.setFocus()
    edit.setCurrentSection(section)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_new_entry_for_a_past_day_by_keys(qtbot, qapp, make_window, tmp_path, lang) -> None:
    prefs = UiPrefs(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, lang)
    install_translator(qapp, prefs)
    try:
        window = make_window()
        _create_vault(qtbot, window)
        editor = window.journal.editor
        activate(qtbot, window)  # the shortcut needs the active window
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: editor.has_document)
        before = editor.when.dateTime()
        # a month back and the hour one earlier, with the arrow keys on the edit's sections
        _section(editor.when, QDateTimeEdit.Section.MonthSection)
        qtbot.keyClick(editor.when, Qt.Key.Key_Down)
        _section(editor.when, QDateTimeEdit.Section.HourSection)
        qtbot.keyClick(editor.when, Qt.Key.Key_Down)
        chosen = editor.when.dateTime()
        assert chosen.date() == before.date().addMonths(-1)
        qtbot.keyClicks(editor.title, "Looking back")
        with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
            qtbot.keyClicks(editor.body, "What that day was like.")
        entry = saved.args[0]
        created = entry.created.astimezone()
        wanted = chosen.toPython()
        assert created.date() == wanted.date()
        assert created.hour == wanted.hour and created.minute == wanted.minute
        assert datetime.now().astimezone() - created > timedelta(days=27)
    finally:
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)


def test_changing_an_existing_entrys_time_is_saved(qtbot, make_window) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    editor = window.journal.editor
    activate(qtbot, window)  # the shortcut needs the active window
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.has_document)
    with qtbot.waitSignal(editor.saved, timeout=5000) as first:
        qtbot.keyClicks(editor.body, "Written now.")
    original = first.args[0].created
    _section(editor.when, QDateTimeEdit.Section.MonthSection)
    with qtbot.waitSignal(editor.saved, timeout=5000) as moved:
        qtbot.keyClick(editor.when, Qt.Key.Key_Down)
    assert moved.args[0].id == first.args[0].id
    assert moved.args[0].created.astimezone().month != original.astimezone().month
