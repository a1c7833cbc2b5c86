"""Layouts that wrap their items onto new lines: :class:`FlowLayout` for chips (left to
right, as many lines as they need) and :class:`WrapRow` for a row of controls that must
not set the window's width.

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


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line when the next one does not fit; its
    size hint is ``preferred_width`` wide (a dialog of chips opens at that width)."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 6, *, preferred_width: int = 480
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._preferred_width = preferred_width
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item interface -------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        """Qt's hook for addWidget."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index`` (None past the end, as Qt expects)."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        """Chips never ask for extra room."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width (how many items fit on a line)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of its lines at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """The preferred width (or more, once it has it) and its lines' height there."""
        width = max(self.geometry().width(), self._preferred_width)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """As narrow as its widest item (one item a line)."""
        size = QSize(0, 0)
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        """Place the items in ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

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
        return max(0, top - self.spacing() - area.top()) + margins.top() + margins.bottom()

    def _place(self, line: list[QLayoutItem], area: QRect, top: int, height: int) -> None:
        x = area.left()
        for item in line:
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            item_height = min(hint.height(), height)
            item.setGeometry(
                QRect(QPoint(x, top + (height - item_height) // 2), QSize(width, item_height))
            )
            x += width + self.spacing()


class WrapRow(FlowLayout):
    """A row of controls on one line while they fit, on more lines when they do not."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 8, *, rest_right: bool = True
    ) -> None:
        super().__init__(parent, spacing)
        self._rest_right = rest_right  # False: every item of a line at the left

    def expandingDirections(self) -> Qt.Orientation:
        """The row takes the width it is given, never more height than its lines."""
        return Qt.Orientation.Horizontal

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
        """As narrow as its widest item, as high as its lines are at the width it has (so
        the window's minimum height counts a wrapped line too)."""
        size = super().minimumSize()
        if self.geometry().width() > 0:
            size.setHeight(max(size.height(), self.heightForWidth(self.geometry().width())))
        return size

    def setGeometry(self, rect: QRect) -> None:
        """Place the items in ``rect`` (a change in the number of lines changes the
        minimum height: the layouts above are told)."""
        before = self._arrange(self.geometry(), move=False) if self.geometry().width() else 0
        super().setGeometry(rect)
        if before and self._arrange(rect, move=False) != before:
            self.invalidate()

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
