"""New peer items raise a tray notification; quiet hours and the setting keep it quiet.

Two real vaults are paired through the real relay; the peer shares, the window's
background round fetches it. The quiet hours are tested with a fake clock on the
window's notifier (never by waiting for the night).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.kit.prefs import PEER_NOTIFICATIONS, QUIET_HOURS, SYNC_MINUTES
from tests.helpers.vault import PASSPHRASE, make_session

NOON = datetime(2026, 12, 2, 12, 0)
NIGHT = datetime(2026, 12, 2, 23, 30)
TIMEOUT = 30_000


def _paired_vaults(tmp_path: Path, relay_url: str) -> Any:
    """The window's vault (tmp_path/vault) paired with a peer's; returns the peer's session."""
    mine, theirs = make_session(tmp_path), make_session(tmp_path, "peer")
    me, them = mine.peers, theirs.peers
    _info, code = me.invite(relay_url, pseudonym="Robin")
    them.accept(code, pseudonym="Sam")
    me.sync()
    them.sync()
    assert me.get("Sam").state == "active"
    mine.lock()
    return theirs


def _peer_shares(session: Any, text: str) -> None:
    entry = session.journal.add(text, title=text)
    service = session.peers
    service.share_send(service.share_preview(entry.id, "Robin"))


def _background_round(qtbot: Any, window: Any) -> Any:
    with qtbot.waitSignal(window.background.outcome, timeout=TIMEOUT) as done:
        window.background.run_now()
    return done.args[0]


def test_new_peer_items_notify_except_in_quiet_hours_or_when_turned_off(
    qtbot: Any, make_window: Any, ui_prefs: Any, tmp_path: Path, relay: Any
) -> None:
    peer = _paired_vaults(tmp_path, relay.url)
    ui_prefs.set(QUIET_HOURS, "22:00-08:00")
    ui_prefs.set(SYNC_MINUTES, 0)  # rounds only when the test asks
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.background.running and not window.worker.busy)
    shown: list[str] = []
    window.notifier.notified.connect(shown.append)

    # at noon, a new item raises one short notification without its content
    window.notifier.clock = lambda: NOON
    _peer_shares(peer, "Blue heron at the pond")
    assert _background_round(qtbot, window).new_items == 1
    assert shown == ["A peer shared something with you."]
    if not window.tray.available:  # no tray (offscreen, bare X): the status bar says it
        assert window.status.text() == shown[0]

    # in the quiet hours the item arrives, silently
    window.notifier.clock = lambda: NIGHT
    _peer_shares(peer, "Late thoughts")
    assert _background_round(qtbot, window).new_items == 1
    assert len(shown) == 1

    # turned off in Settings (keyboard: Ctrl+, then Space on the box, then Save)
    window.notifier.clock = lambda: NOON
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = next(d for d in window.dialogs.open_dialogs if d.objectName() == "settings")
    box = dialog.peer_notifications
    assert box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert not ui_prefs.get(PEER_NOTIFICATIONS)
    _peer_shares(peer, "Morning tea")
    assert _background_round(qtbot, window).new_items == 1
    assert len(shown) == 1

    # on again, with the Peers page open (the page shows the round; the window notifies)
    ui_prefs.set(PEER_NOTIFICATIONS, True)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.peers_page is not None
    _peer_shares(peer, "A walk by the river")
    assert _background_round(qtbot, window).new_items == 1
    assert len(shown) == 2
    assert "Something new is in your feed" in window.peers_page.status.text()
    assert not any("river" in text or "heron" in text for text in shown)
    peer.lock()


def test_a_round_by_hand_says_it_on_the_page_and_raises_no_notification(
    qtbot: Any, make_window: Any, ui_prefs: Any, tmp_path: Path, relay: Any
) -> None:
    peer = _paired_vaults(tmp_path, relay.url)
    ui_prefs.set(SYNC_MINUTES, 0)
    window = make_window()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    window.notifier.clock = lambda: NOON
    shown: list[str] = []
    window.notifier.notified.connect(shown.append)
    window.show_view(3)
    page = window.peers_page
    qtbot.waitUntil(lambda: page.sync_button.isEnabled())
    _peer_shares(peer, "Kind words")
    page.sync_button.setFocus()
    with qtbot.waitSignal(page.synced, timeout=TIMEOUT):
        qtbot.keyClick(page.sync_button, Qt.Key.Key_Return)
    assert "Something new is in your feed" in page.status.text()
    assert shown == []  # the user is looking at it already
    peer.lock()
