"""Year in pixels: one small square per day, coloured by that day's mean mood.

Months are rows and days of the month are columns (12 × 31), which reads like a calendar
and keeps every date easy to find. Days without a check-in stay a neutral colour; days
that do not exist (30 February) are not drawn. Hovering a square shows the date and value.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from peerjournal.domain.models import DEFAULT_MOOD_LABELS
from peerjournal.ui.kit.mood_labels import display_labels
from peerjournal.ui.kit.theme import empty_pixel_colour, mood_colour, muted_text_colour

CELL = 16
GAP = 3
LEFT = 44  # room for the month names
TOP = 20  # room for the day numbers


class YearPixels(QWidget):
    """A painted 12 × 31 grid of one year's daily mean mood."""

    year_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Year in pixels"))
        self.setMouseTracking(True)
        self._year = date.today().year
        self._values: dict[date, float] = {}
        self._labels: dict[int, str] = dict(DEFAULT_MOOD_LABELS)

    # -- data -------------------------------------------------------------------------
    @property
    def year(self) -> int:
        """The year shown."""
        return self._year

    def set_year(self, year: int) -> None:
        """Show another year."""
        if year != self._year:
            self._year = year
            self.update()
            self.year_changed.emit(year)

    def set_values(self, values: Mapping[date, float]) -> None:
        """Day -> mean level for any number of years; only the shown year is painted."""
        self._values = dict(values)
        self.update()

    def set_labels(self, labels: Mapping[int, str]) -> None:
        """The user's mood labels, used in the tooltips."""
        self._labels = display_labels(labels)

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
        return QSize(LEFT + 31 * (CELL + GAP), TOP + 12 * (CELL + GAP))

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
                if d == today:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(pal.color(QPalette.ColorRole.Highlight))
                    painter.drawRoundedRect(
                        QRectF(self.cell_rect(month, day)).adjusted(-1, -1, 1, 1), 4, 4
                    )
                    painter.setPen(Qt.PenStyle.NoPen)
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
