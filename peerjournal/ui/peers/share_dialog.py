"""Share one entry with a peer: the redacted preview, editable, sent only on a clear click.

The dialog asks :meth:`PeersService.share_preview` for the redacted text, the coarse day
and the mood, and shows the anonymiser's findings highlighted in the text; reviewing them
(the numbered list, "always keep/redact", the pause after a hand edit) is
:mod:`peerjournal.ui.peers.share_findings`. The user may edit title and text freely.
Nothing is sent until "Send to <pseudonym>" is pressed. What is loaded in the worker and
how the text is rendered lives in :mod:`peerjournal.ui.peers.share_source`. The first
share to a peer whose safety code was never confirmed asks once whether to share anyway
(the answer is kept with the pairing).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.peers import PeersService, SharePreview
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import fit_to_screen
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.feed import nice_day
from peerjournal.ui.peers.share_findings import FindingsReview
from peerjournal.ui.peers.share_source import (
    ShareSource,
    load_share_source,
    render,
    utf16,
)

__all__ = ["ShareDialog", "ShareSource", "load_share_source", "render", "utf16"]

REDACTED_COLOUR = QColor(91, 143, 185, 70)  # soft blue, readable in light and dark
REVIEW_COLOUR = QColor(240, 195, 106, 110)  # warm honey: "have a look at this"
PEER_NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the peer's name (the shown text may say more)


class ShareDialog(QDialog):
    """Pick a peer, review the redacted preview, and send it with one clear click."""

    shared = Signal(str)  # the new shared item id

    def __init__(self, worker: DbWorker, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.entry_id = entry_id
        self.source: ShareSource | None = None
        self._filling = False
        self.sent_item_id = ""
        self.unverified_box: QMessageBox | None = None  # "share anyway?" while it is open
        self.setWindowTitle(self.tr("Share an entry"))
        self.setMinimumWidth(560)

        heading = QLabel(self.tr("Share with a peer"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "This is exactly what your peer will get. Details that could identify "
                "someone are replaced; check the list, edit the text if you like. Nothing "
                "is sent until you press Send."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")

        self.peer_combo = QComboBox()
        self.peer_combo.setAccessibleName(self.tr("Peer"))
        self.peer_combo.currentIndexChanged.connect(self._peer_changed)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title to share"))
        self.title_edit.textEdited.connect(self._hand_edit)
        self.body_edit = QTextEdit()
        self.body_edit.setAcceptRichText(False)
        self.body_edit.setAccessibleName(self.tr("Text to share"))
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.textChanged.connect(self._body_changed)
        self.review = FindingsReview()
        self.review.choices_changed.connect(self._apply)
        self.review.reset_requested.connect(self.reset_text)
        # the review's parts, as the tests and the focus chain see them
        self.findings_list = self.review.findings_list
        self.always_box = self.review.always_box
        self.reset_button = self.review.reset_button
        self.tags_row = QHBoxLayout()
        self.tags_row.setSpacing(6)
        self.tag_boxes: list[QCheckBox] = []
        self.mood_box = QCheckBox()
        self.mood_box.hide()
        self.cw_edit = QLineEdit()
        self.cw_edit.setPlaceholderText(self.tr("e.g. self-harm, grief (optional)"))
        self.cw_edit.setAccessibleName(self.tr("Content warning"))
        self.cw_edit.setMaxLength(120)
        self.day_label = QLabel()
        self.day_label.setProperty("role", "muted")
        self.day_label.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # carries pseudonyms and errors
        self.day_label.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Share with"), self.peer_combo)
        form.addRow(self.tr("Title"), self.title_edit)
        # A grid, not a form layout: a form squeezed the content-warning field and the
        # wrapped "Day" line when the dialog was short or the words long.
        options = QGridLayout()
        options.setVerticalSpacing(8)
        options.setHorizontalSpacing(12)
        options.setColumnStretch(1, 1)
        tags_widget = QWidget()
        tags_widget.setLayout(self.tags_row)
        self.tags_row.setContentsMargins(0, 0, 0, 0)
        self.cw_edit.setMinimumHeight(self.cw_edit.sizeHint().height())
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        for row, (text, field) in enumerate(
            (
                (self.tr("Tags"), tags_widget),
                (self.tr("Mood"), self.mood_box),
                (self.tr("Content warning"), self.cw_edit),
                (self.tr("Day"), self.day_label),
            )
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            options.addWidget(
                caption, row, 0, top if field is self.day_label else Qt.AlignmentFlag.AlignVCenter
            )
            options.addWidget(field, row, 1)

        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setProperty("role", "primary")
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)

        self.body_edit.setMinimumHeight(120)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.review)
        layout.addLayout(options)
        # everything above scrolls on a short screen; the status and the buttons never do
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(22, 18, 22, 14)
        outer.setSpacing(10)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.status)
        outer.addWidget(self.buttons)
        self.resize(700, 720)
        self.status.setText(self.tr("Preparing the preview…"))
        worker.submit(lambda s: load_share_source(s, entry_id), self._loaded, self._failed)

    def showEvent(self, event: QShowEvent) -> None:
        """Never taller or wider than the screen; the content scrolls instead."""
        super().showEvent(event)
        fit_to_screen(self)

    # -- loading --------------------------------------------------------------------------
    def _failed(self, error: PeerJournalError) -> None:
        self.status.setProperty("role", "error")
        self.status.setText(error_text(error))
        self.status.style().polish(self.status)

    def _loaded(self, source: ShareSource) -> None:
        self.source = source
        self.status.setText("")
        if not source.peers or source.preview is None:
            self.status.setText(
                self.tr(
                    "You have no paired peer yet. Invite someone on the Peers page first; "
                    "nothing was shared."
                )
            )
            return
        for peer in source.peers:
            # every list of peers says which are not verified
            shown = peer.name if peer.verified else self.tr("%1 (not verified)")
            self.peer_combo.addItem(shown.replace("%1", peer.name), peer.id)
            self.peer_combo.setItemData(self.peer_combo.count() - 1, peer.name, PEER_NAME_ROLE)
        self.review.set_findings(source.title_findings + source.body_findings)
        self._apply()
        for tag in source.entry_tags:
            box = QCheckBox(f"#{tag}")
            box.setProperty("tag", tag)
            self.tag_boxes.append(box)
            self.tags_row.addWidget(box)
        if not source.entry_tags:
            none = QLabel(self.tr("none"))
            none.setProperty("role", "muted")
            self.tags_row.addWidget(none)
        self.tags_row.addStretch(1)
        if source.preview.mood is not None:
            self.mood_box.setText(self.tr("Include my mood: %1").replace("%1", source.mood_label))
            self.mood_box.show()
        else:
            self.mood_box.setText(self.tr("No mood linked to this entry"))
            self.mood_box.setEnabled(False)
            self.mood_box.show()
        self.day_label.setText(
            self.tr("%1 (the day only, never the time)").replace("%1", nice_day(source.preview.day))
        )
        self._peer_changed()
        self.send_button.setEnabled(True)

    # -- editing --------------------------------------------------------------------------
    def _apply(self) -> None:
        """Render title and text from the entry with the chosen findings."""
        assert self.source is not None
        title_count = len(self.source.title_findings)
        redact = self.review.redact
        title, _spans = render(self.source.title, self.source.title_findings, redact)
        body, spans = render(self.source.body, self.source.body_findings, redact, first=title_count)
        self._filling = True
        self.title_edit.setText(title)
        self.body_edit.setPlainText(body)
        self._filling = False
        self._highlight(body, spans)
        self.review.resume()

    def _highlight(self, body: str, spans: list[tuple[int, int, int]]) -> None:
        selections = []
        for start, end, number in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.body_edit.document())
            cursor.setPosition(utf16(body, start))
            cursor.setPosition(utf16(body, end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(REDACTED_COLOUR if number in self.review.redact else REVIEW_COLOUR)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.body_edit.setExtraSelections(selections)

    def _body_changed(self) -> None:
        if not self._filling:
            self._hand_edit()

    def _hand_edit(self, *_args: object) -> None:
        if not self._filling:
            self.review.pause()

    @property
    def redact(self) -> set[int]:
        """The finding numbers replaced by their placeholder."""
        return self.review.redact

    def set_finding(self, number: int, redacted: bool) -> None:
        """Toggle one finding (what a click on its check box does)."""
        self.review.set_finding(number, redacted)

    def remembered_words(self) -> tuple[list[str], list[str]]:
        """The words to keep and to redact always, as ticked (stored when sent)."""
        return self.review.remembered_words()

    def reset_text(self) -> None:
        """Drop hand edits and render the entry with the chosen findings again."""
        if self.source is not None:
            self._apply()
            self.review.fill()

    def _peer_changed(self, *_args: object) -> None:
        name = str(self.peer_combo.currentData(PEER_NAME_ROLE) or "")
        self.send_button.setText(self.tr("Send to %1").replace("%1", name))

    # -- sending --------------------------------------------------------------------------
    def current_preview(self) -> SharePreview | None:
        """What would be sent right now (None until the preview has loaded)."""
        if self.source is None or self.source.preview is None:
            return None
        peer_id = str(self.peer_combo.currentData())
        tags = tuple(str(b.property("tag")) for b in self.tag_boxes if b.isChecked())
        mood = self.source.preview.mood if self.mood_box.isChecked() else None
        return replace(
            self.source.preview,
            peer_id=peer_id,
            peer_name=str(self.peer_combo.currentData(PEER_NAME_ROLE) or ""),
            title=self.title_edit.text().strip(),
            body=self.body_edit.toPlainText().strip(),
            tags=tags,
            mood=mood,
            content_warning=self.cw_edit.text().strip(),
            redacted=frozenset(self.review.redact),
        )

    def send(self) -> None:
        """Queue the preview for the chosen peer and try to send it at once."""
        preview = self.current_preview()
        if preview is None:
            return
        if not preview.body and not preview.title:
            self.status.setText(self.tr("There is nothing to share yet."))
            return

        peers = self.source.peers if self.source is not None else []
        peer = next((p for p in peers if p.id == preview.peer_id), None)
        if peer is not None and peer.ask_before_share:
            self.ask_unverified(preview)
            return
        self._send(preview, agreed=False)

    def ask_unverified(self, preview: SharePreview) -> QMessageBox:
        """Ask once before the first share to a peer not verified (Esc: nothing is sent)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a pseudonym is never markup
        box.setWindowTitle(self.tr("Not verified"))
        name = preview.peer_name
        box.setText(self.tr("You have not compared the safety code with %1.").replace("%1", name))
        box.setInformativeText(
            self.tr(
                "If someone came in between when you paired, they could read what you send. "
                "Compare the code with them by phone or in person first, then press “We "
                "compared the code” on the Peers page. Share anyway? You will not be asked "
                "again for %1."
            ).replace("%1", name)
        )
        anyway = box.addButton(self.tr("Share anyway"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("Compare first"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.setEscapeButton(later)

        def answered(button: object) -> None:
            self.unverified_box = None
            if button is anyway:
                self._send(preview, agreed=True)
            else:
                self.status.setText(self.tr("Nothing was sent."))

        box.buttonClicked.connect(answered)
        self.unverified_box = box
        box.open()
        return box

    def _send(self, preview: SharePreview, *, agreed: bool) -> None:
        keep, redact = self.remembered_words()

        def job(session: Any) -> tuple[str, int]:
            service: PeersService = session.peers
            if agreed:
                service.share_unverified_ok(preview.peer_id)
            # first: a word the vault refuses must not look like a failed send
            for word in keep:
                service.remember_word(word, keep=True)
            for word in redact:
                service.remember_word(word, keep=False)
            item_id = service.share_send(preview)
            return item_id, service.get(preview.peer_id).waiting

        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Sending…"))
        name = preview.peer_name
        self._worker.submit(
            job, lambda r: self._sent(r, name), self._send_failed, on_bug=self._not_sent
        )

    def _send_failed(self, error: PeerJournalError) -> None:
        self.send_button.setEnabled(True)
        self._failed(error)

    def _not_sent(self) -> None:
        """After a bug while sending (the bug dialog explains it): the user can try again."""
        self.send_button.setEnabled(True)
        self.status.setText("")

    def _sent(self, result: tuple[str, int], name: str) -> None:
        item_id, waiting = result
        self.sent_item_id = item_id
        self.status.setProperty("role", "success")
        self.status.style().polish(self.status)
        if waiting:
            text = self.tr(
                "Ready for %1. It will go out when the relay is reachable "
                "(PeerJournal tries again each time you check for messages)."
            )
        else:
            text = self.tr("Sent to %1. They will see it when they next check for messages.")
        self.status.setText(text.replace("%1", name))
        self.send_button.setText(self.tr("Shared"))
        self.cancel_button.setText(self.tr("Close"))
        for widget in (self.title_edit, self.body_edit, self.cw_edit):
            widget.setEnabled(False)
        self.review.freeze()
        self.shared.emit(item_id)
