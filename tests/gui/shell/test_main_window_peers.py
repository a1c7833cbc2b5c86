"""The peers page and the Share action are reachable from the main window and cleared on lock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerjournal.ui.peers.page import PeersPage
from peerjournal.ui.peers.share_dialog import ShareDialog
from peerjournal.ui.shell.main_window import VIEW_PEERS
from tests.gui.shell.test_main_window import _create_vault
from tests.helpers.gui import contains_text


def test_peers_view_and_share_action(qtbot, make_window) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    assert window.commands.share_action.isEnabled()

    # Share with no entry open explains what to do instead of opening an empty dialog.
    assert window.dialogs.share_entry() is None
    assert "Open an entry first" in window.status.text()

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
