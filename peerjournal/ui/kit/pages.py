"""Pages picked from a list on the left: Settings' sections (room for any number of them).

A row of tabs runs out of width as sections are added (backups, anonymiser lists, …) and
as translations get longer; a list of section names does not. The API follows
QTabWidget (``addTab``, ``widget``, ``count``, ``setCurrentIndex``/``Widget``,
``currentChanged``), so a dialog can switch between the two without other changes.
Keys: Up/Down in the list, Ctrl+PgUp/Ctrl+PgDown anywhere in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QWidget,
)


class PageList(QWidget):
    """A list of section names beside the shown section (each section scrolls if long)."""

    currentChanged = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self._pages: list[QWidget] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.list.currentRowChanged.connect(self._row_changed)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._next if step > 0 else self._previous)

    def addTab(self, page: QWidget, text: str) -> int:
        """Add a section; ``&&`` in its name (a tab's escaped &) shows as one &."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(page)
        self.stack.addWidget(scroll)
        self._pages.append(page)
        QListWidgetItem(text.replace("&&", "&"), self.list)
        width = self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + 24
        self.list.setFixedWidth(max(140, width))
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        return len(self._pages) - 1

    def sizeHint(self) -> QSize:
        """Room for the widest section without a side scroll bar (a scroll area alone asks
        for a fixed width, which cut long German or Japanese check boxes off)."""
        hint = super().sizeHint()
        widest = max((page.sizeHint().width() for page in self._pages), default=0)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(max(hint.width(), self.list.minimumWidth() + 12 + widest + bar), hint.height())

    def count(self) -> int:
        """Number of sections."""
        return len(self._pages)

    def widget(self, index: int) -> QWidget | None:
        """The page of a section."""
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def tabText(self, index: int) -> str:
        """A section's name."""
        item = self.list.item(index)
        return item.text() if item is not None else ""

    def currentIndex(self) -> int:
        """The shown section."""
        return self.stack.currentIndex()

    def currentWidget(self) -> QWidget | None:
        """The shown page."""
        return self.widget(self.currentIndex())

    def setCurrentIndex(self, index: int) -> None:
        """Show a section."""
        self.list.setCurrentRow(index)

    def setCurrentWidget(self, page: QWidget) -> None:
        """Show the section of a page."""
        if page in self._pages:
            self.setCurrentIndex(self._pages.index(page))

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self.stack.setCurrentIndex(row)
            self.currentChanged.emit(row)

    def _next(self) -> None:
        self.setCurrentIndex((self.currentIndex() + 1) % max(1, self.count()))

    def _previous(self) -> None:
        self.setCurrentIndex((self.currentIndex() - 1) % max(1, self.count()))
