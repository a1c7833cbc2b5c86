"""Care: help one click (or F1) from every screen; offered gently after a check-in at the
lowest level and after worrying words in the user's own entry (can be turned off); and
'Worried about them?' on a peer's item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.app.care import OFFER_PREF
from peerjournal.ui.shell.crisis_page import CrisisDialog
from tests.helpers.gui import run_job
from tests.helpers.vault import PASSPHRASE, make_vault


def _open(qtbot, make_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    make_vault(tmp_path)[0].lock()
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _crisis_dialogs(window) -> list[CrisisDialog]:  # type: ignore[no-untyped-def]
    return [d for d in window.findChildren(CrisisDialog) if d.isVisible()]


def test_help_is_one_press_away_while_locked_and_open(qtbot, make_window, tmp_path) -> None:
    window = _open(qtbot, make_window, tmp_path)
    assert window.help_button.isVisible()  # on the unlock screen too
    qtbot.keyClick(window.help_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(_crisis_dialogs(window)))
    _crisis_dialogs(window)[0].reject()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not _crisis_dialogs(window))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    qtbot.keyClick(window.journal.filters.search, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(_crisis_dialogs(window)))


def test_a_lowest_check_in_offers_support_gently(qtbot, make_window, tmp_path) -> None:
    window = _open(qtbot, make_window, tmp_path)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    dialog = window.dialogs.quick_checkin()
    qtbot.waitSignal(dialog.loaded).wait()
    qtbot.keyClick(dialog.level_buttons[1], Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.care.isVisible)
    assert "hard moment" in window.care.text.text()
    qtbot.keyClick(window.care.open_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(_crisis_dialogs(window)))
    assert not window.care.isVisible()


def test_worrying_words_in_an_entry_offer_support_once_and_can_be_turned_off(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(qtbot, make_window, tmp_path)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    editor = window.journal.editor
    window.new_entry()
    qtbot.keyClicks(editor.body, "Tonight I just want to die.")
    with qtbot.waitSignal(editor.hard_moment, timeout=5000):
        editor.flush()
    qtbot.waitUntil(window.care.isVisible)
    assert "sounds heavy" in window.care.text.text()
    qtbot.keyClick(window.care.dismiss_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.care.isVisible())
    qtbot.keyClicks(editor.body, " Still.")  # the same entry again: no second offer
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.flush()
    qtbot.wait(100)
    assert not window.care.isVisible()
    # turned off in Settings: a new worrying entry offers nothing
    run_job(qtbot, window.worker, lambda s: s.prefs.set(OFFER_PREF, False))
    window.new_entry()
    qtbot.keyClicks(editor.body, "I want to die")
    with qtbot.assertNotEmitted(editor.hard_moment), qtbot.waitSignal(editor.saved):
        editor.flush()
    assert not window.care.isVisible()


def test_the_offer_can_be_turned_off_in_settings(qtbot, worker, ui_prefs) -> None:
    from peerjournal.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(worker, ui_prefs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    assert dialog.offer_support.isChecked() and dialog.offer_support.isEnabled()
    qtbot.keyClick(dialog.offer_support, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.applied):
        dialog.save()
    assert run_job(qtbot, worker, lambda s: s.prefs.get(OFFER_PREF, True)) is False


def test_worried_about_a_peer_says_what_to_do_and_leads_to_crisis_lines(qtbot) -> None:
    from peerjournal.ui.peers.feed import FeedCard
    from peerjournal.ui.shell.care import WorriedDialog
    from tests.gui.peers.test_peers_page import _item

    card = FeedCard(_item(), mine=False)
    qtbot.addWidget(card)
    card.show()
    assert card.worried_button.isVisible()
    with qtbot.waitSignal(card.worried):
        qtbot.keyClick(card.worried_button, Qt.Key.Key_Space)
    mine = FeedCard(_item(), mine=True)
    qtbot.addWidget(mine)
    mine.show()
    assert not mine.worried_button.isVisible()  # for a peer's item, not one's own
    dialog = WorriedDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    from PySide6.QtWidgets import QLabel

    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "safe" in words and "emergency number" in words
    with qtbot.waitSignal(dialog.support_requested):
        qtbot.keyClick(dialog.support_button, Qt.Key.Key_Return)
