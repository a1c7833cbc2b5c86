"""The peer feed: shared items newest first, with replies and reactions, one page at a time.

Deliberately calm: no counters, no unread badges, no infinite scroll ("Show older" turns
the page). A content warning hides the body until "Show anyway". Reactions are five small
buttons; a reply is one short line, checked by :func:`check_reply` before it goes out —
a reply that may land hard asks "send anyway or edit?" right in the card. The time the
feed is visible is counted locally (:mod:`peerjournal.ui.peers.feed_time`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.kindness import check_reply
from peerjournal.app.peers import MAX_REPLY, PAIRED_STATES, FeedItem, PeersService
from peerjournal.errors import PeerJournalError, VaultLocked
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.labels import plain_label
from peerjournal.ui.kit.markdown import render_markdown
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.feed_time import FEED_MINUTES_PREF, SUMMARY_HIDDEN_PREF, FeedTimeTracker

# Items per feed page ("Show older" turns the page; there is no endless scroll).
PAGE_SIZE = 10


def load_page(session: Any, *, mine: bool, page: int) -> tuple[list[FeedItem], bool]:
    """Worker job: one page of received items (shared ones with ``mine``), and whether an
    older page exists."""
    offset = page * PAGE_SIZE
    service: PeersService = session.peers
    page_of = service.shared if mine else service.feed
    items = page_of(limit=PAGE_SIZE + 1, offset=offset)
    return items[:PAGE_SIZE], len(items) > PAGE_SIZE


#: The quick reactions, in the order of their buttons (words, not emoji: every font has them).
REACTIONS: tuple[str, ...] = ("heart", "hug", "strength", "same", "thanks")


def nice_day(iso_day: str) -> str:
    """A shared item's coarse day in the user's locale ("" kept for bad data)."""
    day = QDate.fromString(iso_day, Qt.DateFormat.ISODate)
    if not day.isValid():
        return iso_day
    return QLocale().toString(day, QLocale.FormatType.LongFormat)


class FeedCard(QFrame):
    """One shared item with its responses, reaction buttons and a reply line."""

    react = Signal(str, str)  # item id, reaction
    reply = Signal(str, str)  # item id, text (already past the kindness check)
    worried = Signal()  # "Worried about them?": what to do, and crisis lines

    def __init__(self, item: FeedItem, *, mine: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setProperty("role", "card")
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        who = (
            self.tr("You shared with %1").replace("%1", item.peer)
            if mine
            else self.tr("From %1").replace("%1", item.peer)
        )
        header = plain_label(f"{who} · {nice_day(item.day)}", "muted")
        layout.addWidget(header)
        self.title_label = plain_label(item.title)
        self.title_label.setProperty("role", "heading")
        self.title_label.setVisible(bool(item.title))
        # Markdown, rendered as safely as entries are: raw HTML shows as text, no images,
        # links shown but never opened by the app
        self.body_label = QLabel(render_markdown(item.body))
        self.body_label.setTextFormat(Qt.TextFormat.RichText)
        self.body_label.setWordWrap(True)
        self.body_label.setOpenExternalLinks(False)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body_label.setAccessibleName(self.tr("Shared text"))
        self.cw_row = QWidget()
        cw_layout = QHBoxLayout(self.cw_row)
        cw_layout.setContentsMargins(0, 0, 0, 0)
        self.cw_label = plain_label(
            self.tr("Content warning: %1").replace("%1", item.content_warning), "muted"
        )
        self.show_anyway = QPushButton(self.tr("Show anyway"))
        self.show_anyway.clicked.connect(self.reveal)
        cw_layout.addWidget(self.cw_label, 1)
        cw_layout.addWidget(self.show_anyway)
        layout.addWidget(self.cw_row)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        extras = [f"#{t}" for t in item.tags]
        if item.mood is not None:
            extras.append(self.tr("mood %1 of 5").replace("%1", str(item.mood)))
        self.extras_label = plain_label("  ".join(extras), "muted")
        self.extras_label.setVisible(bool(extras))
        layout.addWidget(self.extras_label)
        self.worried_button = QPushButton(self.tr("Worried about them?"))
        self.worried_button.setProperty("role", "link")
        self.worried_button.setAccessibleName(
            self.tr("Worried about %1? What you can do").replace("%1", item.peer)
        )
        self.worried_button.clicked.connect(self.worried)
        self.worried_button.setVisible(not mine)  # for what a peer shared
        layout.addWidget(self.worried_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hidden = bool(item.content_warning)
        self.cw_row.setVisible(self.hidden)
        for widget in (self.title_label, self.body_label, self.extras_label):
            if self.hidden:
                widget.hide()

        self.divider = QFrame()
        self.divider.setFixedHeight(1)
        self.divider.setStyleSheet("background-color: palette(button); border: none;")
        layout.addWidget(self.divider)
        self.responses_label = plain_label("", "")
        self.responses_label.setVisible(False)
        layout.addWidget(self.responses_label)
        self._show_responses()

        self.reaction_buttons: dict[str, QPushButton] = {}
        self.reply_edit = QLineEdit()
        self.reply_send = QPushButton(self.tr("Reply"))
        self.kindness_row = QWidget()
        self.kindness_label = plain_label(self.tr("This might land hard — send anyway or edit?"))
        self.send_anyway = QPushButton(self.tr("Send anyway"))
        self.edit_again = QPushButton(self.tr("Edit my reply"))
        self.mine = mine
        if item.peer_state in PAIRED_STATES:
            layout.addLayout(self._build_actions())
            layout.addWidget(self.kindness_row)
        self.kindness_row.hide()

    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: the item can be read; reactions and replies cannot be kept."""
        for button in (*self.reaction_buttons.values(), self.reply_send, self.send_anyway):
            button.setEnabled(not read_only)
        self.reply_edit.setReadOnly(read_only)

    def _build_actions(self) -> QVBoxLayout:
        names = {
            "heart": self.tr("\u2665 Heart"),
            "hug": self.tr("Hug"),
            "strength": self.tr("Strength"),
            "same": self.tr("Same here"),
            "thanks": self.tr("Thanks"),
        }
        reactions = QHBoxLayout()
        reactions.setSpacing(6)
        # Reactions are for what peers share; on your own items you reply.
        for kind in () if self.mine else REACTIONS:
            button = QPushButton(names[kind])
            button.setAccessibleName(names[kind])
            button.setProperty("role", "chip")
            button.clicked.connect(lambda _c=False, k=kind: self.react.emit(self.item.id, k))
            self.reaction_buttons[kind] = button
            reactions.addWidget(button)
        reactions.addStretch(1)
        reply_row = QHBoxLayout()
        reply_row.setSpacing(6)
        self.reply_edit.setPlaceholderText(self.tr("A short, kind reply…"))
        self.reply_edit.setAccessibleName(self.tr("Reply"))
        self.reply_edit.setMaxLength(MAX_REPLY)
        self.reply_edit.returnPressed.connect(self.try_reply)
        self.reply_send.clicked.connect(self.try_reply)
        reply_row.addWidget(self.reply_edit, 1)
        reply_row.addWidget(self.reply_send)
        kind_layout = QHBoxLayout(self.kindness_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.kindness_label, 1)
        kind_layout.addWidget(self.edit_again)
        kind_layout.addWidget(self.send_anyway)
        self.send_anyway.clicked.connect(self._send_anyway)
        self.edit_again.clicked.connect(self._edit_again)
        box = QVBoxLayout()
        box.setSpacing(6)
        box.addLayout(reactions)
        box.addLayout(reply_row)
        return box

    def reaction_text(self, kind: str, mine: bool) -> str:
        """A reaction as a short sentence ("Sam sent a hug"), never as a count."""
        if mine:
            texts = {
                "heart": self.tr("You sent a heart"),
                "hug": self.tr("You sent a hug"),
                "strength": self.tr("You sent strength"),
                "same": self.tr("You said: same here"),
                "thanks": self.tr("You said thanks"),
            }
        else:
            texts = {
                "heart": self.tr("%1 sent a heart"),
                "hug": self.tr("%1 sent a hug"),
                "strength": self.tr("%1 sent strength"),
                "same": self.tr("%1 said: same here"),
                "thanks": self.tr("%1 said thanks"),
            }
        return texts.get(kind, kind).replace("%1", self.item.peer)

    def _show_responses(self) -> None:
        lines: list[str] = []
        you = self.tr("You")
        for reaction in self.item.reactions:
            lines.append(self.reaction_text(reaction.text, reaction.direction == "out"))
        for reply in self.item.replies:
            who = you if reply.direction == "out" else self.item.peer
            lines.append(f"{who}: {reply.text}")
        self.responses_label.setText("\n".join(lines))
        self.responses_label.setVisible(bool(lines))
        self.divider.setVisible(bool(lines))

    def reveal(self) -> None:
        """Show the body behind a content warning."""
        self.hidden = False
        self.cw_row.hide()
        self.title_label.setVisible(bool(self.item.title))
        self.body_label.show()
        self.extras_label.setVisible(bool(self.extras_label.text()))

    def try_reply(self) -> None:
        """Send the reply, unless the kindness check asks first."""
        text = self.reply_edit.text().strip()
        if not text:
            return
        if check_reply(text) is not None:
            self.kindness_row.show()
            # the gentle choice has the focus: Return never sends a harsh reply by accident
            self.edit_again.setFocus()
            return
        self._emit_reply(text)

    def _send_anyway(self) -> None:
        text = self.reply_edit.text().strip()
        if text:
            self._emit_reply(text)

    def _edit_again(self) -> None:
        self.kindness_row.hide()
        self.reply_edit.setFocus()

    def _emit_reply(self, text: str) -> None:
        self.kindness_row.hide()
        self.reply_edit.clear()
        self.reply.emit(self.item.id, text)


