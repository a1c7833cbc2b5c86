"""The Peers page: pairings (state in plain words, safety code, verify, mute, unpair) and
the feed.

A paired peer whose safety code the user has not confirmed says "not verified" on its card,
with a "We compared the code" button that marks it verified.

"Invite a peer" and "I have an invite" open :class:`PairingDialog`; "Check for messages"
runs one sync round in the worker and says plainly what happened (relay errors as their
own messages; offline means "will try again later"). Whether something new raises a
notification is decided by the window (``peerjournal.ui.shell.notify``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.peers import PeerInfo, PeersService
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit import prefs as ui_prefs
from peerjournal.ui.kit.confirm import ask_destructive
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.flow import WrapRow
from peerjournal.ui.kit.labels import plain_label
from peerjournal.ui.kit.prefs import UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.feed import FeedWidget
from peerjournal.ui.peers.pairing_dialog import MODE_ACCEPT, MODE_INVITE, PairingDialog
from peerjournal.ui.peers.sync_job import SyncOutcome, gate_for, sync_round


class PeerCard(QFrame):
    """One pairing: pseudonyms, state in plain words, the next step, safety code, actions."""

    mute_toggled = Signal(str, bool)  # pairing id, muted
    verify_requested = Signal(str, str)  # pairing id, name
    unpair_requested = Signal(str, str)  # pairing id, name
    invite_requested = Signal(object)  # PeerInfo of a pending invite to show again

    def __init__(self, info: PeerInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setProperty("role", "card")
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        name = plain_label(info.name, "heading")
        layout.addWidget(name)
        self.state_label = plain_label(self.state_text(), "muted")
        layout.addWidget(self.state_label)
        layout.addWidget(
            plain_label(self.tr("They see you as %1").replace("%1", info.my_pseudonym))
        )
        self.step_label = plain_label(self.next_step(), "muted")
        layout.addWidget(self.step_label)
        self.safety_label = plain_label(info.safety_code or "", "mono")
        self.safety_label.setObjectName("mono")
        self.safety_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safety_label.setAccessibleName(self.tr("Safety code"))
        self.safety_label.setVisible(bool(info.safety_code))
        if info.safety_code:
            layout.addWidget(plain_label(self.tr("Safety code to compare:"), "muted"))
            layout.addWidget(self.safety_label)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.verify_button = QPushButton(self.tr("We compared the code"))
        self.verify_button.setToolTip(
            self.tr(
                "Press this once you and they have compared the safety code by phone or in "
                "person and it is the same on both sides."
            )
        )
        self.verify_button.clicked.connect(
            lambda: self.verify_requested.emit(self.info.id, self.info.name)
        )
        self.verify_button.setVisible(info.paired and not info.verified)
        self.mute_button = QPushButton(self.tr("Unmute") if info.muted else self.tr("Mute"))
        self.mute_button.setToolTip(
            self.tr("Muting hides their items from your feed; nothing is sent to them.")
        )
        self.mute_button.clicked.connect(
            lambda: self.mute_toggled.emit(self.info.id, not self.info.muted)
        )
        self.unpair_button = QPushButton(
            self.tr("Cancel the invite…") if info.state == "invited" else self.tr("Unpair…")
        )
        self.unpair_button.clicked.connect(
            lambda: self.unpair_requested.emit(self.info.id, self.info.name)
        )
        self.mute_button.setVisible(info.paired)
        self.invite_button = QPushButton(self.tr("Show invite"))
        self.invite_button.clicked.connect(lambda: self.invite_requested.emit(self.info))
        self.invite_button.setVisible(info.state == "invited" and bool(info.invite_code))
        row.addWidget(self.invite_button)
        row.addWidget(self.mute_button)
        row.addWidget(self.unpair_button)
        row.addStretch(1)
        # The step that matters most gets a row of its own (and the card stays narrow in
        # languages with long words).
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addStretch(1)
        layout.addLayout(verify_row)
        layout.addLayout(row)

    def state_text(self) -> str:
        """The pairing state in plain words."""
        info = self.info
        texts = {
            "invited": self.tr("Invite sent — waiting for them to accept it"),
            "joining": self.tr("Almost paired — waiting for their answer"),
            "active": self.tr("Paired · not verified"),
            "verified": self.tr("Paired · verified"),
            "ended": self.tr("Pairing ended"),
        }
        text = texts.get(info.state, info.state)
        if info.muted:
            text += " · " + self.tr("muted")
        if info.waiting:
            text += " · " + self.tr("some messages wait to go out")
        return text

    def next_step(self) -> str:
        """What the user can do next, in the GUI's words."""
        texts = {
            "invited": self.tr(
                "Give them the invite code or QR code. After they accept it, press "
                "“Check for messages”. Changed your mind? “Cancel the invite…” takes it "
                "back; nothing has been shared."
            ),
            "joining": self.tr(
                "When they have pressed “Check for messages”, do it too. Then compare the "
                "safety code with them by phone or in person."
            ),
            "active": self.tr(
                "Not verified yet: compare the safety code with them by phone or in person "
                "once; if it matches, nobody came in between. Then press “We compared the "
                "code”."
            ),
            "verified": self.tr("You compared the safety code: nobody came in between."),
            "ended": self.tr("What they shared stays in your feed history."),
        }
        return texts.get(self.info.state, "")


