"""The mood page: daily line, weekday profile, year in pixels and insights in plain words.

Everything loads through the database worker (``refresh`` never blocks); a first-time
user sees a gentle invitation to check in instead of empty charts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.domain.models import DEFAULT_MOOD_LABELS
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.icons import icon
from peerjournal.ui.kit.mood_labels import display_labels
from peerjournal.ui.kit.theme import is_dark, mood_colour
from peerjournal.ui.kit.worker import DbWorker, weak
from peerjournal.ui.mood.charts import DailyMoodChart, WeekdayChart
from peerjournal.ui.mood.history import HistoryView
from peerjournal.ui.mood.insights import InsightsView
from peerjournal.ui.mood.year_pixels import YearPixels

# Days back for each entry of the period selector (None = everything).
PERIOD_DAYS: tuple[int | None, ...] = (30, 90, 365, None)
EMPTY_CARD_WIDTH = 480


class Card(QFrame):
    """A softly rounded panel with a title, used to group each view."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 14, 18, 16)
        self.body.setSpacing(10)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.body.addWidget(self.title)

    def paintEvent(self, event: QPaintEvent) -> None:
        """A rounded, palette-coloured background with a hairline border."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        border = pal.color(QPalette.ColorRole.Mid)
        border.setAlpha(60 if is_dark(pal) else 45)
        painter.setPen(border)
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 12, 12)
        painter.end()


class MoodPage(QWidget):
    """Charts and insights of the mood log, refreshed through the worker."""

    checkin_requested = Signal()
    refreshed = Signal()  # new data is on screen (tests wait for it)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.setObjectName("moodPage")
        self._daily_all: list[Any] = []
        self.edit_dialog: Any = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.empty_state = self._build_empty_state()
        self.stack.addWidget(self.empty_state)
        self.content = self._build_content()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        self.stack.addWidget(scroll)
        self._scroll = scroll

    # -- building ---------------------------------------------------------------------
    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(2)
        card = Card(self.tr("Your mood, over time"))
        card.setFixedWidth(EMPTY_CARD_WIDTH)
        font = card.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        card.title.setFont(font)
        card.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark = QLabel()
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark.setPixmap(icon("mood").pixmap(48, 48))
        card.body.insertWidget(0, mark)
        text = QLabel(
            self.tr(
                "There are no check-ins yet. Whenever you like, take a few seconds to note "
                "how you feel — patterns will appear here as your days add up."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed text width lets the wrapped label report its real height to the layout.
        inner = EMPTY_CARD_WIDTH - 36
        text.setFixedWidth(inner)
        text.setMinimumHeight(text.heightForWidth(inner))
        card.body.addWidget(text)
        card.body.addSpacing(8)
        self.empty_button = QPushButton(self.tr("Make a first check-in"))
        self.empty_button.setDefault(True)
        self.empty_button.clicked.connect(self.checkin_requested)
        card.body.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        return page

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(14)

        header = QHBoxLayout()
        heading = QLabel(self.tr("Mood"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        header.addWidget(heading)
        header.addStretch(1)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        # Literal tr() calls so lupdate finds each text; order matches PERIOD_DAYS.
        for text in (
            self.tr("Last 30 days"),
            self.tr("Last 3 months"),
            self.tr("Last year"),
            self.tr("All time"),
        ):
            self.period.addItem(text)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(self.refresh)
        header.addWidget(self.period)
        self.checkin_button = QPushButton(self.tr("Check in"))
        self.checkin_button.setToolTip(self.tr("Note how you feel right now"))
        self.checkin_button.clicked.connect(self.checkin_requested)
        header.addWidget(self.checkin_button)
        layout.addLayout(header)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        self.message.hide()
        layout.addWidget(self.message)
        self.notice = QLabel()
        self.notice.setObjectName("hint")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        layout.addWidget(self.notice)

        daily_card = Card(self.tr("Your days"))
        self.range_label = QLabel()
        self.range_label.setObjectName("hint")
        self.range_label.setWordWrap(True)
        self.range_label.setAccessibleName(self.tr("Days shown"))
        daily_card.body.addWidget(self.range_label)
        self.daily_chart = DailyMoodChart()
        self.daily_chart.setFixedHeight(260)
        daily_card.body.addWidget(self.daily_chart)
        layout.addWidget(daily_card)

        history_card = Card(self.tr("Your check-ins"))
        self.history = HistoryView(self._worker)
        self.history.changed.connect(self._refresh_charts)
        self.history.edit_requested.connect(self.edit_checkin)
        self.history.message.connect(self._show_message)
        history_card.body.addWidget(self.history)

        weekday_card = Card(self.tr("By weekday"))
        self.weekday_chart = WeekdayChart()
        self.weekday_chart.setFixedHeight(220)
        weekday_card.body.addWidget(self.weekday_chart)
        insights_card = Card(self.tr("What stands out"))
        self.insights_view = InsightsView()
        insights_card.body.addWidget(self.insights_view)
        # One card per row: wrapped insight sentences and weekday names need the width,
        # and the year-in-pixels grid has a fixed width of its own.
        layout.addWidget(insights_card)
        layout.addWidget(weekday_card)

        pixels_card = Card(self.tr("Year in pixels"))
        nav = QHBoxLayout()
        self.prev_year = QToolButton()
        self.prev_year.setText("‹")
        self.prev_year.setAccessibleName(self.tr("Previous year"))
        self.next_year = QToolButton()
        self.next_year.setText("›")
        self.next_year.setAccessibleName(self.tr("Next year"))
        self.year_label = QLabel()
        self.year_label.setMinimumWidth(48)
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.prev_year)
        nav.addWidget(self.year_label)
        nav.addWidget(self.next_year)
        nav.addStretch(1)
        # Move the title into the navigation row; it keeps its parent (the card), so Qt
        # alone owns it (setParent(None) would hand it to Python and risk a double free).
        pixels_card.body.removeWidget(pixels_card.title)
        nav.insertWidget(0, pixels_card.title)
        nav.insertSpacing(1, 12)
        pixels_card.body.addLayout(nav)
        self.pixels = YearPixels()
        pixels_card.body.addWidget(self.pixels, 0, Qt.AlignmentFlag.AlignLeft)
        self.legend = QHBoxLayout()
        self.legend.setSpacing(14)
        self._legend_labels: list[QLabel] = []
        for _level in range(5):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            self._legend_labels.append(label)
            self.legend.addWidget(label)
        self.legend.addStretch(1)
        pixels_card.body.addLayout(self.legend)
        self._set_legend(display_labels({}))
        # Bound methods, not lambdas: PySide6 6.12 corrupts memory when a page whose
        # children hold lambda connections capturing it is destroyed.
        self.prev_year.clicked.connect(self._previous_year)
        self.next_year.clicked.connect(self._next_year)
        self.pixels.year_changed.connect(self._show_year)
        self.pixels.palette_changed.connect(self._recolour_legend)
        self._show_year(self.pixels.year)
        layout.addWidget(pixels_card)
        layout.addWidget(history_card)
        layout.addStretch(1)
        return content

    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: charts and history can be read; nothing new is written."""
        self.checkin_button.setEnabled(not read_only)
        self.empty_button.setEnabled(not read_only)
        self.history.set_read_only(read_only)

    # -- loading ----------------------------------------------------------------------
    def period_days(self) -> int | None:
        """Days back the charts cover (None = all time)."""
        return PERIOD_DAYS[max(0, self.period.currentIndex())]

    def period_start(self) -> date | None:
        """The first day of the chosen period (None = all time)."""
        days = self.period_days()
        return date.today() - timedelta(days=days - 1) if days else None

    def refresh(self) -> None:
        """Reload the charts, insights and check-in history through the worker."""
        self.history.start(self.period_start())
        self._refresh_charts()

    def edit_checkin(self, log: Any) -> Any:
        """Open a check-in of the history for editing; the page follows when it is saved."""
        from peerjournal.ui.mood.checkin import CheckInDialog

        dialog = CheckInDialog(self._worker, self, log=log)
        dialog.saved.connect(self._checkin_edited)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.edit_dialog = dialog
        return dialog

    def _checkin_edited(self, _mood_id: str) -> None:
        self._show_message(self.tr("Check-in changed."))
        self.refresh()

    def _show_message(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _refresh_charts(self) -> None:
        """Reload the charts and insights (the history reloads itself)."""
        since = self.period_start()

        def job(session: Any) -> tuple[Any, Any, dict[int, str]]:
            mood = session.mood
            everything = mood.insights()
            period = mood.insights(since=since) if since is not None else everything
            return everything, period, mood.labels()

        self._worker.submit(
            job,
            weak(self._loaded),
            weak(self._failed),
            on_bug=weak(self._not_refreshed),
            key="mood-page",
        )

    def _loaded(self, result: tuple[Any, Any, dict[int, str]]) -> None:
        everything, period, labels = result
        self.message.hide()
        self._daily_all = list(everything.daily)
        if not self._daily_all:
            self.stack.setCurrentIndex(0)
            self.refreshed.emit()
            return
        self.stack.setCurrentIndex(1)
        labels = display_labels(labels)
        days = self.period_days()
        since = date.today() - timedelta(days=days - 1) if days else None
        # The line uses the all-time series so the first days of a period keep the moving
        # average of the days just before it.
        shown = [p for p in self._daily_all if since is None or p.day >= since]
        self.daily_chart.set_labels(labels)
        self.daily_chart.set_points(shown)
        self.range_label.setText(self.range_text(since, shown))
        self.weekday_chart.set_points(period.weekdays)
        self.insights_view.set_insights(period)
        self.pixels.set_labels(labels)
        self.pixels.set_values({p.day: p.mean for p in self._daily_all})
        self._set_legend(labels)
        self._show_year(self.pixels.year)
        self.refreshed.emit()

    def range_text(self, since: date | None, shown: list[Any]) -> str:
        """What the daily chart covers, in words, also when the data are shorter."""
        locale = QLocale()

        def day(d: date) -> str:
            return locale.toString(QDate(d.year, d.month, d.day), QLocale.FormatType.LongFormat)

        if not shown:
            return self.tr("No check-ins in this period yet.")
        first, last = self.daily_chart.shown_range
        text = self.tr("%1 – %2").replace("%1", day(first)).replace("%2", day(last))
        if since is not None and shown[0].day > since:
            text += " · " + self.tr("your check-ins in this period begin on %1").replace(
                "%1", day(shown[0].day)
            )
        return text

    def _failed(self, error: PeerJournalError) -> None:
        self.stack.setCurrentIndex(1)
        self.message.setText(error_text(error))
        self.message.show()
        self.refreshed.emit()

    def _not_refreshed(self) -> None:
        self.refreshed.emit()  # a bug: the page keeps what it showed; the bug dialog explains

    # -- year in pixels ---------------------------------------------------------------
    def _previous_year(self) -> None:
        self.pixels.set_year(self.pixels.year - 1)

    def _next_year(self) -> None:
        self.pixels.set_year(self.pixels.year + 1)

    def _show_year(self, year: int) -> None:
        self.year_label.setText(str(year))
        years = self.pixels.years()
        for button, usable in (
            (self.prev_year, year > years[0]),
            (self.next_year, year < years[-1]),
        ):
            if not usable and button.hasFocus():
                # Qt would hand the focus to the next widget, the other arrow, and the next
                # press would go back the way it came; the year's days are where it belongs
                self.pixels.setFocus(Qt.FocusReason.OtherFocusReason)
            button.setEnabled(usable)

    def _recolour_legend(self) -> None:
        """Recolour the pixels' legend once the pixels have their new palette.

        Not on the page's own palette change: Qt tells a parent before its children take the
        new palette, so the pixels' palette could still be the old theme's then.
        """
        self._set_legend(self._legend_names)

    def legend_swatches(self) -> dict[int, QColor]:
        """The colour of each level's square in the pixels' legend."""
        return dict(self._legend_colours)

    def _set_legend(self, labels: dict[int, str]) -> None:
        # The same source as the pixels (YearPixels paints mood_colour(level, palette)).
        self._legend_names = dict(labels)
        self._legend_colours: dict[int, QColor] = {}
        pal = self.pixels.palette()
        for level, label in zip(range(1, 6), self._legend_labels, strict=True):
            name = labels.get(level, DEFAULT_MOOD_LABELS[level])
            safe = name.replace("&", "&amp;").replace("<", "&lt;")
            colour = mood_colour(level, pal)
            self._legend_colours[level] = colour
            label.setText(f'<span style="color:{colour.name()}">■</span> {safe}')
