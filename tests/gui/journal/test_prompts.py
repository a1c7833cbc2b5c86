"""Writing prompts: off by default; turned on in Settings, an empty entry shows the day's
question (in the UI language), which never becomes part of the text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from peerjournal.ui.journal.prompts import PROMPTS, prompt_for
from peerjournal.ui.kit.prefs import WRITING_PROMPTS
from tests.gui.shell.test_main_window import _create_vault


def test_prompts_are_off_by_default_and_turned_on_in_settings(qtbot, make_window, ui_prefs) -> None:
    assert WRITING_PROMPTS.default is False
    window = make_window()
    _create_vault(qtbot, window)
    editor = window.journal.editor
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.has_document)
    assert editor.body.placeholderText() not in [str(p) for p in PROMPTS]

    dialog = window.dialogs.open_settings()
    qtbot.waitExposed(dialog)
    dialog.writing_prompts.setFocus()
    qtbot.keyClick(dialog.writing_prompts, Qt.Key.Key_Space)
    assert dialog.writing_prompts.isChecked()
    dialog.save_button.setFocus()
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert ui_prefs.get(WRITING_PROMPTS) is True
    today = prompt_for(date.today())
    assert today in [str(p) for p in PROMPTS]
    assert editor.body.placeholderText() == today
    qtbot.keyClicks(editor.body, "Something else entirely.")
    assert today not in editor.body.toPlainText()