class PeersPage(QWidget):
    """Pairings on the left, the feed on the right."""

    message = Signal(str)  # plain status text for the window
    checkin_requested = Signal()  # the feed nudge's "Check in"
    worried_requested = Signal()  # "Worried about them?" on a peer's item
    synced = Signal(object)  # the SyncReport of the last "Check for messages"
    refreshed = Signal()  # the pairing list is on screen

    def __init__(self, worker: DbWorker, prefs: UiPrefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._prefs = prefs
        self.peers: list[PeerInfo] = []
        self.cards: list[PeerCard] = []
        self.dialog: PairingDialog | None = None
        self.unpair_box: QMessageBox | None = None
        self._focus_after_refresh = ""  # a pairing whose card takes the focus when rebuilt
        self.read_only = False  # the vault opened read-only: pairing and sync write it

        heading = plain_label(self.tr("Peers"), "heading")
        intro = plain_label(
            self.tr(
                "Share chosen entries with one or a few people you trust. Everything is "
                "encrypted; the relay cannot read a word."
            ),
            "muted",
        )
        self.invite_button = QPushButton(self.tr("Invite a peer"))
        self.invite_button.setProperty("role", "primary")
        self.invite_button.clicked.connect(lambda: self.open_pairing(MODE_INVITE))
        self.accept_button = QPushButton(self.tr("I have an invite"))
        self.accept_button.clicked.connect(lambda: self.open_pairing(MODE_ACCEPT))
        self.sync_button = QPushButton(self.tr("Check for messages"))
        self.sync_button.clicked.connect(self.check_messages)
        self._syncing = False
        self.status = plain_label("", "muted")
        self.status.setAccessibleName(self.tr("Peer status"))
        self.sync_state = plain_label("", "muted")
        self.sync_state.setAccessibleName(self.tr("Background checks"))

        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(8)
        self.empty_label = plain_label(
            self.tr("No peers yet. Invite someone you trust, or accept their invite."),
            "muted",
        )
        list_inner = QWidget()
        list_layout = QVBoxLayout(list_inner)
        list_layout.setContentsMargins(0, 0, 6, 0)
        list_layout.addWidget(self.empty_label)
        list_layout.addLayout(self.list_box)
        list_layout.addStretch(1)
        list_scroll = QScrollArea()
        list_scroll.setWidgetResizable(True)
        list_scroll.setFrameShape(QFrame.Shape.NoFrame)
        list_scroll.setWidget(list_inner)
        list_scroll.setAccessibleName(self.tr("Your peers"))  # in the Tab chain: scrolls by keys

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(heading)
        left_layout.addWidget(intro)
        # one above the other where the two do not fit side by side (German at 150 %)
        buttons = WrapRow(rest_right=False)
        buttons.addWidget(self.invite_button)
        buttons.addWidget(self.accept_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(list_scroll, 1)

        minutes = prefs.get(ui_prefs.FEED_NUDGE_MINUTES)
        self.feed = FeedWidget(worker, max(0, minutes) * 60_000)
        self.feed.message.connect(self.show_status)
        self.feed.checkin_requested.connect(self.checkin_requested)
        self.feed.worried_requested.connect(self.worried_requested)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Feed"), "heading"), 1)
        top.addWidget(self.sync_button)
        right_layout.addLayout(top)
        right_layout.addWidget(self.sync_state)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.feed, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(splitter)

    # -- loading --------------------------------------------------------------------------
    def start(self) -> None:
        """Load pairings, the feed and the stored feed time (after unlock / first visit)."""
        gate_for(self._worker).open()
        self.refresh()
        self.feed.start()

    def refresh(self) -> None:
        """Reload the pairing list and the current feed page."""

        def job(session: Any) -> list[PeerInfo]:
            service: PeersService = session.peers
            return service.list()

        self._worker.submit(job, self._listed, self._failed, key="peers-list")
        self.feed.load(self.feed.page)

    def _listed(self, peers: list[PeerInfo]) -> None:
        self.peers = peers
        for card in self.cards:
            self.list_box.removeWidget(card)
            card.hide()  # off screen now; deleteLater frees it only on a later turn
            card.deleteLater()
        self.cards = []
        for info in peers:
            card = PeerCard(info)
            card.mute_toggled.connect(self.set_muted)
            card.verify_requested.connect(self.verify)
            card.unpair_requested.connect(self.confirm_unpair)
            card.invite_requested.connect(self.show_invite)
            for button in (card.mute_button, card.unpair_button, card.verify_button):
                button.setEnabled(not self.read_only)
            self.cards.append(card)
            self.list_box.addWidget(card)
            card.show()  # on screen now, not on a later turn (see FeedWidget._page_loaded)
            if info.id == self._focus_after_refresh:
                # the pressed button is gone with the old card: keep the keyboard here
                card.mute_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_after_refresh = ""
        self.empty_label.setVisible(not peers)
        self._update_sync_button()
        self.refreshed.emit()

    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: pairings and the feed can be read; nothing is sent or kept."""
        self.read_only = read_only
        for button in (self.invite_button, self.accept_button):
            button.setEnabled(not read_only)
        self._update_sync_button()
        for card in self.cards:
            for button in (card.mute_button, card.unpair_button, card.verify_button):
                button.setEnabled(not read_only)
        self.feed.set_read_only(read_only)

    def apply_prefs(self) -> None:
        """Re-read the UI preferences (the nudge interval) after Settings."""
        minutes = self._prefs.get(ui_prefs.FEED_NUDGE_MINUTES)
        self.feed.set_nudge_after_ms(max(0, minutes) * 60_000)

    def flush_time(self) -> None:
        """Save the week's feed time in the vault; call BEFORE ``worker.lock()``."""
        self.feed.tracker.flush()

    def clear(self) -> None:
        """Forget everything shown (on lock, after ``worker.lock()``); ``start`` again later."""
        gate_for(self._worker).close()  # a round under way stops before its next pairing
        self._listed([])
        self.feed.clear()
        self.feed.tracker.pause()
        self.status.setText("")
        for widget in (self.dialog, self.unpair_box):
            if widget is not None:
                widget.reject()
        self.dialog = self.unpair_box = None

    def show_sync_state(self, text: str) -> None:
        """What background sync is doing, in words."""
        self.sync_state.setText(text)
        self.sync_state.setVisible(bool(text))

    def show_status(self, text: str) -> None:
        """A plain message above the feed (and for the window's status bar)."""
        self.status.setText(text)
        self.message.emit(text)

    def _failed(self, error: PeerJournalError) -> None:
        self.show_status(error_text(error))

    # -- pairing --------------------------------------------------------------------------
    def open_pairing(self, mode: str) -> PairingDialog:
        """Open the invite or accept dialog (non-modal to the event loop)."""
        dialog = PairingDialog(self._worker, mode, self)
        dialog.paired.connect(lambda _info: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_invite(self, info: PeerInfo) -> PairingDialog:
        """Show a pending invite again (text, Copy and QR code)."""
        dialog = PairingDialog.showing_invite(self._worker, info, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_muted(self, pairing_id: str, muted: bool) -> None:
        """Mute or unmute a peer (their items leave or return to the feed)."""

        def job(session: Any) -> PeerInfo:
            service: PeersService = session.peers
            return service.mute(pairing_id, muted)

        self._worker.submit(job, lambda _info: self.refresh(), self._failed)

    def verify(self, pairing_id: str, name: str) -> None:
        """The user says both compared the safety code: mark the peer verified."""

        def job(session: Any) -> PeerInfo:
            service: PeersService = session.peers
            return service.verify(pairing_id)

        def done(_info: PeerInfo) -> None:
            self.show_status(self.tr("%1 is verified.").replace("%1", name))
            self._focus_after_refresh = pairing_id
            self.refresh()

        self._worker.submit(job, done, self._failed)

    def confirm_unpair(self, pairing_id: str, name: str) -> QMessageBox:
        """Ask kindly before unpairing; nothing happens unless the user agrees."""
        info = next((peer for peer in self.peers if peer.id == pairing_id), None)
        if info is not None and info.state == "invited":
            box = ask_destructive(
                self,
                title=self.tr("Cancel the invite"),
                text=self.tr("Cancel this invite?"),
                details=self.tr(
                    "Nothing has been shared. If they accept the code later, nothing reaches "
                    "either of you; you can invite them again whenever you like."
                ),
                go=self.tr("Cancel the invite"),
                keep=self.tr("Keep it waiting"),
                on_go=lambda: self._unpair(pairing_id, name, invite=True),
            )
            self.unpair_box = box
            return box
        box = ask_destructive(
            self,
            title=self.tr("Unpair"),
            text=self.tr("Unpair from %1?").replace("%1", name),
            details=self.tr(
                "They will be told the pairing ended, without any reason. What they shared "
                "stays in your feed history, and you can always pair again later."
            ),
            go=self.tr("Unpair"),
            keep=self.tr("Keep the pairing"),
            on_go=lambda: self._unpair(pairing_id, name),
        )
        self.unpair_box = box
        return box

    def _unpair(self, pairing_id: str, name: str, *, invite: bool = False) -> None:
        def job(session: Any) -> PeerInfo:
            service: PeersService = session.peers
            return service.remove(pairing_id)

        def done(_info: PeerInfo) -> None:
            if invite:
                self.show_status(self.tr("The invite is cancelled."))
            else:
                self.show_status(self.tr("Unpaired from %1.").replace("%1", name))
            self.refresh()

        self._worker.submit(job, done, self._failed)

    # -- sync -----------------------------------------------------------------------------
    def _update_sync_button(self) -> None:
        """Checking needs a pairing (invited or paired), a writable vault and no round running."""
        self.sync_button.setEnabled(bool(self.peers) and not self.read_only and not self._syncing)
        why = (
            ""
            if self.peers
            else self.tr(
                "There is no one to check for messages from yet. Invite a peer or accept "
                "an invite first."
            )
        )
        self.sync_button.setToolTip(why)
        self.sync_button.setAccessibleDescription(why)

    def check_messages(self) -> None:
        """One sync round in the worker (send, fetch, apply, acknowledge)."""
        if self.read_only:
            return
        self._syncing = True
        self._update_sync_button()
        self.show_status(self.tr("Checking for messages…"))
        stop = gate_for(self._worker).closed
        self._worker.submit(
            lambda session: sync_round(session, stop),
            self._synced,
            self._sync_failed,
            on_bug=self._sync_stopped,
            key="peers-sync",
        )

    def _sync_failed(self, error: PeerJournalError) -> None:
        self._sync_stopped()
        self.show_status(error_text(error))

    def _sync_stopped(self) -> None:
        """The round ended without a report: the user can check again."""
        self._syncing = False
        self._update_sync_button()
        self.show_status("")

    def _synced(self, outcome: SyncOutcome) -> None:
        self._syncing = False
        self._update_sync_button()
        self.show_result(outcome)

    def show_result(self, outcome: SyncOutcome) -> None:
        """Show what a round (by hand or in the background) brought, and reload.

        Notifications are the window's business (shell/notify.py): this page only says it.
        """
        report = outcome.report
        self.show_status(self.describe(outcome))
        self.refresh()
        self.synced.emit(report)

    def describe(self, outcome: SyncOutcome) -> str:
        """A round in plain words: only what is really new (no counts)."""
        report = outcome.report
        parts: list[str] = []
        for name in report.paired:
            parts.append(
                self.tr(
                    "Paired with %1. Compare the safety code, then press “We compared the code”."
                ).replace("%1", name)
            )
        for name in report.ended:
            parts.append(self.tr("%1 ended the pairing.").replace("%1", name))
        if outcome.new_items:
            parts.append(self.tr("Something new is in your feed."))
        if outcome.new_responses:
            parts.append(self.tr("New replies or reactions arrived."))
        if report.sent:
            parts.append(self.tr("Your messages went out."))
        if report.errors:
            parts.extend(error_text(problem) for problem in report.errors)
            parts.append(self.tr("PeerJournal will try again later."))
        elif not parts:
            parts.append(self.tr("Nothing new."))
        return " ".join(parts)
