"""Reviewing what the anonymiser found before sharing: the list, "always", and the pause.

One use case of the share dialog, on its own: every finding is a numbered line (as on the
command line) with its category in plain words ("a name", "a school") and a check box
(checked = replaced by its placeholder; findings the anonymiser is unsure of start unchecked
and say "maybe a name"). "Always keep/redact …" under the list remembers the choice for the
selected words (the keep and redact lists Settings shows) when the entry is sent, and applies
it to every finding of those words. After a hand edit of the text the list is paused (so a
toggle never overwrites the edit) until "Start again from the entry".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.peers import Finding
from peerjournal.app.share_choices import word_key
from peerjournal.ui.peers.share_source import listable


class FindingsReview(QWidget):
    """The findings of one entry with their choices: ``redact`` and ``always`` (numbers)."""

    choices_changed = Signal()  # ``redact`` changed: the text is to be rendered again
    reset_requested = Signal()  # "Start again from the entry"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: tuple[Finding, ...] = ()
        self.redact: set[int] = set()  # finding numbers replaced by their placeholder
        self.always: set[int] = set()  # finding numbers whose choice is remembered on send
        self.paused = False  # the text was edited by hand
        self._filling = False

        caption = QLabel(self.tr("Found in the text (checked = replaced)"))
        caption.setProperty("role", "muted")
        self.reset_button = QPushButton(self.tr("Start again from the entry"))
        self.reset_button.setProperty("role", "link")
        self.reset_button.clicked.connect(self.reset_requested)
        self.reset_button.hide()
        self.findings_list = QListWidget()
        self.findings_list.setAccessibleName(self.tr("What was found"))
        self.findings_list.setMinimumHeight(72)
        self.findings_list.setMaximumHeight(96)
        self.findings_list.itemChanged.connect(self._toggled)
        self.findings_list.currentRowChanged.connect(self._current_changed)
        self.always_box = QCheckBox()
        self.always_box.setAccessibleName(self.tr("Always do this with the selected words"))
        self.always_box.hide()
        self.always_box.toggled.connect(self._always_toggled)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")

        row = QHBoxLayout()
        row.addWidget(caption, 1)
        row.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(row)
        layout.addWidget(self.findings_list)
        layout.addWidget(self.always_box)
        layout.addWidget(self.hint)

    # -- what is shown --------------------------------------------------------------------
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

    def set_findings(self, findings: tuple[Finding, ...]) -> None:
        """A new entry's findings: the sure ones start replaced, nothing is remembered."""
        self.findings = findings
        self.redact = {n for n, f in enumerate(findings) if f.auto}
        self.always = set()
        self.fill()

    def fill(self) -> None:
        """List every finding with its check state (and resume after a pause)."""
        self._filling = True
        self.findings_list.clear()
        for number, finding in enumerate(self.findings):
            item = QListWidgetItem(self.finding_label(number, finding))
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = number in self.redact
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.findings_list.addItem(item)
        if not self.findings:
            self.hint.setText(self.tr("Nothing that looks identifying was found."))
        else:
            self.hint.setText(
                self.tr("Uncheck a line to keep the original words; check it to replace them.")
            )
        self.always_box.setVisible(bool(self.findings))
        if self.findings and self.findings_list.currentRow() < 0:
            self.findings_list.setCurrentRow(0)
        self._filling = False
        self.resume()

    def pause(self) -> None:
        """The text was edited by hand: the list is frozen until "Start again"."""
        if self.paused:
            return
        self.paused = True
        self.findings_list.setEnabled(False)
        self.always_box.setEnabled(False)
        self.hint.setText(
            self.tr(
                "You edited the text by hand, so the list is paused. "
                "“Start again from the entry” brings it back."
            )
        )
        self.reset_button.show()

    def resume(self) -> None:
        """The text is the entry's again: the list takes choices."""
        self.paused = False
        self.findings_list.setEnabled(True)
        self.reset_button.hide()
        self._current_changed()

    def freeze(self) -> None:
        """After sending: nothing more to choose."""
        self.findings_list.setEnabled(False)
        self.always_box.setEnabled(False)

    # -- choosing -------------------------------------------------------------------------
    def set_finding(self, number: int, redacted: bool) -> None:
        """Toggle one finding (what a click on its check box does)."""
        item = self.findings_list.item(number)
        item.setCheckState(Qt.CheckState.Checked if redacted else Qt.CheckState.Unchecked)

    def remembered_words(self) -> tuple[list[str], list[str]]:
        """The words to keep and to redact always, as ticked (stored when sent)."""
        keep: dict[str, str] = {}
        redact: dict[str, str] = {}
        for number in sorted(self.always):
            words = " ".join(self.findings[number].text.split())
            (redact if number in self.redact else keep).setdefault(word_key(words), words)
        return list(keep.values()), list(redact.values())

    def _same_words(self, number: int) -> list[int]:
        """Every finding with the same words as finding ``number`` (itself included)."""
        key = word_key(self.findings[number].text)
        return [n for n, f in enumerate(self.findings) if word_key(f.text) == key]

    def _toggled(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        on = item.checkState() == Qt.CheckState.Checked
        for same in self._same_words(number) if number in self.always else [number]:
            if on:
                self.redact.add(same)
            else:
                self.redact.discard(same)
        self.choices_changed.emit()
        self._refresh_items()
        self._current_changed()

    def _refresh_items(self) -> None:
        """Check states and labels from ``redact`` and ``always`` (no re-render)."""
        was = self._filling
        self._filling = True
        for number, finding in enumerate(self.findings):
            item = self.findings_list.item(number)
            checked = number in self.redact
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setText(self.finding_label(number, finding))
        self._filling = was

    def _current_changed(self, *_args: object) -> None:
        """The "always" box speaks of the selected finding and what is chosen for it."""
        row = self.findings_list.currentRow()
        if not 0 <= row < len(self.findings):
            return
        words = " ".join(self.findings[row].text.split())
        if row in self.redact:
            text = self.tr("Always redact “%1” when I share")
        else:
            text = self.tr("Always keep “%1” when I share")
        self.always_box.blockSignals(True)
        self.always_box.setText(text.replace("%1", words))
        self.always_box.setChecked(row in self.always)
        self.always_box.setEnabled(not self.paused and listable(words))
        self.always_box.blockSignals(False)

    def _always_toggled(self, on: bool) -> None:
        row = self.findings_list.currentRow()
        if not 0 <= row < len(self.findings):
            return
        same = self._same_words(row)
        if on:
            self.always.update(same)
            for number in same:  # one word, one choice
                if row in self.redact:
                    self.redact.add(number)
                else:
                    self.redact.discard(number)
            if not self.paused:
                self.choices_changed.emit()
        else:
            self.always.difference_update(same)
        self._refresh_items()
