"""Chips: toggleable names in a wrapping flow layout (kit/flow.py), with an "add your
own" field.

Used by the check-in for emotions and activities. Return in the "add your own" field adds
the chip and never reaches the dialog (where it would save the whole check-in).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.ui.kit.flow import FlowLayout
from peerjournal.ui.kit.keys import is_plain_return

PREFERRED_WIDTH = 480

# Rounded chips whose checked state is unmistakable in both themes (palette() follows
# the active theme, so no colours are hard-coded here). This sheet replaces the theme's
# focus border, so it draws its own: a keyboard user must see which chip Tab reached.
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
QToolButton[chip="true"]:focus { border: 2px solid palette(text); padding: 3px 11px; }
"""


class ChipGroup(QWidget):
    """Toggleable chips in a flow layout, plus a small "add your own" field."""

    def __init__(self, placeholder: str, add_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips: dict[str, QToolButton] = {}
        self.setStyleSheet(CHIP_STYLE)
        self.added: list[str] = []  # names typed here that are not in the vault's list yet
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._chip_box = QWidget()
        self._flow = FlowLayout(self._chip_box, preferred_width=PREFERRED_WIDTH)
        outer.addWidget(self._chip_box)
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(placeholder)
        self.new_name.setAccessibleName(placeholder)
        self.new_name.setMaxLength(40)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(add_name)  # two groups: "Add" alone is ambiguous
        self.add_button.setToolTip(add_name)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        outer.addLayout(row)
        self.add_button.clicked.connect(self._add_typed)
        self.new_name.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Return in the name field adds the chip; the dialog never sees that key."""
        if watched is self.new_name and is_plain_return(event):
            self._add_typed()
            return True
        return False

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
        chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # chips are reachable with Tab
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
