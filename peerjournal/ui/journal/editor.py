"""The entry editor: title, tags, Markdown body with preview, date, mood link, star, autosave.

Tab goes title → tags → body; in the body Tab indents, Ctrl+Tab moves on (to the date,
the mood link, the star) and Esc leaves the text (:attr:`EntryEditor.escaped`). The date and
time of an entry can be changed, and a new entry can start on a past day.

Autosave is debounced (:data:`AUTOSAVE_MS` after the last change) and goes through the
worker. Every save of one entry is a job that resolves the entry id *on the worker
thread*, so a new entry is added exactly once however quickly saves follow each other:
the worker runs jobs in order, and the first job records the id for the next ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.care import should_offer
from peerjournal.errors import PeerJournalError
from peerjournal.ui.journal.dates import short_moment
from peerjournal.ui.journal.preview import MarkdownPreview
from peerjournal.ui.journal.prompts import prompt_for
from peerjournal.ui.journal.tags import TagEditor
from peerjournal.ui.journal.writing import MarkdownEdit, text_length
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.flow import WrapRow
from peerjournal.ui.kit.focus import tab_chain
from peerjournal.ui.kit.worker import DbWorker

AUTOSAVE_MS = 800


@dataclass
class _Doc:
    """The entry being edited; ``id`` is written on the worker thread for a new entry."""

    id: str | None
    created: datetime | None = None


@dataclass(frozen=True)
class _Snapshot:
    title: str
    body: str
    tags: tuple[str, ...]
    starred: bool
    mood_id: str | None
    created: datetime | None  # None: keep the entry's time (a new entry: now)


def qdatetime(moment: datetime) -> QDateTime:
    """A timezone-aware moment as a local QDateTime (whole minutes)."""
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def aware_moment(value: QDateTime) -> datetime:
    """What a date-time field shows, as a timezone-aware local datetime."""
    day, time = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute()).astimezone()


class EntryEditor(QWidget):
    """Edits one entry at a time and saves it quietly in the background."""

    saved = Signal(object)  # the saved Entry
    loaded = Signal(str)  # an existing entry is on screen (its id)
    trash_requested = Signal(str)  # entry id
    failed = Signal(str)  # a plain message
    escaped = Signal()  # Esc in the text: the page moves the focus back to the list
    hard_moment = Signal(str)  # the saved entry (id) has words that worry us: offer help

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._doc: _Doc | None = None
        self._loading = False
        self._read_only = False
        self._in_flight = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Pick an entry on the left, or press Ctrl+N to start writing."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_form(self) -> QWidget:
        form = QWidget()
        box = QVBoxLayout(form)
        box.setContentsMargins(16, 12, 16, 10)
        # date at the left, mood and star at the right; on a narrow window the mood and
        # star go to a line of their own (the row would otherwise set the window's width)
        top = WrapRow()
        self.when = QDateTimeEdit()
        self.when.setAccessibleName(self.tr("Date and time of the entry"))
        self.when.setToolTip(self.tr("When this entry was written; you can change it"))
        self.when.setCalendarPopup(True)
        locale = QLocale()
        self.when.setDisplayFormat(
            f"{locale.dateFormat(QLocale.FormatType.LongFormat)} "
            f"{locale.timeFormat(QLocale.FormatType.ShortFormat)}"
        )
        self.when.dateTimeChanged.connect(self._when_changed)
        self._when_edited = False
        top.addWidget(self.when)
        self.mood_combo = QComboBox()
        self.mood_combo.setAccessibleName(self.tr("Linked mood"))
        self.mood_combo.setMinimumContentsLength(18)
        # as wide as its longest choice: "Keine Stimmung verknüpft" was cut to "verknüp"
        self.mood_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mood_combo.activated.connect(self._changed)
        mood_and_star = QWidget()
        mood_row = QHBoxLayout(mood_and_star)
        mood_row.setContentsMargins(0, 0, 0, 0)
        mood_row.addWidget(self.mood_combo)
        self.star = QToolButton()
        self.star.setCheckable(True)
        self.star.setText("☆")
        self.star.setToolTip(self.tr("Star this entry"))
        self.star.setAccessibleName(self.tr("Starred"))
        self.star.toggled.connect(self._star_toggled)
        mood_row.addWidget(self.star)
        top.addWidget(mood_and_star)
        box.addLayout(top)
        self.title = QLineEdit()
        self.title.setObjectName("entryTitle")
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Entry title"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.textEdited.connect(self._changed)
        box.addWidget(self.title)
        self.tags = TagEditor()
        self.tags.tags_edited.connect(self._changed)
        box.addWidget(self.tags)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.body = MarkdownEdit()
        self.body.setAccessibleName(self.tr("Entry text (Markdown)"))
        self._prompts = False
        self.set_prompts(False)
        self.body.textChanged.connect(self._changed)
        self.body.textChanged.connect(self._count_words)
        self.body.escaped.connect(self.escaped)
        self.preview = MarkdownPreview()
        # two lines at the least: on a 1280×720 screen at 150 % the window has 432
        # logical pixels, and Qt's default minimum of a text box (88) made it taller
        lines = 2 * self.body.fontMetrics().lineSpacing() + 12
        for text_box in (self.body, self.preview):
            text_box.setMinimumHeight(lines)
        self.tabs.addTab(self.body, self.tr("Write"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        box.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.save_state = QLabel()
        self.save_state.setObjectName("hint")
        self.save_state.setAccessibleName(self.tr("Save status"))
        bottom.addWidget(self.save_state)
        bottom.addStretch(1)
        self.word_count = QLabel()
        self.word_count.setObjectName("hint")
        self.word_count.setAccessibleName(self.tr("Length of the text"))
        bottom.addWidget(self.word_count)
        self.trash_button = QPushButton(self.tr("Move to trash"))
        self.trash_button.setAccessibleName(self.tr("Move this entry to the trash"))
        self.trash_button.clicked.connect(self._trash)
        bottom.addWidget(self.trash_button)
        box.addLayout(bottom)
        # title → tags → body first (what a writer wants), then the rest of the form
        tab_chain(
            self.title,
            self.tags,
            self.body,
            self.when,
            self.mood_combo,
            self.star,
            self.trash_button,
        )
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Write/Preview: Ctrl+PgUp/PgDown
        return form

    # -- public API -----------------------------------------------------------------------
    @property
    def entry_id(self) -> str | None:
        """Id of the entry shown (None for a new entry not saved yet, or nothing shown)."""
        return self._doc.id if self._doc else None

    @property
    def has_document(self) -> bool:
        """Whether an entry (new or existing) is open."""
        return self._doc is not None

    @property
    def read_only(self) -> bool:
        """Whether the vault opened read-only (entries can be read, not changed)."""
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: every field shows the entry but takes no change, and
        nothing is saved (typing used to be accepted and then failed to save)."""
        self._read_only = read_only
        self.empty.setText(
            self.tr("Pick an entry on the left to read it.")
            if read_only
            else self.tr("Pick an entry on the left, or press Ctrl+N to start writing.")
        )
        if read_only:
            self._timer.stop()
        for field in (self.title, self.tags):
            field.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        if read_only:
            # still readable, selectable and copyable with the keyboard
            self.body.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        self.when.setReadOnly(read_only)
        for control in (self.mood_combo, self.star, self.trash_button):
            control.setEnabled(not read_only)
        self.save_state.setText(self.tr("Read-only") if read_only else "")

    @property
    def dirty(self) -> bool:
        """Whether changes wait for the autosave timer."""
        return self._timer.isActive()

    def set_known_tags(self, tags: list[str]) -> None:
        """Tags for completion."""
        self.tags.set_known_tags(tags)

    def new_entry(self, day: date | None = None) -> None:
        """Start a new, empty entry (saved once something is typed), now or on ``day``."""
        if self._read_only:
            return  # nothing could be saved
        self.flush()
        self._doc = _Doc(None, None)
        created = None
        if day is not None and day < date.today():
            now = datetime.now().astimezone()
            created = datetime.combine(day, now.time(), now.tzinfo)
        self._fill(title="", body="", tags=(), starred=False, mood_id=None, created=created)
        self._when_edited = created is not None  # saved with that day, not today
        self._load_moods(None)
        self.title.setFocus()

    def load(self, entry_id: str) -> None:
        """Show an existing entry (fetched through the worker)."""
        if self._doc is not None and self._doc.id == entry_id:
            return
        self.flush()
        doc = _Doc(entry_id)
        self._doc = doc

        def shown(entry: Any) -> None:
            if self._doc is not doc:
                return  # the user moved on meanwhile
            doc.created = entry.created
            self._fill(
                title=entry.title,
                body=entry.body,
                tags=entry.tags,
                starred=entry.starred,
                mood_id=entry.mood_id,
                created=entry.created,
            )
            self._load_moods(entry.mood_id)
            self.loaded.emit(entry.id)

        def not_loaded() -> None:
            if self._doc is doc:
                self.clear()  # never leave another entry's text under this one's id

        def not_shown(error: PeerJournalError) -> None:
            not_loaded()
            self.failed.emit(error_text(error))

        self._worker.submit(lambda s: s.journal.get(entry_id), shown, not_shown, on_bug=not_loaded)

    def refresh_moods(self) -> None:
        """Reload the mood choices (after a check-in), keeping the current link."""
        if self._doc is not None:
            current = self.mood_combo.currentData()
            self._load_moods(current if isinstance(current, str) else None)

    def flush(self) -> None:
        """Save pending changes now (before switching entries, locking or quitting)."""
        if self._timer.isActive():
            self._timer.stop()
            self.save_now()

    def save_now(self) -> None:
        """Submit a save of the current fields."""
        doc = self._doc
        if doc is None or self._read_only:
            return
        snap = self._snapshot()
        if doc.id is None and not (snap.title.strip() or snap.body.strip() or snap.tags):
            return  # nothing typed yet: don't create an empty entry

        worry: dict[str, bool] = {}

        def save(session: Any) -> Any:
            # checked here, on this computer, in the worker (app/care.py); can be turned off
            worry["offer"] = should_offer(session, f"{snap.title}\n{snap.body}")
            journal = session.journal
            if doc.id is None:
                entry = journal.add(
                    snap.body,
                    title=snap.title,
                    tags=snap.tags,
                    starred=snap.starred,
                    mood_id=snap.mood_id,
                    created=snap.created,
                )
                doc.id = entry.id  # later save jobs of this document run after this one
                return entry
            return journal.update(
                doc.id,
                title=snap.title,
                body=snap.body,
                tags=list(snap.tags),
                starred=snap.starred,
                mood_id=snap.mood_id,
                created=snap.created,
            )

        self._in_flight += 1
        self.save_state.setText(self.tr("Saving…"))

        def saved(entry: Any) -> None:
            self._on_saved(entry)
            if worry.get("offer"):
                self.hard_moment.emit(entry.id)

        self._worker.submit(save, saved, self._on_save_failed, on_bug=self._save_bugged)

    def clear(self) -> None:
        """Forget the entry and every trace of its text (the vault is locking)."""
        self._timer.stop()
        self._doc = None
        self._in_flight = 0
        self._fill(title="", body="", tags=(), starred=False, mood_id=None, created=None)
        self.mood_combo.clear()
        self.preview.clear()
        self.save_state.setText("")
        self.stack.setCurrentIndex(0)

    # -- internals ------------------------------------------------------------------------
    def _fill(
        self,
        *,
        title: str,
        body: str,
        tags: Any,
        starred: bool,
        mood_id: str | None,
        created: datetime | None,
    ) -> None:
        self._loading = True
        try:
            self.title.setText(title)  # setText (unlike clear) also empties the undo history
            self.tags.set_tags(tags)
            self.body.setPlainText(body)  # resets the undo/redo history too
            self.star.setChecked(starred)
            self._when_edited = False
            moment = created or datetime.now().astimezone()
            self.when.setMaximumDateTime(QDateTime.currentDateTime().addDays(1))
            self.when.setDateTime(qdatetime(moment))
            self.save_state.setText(self.tr("Read-only") if self._read_only else "")
            self._count_words()
            self.tabs.setCurrentIndex(0)
            self.stack.setCurrentIndex(1)
        finally:
            self._loading = False

    def _load_moods(self, linked: str | None) -> None:
        doc = self._doc

        def fetch(session: Any) -> tuple[list[Any], dict[int, str]]:
            logs = session.mood.list(limit=30)
            if linked is not None and all(log.id != linked for log in logs):
                logs.append(session.mood.get(linked))  # an older mood stays choosable
            return logs, session.mood.labels()

        def shown(result: tuple[list[Any], dict[int, str]]) -> None:
            if not shiboken6.isValid(self.mood_combo) or self._doc is not doc:
                return  # the editor went away (or moved on) while the moods were loading
            logs, labels = result
            self.mood_combo.clear()
            self.mood_combo.addItem(self.tr("No mood linked"), None)
            for log in logs:
                text = f"{short_moment(log.at)} · {labels.get(log.level, log.level)}"
                self.mood_combo.addItem(text, log.id)
            if linked is not None and self.mood_combo.findData(linked) < 0:
                self.mood_combo.addItem(self.tr("An earlier mood"), linked)
            self.mood_combo.setCurrentIndex(max(0, self.mood_combo.findData(linked)))

        self._worker.submit(fetch, shown, lambda error: self.failed.emit(error_text(error)))

    def _snapshot(self) -> _Snapshot:
        mood = self.mood_combo.currentData()
        return _Snapshot(
            title=self.title.text(),
            body=self.body.toPlainText(),
            tags=self.tags.tags(),
            starred=self.star.isChecked(),
            mood_id=mood if isinstance(mood, str) else None,
            created=aware_moment(self.when.dateTime()) if self._when_edited else None,
        )

    def _changed(self, *_args: object) -> None:
        if self._loading or self._doc is None or self._read_only:
            return
        self.save_state.setText(self.tr("Edited"))
        self._timer.start()

    def _when_changed(self, _value: QDateTime) -> None:
        if self._loading or self._doc is None:
            return
        self._when_edited = True
        self._changed()

    def set_prompts(self, enabled: bool) -> None:
        """Show the day's writing prompt in an empty body (or the Markdown hint when off)."""
        self._prompts = enabled
        hint = self.tr(
            "Write freely. Markdown works: **bold** (Ctrl+B), *italic* (Ctrl+I), - lists."
        )
        self.body.setPlaceholderText(prompt_for(date.today()) if enabled else hint)

    def _count_words(self) -> None:
        count, in_characters = text_length(self.body.toPlainText())
        # the unit is said with the number: characters for Chinese or Japanese text
        if in_characters:
            text = self.tr("%Ln character(s)", "", count)
        else:
            text = self.tr("%Ln word(s)", "", count)
        self.word_count.setText(text.replace("(s)", "" if count == 1 else "s"))

    def _star_toggled(self, on: bool) -> None:
        self.star.setText("★" if on else "☆")
        self._changed()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.preview.show_markdown(self.title.text(), self.body.toPlainText())

    def _on_saved(self, entry: Any) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        if self._in_flight == 0 and not self._timer.isActive():
            self.save_state.setText(self.tr("Saved"))
        if self._doc is not None and self._doc.id == entry.id:
            self._doc.created = entry.created
        self.saved.emit(entry)

    def _on_save_failed(self, error: PeerJournalError) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        self.save_state.setText(self.tr("Not saved: {0}").format(error_text(error)))
        self.failed.emit(error_text(error))

    def _save_bugged(self) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        self.save_state.setText(self.tr("Not saved"))  # the bug dialog says the rest

    def _trash(self) -> None:
        doc = self._doc
        if doc is None or self._read_only:
            return
        self._timer.stop()
        if doc.id is None:
            self.clear()
            return
        self.trash_requested.emit(doc.id)
