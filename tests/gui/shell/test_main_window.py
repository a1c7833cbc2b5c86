"""The whole journey through the window: create, write, search, autosave, lock, unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from peerjournal.ui.journal.model import RowRole
from peerjournal.ui.shell.main_window import PAGE_UNLOCK, PAGE_WORKSPACE
from tests.helpers.gui import contains_text

PASSPHRASE = "lantern orchard velvet compass 42"


def _create_vault(qtbot, window) -> None:
    page = window.first_run
    page.fields.first.setText(PASSPHRASE)
    page.fields.second.setText(PASSPHRASE)
    assert page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 1)
    assert len(page.code_label.text()) >= 25
    assert not page.continue_button.isEnabled()  # "I have saved it" comes first
    page.saved_box.setChecked(True)
    with qtbot.waitSignal(window.unlocked):
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert page.code_label.text() == ""  # shown once, then forgotten


def _unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    window.unlock_page.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.unlocked):
        window.unlock_page.submit()
    assert window.unlock_page.passphrase.text() == ""


def test_create_write_search_autosave_lock_unlock(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    assert not window.is_open
    _create_vault(qtbot, window)
    assert window.pages.currentIndex() == PAGE_WORKSPACE

    journal = window.journal
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert journal.editor.has_document
    journal.editor.title.setText("Heron morning")
    journal.editor.title.textEdited.emit("Heron morning")
    with qtbot.waitSignal(journal.editor.saved, timeout=5000) as saved:
        journal.editor.body.setPlainText("A grey heron stood in the shallows.")
    entry_id = saved.args[0].id
    assert journal.editor.save_state.text() == "Saved"
    assert journal.model.row_of(entry_id) == 0

    with qtbot.waitSignal(journal.model.search_finished, timeout=5000) as found:
        journal.filters.search.setText("shallo")
    assert found.args == [1]
    row = journal.model.index(0).data(RowRole)
    assert row.id == entry_id and "\x02" in row.snippet

    journal.filters.search.setText("")
    qtbot.waitUntil(lambda: journal.model.rowCount() == 1 and not journal.model.query.search)
    assert journal.editor.entry_id == entry_id  # still open: the same document keeps saving
    with qtbot.waitSignal(journal.editor.saved, timeout=5000):
        journal.editor.body.appendPlainText("Then it flew off over the bridge.")

    window.lock()
    assert window.pages.currentIndex() == PAGE_UNLOCK
    assert not contains_text(window, "heron")
    assert not contains_text(window, "Heron")

    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: journal.model.rowCount() == 1)
    with qtbot.waitSignal(journal.editor.loaded):
        journal.list.setCurrentIndex(journal.model.index(0))
    assert journal.editor.title.text() == "Heron morning"
    assert journal.editor.body.toPlainText() == (
        "A grey heron stood in the shallows.\nThen it flew off over the bridge."
    )


def test_the_toolbar_drops_its_words_before_its_buttons(
    qtbot, make_window, ui_prefs, tmp_path, qapp
) -> None:
    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE
    from peerjournal.ui.kit.theme import apply_theme
    from tests.helpers.vault import PASSPHRASE, make_vault

    make_vault(tmp_path)[0].lock()
    ui_prefs.set(LANGUAGE, "de")
    install_translator(qapp, ui_prefs)
    apply_theme(qapp, ui_prefs)  # the real app's style sheet and fonts
    try:
        window = make_window()
        window.resize(1100, 700)
        window.unlock_page.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(window.unlocked, timeout=10_000):
            qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
        bar = window.toolbar
        qtbot.waitUntil(lambda: bar.collapsed)  # German words do not fit in 1100 pixels
        for action in (window.commands.settings_action, window.commands.lock_action):
            button = bar.widgetForAction(action)
            assert button is not None
            qtbot.waitUntil(button.isVisible)  # the bar lays itself out again
            assert bar.rect().contains(button.geometry())
            assert button.toolTip() or button.text()  # the name stays, as a tooltip
        window.resize(1366, 700)
        qtbot.waitUntil(lambda: not bar.collapsed)  # room again: the words come back
        qtbot.waitUntil(
            lambda: all(bar.widgetForAction(a).isVisible() for a in bar.actions() if a.text())
        )
    finally:
        ui_prefs.set(LANGUAGE, "en")
        install_translator(qapp, ui_prefs)


def test_a_status_message_does_not_follow_the_user_to_another_view(qtbot, make_window) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_message("Automatic backup made.")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the same view
    assert window.status.text() == "Automatic backup made."
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the trash
    assert window.status.text() == ""
