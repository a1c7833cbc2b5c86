"""A tag editor: comma-separated tags with completion of the tag being typed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def parse_tags(text: str) -> tuple[str, ...]:
    """Split 'walk, #friends,  exams' into ('walk', 'friends', 'exams'), without duplicates."""
    seen: dict[str, str] = {}
    for part in text.replace(";", ",").split(","):
        tag = part.strip().lstrip("#@").strip()
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


class TagEditor(QLineEdit):
    """Edits tags as text; completes the last tag from the vault's known tags."""

    tags_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.setAccessibleName(self.tr("Tags"))
        self._known = QStringListModel(self)
        self._completer = QCompleter(self._known, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._complete)
        self.textEdited.connect(self._on_edited)

    def set_known_tags(self, tags: Iterable[str]) -> None:
        """Tags offered for completion."""
        self._known.setStringList(list(tags))

    def known_tags(self) -> list[str]:
        """Tags currently offered for completion."""
        return self._known.stringList()

    def tags(self) -> tuple[str, ...]:
        """The tags as typed."""
        return parse_tags(self.text())

    def set_tags(self, tags: Iterable[str]) -> None:
        """Show ``tags`` without counting as an edit."""
        self.blockSignals(True)
        self.setText(", ".join(tags))
        self.blockSignals(False)

    def _current_prefix(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip().lstrip("#@")

    def _on_edited(self, _text: str) -> None:
        prefix = self._current_prefix()
        if prefix:
            self._completer.setCompletionPrefix(prefix)
        if prefix and self._completer.completionCount() > 0:
            self._completer.complete()
        else:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()
        self.tags_edited.emit()

    def _complete(self, tag: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        self.setText(f"{head}{tag}, {after.lstrip(', ')}".rstrip())
        self.tags_edited.emit()
