"""The settings dialog.

Two kinds of settings, kept strictly apart:

- presentation choices (auto-lock, reminder, theme, font size, language, tray) go to
  QSettings through :class:`~peerjournal.ui.kit.prefs.UiPrefs`;
- anything personal (mood labels, emotions, activities, people and places for the
  anonymiser, the words always kept or redacted when sharing) goes into the encrypted
  vault through the worker, never into QSettings.

Save writes the vault part first; only when that succeeded are the UI preferences stored
and ``applied`` emitted, so a refused value never leaves half the settings saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.care import OFFER_PREF, offer_enabled
from peerjournal.app.share_choices import KEEP_PREF, REDACT_PREF, set_lists, stored_words
from peerjournal.domain.models import DEFAULT_MOOD_LABELS
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import fit_to_screen, screen_room
from peerjournal.ui.kit.i18n import LANGUAGES
from peerjournal.ui.kit.mood_labels import display_chip_names, display_labels
from peerjournal.ui.kit.pages import PageList
from peerjournal.ui.kit.prefs import (
    AUTO_LOCK_MINUTES,
    FONT_SIZE,
    LANGUAGE,
    LIVE_IN_TRAY,
    PEER_NOTIFICATIONS,
    REMINDER_ENABLED,
    REMINDER_TIME,
    SYNC_MINUTES,
    THEME,
    WRITING_PROMPTS,
    UiPrefs,
)
from peerjournal.ui.kit.theme import MAX_FONT_SIZE, MIN_FONT_SIZE, mood_colour
from peerjournal.ui.kit.worker import DbWorker, weak
from peerjournal.ui.shell.backups import BackupSettingsPanel
from peerjournal.ui.shell.settings_pages import NameListEditor, PassphrasePanel, WordListsPanel

PEOPLE_KEY = "anonymise.people"
PLACES_KEY = "anonymise.places"
MAX_AUTO_LOCK_MINUTES = 240
#: The settings window's comfortable smallest size (less where the screen is smaller).
MINIMUM = QSize(680, 480)


@dataclass
class VaultSettings:
    """The personal settings kept inside the vault."""

    labels: dict[int, str] = field(default_factory=lambda: dict(DEFAULT_MOOD_LABELS))
    emotions: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    keep_words: list[str] = field(default_factory=list)  # the share preview's "always keep"
    redact_words: list[str] = field(default_factory=list)  # ... and "always redact"
    offer_support: bool = True  # app/care.py: offer help after hard moments


def _names(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def load_vault_settings(session: Any) -> VaultSettings:
    """Read the personal settings (runs on the worker thread)."""
    mood = session.mood
    return VaultSettings(
        labels=mood.labels(),
        emotions=mood.emotions(),
        activities=mood.activities(),
        people=_names(session.prefs.get(PEOPLE_KEY, [])),
        places=_names(session.prefs.get(PLACES_KEY, [])),
        keep_words=stored_words(session.prefs, KEEP_PREF),
        redact_words=stored_words(session.prefs, REDACT_PREF),
        offer_support=offer_enabled(session),
    )


def save_vault_settings(session: Any, values: VaultSettings) -> None:
    """Write the personal settings (runs on the worker thread).

    Each setter commits on its own (the core's transactions do not nest); the labels, the
    one part the core may refuse, go first so a refusal changes nothing else.
    """
    session.mood.set_labels(values.labels)
    session.mood.set_emotions(values.emotions)
    session.mood.set_activities(values.activities)
    session.prefs.set(PEOPLE_KEY, values.people)
    session.prefs.set(PLACES_KEY, values.places)
    set_lists(session.prefs, values.keep_words, values.redact_words)
    session.prefs.set(OFFER_PREF, values.offer_support)


def _hint(box: QCheckBox, text: str) -> QLabel:
    """A wrapped line that says more about ``box`` (also its accessible description)."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    box.setAccessibleDescription(text)
    return label


class SettingsDialog(QDialog):
    """Preferences of the app (QSettings) and of the open vault (encrypted)."""

    applied = Signal()  # the user saved; the shell re-reads UiPrefs and re-applies them
    loaded = Signal()  # the vault's personal settings have arrived

    def __init__(
        self,
        worker: DbWorker,
        prefs: UiPrefs,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._prefs = prefs
        # the vault opened read-only: its own settings are shown but not saved
        self.read_only = read_only
        self._vault_loaded = False
        self._vault_error = False  # the vault part could not be read
        self._save_when_loaded = False  # Save was pressed before the vault part arrived
        self._saving = False  # a second Enter while saving must not save twice
        self._sized = False  # sized to its content on the first show
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings")
        self.setMinimumSize(MINIMUM)

        layout = QVBoxLayout(self)
        # sections in a list, not tabs: room for more sections and longer words
        self.tabs = PageList(self.tr("Settings sections"))
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._appearance_tab(), self.tr("Appearance"))
        self.tabs.addTab(self._mood_tab(), self.tr("Mood"))
        self.tabs.addTab(self._privacy_tab(), self.tr("People && places"))
        self.word_lists = WordListsPanel()
        self.tabs.addTab(self.word_lists, self.tr("Keep && redact"))
        self.passphrase = PassphrasePanel(worker)
        self.tabs.addTab(self.passphrase, self.tr("Passphrase"))
        self.backups = BackupSettingsPanel(worker)
        self.backups.read_only = read_only
        self.tabs.addTab(self.backups, self.tr("Backups"))
        self.read_only_note = QLabel(
            self.tr(
                "This vault is read-only, so the settings kept inside it (mood words, "
                "people and places, the passphrase, backups) cannot be changed now."
            )
        )
        self.read_only_note.setObjectName("hint")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(read_only)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs)
        self.passphrase.setEnabled(not read_only)

        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._load_ui_prefs()
        self._set_vault_enabled(False)
        self._worker.submit(
            load_vault_settings, weak(self._vault_arrived), weak(self._vault_failed)
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Wide enough for the longest section in any language, never larger than the screen."""
        if not self._sized:
            # the minimum size counts as a resize, so Qt would not size the dialog to its
            # content; the hint is only right once the pages are polished (fonts, style)
            self._sized = True
            self.resize(self.sizeHint().expandedTo(self.size()))
        # the comfortable minimum, but never more than the screen has (1280×720 at 150 %
        # leaves 432 pixels): the sections scroll instead
        self.setMinimumSize(MINIMUM.boundedTo(screen_room(self)))
        super().showEvent(event)
        fit_to_screen(self)

    # -- tabs -------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setHorizontalSpacing(16)  # a long label never touches its field
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setMaximumWidth(180)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setAccessibleName(self.tr("Lock after idle minutes"))
        form.addRow(self.tr("Lock after being idle for"), self.auto_lock)

        # Check boxes take whole rows: their sentences need the width in every language.
        self.reminder_enabled = QCheckBox(self.tr("Remind me to check in every day"))
        form.addRow(self.reminder_enabled)
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setMaximumWidth(140)
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        self.reminder_time_label = QLabel(self.tr("Reminder time"))
        self.reminder_time_label.setBuddy(self.reminder_time)
        form.addRow(self.reminder_time_label, self.reminder_time)
        # off means off: the time (and its label) cannot be edited and look it
        self.reminder_enabled.toggled.connect(self._reminder_toggled)

        self.live_in_tray = QCheckBox(self.tr("Keep running in the tray when the window closes"))
        form.addRow(self.live_in_tray)
        self.writing_prompts = QCheckBox(self.tr("Suggest a writing prompt in an empty entry"))
        form.addRow(self.writing_prompts)
        self.sync_minutes = QSpinBox()
        self.sync_minutes.setRange(0, 240)
        self.sync_minutes.setMaximumWidth(180)
        self.sync_minutes.setSuffix(self.tr(" min"))
        self.sync_minutes.setSpecialValueText(self.tr("Only by hand"))
        self.sync_minutes.setAccessibleName(self.tr("Check for peer messages every"))
        form.addRow(self.tr("Check for peer messages every"), self.sync_minutes)
        # A check box cannot wrap its words: the short sentence is its own, the rest a
        # wrapped hint below (in German the whole sentence made the page scroll sideways
        # on a 1280×720 screen at 150 %)
        self.peer_notifications = QCheckBox(self.tr("Notify me when a peer shares something"))
        form.addRow(self.peer_notifications)
        form.addRow(_hint(self.peer_notifications, self.tr("Never in the quiet hours.")))
        self.offer_support = QCheckBox(self.tr("Offer support after a very low check-in"))
        self.offer_support.setToolTip(
            self.tr("Checked on this computer only; nothing is sent or stored.")
        )
        self.offer_support.setChecked(True)
        self.offer_support.setEnabled(False)  # a vault setting: usable once it has loaded
        form.addRow(self.offer_support)
        form.addRow(
            _hint(
                self.offer_support,
                self.tr(
                    "Also after worrying words in an entry. Checked on this computer only; "
                    "nothing is sent or stored."
                ),
            )
        )

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Same as the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        form.addRow(self.tr("Language"), self.language)
        note = QLabel(self.tr("A new language is used the next time PeerJournal starts."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    def _appearance_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setHorizontalSpacing(16)
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        self.theme.addItem(self.tr("Same as the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        form.addRow(self.tr("Theme"), self.theme)
        self.font_size = QSpinBox()
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setMaximumWidth(140)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setAccessibleName(self.tr("Font size"))
        form.addRow(self.tr("Font size"), self.font_size)
        return page

    def _colour_swatches(self) -> None:
        """Each level's dot in the colour the charts and the year give it in this theme."""
        for level, swatch in getattr(self, "mood_swatches", {}).items():
            colour = mood_colour(level, self.palette()).name()
            swatch.setStyleSheet(f"background: {colour}; border-radius: 7px;")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_swatches()  # the theme changed while the dialog is open
        super().changeEvent(event)

    def _mood_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Your words for the five mood levels, from 1 to 5:")))
        labels = QGridLayout()
        self.label_edits: dict[int, QLineEdit] = {}
        self.mood_swatches: dict[int, QLabel] = {}
        for level in range(1, 6):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            self.mood_swatches[level] = swatch
            edit = QLineEdit()
            edit.setMaxLength(50)
            edit.setAccessibleName(self.tr("Label for level %1").replace("%1", str(level)))
            labels.addWidget(swatch, 0, (level - 1) * 2)
            labels.addWidget(edit, 0, (level - 1) * 2 + 1)
            self.label_edits[level] = edit
        layout.addLayout(labels)
        self._colour_swatches()
        lists = QGridLayout()
        lists.addWidget(QLabel(self.tr("Emotions")), 0, 0)
        lists.addWidget(QLabel(self.tr("Activities")), 0, 1)
        self.emotions = NameListEditor(self.tr("New emotion"))
        self.activities = NameListEditor(self.tr("New activity"))
        lists.addWidget(self.emotions, 1, 0)
        lists.addWidget(self.activities, 1, 1)
        layout.addLayout(lists, 1)
        note = QLabel(
            self.tr(
                "Double-click a name to rename it. "
                "Past check-ins keep the words they were saved with."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        return page

    def _privacy_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Before anything is shared with a peer, these names are replaced. They are "
                "stored only inside your encrypted vault."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lists = QGridLayout()
        lists.addWidget(QLabel(self.tr("People")), 0, 0)
        lists.addWidget(QLabel(self.tr("Places")), 0, 1)
        self.people = NameListEditor(self.tr("New person"))
        self.places = NameListEditor(self.tr("New place"))
        lists.addWidget(self.people, 1, 0)
        lists.addWidget(self.places, 1, 1)
        layout.addLayout(lists, 1)
        note = QLabel(self.tr("Double-click a name to rename it."))
        note.setObjectName("hint")
        layout.addWidget(note)
        return page

    # -- loading ----------------------------------------------------------------------
    def _load_ui_prefs(self) -> None:
        p = self._prefs
        self.auto_lock.setValue(p.get(AUTO_LOCK_MINUTES))
        self.reminder_enabled.setChecked(p.get(REMINDER_ENABLED))
        when = QTime.fromString(p.get(REMINDER_TIME), "HH:mm")
        self.reminder_time.setTime(when if when.isValid() else QTime(20, 0))
        self._reminder_toggled(self.reminder_enabled.isChecked())
        self.live_in_tray.setChecked(p.get(LIVE_IN_TRAY))
        self.writing_prompts.setChecked(p.get(WRITING_PROMPTS))
        self.sync_minutes.setValue(p.get(SYNC_MINUTES))
        self.peer_notifications.setChecked(p.get(PEER_NOTIFICATIONS))
        self._select(self.language, p.get(LANGUAGE))
        self._select(self.theme, p.get(THEME))
        self.font_size.setValue(p.get(FONT_SIZE))

    def _reminder_toggled(self, on: bool) -> None:
        self.reminder_time.setEnabled(on)
        self.reminder_time_label.setEnabled(on)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _set_vault_enabled(self, enabled: bool) -> None:
        for tab in (2, 3, 4):
            page = self.tabs.widget(tab)
            if page is not None:
                page.setEnabled(enabled)

    def _vault_arrived(self, values: VaultSettings) -> None:
        shown = display_labels(values.labels)
        for level, edit in self.label_edits.items():
            edit.setText(shown[level])
        self.emotions.set_names(display_chip_names(values.emotions))
        self.activities.set_names(display_chip_names(values.activities))
        self.people.set_names(values.people)
        self.places.set_names(values.places)
        self.word_lists.set_lists(values.keep_words, values.redact_words)
        self.offer_support.setChecked(values.offer_support)
        self.offer_support.setEnabled(not self.read_only)
        self._vault_loaded = True
        self._set_vault_enabled(not self.read_only)
        self.loaded.emit()
        if self._save_when_loaded:
            self._save_when_loaded = False
            self.save()

    def _vault_failed(self, error: PeerJournalError) -> None:
        self._vault_error = True
        self._show_error(error_text(error))
        if self._save_when_loaded:
            self._save_when_loaded = False
            self.save()

    # -- saving -----------------------------------------------------------------------
    def vault_values(self) -> VaultSettings:
        """The personal settings as currently edited."""
        labels = {}
        for level, edit in self.label_edits.items():
            text = " ".join(edit.text().split())
            labels[level] = text or DEFAULT_MOOD_LABELS[level]
        return VaultSettings(
            labels=labels,
            emotions=self.emotions.names(),
            activities=self.activities.names(),
            people=self.people.names(),
            places=self.places.names(),
            keep_words=self.word_lists.lists()[0],
            redact_words=self.word_lists.lists()[1],
            offer_support=self.offer_support.isChecked(),
        )

    def save(self) -> None:
        """Store the vault part through the worker, then the UI preferences; then close."""
        if self._saving:
            return
        if not self._vault_loaded and not self._vault_error:
            # pressed quickly: save everything once the vault's part has arrived
            self._save_when_loaded = True
            self.save_button.setEnabled(False)
            return
        self.message.hide()
        if not self._vault_loaded or self.read_only:
            # The vault part never arrived (shown as an error) or cannot be written (a
            # read-only vault): keep the UI choices anyway.
            self._store_ui_prefs()
            return
        values = self.vault_values()
        self.backups.apply()  # queued first on the same worker, saved with the rest
        self._saving = True
        self.save_button.setEnabled(False)
        self._worker.submit(
            lambda session: save_vault_settings(session, values),
            weak(self._vault_saved),
            weak(self._save_failed),
            on_bug=weak(self._save_stopped),
        )

    def _vault_saved(self, _result: object) -> None:
        self._store_ui_prefs()

    def _save_failed(self, error: PeerJournalError) -> None:
        self._save_stopped()
        self._show_error(error_text(error))

    def _save_stopped(self) -> None:
        """After a failed save (a known error or a bug): the dialog stays, Save works again."""
        self._saving = False
        self.save_button.setEnabled(True)

    def _store_ui_prefs(self) -> None:
        p = self._prefs
        p.set(AUTO_LOCK_MINUTES, self.auto_lock.value())
        p.set(REMINDER_ENABLED, self.reminder_enabled.isChecked())
        p.set(REMINDER_TIME, self.reminder_time.time().toString("HH:mm"))
        p.set(LIVE_IN_TRAY, self.live_in_tray.isChecked())
        p.set(WRITING_PROMPTS, self.writing_prompts.isChecked())
        p.set(SYNC_MINUTES, self.sync_minutes.value())
        p.set(PEER_NOTIFICATIONS, self.peer_notifications.isChecked())
        p.set(LANGUAGE, str(self.language.currentData()))
        p.set(THEME, str(self.theme.currentData()))
        p.set(FONT_SIZE, self.font_size.value())
        self.save_button.setEnabled(True)
        self.applied.emit()
        self.accept()

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
