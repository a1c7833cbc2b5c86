"""Chips: toggleable names in a wrapping flow layout, with an "add your own" field.

Used by the check-in for emotions and activities. Return in the "add your own" field adds
the chip and never reaches the dialog (where it would save the whole check-in).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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

    def __init__(self, placeholder: str, add_name: str, parent: QWidget | None = None) -> None:
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
