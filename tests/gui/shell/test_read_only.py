"""A read-only vault in the desktop app: while the banner says read-only, nothing takes
a change that could not be saved. Typing into an entry used to be accepted, and then its
autosave failed with the read-only message.

The vault is made read-only for real: a read-only bind mount of its folder (needs root,
as CI runs; see tests/helpers/mounts.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.shell.main_window import VIEW_MOOD, VIEW_PEERS, VIEW_TRASH
from tests.helpers.vault import PASSPHRASE, make_session

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def reader(qtbot: Any, make_window: Any, tmp_path: Path) -> Iterator[Any]:
    """A window over a read-only view of a vault with an entry, a check-in and trash."""
    from tests.helpers.mounts import read_only_view

    session = make_session(tmp_path)
    session.journal.add("The lake was still this morning.", title="Lake", tags=["walk"])
    gone = session.journal.add("An old draft.", title="Draft")
    session.journal.delete(gone.id)
    session.mood.add(3, at=datetime.now().astimezone() - timedelta(hours=2))
    session.lock()
    with read_only_view(tmp_path / "vault", tmp_path / "ro") as view:
        window = make_window(view)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.unlock_page.passphrase.setFocus()
        qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
        with qtbot.waitSignal(window.unlocked, timeout=10_000):
            qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.commands.new_action.isEnabled())  # the banner's news
        assert window.banner.isVisible() and "read-only" in window.banner.text()
        yield window
        window.lock()


def _open_first_entry(qtbot: Any, window: Any) -> Any:
    journal = window.journal
    qtbot.waitUntil(lambda: journal.model.rowCount() == 1)
    journal.list.setFocus()
    with qtbot.waitSignal(journal.editor.loaded, timeout=5000):
        qtbot.keyClick(journal.list, Qt.Key.Key_Down)
    return journal.editor


def test_the_entry_editor_takes_no_typing_in_a_read_only_vault(qtbot: Any, reader: Any) -> None:
    editor = _open_first_entry(qtbot, reader)
    body = editor.body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(body, " And then it rained.")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)  # the writing help must not write either
    assert body.toPlainText() == "The lake was still this morning."
    for field, before in ((editor.title, "Lake"), (editor.tags, "walk")):
        field.setFocus()
        qtbot.keyClicks(field, "x")
        assert field.text() == before
    qtbot.keyClick(editor.star, Qt.Key.Key_Space)
    assert not editor.star.isChecked()
    assert not editor.dirty  # no autosave waits to fail
    assert editor.save_state.text() == "Read-only"
    assert not editor.trash_button.isEnabled() and not editor.mood_combo.isEnabled()
    # still readable with the keyboard: the cursor moves and text can be selected
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert body.textCursor().selectedText() == "The lake was still this morning."

    # Delete in the list does not trash it; Ctrl+N starts no entry that could never be saved
    reader.journal.list.setFocus()
    qtbot.keyClick(reader.journal.list, Qt.Key.Key_Delete)
    qtbot.keyClick(reader, Qt.Key.Key_N, CTRL)
    assert editor.entry_id is not None and reader.journal.model.rowCount() == 1
    assert "Not saved" not in editor.save_state.text()
    assert "read-only" not in reader.status.text()  # no failed write reported


def test_every_other_writing_control_is_off_while_the_banner_says_read_only(
    qtbot: Any, reader: Any
) -> None:
    assert not reader.commands.new_action.isEnabled()
    assert not reader.commands.checkin_action.isEnabled()
    assert reader.backups.back_up_action.isEnabled()  # a backup only reads
    # the empty editor does not invite to write with Ctrl+N, which is off here
    assert "Ctrl+N" not in reader.journal.editor.empty.text()
    assert "read" in reader.journal.editor.empty.text()

    qtbot.keyClick(reader, Qt.Key.Key_3, CTRL)
    trash = reader.trash
    qtbot.waitUntil(lambda: trash.model.rowCount() == 1)
    trash.list.setFocus()
    qtbot.keyClick(trash.list, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: trash.preview.toPlainText() != "")
    assert reader.views.currentIndex() == VIEW_TRASH
    assert not any(
        b.isEnabled() for b in (trash.restore_button, trash.purge_button, trash.empty_button)
    )

    qtbot.keyClick(reader, Qt.Key.Key_2, CTRL)
    mood = reader.mood_page
    assert reader.views.currentIndex() == VIEW_MOOD
    qtbot.waitUntil(lambda: mood.history.model.rowCount() == 1)
    mood.history.list.setFocus()
    qtbot.keyClick(mood.history.list, Qt.Key.Key_Down)
    assert mood.history.list.currentIndex().isValid()
    assert not mood.checkin_button.isEnabled()
    assert not mood.history.edit_button.isEnabled()
    assert not mood.history.delete_button.isEnabled()
    qtbot.keyClick(mood.history.list, Qt.Key.Key_Delete)
    assert mood.history.model.rowCount() == 1 and mood.edit_dialog is None

    qtbot.keyClick(reader, Qt.Key.Key_4, CTRL)
    peers = reader.peers_page
    assert reader.views.currentIndex() == VIEW_PEERS
    assert not any(
        b.isEnabled() for b in (peers.invite_button, peers.accept_button, peers.sync_button)
    )
    assert "read-only" in reader.background.state and not reader.background.scheduled

    qtbot.keyClick(reader, Qt.Key.Key_Comma, CTRL)
    dialog = next(d for d in reader.dialogs.open_dialogs if d.objectName() == "settings")
    qtbot.waitUntil(lambda: dialog._vault_loaded)
    assert dialog.read_only_note.isVisible()
    assert not dialog.tabs.widget(2).isEnabled() and not dialog.tabs.widget(3).isEnabled()
    assert not dialog.passphrase.isEnabled() and not dialog.backups.isEnabled()
    assert not dialog.offer_support.isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=5000):  # the app's own choices still save
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert not dialog.message.isVisible()
