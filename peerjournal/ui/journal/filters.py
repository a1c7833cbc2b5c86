"""Filters above the entry list: search field, tag choice and a calendar of days."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.ui.journal.dates import short_day
from peerjournal.ui.kit.focus import screen_room
from peerjournal.ui.kit.worker import DbWorker

SEARCH_DEBOUNCE_MS = 250


#: Screen room (logical pixels, less the title bar) below which the calendar lies over the
#: list: the window holds a menu, a tool bar, a status bar, the filters, six weeks and
#: some rows of the list only from about this height on.
FLOAT_CALENDAR_BELOW = 600


def as_search_query(text: str) -> str:
    """Turn typed text into an FTS query: the last word matches as a prefix while typing."""
    text = text.strip()
    if text and (text[-1].isalnum()) and '"' not in text:
        return text + "*"
    return text


class JournalFilters(QWidget):
    """Search-as-you-type (debounced), a tag filter and a date filter via a calendar."""

    changed = Signal()  # the filters or the search text changed (already debounced)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search your journal  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._debounce.start())

        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.tag.addItem(self.tr("All tags"), None)
        self.tag.activated.connect(lambda _index: self.changed.emit())
        self.date_button = QToolButton()
        self.date_button.setText(self.tr("Any day"))
        self.date_button.setCheckable(True)
        self.date_button.setAccessibleName(self.tr("Filter by day"))
        self.date_button.toggled.connect(self._toggle_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName(self.tr("Calendar"))
        self.calendar.setMaximumDate(QDate.currentDate())
        self.calendar.hide()
        self.calendar.clicked.connect(self._day_clicked)
        self.calendar.currentPageChanged.connect(self._month_shown)
        self._day: date | None = None
        self._calendar_height = 0
        self._bold: list[QDate] = []

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tag, 1)
        row.addWidget(self.date_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addLayout(row)
        box.addWidget(self.calendar)
        self._box = box

    # -- state ----------------------------------------------------------------------------
    @property
    def search_text(self) -> str:
        """The FTS query for the typed text ('' when not searching)."""
        return as_search_query(self.search.text())

    @property
    def tag_filter(self) -> str | None:
        """The chosen tag, or None."""
        value = self.tag.currentData()
        return value if isinstance(value, str) else None

    @property
    def day_filter(self) -> date | None:
        """The chosen day, or None."""
        return self._day

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        """Offer these (tag, count) pairs, keeping the current choice if it still exists."""
        current = self.tag_filter
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for name, number in tags:
            self.tag.addItem(f"#{name}  ({number})", name)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))

    def refresh_calendar(self) -> None:
        """Reload the bold days of the month shown."""
        self._month_shown(self.calendar.yearShown(), self.calendar.monthShown())

    def clear(self) -> None:
        """Reset every filter and forget tags and marked days (the vault is locking)."""
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.setText("")
        self.search.blockSignals(False)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        self._day = None
        self.date_button.setText(self.tr("Any day"))
        self.date_button.setChecked(False)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # drops every format
        self._bold = []

    # -- internals ------------------------------------------------------------------------
    def _toggle_calendar(self, on: bool) -> None:
        if on:
            # six weeks plus the headers, in the current font: the list below takes the
            # rest (the calendar's own size hint comes out a row short under style sheets)
            line = self.calendar.fontMetrics().height()
            self._calendar_height = int(line * 1.45 * 7) + line * 2 + 16
            self.calendar.setMinimumHeight(self._calendar_height)
            self._float_calendar(screen_room(self).height() < FLOAT_CALENDAR_BELOW)
        self.calendar.setVisible(on)
        if on and self.floating:
            self._place_floating()
            self.calendar.raise_()
        if on:
            self.refresh_calendar()
        elif self._day is not None:
            self._day = None
            self.date_button.setText(self.tr("Any day"))
            self.changed.emit()

    @property
    def floating(self) -> bool:
        """Whether the calendar lies over the list instead of above it (a short screen)."""
        return self.calendar.parentWidget() is not self

    def _float_calendar(self, floating: bool) -> None:
        """On a short screen (1280×720 at 150 % leaves 432 pixels) the calendar above the
        list made the window taller than the screen: it lies over the top of the list."""
        panel = self.parentWidget()
        if floating == self.floating or panel is None:
            return
        if floating:
            self._box.removeWidget(self.calendar)
            self.calendar.setParent(panel)
            self.calendar.setAutoFillBackground(True)
            panel.installEventFilter(self)
        else:
            panel.removeEventFilter(self)
            self.calendar.setParent(self)
            self._box.addWidget(self.calendar)
        QWidget.setTabOrder(self.date_button, self.calendar)  # right after its button

    def _place_floating(self) -> None:
        panel = self.parentWidget()
        if panel is None:
            return
        top = self.geometry().bottom() + 4
        height = min(self._calendar_height, panel.height() - top)
        self.calendar.setMinimumHeight(0)  # the rows close up a little where room is short
        self.calendar.setGeometry(self.x(), top, self.width(), height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The floating calendar follows the panel it lies in."""
        if self.floating and event.type() == QEvent.Type.Resize and self.calendar.isVisible():
            self._place_floating()
        return False

    def _day_clicked(self, qdate: QDate) -> None:
        picked = date(qdate.year(), qdate.month(), qdate.day())
        self._day = None if self._day == picked else picked
        self.date_button.setText(short_day(picked) if self._day else self.tr("Any day"))
        self.changed.emit()

    def _month_shown(self, year: int, month: int) -> None:
        def shown(days: Any) -> None:
            if (self.calendar.yearShown(), self.calendar.monthShown()) != (year, month):
                return
            self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            bold.setForeground(self.palette().link())
            self._bold = [QDate(d.year, d.month, d.day) for d in sorted(days)]
            for qdate in self._bold:
                self.calendar.setDateTextFormat(qdate, bold)

        self._worker.submit(lambda s: s.journal.days_with_entries(year, month), shown)

    @property
    def bold_days(self) -> list[QDate]:
        """Days marked bold in the calendar (they have entries)."""
        return list(self._bold)
