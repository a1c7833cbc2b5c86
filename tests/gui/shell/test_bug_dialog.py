"""A bug raised on the GUI thread is recorded without any entry text and shown in the bug dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from peerjournal.buglog import LOG_NAME, log_folder
from peerjournal.ui.journal.editor import EntryEditor
from peerjournal.ui.kit.bugs import BugHooks
from tests.helpers.vault import PASSPHRASE, make_session

CANARY = "heron-canary-5309"


def _broken_changed(self: EntryEditor, *_args: object) -> None:
    # a bug in a slot whose message quotes what the user typed, as real bugs do; it fires
    # for the typing below only (not while the entry loads or the window clears on lock)
    if self.title.text().startswith("Morning "):
        raise ValueError(f"cannot handle the title {self.title.text()!r}")


@pytest.mark.qt_no_exception_capture  # the app's own hook is under test, not pytest-qt's
def test_a_bug_in_a_key_press_slot_is_recorded_without_entry_text_and_shown(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    monkeypatch.setattr(EntryEditor, "_changed", _broken_changed)  # before the window binds it
    session = make_session(tmp_path)
    session.journal.add(f"The body says {CANARY} too.", title="Morning")
    session.lock()
    window = make_window()
    hooks = BugHooks()  # as ui/app.py installs them
    hooks.bug.connect(window.show_bug)
    try:
        window.unlock_page.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(window.unlocked):
            window.unlock_page.submit()
        editor = window.journal.editor
        qtbot.waitUntil(lambda: window.journal.model.rowCount() == 1)
        with qtbot.waitSignal(editor.loaded):
            window.journal.list.setCurrentIndex(window.journal.model.index(0))
        editor.title.setFocus()
        qtbot.keyClicks(editor.title, " " + CANARY)  # every key press runs the broken slot
    finally:
        hooks.uninstall()

    dialog = window.bug_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.count == len(CANARY) + 1  # one dialog counts them all
    report_path = log_folder() / LOG_NAME
    assert str(report_path) in dialog.informativeText()
    shown = dialog.text() + dialog.informativeText()
    assert CANARY not in shown and "Traceback" not in shown

    report = report_path.read_text(encoding="utf-8")
    assert "desktop app, GUI thread" in report
    assert "builtins.ValueError" in report and "in _broken_changed" in report
    assert CANARY not in report and "Morning" not in report
    assert "ValueError" in caplog.text and CANARY not in caplog.text

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes it, the window stays usable
    assert not dialog.isVisible()
    assert window.is_open
