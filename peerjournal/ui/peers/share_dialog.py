"""Share one entry with a peer: the redacted preview, editable, sent only on a clear click.

The dialog asks :meth:`PeersService.share_preview` for the redacted text, the coarse day
and the mood, and lists every finding of the anonymiser, numbered as on the command line,
with its category in plain words ("a name", "a school") and a check box (checked =
replaced by its placeholder; findings the anonymiser is unsure of start unchecked and say
"maybe a name"). Findings are highlighted in the text. "Always keep/redact …" under the
list remembers the choice for the selected words in the vault (the keep and redact lists
Settings shows) when the entry is sent, and applies it to every finding of those words.
The user may edit title and text freely; after a hand edit the finding boxes are frozen
(so a toggle never overwrites the edit) until "Start again from the entry". Nothing is
sent until "Send to <pseudonym>" is pressed. What is loaded in the worker and how the
text is rendered lives in :mod:`peerjournal.ui.peers.share_source`. The first share to a
peer whose safety code was never confirmed asks once whether to share anyway (the answer
is kept with the pairing).
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
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.peers import Finding, PeersService, SharePreview
from peerjournal.app.share_choices import word_key
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import fit_to_screen
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.feed import nice_day
from peerjournal.ui.peers.share_source import (
    ShareSource,
    listable,
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
        self.redact: set[int] = set()
        self._edited = False
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
        self.findings_list = QListWidget()
        self.findings_list.setAccessibleName(self.tr("What was found"))
        self.findings_list.setMaximumHeight(96)
        self.findings_list.itemChanged.connect(self._finding_toggled)
        self.findings_hint = QLabel()
        self.findings_hint.setWordWrap(True)
        self.findings_hint.setProperty("role", "muted")
        self.always: set[int] = set()  # finding numbers whose choice is remembered on send
        self.always_box = QCheckBox()
        self.always_box.setAccessibleName(self.tr("Always do this with the selected words"))
        self.always_box.hide()
        self.always_box.toggled.connect(self._always_toggled)
        self.findings_list.currentRowChanged.connect(self._current_changed)
        self.reset_button = QPushButton(self.tr("Start again from the entry"))
        self.reset_button.setProperty("role", "link")
        self.reset_button.clicked.connect(self.reset_text)
        self.reset_button.hide()
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

        found_row = QHBoxLayout()
        found_caption = QLabel(self.tr("Found in the text (checked = replaced)"))
        found_caption.setProperty("role", "muted")
        found_row.addWidget(found_caption, 1)
        found_row.addWidget(self.reset_button)

        self.body_edit.setMinimumHeight(120)
        self.findings_list.setMinimumHeight(72)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.body_edit, 1)
        layout.addLayout(found_row)
        layout.addWidget(self.findings_list)
        layout.addWidget(self.always_box)
        layout.addWidget(self.findings_hint)
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
        findings = source.title_findings + source.body_findings
        self.redact = {n for n, f in enumerate(findings) if f.auto}
        self._fill_findings()
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

    def category_words(self, kind: str) -> str:
        """A finding's category in plain words ("a name"), translated."""
        words = {
            "email": self.tr("an email address"),
            "url": self.tr("a link"),
            "handle": self.tr("a social media handle"),
            "ip": self.tr("an IP address"),
            "phone": self.tr("a phone number"),
            "id_number": self.tr("an ID number"),
            "account": self.tr("a bank or card number"),
            "dob": self.tr("a date of birth"),
            "address": self.tr("a street address"),
            "postcode": self.tr("a postcode"),
            "age": self.tr("an age"),
            "person": self.tr("a name"),
            "school": self.tr("a school"),
            "clinic": self.tr("a clinic or hospital"),
            "workplace": self.tr("a workplace"),
            "place": self.tr("a place"),
            "custom": self.tr("a word you chose to redact"),
            "time": self.tr("a time of day"),
            "digits": self.tr("a long number"),
        }
        return words.get(kind, self.tr("something that may identify someone"))

    def finding_label(self, number: int, finding: Finding) -> str:
        """One line of the list: its number, the words, and what they are."""
        what = self.category_words(finding.kind)
        if finding.auto:
            label = self.tr("%1. “%2”: %3")
        elif number in self.redact:
            label = self.tr("%1. “%2”: maybe %3")  # the user already chose to replace it
        else:
            label = self.tr("%1. “%2”: maybe %3 (check to replace it)")
        label = label.replace("%1", str(number + 1)).replace("%3", what)
        label = label.replace("%2", " ".join(finding.text.split()))
        if number in self.always:
            label += "  " + self.tr("(always)")
        return label

    def _fill_findings(self) -> None:
        assert self.source is not None
        self._filling = True
        self.findings_list.clear()
        findings = self.source.title_findings + self.source.body_findings
        for number, finding in enumerate(findings):
            item = QListWidgetItem(self.finding_label(number, finding))
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = number in self.redact
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.findings_list.addItem(item)
        if not findings:
            self.findings_hint.setText(self.tr("Nothing that looks identifying was found."))
        else:
            self.findings_hint.setText(
                self.tr("Uncheck a line to keep the original words; check it to replace them.")
            )
        self.always_box.setVisible(bool(findings))
        if findings and self.findings_list.currentRow() < 0:
            self.findings_list.setCurrentRow(0)
        self._filling = False
        self._current_changed()

    # -- editing --------------------------------------------------------------------------
    def _apply(self) -> None:
        """Render title and text from the entry with the chosen findings."""
        assert self.source is not None
        title_count = len(self.source.title_findings)
        title, _spans = render(self.source.title, self.source.title_findings, self.redact)
        body, spans = render(
            self.source.body, self.source.body_findings, self.redact, first=title_count
        )
        self._filling = True
        self.title_edit.setText(title)
        self.body_edit.setPlainText(body)
        self._filling = False
        self._highlight(body, spans)
        self._edited = False
        self.findings_list.setEnabled(True)
        self.always_box.setEnabled(True)
        self.reset_button.hide()

    def _highlight(self, body: str, spans: list[tuple[int, int, int]]) -> None:
        selections = []
        for start, end, number in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.body_edit.document())
            cursor.setPosition(utf16(body, start))
            cursor.setPosition(utf16(body, end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(REDACTED_COLOUR if number in self.redact else REVIEW_COLOUR)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.body_edit.setExtraSelections(selections)

    def _finding_toggled(self, item: QListWidgetItem) -> None:
        if self._filling or self.source is None:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        on = item.checkState() == Qt.CheckState.Checked
        for same in self._same_words(number) if number in self.always else [number]:
            if on:
                self.redact.add(same)
            else:
                self.redact.discard(same)
        self._apply()
        self._refresh_items()
        self._current_changed()

    def _findings(self) -> tuple[Finding, ...]:
        assert self.source is not None
        return self.source.title_findings + self.source.body_findings

    def _same_words(self, number: int) -> list[int]:
        """Every finding with the same words as finding ``number`` (itself included)."""
        findings = self._findings()
        key = word_key(findings[number].text)
        return [n for n, f in enumerate(findings) if word_key(f.text) == key]

    def _refresh_items(self) -> None:
        """Check states and labels from ``redact`` and ``always`` (no re-render)."""
        was = self._filling
        self._filling = True
        for number, finding in enumerate(self._findings()):
            item = self.findings_list.item(number)
            checked = number in self.redact
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setText(self.finding_label(number, finding))
        self._filling = was

    def _current_changed(self, *_args: object) -> None:
        """The "always" box speaks of the selected finding and what is chosen for it."""
        row = self.findings_list.currentRow()
        if self.source is None or not 0 <= row < len(self._findings()):
            return
        words = " ".join(self._findings()[row].text.split())
        if row in self.redact:
            text = self.tr("Always redact “%1” when I share")
        else:
            text = self.tr("Always keep “%1” when I share")
        self.always_box.blockSignals(True)
        self.always_box.setText(text.replace("%1", words))
        self.always_box.setChecked(row in self.always)
        self.always_box.setEnabled(not self._edited and listable(words))
        self.always_box.blockSignals(False)

    def _always_toggled(self, on: bool) -> None:
        row = self.findings_list.currentRow()
        if self.source is None or not 0 <= row < len(self._findings()):
            return
        same = self._same_words(row)
        if on:
            self.always.update(same)
            for number in same:  # one word, one choice
                if row in self.redact:
                    self.redact.add(number)
                else:
                    self.redact.discard(number)
            if not self._edited:
                self._apply()
        else:
            self.always.difference_update(same)
        self._refresh_items()

    def remembered_words(self) -> tuple[list[str], list[str]]:
        """The words to keep and to redact always, as ticked (stored when sent)."""
        keep: dict[str, str] = {}
        redact: dict[str, str] = {}
        findings = self._findings() if self.source is not None else ()
        for number in sorted(self.always):
            words = " ".join(findings[number].text.split())
            (redact if number in self.redact else keep).setdefault(word_key(words), words)
        return list(keep.values()), list(redact.values())

    def set_finding(self, number: int, redacted: bool) -> None:
        """Toggle one finding (what a click on its check box does)."""
        item = self.findings_list.item(number)
        item.setCheckState(Qt.CheckState.Checked if redacted else Qt.CheckState.Unchecked)

    def _body_changed(self) -> None:
        if not self._filling:
            self._hand_edit()

    def _hand_edit(self, *_args: object) -> None:
        if self._edited or self._filling:
            return
        self._edited = True
        self.findings_list.setEnabled(False)
        self.always_box.setEnabled(False)
        self.findings_hint.setText(
            self.tr(
                "You edited the text by hand, so the list is paused. "
                "“Start again from the entry” brings it back."
            )
        )
        self.reset_button.show()

    def reset_text(self) -> None:
        """Drop hand edits and render the entry with the chosen findings again."""
        if self.source is not None:
            self._apply()
            self._fill_findings()

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
            redacted=frozenset(self.redact),
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
        for widget in (
            self.title_edit,
            self.body_edit,
            self.findings_list,
            self.always_box,
            self.cw_edit,
        ):
            widget.setEnabled(False)
        self.shared.emit(item_id)
