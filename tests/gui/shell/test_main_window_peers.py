"""The peers page and the Share action are reachable from the main window and cleared on lock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerjournal.ui.peers.page import PeersPage
from peerjournal.ui.peers.pairing_dialog import MODE_INVITE
from peerjournal.ui.peers.share_dialog import ShareDialog
from peerjournal.ui.shell.main_window import VIEW_PEERS
from tests.gui.shell.test_main_window import _create_vault
from tests.helpers.gui import activate, contains_text


def test_peers_view_and_share_action(qtbot, make_window) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    assert window.commands.share_action.isEnabled()

    # Share with no entry open explains what to do instead of opening an empty dialog.
    assert window.dialogs.share_entry() is None
    assert "Open an entry first" in window.status.text()

    activate(qtbot, window)  # the shortcut needs the active window
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentIndex() == VIEW_PEERS
    assert isinstance(window.peers_page, PeersPage)
    assert window.views.currentWidget() is window.peers_page

    journal = window.journal
    window.new_entry()
    journal.editor.title.setText("Walk by the canal")
    journal.editor.title.textEdited.emit("Walk by the canal")
    with qtbot.waitSignal(journal.editor.saved, timeout=5000):
        journal.editor.body.setPlainText("Met Robin at the lock gates.")
    dialog = window.dialogs.share_entry()
    assert isinstance(dialog, ShareDialog)
    assert dialog in window.dialogs.open_dialogs

    window.lock()
    assert not window.commands.share_action.isEnabled()
    assert dialog not in window.dialogs.open_dialogs
    assert not contains_text(window, "canal")


def test_a_waiting_invite_is_named_with_how_to_cancel_it_not_no_peers_yet(
    qtbot, make_window, relay
) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    activate(qtbot, window)  # the shortcut needs the active window
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.peers_page
    qtbot.waitUntil(lambda: "No peers yet" in page.sync_state.text(), timeout=10_000)
    assert page.empty_label.isVisible()

    dialog = page.open_pairing(MODE_INVITE)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.relay_edit, relay.url)
    with qtbot.waitSignal(dialog.paired, timeout=30_000):
        qtbot.keyClick(dialog.relay_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(page.cards) == 1, timeout=30_000)

    # the page says what is happening: an invite waits, checked for in the background
    qtbot.waitUntil(lambda: "No peers yet" not in page.sync_state.text(), timeout=10_000)
    assert not page.empty_label.isVisible()
    assert "invite" in page.sync_state.text().lower()
    assert window.background.running and window.background.scheduled
    card = page.cards[0]
    # and how to take it back, on a button that says so
    assert card.unpair_button.text() == "Cancel the invite…"
    assert "Cancel the invite" in card.step_label.text()

    # cancelling asks kindly (Esc keeps it), then takes it back: the page is empty again
    card.unpair_button.setFocus()
    qtbot.keyClick(card.unpair_button, Qt.Key.Key_Space)
    box = page.unpair_box
    qtbot.waitUntil(box.isVisible)
    assert "Nothing has been shared" in box.informativeText()
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert len(page.cards) == 1
    qtbot.keyClick(page.cards[0].unpair_button, Qt.Key.Key_Space)
    box = page.unpair_box
    qtbot.waitUntil(box.isVisible)
    go = next(b for b in box.buttons() if b.text() == "Cancel the invite")
    go.setFocus()
    qtbot.keyClick(go, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "The invite is cancelled." in page.status.text(), timeout=30_000)
    qtbot.waitUntil(lambda: not page.cards, timeout=30_000)
    qtbot.waitUntil(lambda: "No peers yet" in page.sync_state.text(), timeout=10_000)
    assert not window.background.scheduled