class FeedWidget(QWidget):
    """Received items (or the ones the user shared), a page at a time, plus time awareness."""

    loaded = Signal()  # a page is on screen
    message = Signal(str)  # plain status for the window
    checkin_requested = Signal()  # from the nudge's "Check in" button
    worried_requested = Signal()  # a card's "Worried about them?"

    def __init__(
        self, worker: DbWorker, nudge_after_ms: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self.page = 0
        self.mine = False
        self.read_only = False  # the vault opened read-only: nothing is written
        self.cards: list[FeedCard] = []
        self.tracker = FeedTimeTracker(self._counting, nudge_after_ms, self)
        self.tracker.nudge.connect(self.show_nudge)
        self.tracker.minutes_changed.connect(self._show_minutes)
        self.tracker.save_requested.connect(self._save_minutes)

        self.from_peers = QPushButton(self.tr("From your peers"))
        self.you_shared = QPushButton(self.tr("You shared"))
        for button, mine in ((self.from_peers, False), (self.you_shared, True)):
            button.setCheckable(True)
            button.setProperty("role", "chip")
            button.clicked.connect(lambda _c=False, m=mine: self.show_section(m))
        self.from_peers.setChecked(True)

        self.nudge_box = QFrame()
        self.nudge_box.setProperty("role", "card")
        self.nudge_box.setObjectName("card")
        nudge_layout = QHBoxLayout(self.nudge_box)
        self.nudge_label = plain_label(
            self.tr("You've been here a while. Maybe a good moment for a break or a check-in?")
        )
        self.nudge_checkin = QPushButton(self.tr("Check in"))
        self.nudge_checkin.clicked.connect(self._nudge_checkin)
        self.nudge_dismiss = QPushButton(self.tr("Dismiss"))
        self.nudge_dismiss.clicked.connect(self.dismiss_nudge)
        nudge_layout.addWidget(self.nudge_label, 1)
        nudge_layout.addWidget(self.nudge_checkin)
        nudge_layout.addWidget(self.nudge_dismiss)
        self.nudge_box.hide()

        self.summary_label = plain_label("", "muted")
        self.summary_hide = QPushButton(self.tr("Hide"))
        self.summary_hide.setProperty("role", "link")
        self.summary_hide.clicked.connect(self.hide_summary)
        self.summary_row = QWidget()
        summary_layout = QHBoxLayout(self.summary_row)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.summary_label, 1)
        summary_layout.addWidget(self.summary_hide)
        self.summary_hidden = True
        self.summary_row.hide()

        self.empty_label = plain_label("", "muted")
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        self.newer_button = QPushButton(self.tr("Back to the newest"))
        self.newer_button.clicked.connect(lambda: self.load(0))
        self.older_button = QPushButton(self.tr("Show older"))
        self.older_button.clicked.connect(lambda: self.load(self.page + 1))
        paging = QHBoxLayout()
        paging.addWidget(self.newer_button)
        paging.addStretch(1)
        paging.addWidget(self.older_button)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 6, 0)
        inner_layout.addWidget(self.empty_label)
        inner_layout.addLayout(self.cards_box)
        inner_layout.addLayout(paging)
        inner_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(inner)
        self.scroll_area.setAccessibleName(self.tr("Feed"))  # in the Tab chain: scrolls by keys

        switch = QHBoxLayout()
        switch.setSpacing(6)
        switch.addWidget(self.from_peers)
        switch.addWidget(self.you_shared)
        switch.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(switch)
        layout.addWidget(self.nudge_box)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.summary_row)
        self.newer_button.hide()
        self.older_button.hide()

    # -- loading --------------------------------------------------------------------------
    def start(self) -> None:
        """Load the first page and the stored time-on-feed (after unlock)."""
        self.tracker.resume()
        self._worker.submit(
            lambda s: (s.prefs.get(FEED_MINUTES_PREF), s.prefs.get(SUMMARY_HIDDEN_PREF, False)),
            self._prefs_loaded,
            lambda e: self.message.emit(error_text(e)),
        )
        self.load(0)

    def _prefs_loaded(self, values: tuple[Any, Any]) -> None:
        stored, hidden = values
        self.tracker.load(stored)
        self.summary_hidden = bool(hidden)
        self._show_minutes(self.tracker.minutes)

    def show_section(self, mine: bool) -> None:
        """Switch between what peers shared and what the user shared."""
        self.from_peers.setChecked(not mine)
        self.you_shared.setChecked(mine)
        if mine != self.mine:
            self.mine = mine
            self.load(0)

    def load(self, page: int) -> None:
        """Load one page (0 = newest) in the worker."""
        mine = self.mine
        self._worker.submit(
            lambda s: load_page(s, mine=mine, page=page),
            lambda result: self._page_loaded(page, result),
            lambda e: self.message.emit(error_text(e)),
            key="peers-feed-page",
        )

    def _page_loaded(self, page: int, result: tuple[list[FeedItem], bool]) -> None:
        items, has_older = result
        self.clear()
        self.page = page
        for item in items:
            card = FeedCard(item, mine=self.mine)
            card.react.connect(self._react)
            card.reply.connect(self._reply)
            card.worried.connect(self.worried_requested)
            card.set_read_only(self.read_only)
            self.cards.append(card)
            self.cards_box.addWidget(card)
            # A layout shows a widget added to a visible parent only on a later event-loop
            # turn; show it now, so the page is on screen (and can be used) once it arrived.
            card.show()
        if items:
            self.empty_label.hide()
        else:
            self.empty_label.setText(
                self.tr("Nothing you shared yet. Use “Share…” on an entry.")
                if self.mine
                else self.tr(
                    "Nothing here yet. When a peer shares something, it appears here after "
                    "“Check for messages”."
                )
            )
            self.empty_label.show()
        self.older_button.setVisible(has_older)
        self.newer_button.setVisible(page > 0)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.loaded.emit()

    def clear(self) -> None:
        """Remove every card (on reload and on lock)."""
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.hide()  # off screen now; deleteLater frees it only on a later turn
            card.deleteLater()
        self.cards.clear()

    # -- responding -----------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: no reactions, replies or saved feed time."""
        self.read_only = read_only
        for card in self.cards:
            card.set_read_only(read_only)

    def _react(self, item_id: str, reaction: str) -> None:
        def job(session: Any) -> str:
            service: PeersService = session.peers
            return service.react(item_id, reaction)

        self._worker.submit(job, lambda _r: self._responded(), self._failed)

    def _reply(self, item_id: str, text: str) -> None:
        def job(session: Any) -> str:
            service: PeersService = session.peers
            return service.reply(item_id, text)

        self._worker.submit(job, lambda _r: self._responded(), self._failed)

    def _responded(self) -> None:
        self.message.emit(self.tr("Sent. It goes out whenever the relay is reachable."))
        self.load(self.page)

    def _failed(self, error: PeerJournalError) -> None:
        self.message.emit(error_text(error))

    # -- time awareness -------------------------------------------------------------------
    def _counting(self) -> bool:
        window = self.window()
        return self.isVisible() and window is not None and window.isActiveWindow()

    def set_nudge_after_ms(self, interval_ms: int) -> None:
        """Nudge after this much feed time (0 = never); tests use a short interval."""
        self.tracker.nudge_after_ms = max(0, interval_ms)

    def show_nudge(self) -> None:
        """The gentle, dismissible note; it never blocks anything."""
        self.nudge_box.show()

    def dismiss_nudge(self) -> None:
        """Hide the note; the next comes after another full interval."""
        self.nudge_box.hide()
        self.tracker.dismissed()

    def _nudge_checkin(self) -> None:
        self.dismiss_nudge()
        self.checkin_requested.emit()

    def _show_minutes(self, minutes: int) -> None:
        self.summary_label.setText(
            self.tr("This week: %n minute(s) in the feed.", "", minutes)
            if minutes
            else self.tr("This week: less than a minute in the feed.")
        )
        self.summary_row.setVisible(not self.summary_hidden)

    def hide_summary(self) -> None:
        """Hide the weekly summary (remembered inside the vault)."""
        self.summary_hidden = True
        self.summary_row.hide()
        if not self.read_only:
            self._worker.submit(lambda s: s.prefs.set(SUMMARY_HIDDEN_PREF, True))

    def show_summary(self) -> None:
        """Show the weekly summary again."""
        self.summary_hidden = False
        self._show_minutes(self.tracker.minutes)
        if not self.read_only:
            self._worker.submit(lambda s: s.prefs.set(SUMMARY_HIDDEN_PREF, False))

    def _save_minutes(self, value: object) -> None:
        if self._worker.has_session and not self.read_only:
            self._worker.submit(
                lambda s: s.prefs.set(FEED_MINUTES_PREF, value), None, self._save_failed
            )

    def _save_failed(self, error: PeerJournalError) -> None:
        if not isinstance(error, VaultLocked):  # locked meanwhile: nothing to save into
            self.message.emit(error_text(error))

    def showEvent(self, event: QShowEvent) -> None:
        """Start counting as soon as the feed shows."""
        super().showEvent(event)
        self.tracker.update()

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop counting when the feed hides."""
        super().hideEvent(event)
        self.tracker.update()
