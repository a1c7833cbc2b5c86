"""The quick mood check-in: a level, a few chips, an optional note, Save.

Everything the user personalised (labels, emotions, activities) comes from the vault through
the worker; the dialog opens at once and fills in when the lists arrive. Names typed under
"add your own" are added to the vault's lists together with the check-in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.domain.models import DEFAULT_MOOD_LABELS
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.mood_labels import display_labels
from peerjournal.ui.kit.theme import MOOD_COLOURS
from peerjournal.ui.kit.worker import DbWorker, weak

PREFERRED_WIDTH = 480

# Rounded chips whose checked state is unmistakable in both themes (palette() follows
# the active theme, so no colours are hard-coded here).
CHIP_STYLE = """
QToolButton[chip="true"] {
    border: 1px solid palette(mid); border-radius: 13px; padding: 4px 12px;
    background: palette(base);
}
QToolButton[chip="true"]:hover { border-color: palette(highlight); }
QToolButton[chip="true"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
"""


class FlowLayout(QLayout):
    """Lays out children left to right and wraps them onto new lines (for chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        """Append an item (Qt calls this from addWidget)."""
        self._items.append(item)

    def count(self) -> int:
        """Number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at index, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at index."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Chips never ask for extra room."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """The height depends on how many chips fit on a line."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Height needed to show every chip at this width."""
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the chips."""
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """A comfortable dialog width and the height the chips need at that width."""
        width = max(self.geometry().width(), PREFERRED_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """Room for the widest chip."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class ChipGroup(QWidget):
    """Toggleable chips in a flow layout, plus a small "add your own" field."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips: dict[str, QToolButton] = {}
        self.setStyleSheet(CHIP_STYLE)
        self.added: list[str] = []  # names typed here that are not in the vault's list yet
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._chip_box = QWidget()
        self._flow = FlowLayout(self._chip_box)
        outer.addWidget(self._chip_box)
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(placeholder)
        self.new_name.setAccessibleName(placeholder)
        self.new_name.setMaxLength(40)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAutoDefault(False)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        outer.addLayout(row)
        self.add_button.clicked.connect(self._add_typed)
        self.new_name.returnPressed.connect(self._add_typed)

    def set_names(self, names: Iterable[str]) -> None:
        """Show one chip per name (keeping any already checked)."""
        for name in names:
            self._chip(name)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Grow or shrink so every chip stays visible at the new width."""
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # Parent layouts ignore a child layout's height-for-width when sizing a dialog, so
        # the chip area asks for the height its chips need at the current width.
        width = self._chip_box.width() if self._chip_box.width() > 50 else PREFERRED_WIDTH
        self._chip_box.setMinimumHeight(self._flow.heightForWidth(width))

    def _chip(self, name: str) -> QToolButton:
        if name in self.chips:
            return self.chips[name]
        chip = QToolButton()
        chip.setText(name)
        chip.setCheckable(True)
        chip.setObjectName("chip")
        chip.setProperty("chip", True)
        chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._flow.addWidget(chip)
        chip.show()  # a chip added to a visible dialog would otherwise wait for the next pass
        self.chips[name] = chip
        return chip

    def _add_typed(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        # Match an existing chip case-insensitively so "Walk" and "walk" do not both appear.
        existing = next((n for n in self.chips if n.casefold() == name.casefold()), None)
        if existing is None:
            self.added.append(name)
            existing = name
        self._chip(existing).setChecked(True)
        self.new_name.clear()
        self._fit_height()

    def selected(self) -> list[str]:
        """Checked chip names, in display order."""
        return [name for name, chip in self.chips.items() if chip.isChecked()]


class CheckInDialog(QDialog):
    """Quick check-in: pick a level, optionally chips and a note, then Save (Ctrl+Enter)."""

    saved = Signal(str)
    loaded = Signal()  # the user's labels and lists have arrived from the vault

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._known_emotions: list[str] = []
        self._known_activities: list[str] = []
        self._saving = False  # Ctrl+Enter pressed twice must not save twice
        self.setWindowTitle(self.tr("How are you?"))
        self.setObjectName("checkin")
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel(self.tr("How are you feeling right now?"))
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        heading.setFont(font)
        layout.addWidget(heading)

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
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"level{level}")
            button.setStyleSheet(self._level_style(level))
            button.setShortcut(QKeySequence(str(level)))
            self.level_group.addButton(button, level)
            self.level_buttons[level] = button
            levels.addWidget(button)
        layout.addLayout(levels)

        layout.addWidget(self._caption(self.tr("Emotions")))
        self.emotions = ChipGroup(self.tr("Add your own emotion"))
        layout.addWidget(self.emotions)
        layout.addWidget(self._caption(self.tr("Activities")))
        self.activities = ChipGroup(self.tr("Add your own activity"))
        layout.addWidget(self.activities)
        layout.addWidget(self._caption(self.tr("Note (optional)")))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Anything you want to remember about now"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        layout.addWidget(self.note)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        self.message.hide()
        layout.addWidget(self.message)
        layout.addSpacing(6)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.level_group.idToggled.connect(self._level_toggled)

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
        self._known_emotions = list(emotions)
        self._known_activities = list(activities)
        self.emotions.set_names(emotions)
        self.activities.set_names(activities)
        self.adjustSize()
        self.loaded.emit()

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

        def job(session: Any) -> str:
            mood = session.mood
            if new_emotions:
                mood.set_emotions(mood.emotions() + new_emotions)
            if new_activities:
                mood.set_activities(mood.activities() + new_activities)
            return str(mood.add(level, emotions=emotions, activities=activities, note=note).id)

        self._saving = True
        self.save_button.setEnabled(False)
        self.message.hide()
        self._worker.submit(job, weak(self._saved), weak(self._failed), on_bug=weak(self._recover))

    def _saved(self, mood_id: str) -> None:
        self.saved.emit(mood_id)
        self.accept()

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
        return (
            "QPushButton {"
            f" border: 2px solid {colour}; border-radius: 10px; padding: 6px;"
            " font-weight: 600; }"
            f"QPushButton:checked {{ background: {colour}; color: #1d1f22; }}"
            f"QPushButton:hover {{ border-width: 3px; }}"
        )
