"""End to end through the GUI: two vaults pair, share, react and reply over the real relay.

Vault A invites through PairingDialog, vault B accepts, both check for messages, A marks B
verified ("We compared the code"); A shares
an entry through ShareDialog whose text holds an email and a name from A's people list
(the canary); B's feed shows only the redacted text; B reacts and replies (a harsh reply
meets the kindness prompt first); A sees both under "You shared".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from peerjournal.app.peers import PEOPLE_PREF
from peerjournal.ui.kit.prefs import UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.page import PeersPage
from peerjournal.ui.peers.pairing_dialog import MODE_ACCEPT, MODE_INVITE
from peerjournal.ui.peers.share_dialog import ShareDialog
from tests.helpers.gui import run_job
from tests.helpers.relay import RelayProcess

CANARY = "Zorblattine"
EMAIL = "ana.lopez@example.org"
TIMEOUT = 30_000


def make_page(qtbot: Any, worker: DbWorker, prefs: UiPrefs) -> PeersPage:
    page = PeersPage(worker, prefs)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        page.start()
    return page


def check_messages(qtbot: Any, page: PeersPage) -> Any:
    with qtbot.waitSignal(page.synced, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=TIMEOUT)
    return blocker.args[0]


def wait_feed(qtbot: Any, page: PeersPage, predicate: Callable[[], bool]) -> None:
    """Reload the feed until ``predicate`` holds (the worker answers asynchronously)."""
    qtbot.waitUntil(predicate, timeout=TIMEOUT)


def test_pair_share_react_reply_through_the_gui(
    qtbot: Any, relay: RelayProcess, make_worker: Callable[[str], DbWorker], ui_prefs: UiPrefs
) -> None:
    worker_a, worker_b = make_worker("a"), make_worker("b")
    page_a = make_page(qtbot, worker_a, ui_prefs)
    page_b = make_page(qtbot, worker_b, ui_prefs)
    assert page_a.empty_label.isVisible()

    # A invites: the invite text, a Copy button and a QR code image.
    invite = page_a.open_pairing(MODE_INVITE)
    assert invite.relay_edit.placeholderText().startswith("https://")
    invite.relay_edit.setText(relay.url)
    invite.pseudonym_edit.setText("Robin")
    with qtbot.waitSignal(invite.paired, timeout=TIMEOUT):
        qtbot.mouseClick(invite.go_button, Qt.MouseButton.LeftButton)
    code = invite.invite_view.text()
    assert code.startswith("pj1:")
    assert invite.qr_label.pixmap() is not None and not invite.qr_label.pixmap().isNull()
    qtbot.mouseClick(invite.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code
    assert "trust" in invite.result_text.text()
    qtbot.waitUntil(lambda: len(page_a.cards) == 1, timeout=TIMEOUT)
    assert page_a.cards[0].info.state == "invited"
    invite.accept()

    # B accepts and sees the safety code.
    accept = page_b.open_pairing(MODE_ACCEPT)
    accept.code_edit.setPlainText(code)
    accept.pseudonym_edit.setText("Sam")
    with qtbot.waitSignal(accept.paired, timeout=TIMEOUT):
        qtbot.mouseClick(accept.go_button, Qt.MouseButton.LeftButton)
    safety = accept.safety_label.text()
    assert len(safety.split()) == 5
    accept.accept()

    # Both check for messages: A finishes pairing; the safety codes match.
    report = check_messages(qtbot, page_a)
    assert report.paired and not report.errors
    assert "Paired with" in page_a.status.text()
    qtbot.waitUntil(lambda: page_a.cards and page_a.cards[0].info.state == "active")
    assert page_a.cards[0].safety_label.text() == safety
    assert page_a.cards[0].info.name == "Sam"
    check_messages(qtbot, page_b)
    qtbot.waitUntil(lambda: page_b.cards and page_b.cards[0].info.state == "active")
    assert page_b.cards[0].info.name == "Robin"

    # A and B compared the code; A says so with the keyboard on Sam's card.
    card = page_a.cards[0]
    assert card.verify_button.isVisible() and "not verified" in card.state_label.text()
    card.verify_button.setFocus()
    with qtbot.waitSignal(page_a.refreshed, timeout=TIMEOUT):
        qtbot.keyClick(card.verify_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page_a.cards and page_a.cards[0].info.verified, timeout=TIMEOUT)
    assert not page_a.cards[0].verify_button.isVisible()

    # A writes an entry with an email and a person from A's own people list.
    run_job(qtbot, worker_a, lambda s: s.prefs.set(PEOPLE_PREF, [CANARY]))
    entry = run_job(
        qtbot,
        worker_a,
        lambda s: s.journal.add(
            f"Long talk with {CANARY} about exams. Write to me at {EMAIL} if you like.",
            title="A heavy week",
            tags=["exams", "private"],
        ),
    )

    dialog = ShareDialog(worker_a, entry.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=TIMEOUT)
    body = dialog.body_edit.toPlainText()
    assert "[email]" in body and "[person]" in body
    assert CANARY not in body and EMAIL not in body
    findings = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    assert any(text.endswith(": an email address") for text in findings)
    assert any(text.endswith(": a name") for text in findings)
    assert len(dialog.body_edit.extraSelections()) == len(findings)
    assert dialog.send_button.text() == "Send to Sam"
    # Nothing leaves before the click.
    assert run_job(qtbot, worker_a, lambda s: peers_service_waiting(s)) == 0
    assert run_job(qtbot, worker_a, lambda s: count_out_items(s)) == 0
    dialog.tag_boxes[0].setChecked(True)  # share #exams, not #private
    dialog.cw_edit.setText("exam stress")
    with qtbot.waitSignal(dialog.shared, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "Sam" in dialog.status.text()
    assert not dialog.send_button.isEnabled()
    dialog.accept()

    # B checks for messages: the feed shows the redacted text behind the content warning.
    report = check_messages(qtbot, page_b)
    assert report.received >= 1
    wait_feed(qtbot, page_b, lambda: len(page_b.feed.cards) == 1)
    card = page_b.feed.cards[0]
    assert card.hidden and not card.body_label.isVisible()
    assert "exam stress" in card.cw_label.text()
    qtbot.mouseClick(card.show_anyway, Qt.MouseButton.LeftButton)
    assert card.body_label.isVisible()
    assert "[email]" in card.body_label.text() and "[person]" in card.body_label.text()
    assert CANARY not in card.body_label.text() and EMAIL not in card.body_label.text()
    assert "#exams" in card.extras_label.text() and "private" not in card.extras_label.text()

    # B reacts with a hug.
    qtbot.mouseClick(card.reaction_buttons["hug"], Qt.MouseButton.LeftButton)
    wait_feed(
        qtbot,
        page_b,
        lambda: bool(page_b.feed.cards) and "hug" in page_b.feed.cards[0].responses_label.text(),
    )

    # A harsh reply meets the kindness prompt; nothing is sent until the user decides.
    card = page_b.feed.cards[0]
    card.reply_edit.setText("Just get over it, you always do this")
    qtbot.mouseClick(card.reply_send, Qt.MouseButton.LeftButton)
    assert card.kindness_row.isVisible()
    assert "land hard" in card.kindness_label.text()
    assert card.reply_edit.text()  # kept for editing
    qtbot.mouseClick(card.edit_again, Qt.MouseButton.LeftButton)
    assert not card.kindness_row.isVisible()
    card.reply_edit.setText("That sounds so hard. Thinking of you.")
    qtbot.mouseClick(card.reply_send, Qt.MouseButton.LeftButton)
    wait_feed(
        qtbot,
        page_b,
        lambda: (
            bool(page_b.feed.cards)
            and "Thinking of you" in page_b.feed.cards[0].responses_label.text()
        ),
    )
    assert "get over it" not in page_b.feed.cards[0].responses_label.text()

    # A checks for messages and sees the reaction and the reply under "You shared".
    check_messages(qtbot, page_a)
    page_a.feed.show_section(True)
    wait_feed(
        qtbot,
        page_a,
        lambda: (
            bool(page_a.feed.cards)
            and "Thinking of you" in page_a.feed.cards[0].responses_label.text()
        ),
    )
    responses = page_a.feed.cards[0].responses_label.text()
    assert "Sam: That sounds so hard" in responses and "Sam sent a hug" in responses

    # The canary never reached the relay's files.
    for path in relay.data_dir.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes()
    assert CANARY not in relay.logs()


def peers_service_waiting(session: Any) -> int:
    service = session.peers
    return sum(p.waiting for p in service.list())


def count_out_items(session: Any) -> int:
    row = session.conn.execute(
        "SELECT count(*) FROM shared_items WHERE direction = 'out'"
    ).fetchone()
    return int(row[0])
