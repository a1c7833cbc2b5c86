"""Building blocks of the settings dialog: an editable name list, the share preview's
"always keep / always redact" lists, and the passphrase panel."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.worker import DbWorker, weak
from peerjournal.ui.shell.passphrase import NewPassphraseFields

MAX_NAME_LENGTH = 60


class NameListEditor(QWidget):
    """A short list of names: add, rename (double-click or F2) and remove."""

    changed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None, *, name: str = "") -> None:
        """``placeholder`` shows in the empty field; ``name`` (default: the same) is what a
        screen reader says for the list and the field."""
        super().__init__(parent)
        name = name or placeholder
        self.setToolTip(self.tr("Double-click a name to rename it."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(120)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(placeholder)
        self.new_name.setAccessibleName(name)
        self.new_name.setMaxLength(MAX_NAME_LENGTH)
        # Compact "+" and "−" buttons leave the name field room in every language; their
        # tooltips and accessible names carry the words.
        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add"))
        self.remove_button = QToolButton()
        self.remove_button.setText("−")
        self.remove_button.setToolTip(self.tr("Remove the selected names"))
        self.remove_button.setAccessibleName(self.tr("Remove"))
        self.remove_button.setEnabled(False)
        for button in (self.add_button, self.remove_button):
            button.setMinimumWidth(34)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.add_button.clicked.connect(self._add_typed)
        self.new_name.returnPressed.connect(self._add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        # Bound methods, not lambdas (see mood_page: PySide6 6.12 and lambda connections).
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemChanged.connect(self._item_changed)

    def set_names(self, names: Iterable[str]) -> None:
        """Replace the list."""
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            self._append(name)
        self.list.blockSignals(False)

    def names(self) -> list[str]:
        """The names in order, trimmed, without blanks or case-insensitive duplicates."""
        seen: set[str] = set()
        out: list[str] = []
        for i in range(self.list.count()):
            name = " ".join(self.list.item(i).text().split())[:MAX_NAME_LENGTH]
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
        return out

    def add(self, name: str) -> bool:
        """Add a name unless it is blank or already there; True when added."""
        name = " ".join(name.split())
        if not name or name.casefold() in {n.casefold() for n in self.names()}:
            return False
        self._append(name)
        self.changed.emit()
        return True

    def rename(self, row: int, name: str) -> None:
        """Rename the name in a row (as the inline editor does)."""
        self.list.item(row).setText(name)

    def remove_selected(self) -> None:
        """Remove the selected names."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self.changed.emit()

    def _append(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def _add_typed(self) -> None:
        if self.add(self.new_name.text()):
            self.new_name.clear()


class WordListsPanel(QWidget):
    """The vault's "always keep" and "always redact" lists of the share preview.

    Words get here when "Always keep …" or "Always redact …" is ticked in the share preview;
    here they can be removed (or added by hand). Saved with the other vault settings.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Words you chose to always keep or always redact when you share an entry. "
                "They are stored only inside your encrypted vault."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lists = QGridLayout()
        # the captions above say which list is which: the empty fields just say "New word"
        # (the whole phrase did not fit them at 150 %; screen readers still hear it)
        self.keep = NameListEditor(self.tr("New word"), name=self.tr("New word to always keep"))
        self.redact = NameListEditor(self.tr("New word"), name=self.tr("New word to always redact"))
        for column, (text, editor) in enumerate(
            (
                (self.tr("Always kept (never replaced)"), self.keep),
                (self.tr("Always redacted"), self.redact),
            )
        ):
            caption = QLabel(text)
            caption.setBuddy(editor.list)
            lists.addWidget(caption, 0, column)
            lists.addWidget(editor, 1, column)
        layout.addLayout(lists, 1)
        note = QLabel(
            self.tr(
                "Ticking “Always keep …” or “Always redact …” in the share preview adds a "
                "word here. Select words and press − to remove them."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)

    def set_lists(self, keep: Iterable[str], redact: Iterable[str]) -> None:
        """Show both lists."""
        self.keep.set_names(keep)
        self.redact.set_names(redact)

    def lists(self) -> tuple[list[str], list[str]]:
        """Both lists as edited: keep, redact."""
        return self.keep.names(), self.redact.names()


def _grid_holding(layout: QLayout | None, widget: QWidget) -> QGridLayout | None:
    """The grid layout (searched depth first) that directly holds ``widget``, if any."""
    if layout is None:
        return None
    if isinstance(layout, QGridLayout) and layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        item = layout.itemAt(i)
        found = _grid_holding(item.layout() if item is not None else None, widget)
        if found is not None:
            return found
    return None


def _shift_rows_down(grid: QGridLayout) -> None:
    """Move every item of a grid one row down, freeing row 0."""
    items: list[tuple[QLayoutItem, int, int, int, int]] = []
    while grid.count():
        row, col, rows, cols = cast(tuple[int, int, int, int], grid.getItemPosition(0))
        item = grid.takeAt(0)
        if item is not None:
            items.append((item, row, col, rows, cols))
    for item, row, col, rows, cols in items:
        grid.addItem(item, row + 1, col, rows, cols)


class PassphrasePanel(QWidget):
    """Change the vault passphrase: current one, new one twice, run through the worker."""

    changed = Signal()  # the passphrase was changed successfully

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your entries stay encrypted as they are; only the key that unlocks them is "
                "wrapped again. Your recovery code keeps working."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setAccessibleName(self.tr("Current passphrase"))
        self.fields = NewPassphraseFields()
        old_label = QLabel(self.tr("Current passphrase"))
        old_label.setBuddy(self.old)
        grid = _grid_holding(self.fields.layout(), self.fields.first)
        if grid is not None:
            # Put the current passphrase on top of the shared fields' own grid so all three
            # labels line up in one column.
            _shift_rows_down(grid)
            grid.addWidget(old_label, 0, 0)
            grid.addWidget(self.old, 0, 1)
            row_item = grid.itemAtPosition(1, 0)
            row_label = row_item.widget() if row_item is not None else None
            if isinstance(row_label, QLabel):
                row_label.setText(self.tr("New passphrase"))
        else:
            form = QFormLayout()
            form.addRow(old_label, self.old)
            layout.addLayout(form)
        layout.addWidget(self.fields)
        self.change_button = QPushButton(self.tr("Change passphrase"))
        self.change_button.setAutoDefault(False)
        self.change_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.change_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.old.textChanged.connect(self._update)
        self.fields.validity_changed.connect(self._validity_changed)
        self.fields.first.textChanged.connect(self._update)
        self.fields.second.textChanged.connect(self._update)
        self.change_button.clicked.connect(self.change)

    def _validity_changed(self, _valid: bool) -> None:
        self._update()

    def _update(self) -> None:
        self.change_button.setEnabled(bool(self.old.text()) and self.fields.valid)

    def change(self) -> None:
        """Re-wrap the key under the new passphrase (off the GUI thread)."""
        old, new = self.old.text(), self.fields.passphrase()
        if not old:
            self._show(self.tr("Enter your current passphrase first."), error=True)
            return
        if not self.fields.valid:
            self._show(
                self.tr("The new passphrase must be strong enough and typed the same twice."),
                error=True,
            )
            return

        def job(session: Any) -> None:
            session.change_passphrase(old, new)

        self.change_button.setEnabled(False)
        self._show(self.tr("Changing the passphrase…"), error=False)
        self._worker.submit(job, weak(self._done), weak(self._failed), on_bug=weak(self._stopped))

    def _done(self, _result: object) -> None:
        self.old.clear()
        self.fields.clear()
        self._show(
            self.tr("Your passphrase was changed. Use the new one the next time you unlock."),
            error=False,
        )
        self.changed.emit()

    def _failed(self, error: PeerJournalError) -> None:
        # Nothing was changed; keep the new passphrase typed so only the old one needs fixing.
        self._stopped()
        self._show(error_text(error), error=True)

    def _stopped(self) -> None:
        """After a failure (a known error or a bug; the bug dialog explains that one)."""
        self.old.clear()
        self.old.setFocus()
        self._show("", error=False)
        self._update()

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setObjectName("error" if error else "success")
        self.message.setText(text)
        # Re-polish so a stylesheet rule for #error / #success applies to the new name.
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
