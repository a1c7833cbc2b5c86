"""Safety codes verified in the desktop app, and the invite off the clipboard (issue 9 §6,
§7): real widgets, real vaults, the real relay on 127.0.0.1, driven by keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from peerjournal.ui.kit.prefs import UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.page import PeersPage
from peerjournal.ui.peers.pairing_dialog import MODE_INVITE
from peerjournal.ui.peers.share_dialog import ShareDialog
from tests.helpers.gui import run_job
from tests.helpers.relay import RelayProcess

TIMEOUT = 30_000


@pytest.fixture
def paired(
    qtbot: Any, make_worker: Callable[[str], DbWorker], relay: RelayProcess
) -> tuple[DbWorker, DbWorker]:
    """Vault A paired with B ("Sam"), not verified on either side."""
    worker_a, worker_b = make_worker("a"), make_worker("b")
    code = run_job(qtbot, worker_a, lambda s: s.peers.invite(relay.url, pseudonym="Robin")[1])
    run_job(qtbot, worker_b, lambda s: s.peers.accept(code, pseudonym="Sam"))
    run_job(qtbot, worker_a, lambda s: s.peers.sync())
    run_job(qtbot, worker_b, lambda s: s.peers.sync())
    return worker_a, worker_b


def _page(qtbot: Any, worker: DbWorker, prefs: UiPrefs) -> PeersPage:
    page = PeersPage(worker, prefs)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        page.start()
    return page


def _sent_items(session: Any) -> int:
    return int(
        session.conn.execute(
            "SELECT count(*) FROM shared_items WHERE direction = 'out'"
        ).fetchone()[0]
    )


def test_we_compared_the_code_marks_the_peer_verified(
    qtbot: Any, paired: tuple[DbWorker, DbWorker], ui_prefs: UiPrefs
) -> None:
    worker_a, _worker_b = paired
    page = _page(qtbot, worker_a, ui_prefs)
    [card] = page.cards
    assert card.info.state == "active" and not card.info.verified
    assert "not verified" in card.state_label.text()
    assert "We compared the code" in card.step_label.text()
    assert card.verify_button.isVisible() and card.verify_button.isEnabled()
    card.verify_button.setFocus()
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        qtbot.keyClick(card.verify_button, Qt.Key.Key_Space)
    [card] = page.cards
    assert card.info.verified and card.info.state == "verified"
    assert "verified" in card.state_label.text() and "not verified" not in card.state_label.text()
    assert not card.verify_button.isVisible()
    assert card.mute_button.isVisible()  # still paired: mute and unpair stay
    assert page.focusWidget() is card.mute_button  # the keyboard stays on the card
    assert page.status.text() == "Sam is verified."
    assert run_job(qtbot, worker_a, lambda s: s.peers.get("Sam").verified)


def test_a_read_only_page_cannot_verify(
    qtbot: Any, paired: tuple[DbWorker, DbWorker], ui_prefs: UiPrefs
) -> None:
    page = _page(qtbot, paired[0], ui_prefs)
    page.set_read_only(True)
    assert not page.cards[0].verify_button.isEnabled()


def test_the_first_share_to_an_unverified_peer_asks_once(
    qtbot: Any, paired: tuple[DbWorker, DbWorker]
) -> None:
    worker_a, _worker_b = paired
    entry = run_job(qtbot, worker_a, lambda s: s.journal.add("a slow week", title="Week"))

    def dialog() -> ShareDialog:
        d = ShareDialog(worker_a, entry.id)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitUntil(d.send_button.isEnabled, timeout=TIMEOUT)
        return d

    first = dialog()
    assert first.peer_combo.currentText() == "Sam (not verified)"
    assert first.send_button.text() == "Send to Sam"
    first.send_button.setFocus()
    qtbot.keyClick(first.send_button, Qt.Key.Key_Space)
    box = first.unverified_box
    assert box is not None and "Sam" in box.text()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc: compare first, nothing is sent
    qtbot.waitUntil(lambda: first.unverified_box is None)
    assert first.status.text() == "Nothing was sent."
    assert run_job(qtbot, worker_a, _sent_items) == 0
    assert not run_job(qtbot, worker_a, lambda s: s.peers.get("Sam").unverified_share_ok)

    first.send_button.setFocus()
    qtbot.keyClick(first.send_button, Qt.Key.Key_Space)
    box = first.unverified_box
    assert box is not None
    anyway = next(b for b in box.buttons() if b.text() == "Share anyway")
    assert box.defaultButton() is not anyway  # Return alone does not share
    with qtbot.waitSignal(first.shared, timeout=TIMEOUT):
        anyway.setFocus()
        qtbot.keyClick(anyway, Qt.Key.Key_Space)
    assert run_job(qtbot, worker_a, _sent_items) == 1
    first.accept()

    # Asked once: the next share goes straight out.
    second = dialog()
    run_job(qtbot, worker_a, lambda s: s.peers.verify("Sam"))
    third = dialog()
    assert third.peer_combo.currentText() == "Sam"
    third.reject()
    with qtbot.waitSignal(second.shared, timeout=TIMEOUT):
        second.send_button.setFocus()
        qtbot.keyClick(second.send_button, Qt.Key.Key_Space)
    assert second.unverified_box is None
    assert run_job(qtbot, worker_a, _sent_items) == 2


def _invite_dialog(qtbot: Any, page: PeersPage, relay: RelayProcess) -> Any:
    dialog = page.open_pairing(MODE_INVITE)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.relay_edit.setFocus()
    qtbot.keyClicks(dialog.relay_edit, relay.url)
    with qtbot.waitSignal(dialog.paired, timeout=TIMEOUT):
        qtbot.keyClick(dialog.relay_edit, Qt.Key.Key_Return)
    dialog.copy_button.setFocus()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == dialog.invite_code != ""
    return dialog


def test_the_invite_leaves_the_clipboard_when_the_dialog_closes(
    qtbot: Any, worker: DbWorker, ui_prefs: UiPrefs, relay: RelayProcess
) -> None:
    page = _page(qtbot, worker, ui_prefs)
    dialog = _invite_dialog(qtbot, page, relay)
    assert "leaves the clipboard" in dialog.copied.text()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.invite_view, Qt.Key.Key_Return)  # Done
    assert QGuiApplication.clipboard().text() == ""

    # Shown again from the card, copied, and the vault locks: cleared as well.
    qtbot.waitUntil(lambda: len(page.cards) == 1, timeout=TIMEOUT)
    again = page.show_invite(page.cards[0].info)
    again.copy_button.setFocus()
    qtbot.keyClick(again.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == again.invite_code
    page.clear()  # what locking does
    assert QGuiApplication.clipboard().text() == ""


def test_text_copied_after_the_invite_is_left_alone(
    qtbot: Any, worker: DbWorker, ui_prefs: UiPrefs, relay: RelayProcess
) -> None:
    page = _page(qtbot, worker, ui_prefs)
    dialog = _invite_dialog(qtbot, page, relay)
    QGuiApplication.clipboard().setText("my own note")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.invite_view, Qt.Key.Key_Escape)
    assert QGuiApplication.clipboard().text() == "my own note"


def test_the_verify_step_keeps_the_card_narrow_in_german(qapp: Any, ui_prefs: UiPrefs) -> None:
    """Seen on screen: with the German button text in the Mute/Unpair row the card needed
    655 pixels and squeezed the feed; the step has a row of its own."""
    from peerjournal.app.peers import PeerInfo
    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE
    from peerjournal.ui.peers.page import PeerCard

    ui_prefs.set(LANGUAGE, "de")
    install_translator(qapp, ui_prefs)
    try:
        info = PeerInfo(
            id="p",
            name="Sam",
            my_pseudonym="Robin",
            state="active",
            role="inviter",
            relay_url="http://r.test",
            safety_code="0456 9576 6987 7271 9230",
            muted=False,
            waiting=0,
            invite_code=None,
        )
        card = PeerCard(info)
        assert card.verify_button.text() == "Wir haben den Code verglichen"
        assert card.minimumSizeHint().width() <= 440
    finally:
        ui_prefs.set(LANGUAGE, "en")
        install_translator(qapp, ui_prefs)
