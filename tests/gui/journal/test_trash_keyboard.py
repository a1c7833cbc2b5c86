"""The trash with the keyboard on the real window: what it acts on is shown as chosen, and
after Restore or Delete forever the keyboard stays in the trash on the next entry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.journal.model import RowRole
from tests.helpers.vault import PASSPHRASE, make_session


def _trash_view(qtbot, make_window, tmp_path: Path, titles: list[str]):
    session = make_session(tmp_path)
    for title in titles:
        session.journal.delete(session.journal.add(f"About {title}.", title=title).id)
    session.lock()
    window = make_window()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked):
        window.unlock_page.submit()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    trash = window.trash
    qtbot.waitUntil(lambda: trash.model.rowCount() == len(titles))
    # the list has the focus from before its rows came: Tab away and back, as a user does
    assert QApplication.focusWidget() is trash.list
    qtbot.keyClick(trash.list, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is trash.list
    return window, trash


def _title(trash, index) -> str:
    return str(index.data(RowRole).title)


def test_tabbing_into_the_trash_marks_the_entry_it_shows(qtbot, make_window, tmp_path) -> None:
    _window, trash = _trash_view(qtbot, make_window, tmp_path, ["Rain", "Sun"])
    qtbot.waitUntil(lambda: trash.list.currentIndex().isValid())
    current = trash.list.currentIndex()
    qtbot.waitUntil(lambda: _title(trash, current) in trash.preview.toPlainText())
    # the preview shows it and Restore acts on it, so the list must show it as chosen
    assert trash.list.selectionModel().isSelected(current)
    qtbot.keyClick(trash.list, Qt.Key.Key_Down)
    assert trash.list.selectionModel().selectedIndexes() == [trash.list.currentIndex()]


def test_after_restore_and_delete_forever_the_keyboard_stays_on_the_next_entry(
    qtbot, make_window, tmp_path
) -> None:
    _window, trash = _trash_view(qtbot, make_window, tmp_path, ["Rain", "Sun", "Snow"])
    qtbot.waitUntil(lambda: trash.restore_button.isEnabled())
    first = _title(trash, trash.list.currentIndex())
    trash.restore_button.setFocus()
    with qtbot.waitSignal(trash.restored):
        qtbot.keyClick(trash.restore_button, Qt.Key.Key_Space)
    # before, Restore turned itself off and Qt handed the focus on to "Help now"
    assert QApplication.focusWidget() is trash.list
    assert trash.model.rowCount() == 2
    current = trash.list.currentIndex()
    assert current.isValid() and _title(trash, current) != first
    assert trash.list.selectionModel().isSelected(current)
    qtbot.waitUntil(lambda: _title(trash, current) in trash.preview.toPlainText())
    assert trash.restore_button.isEnabled()

    trash.purge_button.setFocus()
    qtbot.keyClick(trash.purge_button, Qt.Key.Key_Space)
    box = trash.confirm_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.defaultButton())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # to "Delete forever"
    with qtbot.waitSignal(trash.message):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: trash.model.rowCount() == 1)
    # the window's focus (which it gets back once the question has gone) is the list
    qtbot.waitUntil(lambda: trash.window().focusWidget() is trash.list)
    last = trash.list.currentIndex()
    assert last.isValid() and trash.list.selectionModel().isSelected(last)
