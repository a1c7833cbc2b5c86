"""Settings → "Keep & redact": the share preview's lists, shown and removable by keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt

from peerjournal.app.peers import KEEP_PREF, REDACT_PREF
from peerjournal.ui.kit.prefs import UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.settings_dialog import SettingsDialog
from tests.helpers.gui import activate, run_job


def _store(session: Any) -> None:
    session.prefs.set(KEEP_PREF, ["Inception", "Leeds"])
    session.prefs.set(REDACT_PREF, ["Zorblax", "Harbour Logistics"])


def _lists(session: Any) -> tuple[Any, Any]:
    return session.prefs.get(KEEP_PREF), session.prefs.get(REDACT_PREF)


def test_both_lists_are_shown_and_a_word_is_removed_by_keys(
    qtbot: Any, worker: DbWorker, tmp_path: Path
) -> None:
    run_job(qtbot, worker, _store)
    ini = tmp_path / "ui.ini"
    dialog = SettingsDialog(worker, UiPrefs(QSettings(str(ini), QSettings.Format.IniFormat)))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    panel = dialog.word_lists
    assert panel.lists() == (["Inception", "Leeds"], ["Zorblax", "Harbour Logistics"])
    # shortcuts work in the active window only: on a real X server activation comes later,
    # and a Ctrl+PgDown the shortcut missed reached the list as PgDown (to the last section)
    activate(qtbot, dialog)
    # to the section by keys: Ctrl+PgDown from the first section
    for _ in range(4):
        qtbot.keyClick(dialog.tabs.list, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentWidget() is panel
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Keep & redact"
    assert panel.isEnabled()
    # select "Zorblax" in the redact list, Tab to the − button, Space removes it
    panel.redact.list.setFocus()
    qtbot.keyClick(panel.redact.list, Qt.Key.Key_Home)
    assert panel.redact.list.currentItem().text() == "Zorblax"
    panel.redact.list.currentItem().setSelected(True)
    panel.redact.remove_button.setFocus()
    qtbot.keyClick(panel.redact.remove_button, Qt.Key.Key_Space)
    assert panel.lists() == (["Inception", "Leeds"], ["Harbour Logistics"])
    # one from the keep list too, then Save
    panel.keep.list.setFocus()
    qtbot.keyClick(panel.keep.list, Qt.Key.Key_End)
    panel.keep.list.currentItem().setSelected(True)
    qtbot.mouseClick(panel.keep.remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.applied):
        dialog.save_button.click()
    assert run_job(qtbot, worker, _lists) == (["Inception"], ["Harbour Logistics"])
    # the words never reach QSettings
    text = ini.read_text(encoding="utf-8") if ini.exists() else ""
    assert "Inception" not in text and "Harbour" not in text


def test_a_word_on_both_lists_is_redacted(qtbot: Any, worker: DbWorker, tmp_path: Path) -> None:
    dialog = SettingsDialog(
        worker, UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    assert dialog.word_lists.keep.add("Sam")
    assert dialog.word_lists.redact.add("sam")
    with qtbot.waitSignal(dialog.applied):
        dialog.save_button.click()
    assert run_job(qtbot, worker, _lists) == ([], ["sam"])  # the safer choice wins
