"""The quick mood check-in: a level, a few chips, an optional note, Save.

Everything the user personalised (labels, emotions, activities) comes from the vault through
the worker; the dialog opens at once and fills in when the lists arrive. Names typed under
"add your own" are added to the vault's lists together with the check-in.

Keys: 1–5 pick a level, Return in an "add your own" field adds the chip, Return on a
focused button presses it; only Save, Ctrl+Enter or Return on Save stores the check-in.
Given an existing :class:`~peerjournal.domain.models.MoodLog` the dialog edits it instead
(its time included). The content scrolls when the screen is short, so Save stays on it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from peerjournal.domain.models import DEFAULT_MOOD_LABELS, MoodLog
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import fit_to_screen, screen_room, tab_chain
from peerjournal.ui.kit.keys import install_keyboard_defaults, is_plain_return
from peerjournal.ui.kit.mood_labels import display_chip_names, display_labels
from peerjournal.ui.kit.theme import MOOD_COLOURS
from peerjournal.ui.kit.worker import DbWorker, weak
from peerjournal.ui.mood.chips import PREFERRED_WIDTH, ChipGroup


def to_qdatetime(moment: datetime) -> QDateTime:
    """A timezone-aware datetime as a local QDateTime."""
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))


def from_qdatetime(value: QDateTime) -> datetime:
    """A QDateTime from an editor as a timezone-aware local datetime (whole minutes)."""
    moment = datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000).astimezone()
    return moment.replace(second=0, microsecond=0)


class CheckInDialog(QDialog):
    """Quick check-in: pick a level, optionally chips and a note, then Save (Ctrl+Enter)."""

    saved = Signal(str)
    saved_log = Signal(object)  # the stored MoodLog (the shell offers support after a 1)
    loaded = Signal()  # the user's labels and lists have arrived from the vault

    def __init__(
        self, worker: DbWorker, parent: QWidget | None = None, *, log: MoodLog | None = None
    ) -> None:
        super().__init__(parent)
        install_keyboard_defaults()
        self._worker = worker
        self.editing = log
        self._known_emotions: list[str] = []
        self._known_activities: list[str] = []
        self._saving = False  # Ctrl+Enter pressed twice must not save twice
        self.setWindowTitle(self.tr("Edit check-in") if log else self.tr("How are you?"))
        self.setObjectName("checkin")
        self.setMinimumWidth(min(520, PREFERRED_WIDTH + 40))

        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        heading = QLabel(
            self.tr("How were you feeling then?")
            if log
            else self.tr("How are you feeling right now?")
        )
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        heading.setFont(font)
        heading.setWordWrap(True)
        outer.addWidget(heading)

        levels = QHBoxLayout()
        levels.setSpacing(8)
        self.level_group = QButtonGroup(self)
        self.level_group.setExclusive(True)
        self.level_buttons: dict[int, QPushButton] = {}
        for level in range(1, 6):
            button = QPushButton(display_labels({})[level])
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumHeight(56)
            button.setMinimumWidth(60)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"level{level}")
            button.setStyleSheet(self._level_style(level))
            button.setShortcut(QKeySequence(str(level)))
            self.level_group.addButton(button, level)
            self.level_buttons[level] = button
            levels.addWidget(button)
        layout.addLayout(levels)

        layout.addWidget(self._caption(self.tr("Emotions")))
        self.emotions = ChipGroup(self.tr("Add your own emotion"), self.tr("Add emotion"))
        layout.addWidget(self.emotions)
        layout.addWidget(self._caption(self.tr("Activities")))
        self.activities = ChipGroup(self.tr("Add your own activity"), self.tr("Add activity"))
        layout.addWidget(self.activities)
        layout.addWidget(self._caption(self.tr("Note (optional)")))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Anything you want to remember about now"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        layout.addWidget(self.note)
        self.when = QDateTimeEdit()
        self.when.setAccessibleName(self.tr("Time of the check-in"))
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.when.setDisplayFormat(
            self.locale().dateTimeFormat(self.locale().FormatType.ShortFormat)
        )
        when_row = QHBoxLayout()
        when_caption = self._caption(self.tr("When"))
        when_row.addWidget(when_caption)
        when_row.addWidget(self.when)
        when_row.addStretch(1)
        layout.addLayout(when_row)
        if log is None:  # a new check-in is now; editing one may move it
            self.when.hide()
            when_caption.hide()
        layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll_area, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        self.message.hide()
        outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setEnabled(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, self.cancel_button):
            # No default button: Return in a field must never save the whole check-in.
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.level_group.idToggled.connect(self._level_toggled)
        self._chain_focus()
        if log is not None:
            self._show_log(log)

        self._worker.submit(
            self._load, weak(self._loaded), weak(self._failed), on_bug=weak(self._recover)
        )

    # -- loading ----------------------------------------------------------------------
    @staticmethod
    def _load(session: Any) -> tuple[dict[int, str], list[str], list[str]]:
        mood = session.mood
        return mood.labels(), mood.emotions(), mood.activities()

    def _loaded(self, result: tuple[dict[int, str], list[str], list[str]]) -> None:
        labels, emotions, activities = result
        labels = display_labels(labels)
        for level, button in self.level_buttons.items():
            button.setText(labels.get(level, DEFAULT_MOOD_LABELS[level]))
            button.setAccessibleName(
                self.tr("Level %1: %2").replace("%1", str(level)).replace("%2", button.text())
            )
        emotions, activities = display_chip_names(emotions), display_chip_names(activities)
        self._known_emotions = list(emotions)
        self._known_activities = list(activities)
        self.emotions.set_names(emotions)
        self.activities.set_names(activities)
        if self.editing is not None:
            self._show_log(self.editing)
        self._chain_focus()
        self.adjustSize()
        self._grow_to_content()
        self.loaded.emit()

    def _grow_to_content(self) -> None:
        """As tall as the whole content where the screen allows; scrolling only when not."""
        content = self.scroll_area.widget()
        if content is not None:
            chrome = self.height() - self.scroll_area.height()
            wanted = chrome + content.sizeHint().height() + 4
            self.resize(self.width(), min(wanted, screen_room(self).height()))
        fit_to_screen(self)

    def _failed(self, error: PeerJournalError) -> None:
        self._recover()
        self.message.setText(error_text(error))
        self.message.show()

    def _recover(self) -> None:
        """After a failure (a known error or a bug): the user can try to save again."""
        self._saving = False
        self.save_button.setEnabled(self.level_group.checkedId() > 0)

    # -- saving -----------------------------------------------------------------------
    def set_level(self, level: int) -> None:
        """Select a level (1–5) as if its button was clicked."""
        self.level_buttons[level].setChecked(True)

    def level(self) -> int | None:
        """The selected level, or None."""
        checked = self.level_group.checkedId()
        return checked if checked > 0 else None

    def save(self) -> None:
        """Save the check-in through the worker; on success emit ``saved`` and close."""
        if self._saving:
            return
        level = self.level()
        if level is None:
            self.message.setText(self.tr("Pick how you feel first."))
            self.message.show()
            return
        emotions = self.emotions.selected()
        activities = self.activities.selected()
        note = self.note.toPlainText().strip()
        new_emotions = [n for n in self.emotions.added if n not in self._known_emotions]
        new_activities = [n for n in self.activities.added if n not in self._known_activities]

        editing = self.editing
        at = from_qdatetime(self.when.dateTime()) if editing is not None else None

        def job(session: Any) -> MoodLog:
            mood = session.mood
            if new_emotions:
                mood.set_emotions(mood.emotions() + new_emotions)
            if new_activities:
                mood.set_activities(mood.activities() + new_activities)
            if editing is not None:
                changed: MoodLog = mood.update(
                    editing.id,
                    level=level,
                    emotions=emotions,
                    activities=activities,
                    note=note,
                    at=at
                    if at is not None and at != editing.at.replace(second=0, microsecond=0)
                    else None,
                )
                return changed
            added: MoodLog = mood.add(level, emotions=emotions, activities=activities, note=note)
            return added

        self._saving = True
        self.save_button.setEnabled(False)
        self.message.hide()
        self._worker.submit(job, weak(self._saved), weak(self._failed), on_bug=weak(self._recover))

    def _saved(self, log: MoodLog) -> None:
        self.saved.emit(str(log.id))
        self.saved_log.emit(log)
        self.accept()

    # -- keyboard and size ------------------------------------------------------------
    def keyPressEvent(self, event: Any) -> None:
        """Plain Return never saves (QDialog would press a default button); Esc cancels."""
        if is_plain_return(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Keep the whole dialog, and so Save, on the screen."""
        super().showEvent(event)
        fit_to_screen(self)

    def _chain_focus(self) -> None:
        tab_chain(
            *self.level_buttons.values(),
            *self.emotions.chips.values(),
            self.emotions.new_name,
            self.emotions.add_button,
            *self.activities.chips.values(),
            self.activities.new_name,
            self.activities.add_button,
            self.note,
            self.when if self.editing is not None else None,
            self.save_button,
            self.cancel_button,
        )

    def _show_log(self, log: MoodLog) -> None:
        """Fill the fields from an existing check-in (edit mode)."""
        self.level_buttons[log.level].setChecked(True)
        for group, names in ((self.emotions, log.emotions), (self.activities, log.activities)):
            group.set_names(names)  # names no longer in the lists still show
            for name in names:
                group.chips[name].setChecked(True)
        if not self.note.toPlainText():
            self.note.setPlainText(log.note)
        self.when.setDateTime(to_qdatetime(log.at))

    # -- helpers ----------------------------------------------------------------------
    def _level_toggled(self, level_id: int, checked: bool) -> None:
        if checked:
            self.save_button.setEnabled(True)
            self.message.hide()

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("caption")
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    @staticmethod
    def _level_style(level: int) -> str:
        colour = MOOD_COLOURS[level]
        # The calm scale shows as each border; the checked level fills in fully,
        # so the choice is obvious without relying on colour alone (the text stays).
        # This sheet replaces the theme's focus border, so it draws its own, in the text
        # colour (padding shrinks as the border grows, so the label does not move).
        return (
            "QPushButton {"
            f" border: 2px solid {colour}; border-radius: 10px; padding: 6px;"
            " font-weight: 600; }"
            f"QPushButton:checked {{ background: {colour}; color: #1d1f22; }}"
            "QPushButton:hover { border-width: 3px; padding: 5px; }"
            "QPushButton:focus { border: 3px solid palette(text); padding: 5px; }"
        )
