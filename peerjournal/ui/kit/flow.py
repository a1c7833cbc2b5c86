"""A row of controls that wraps onto a second line when the window is too narrow.

The editor's top row (date, linked mood, star) needed 661 pixels in one line, which made
the main window wider than a 1280×720 screen at 150 % (853 logical pixels) and pushed Lock
and Help off its edge. In a :class:`WrapRow` the row is as narrow as its widest control;
when the room is short the later controls move onto the next line. On each line the
first control sits at the left and the others at the right, as a row with a stretch in the
middle would place them (or all at the left, ``rest_right=False``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class WrapRow(QLayout):
    """Items left to right, wrapping to a new line when the next one does not fit."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 8, *, rest_right: bool = True
    ) -> None:
        super().__init__(parent)
        self._rest_right = rest_right  # False: every item of a line at the left
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item interface -------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        """Qt's hook for addWidget."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the row holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index`` (None past the end, as Qt expects)."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        """The row takes the width it is given, never more height than its lines."""
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width (one line or two)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of its lines at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        visible = self._visible()
        if not visible:
            return QSize(0, 0)
        width = sum(item.sizeHint().width() for item in visible)
        width += self.spacing() * (len(visible) - 1)
        height = max(item.sizeHint().height() for item in visible)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As narrow as its widest item (one item a line), as high as its lines are at the
        width it has (so the window's minimum height counts a wrapped line too)."""
        size = QSize(0, 0)
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        if self.geometry().width() > 0:
            size.setHeight(max(size.height(), self.heightForWidth(self.geometry().width())))
        return size

    def setGeometry(self, rect: QRect) -> None:
        """Place the items in ``rect`` (a change in the number of lines changes the
        minimum height: the layouts above are told)."""
        before = self._arrange(self.geometry(), move=False) if self.geometry().width() else 0
        super().setGeometry(rect)
        if self._arrange(rect, move=True) != before and before:
            self.invalidate()

    # -- the layout ---------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + width > area.width():
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + width
            lines[-1].append(item)
        top = area.top()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            if move:
                self._place(line, area, top, height)
            top += height + self.spacing()
        return top - self.spacing() - area.top() + margins.top() + margins.bottom()

    def _place(self, line: list[QLayoutItem], area: QRect, top: int, height: int) -> None:
        widths = [min(item.sizeHint().width(), area.width()) for item in line]
        spare = area.width() - sum(widths) - self.spacing() * (len(line) - 1)
        x = area.left()
        for number, (item, width) in enumerate(zip(line, widths, strict=True)):
            if number == 1 and spare > 0 and self._rest_right:
                x += spare  # the first item at the left, the rest at the right
            item_height = min(item.sizeHint().height(), height)
            y = top + (height - item_height) // 2
            item.setGeometry(QRect(QPoint(x, y), QSize(width, item_height)))
            x += width + self.spacing()
