"""Year in pixels: one small square per day, coloured by that day's mean mood.

Months are rows and days of the month are columns (12 × 31), which reads like a calendar
and keeps every date easy to find. Days without a check-in stay a neutral colour; days
that do not exist (30 February) are not drawn.

Colour is never the only cue: hovering a square, or moving to it with the keyboard (the
grid takes focus; arrows move by day and month, Home/End to the month's ends, Page Up and
Page Down change the year), writes its date, average and mood word in a line below the
grid, and the same sentence is the widget's accessible description, so a screen reader
reads the day the keyboard is on.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QToolTip, QWidget

from peerjournal.domain.models import DEFAULT_MOOD_LABELS
from peerjournal.ui.kit.mood_labels import display_labels
from peerjournal.ui.kit.theme import empty_pixel_colour, mood_colour, muted_text_colour

CELL = 16
GAP = 3
LEFT = 44  # room for the month names
TOP = 20  # room for the day numbers
BOTTOM = 24  # room for the line that names the focused or hovered day


class YearPixels(QWidget):
    """A painted 12 × 31 grid of one year's daily mean mood."""

    year_changed = Signal(int)
    #: The grid's palette changed (a theme switch): what explains its colours must follow.
    palette_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Year in pixels"))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._year = date.today().year
        self._values: dict[date, float] = {}
        self._labels: dict[int, str] = dict(DEFAULT_MOOD_LABELS)
        self._cursor = date.today()
        self._hovered: date | None = None
        self._describe()

    # -- data -------------------------------------------------------------------------
    @property
    def year(self) -> int:
        """The year shown."""
        return self._year

    def set_year(self, year: int) -> None:
        """Show another year (the keyboard's day moves along to the same date)."""
        if year != self._year:
            self._year = year
            month = self._cursor.month
            day = min(self._cursor.day, calendar.monthrange(year, month)[1])
            self._cursor = date(year, month, day)
            self._describe()
            self.update()
            self.year_changed.emit(year)

    @property
    def cursor_day(self) -> date:
        """The day the keyboard is on."""
        return self._cursor

    def status_text(self) -> str:
        """The line under the grid: the hovered day, else the keyboard's day while focused."""
        if self._hovered is not None:
            return self.tooltip_text(self._hovered)
        if self.hasFocus():
            return self.tooltip_text(self._cursor)
        return ""

    def set_values(self, values: Mapping[date, float]) -> None:
        """Day -> mean level for any number of years; only the shown year is painted."""
        self._values = dict(values)
        self._describe()
        self.update()

    def set_labels(self, labels: Mapping[int, str]) -> None:
        """The user's mood labels, used in the tooltips."""
        self._labels = display_labels(labels)
        self._describe()

    def years(self) -> list[int]:
        """Years that have at least one value, plus the current year, ascending."""
        return sorted({d.year for d in self._values} | {date.today().year})

    def value_for(self, day: date) -> float | None:
        """The mean level for a day, or None when it has no check-in."""
        return self._values.get(day)

    def shown_days(self) -> int:
        """How many days of the shown year have a value (for tests and captions)."""
        return sum(1 for d in self._values if d.year == self._year)

    # -- geometry ---------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        """Exactly the grid with its labels."""
        return QSize(LEFT + 31 * (CELL + GAP), TOP + 12 * (CELL + GAP) + BOTTOM)

    def minimumSizeHint(self) -> QSize:
        """The grid does not shrink: its squares must stay hoverable."""
        return self.sizeHint()

    def cell_rect(self, month: int, day: int) -> QRect:
        """Where a day's square is painted (month and day 1-based)."""
        return QRect(LEFT + (day - 1) * (CELL + GAP), TOP + (month - 1) * (CELL + GAP), CELL, CELL)

    def day_at(self, pos: QPoint) -> date | None:
        """The day whose square is under a point, if any."""
        x, y = pos.x() - LEFT, pos.y() - TOP
        if x < 0 or y < 0:
            return None
        col, row = x // (CELL + GAP), y // (CELL + GAP)
        if x % (CELL + GAP) >= CELL or y % (CELL + GAP) >= CELL or row > 11 or col > 30:
            return None
        month, day = row + 1, col + 1
        if day > calendar.monthrange(self._year, month)[1]:
            return None
        return date(self._year, month, day)

    # -- painting and tooltips --------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """Tell the page when the palette changes (it paints from the palette anyway)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.palette_changed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint month names, day numbers and one rounded square per day."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        muted = muted_text_colour(pal)
        empty = empty_pixel_colour(pal)
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.setPen(muted)
        locale = QLocale()
        for day in (1, 5, 10, 15, 20, 25, 31):
            r = self.cell_rect(1, day)
            painter.drawText(
                QRect(r.x() - 4, 0, CELL + 8, TOP - 4), Qt.AlignmentFlag.AlignCenter, str(day)
            )
        today = date.today()
        for month in range(1, 13):
            r = self.cell_rect(month, 1)
            painter.setPen(muted)
            painter.drawText(
                QRect(0, r.y() - 2, LEFT - 8, CELL + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                locale.monthName(month, QLocale.FormatType.ShortFormat),
            )
            painter.setPen(Qt.PenStyle.NoPen)
            for day in range(1, calendar.monthrange(self._year, month)[1] + 1):
                d = date(self._year, month, day)
                value = self._values.get(d)
                painter.setBrush(mood_colour(value, pal) if value is not None else empty)
                painter.drawRoundedRect(QRectF(self.cell_rect(month, day)), 4, 4)
                if d == self._cursor and self.hasFocus():
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(pal.color(QPalette.ColorRole.WindowText))
                    painter.drawRect(QRectF(self.cell_rect(month, day)).adjusted(-2, -2, 2, 2))
                    painter.setPen(Qt.PenStyle.NoPen)
                if d == today:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(pal.color(QPalette.ColorRole.Highlight))
                    painter.drawRoundedRect(
                        QRectF(self.cell_rect(month, day)).adjusted(-1, -1, 1, 1), 4, 4
                    )
                    painter.setPen(Qt.PenStyle.NoPen)
        status = self.status_text()
        if status:
            painter.setPen(pal.color(QPalette.ColorRole.WindowText))
            line = QRect(LEFT, TOP + 12 * (CELL + GAP) + 2, self.width() - LEFT, BOTTOM - 2)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, status
            )
        painter.end()

    def tooltip_text(self, day: date) -> str:
        """The tooltip for one day: its date and mean level (or that it has none)."""
        when = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
        value = self._values.get(day)
        if value is None:
            return self.tr("%1: no check-in").replace("%1", when)
        label = self._labels.get(round(value), "")
        return (
            self.tr("%1: average %2 (%3)")
            .replace("%1", when)
            .replace("%2", QLocale().toString(value, "f", 1))
            .replace("%3", label)
        )

    # -- keyboard and pointer ---------------------------------------------------------
    def _describe(self) -> None:
        self.setAccessibleDescription(
            self.tooltip_text(self._cursor)
            + " "
            + self.tr("Arrow keys move from day to day; Page Up and Page Down change the year.")
        )

    def move_cursor(self, day: date) -> None:
        """Put the keyboard on a day (another year is shown when it lies in one)."""
        if day.year != self._year:
            self.set_year(day.year)
        self._cursor = day
        self._describe()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows by day and month, Home/End to the month's ends, Page Up/Down by year."""
        c = self._cursor
        last = calendar.monthrange(c.year, c.month)[1]
        key = Qt.Key(event.key())
        target: date | None = None
        if key == Qt.Key.Key_Left:
            target = c - timedelta(days=1)
        elif key == Qt.Key.Key_Right:
            target = c + timedelta(days=1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            month = c.month + (-1 if key == Qt.Key.Key_Up else 1)
            year = c.year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            target = date(year, month, min(c.day, calendar.monthrange(year, month)[1]))
        elif key == Qt.Key.Key_Home:
            target = c.replace(day=1)
        elif key == Qt.Key.Key_End:
            target = c.replace(day=last)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            year = c.year + (-1 if key == Qt.Key.Key_PageUp else 1)
            target = date(year, c.month, min(c.day, calendar.monthrange(year, c.month)[1]))
        if target is None or not date.min.year < target.year < date.max.year:
            super().keyPressEvent(event)
            return
        self.move_cursor(target)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show the keyboard's day when the grid gets focus."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hide the focus mark."""
        super().focusOutEvent(event)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Name the hovered day in the line below the grid."""
        day = self.day_at(event.position().toPoint())
        if day != self._hovered:
            self._hovered = day
            self.update()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click puts the keyboard on that day."""
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.move_cursor(day)
        super().mousePressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        """The pointer left: back to the keyboard's day (or nothing)."""
        self._hovered = None
        self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        """Show the date and value of the hovered square."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(day), self)
            return True
        return super().event(event)
