"""QtCharts views of the mood insights: the daily line and the weekday profile.

Both take plain data (objects shaped like ``DailyPoint`` / ``WeekdayPoint``) so they can be
built and tested without a vault. They are styled quietly: no chart background, soft grid
lines, readable axis labels in the palette's colours, no animation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QMargins,
    QPointF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from peerjournal.ui.kit.dates import day_month_format
from peerjournal.ui.kit.mood_labels import display_labels
from peerjournal.ui.kit.theme import mood_colour, muted_text_colour


class DailyLike(Protocol):
    """What the daily chart reads from a point (``peerjournal.domain.stats.DailyPoint``)."""

    day: date
    mean: float
    moving_average: float | None


class WeekdayLike(Protocol):
    """What the weekday chart reads (``peerjournal.domain.stats.WeekdayPoint``)."""

    weekday: int
    mean: float | None
    count: int


def _english_plural(text: str, count: int) -> str:
    # Without a catalogue the English source keeps its "(s)"; resolve it from the count.
    return text.replace("(s)", "" if count == 1 else "s")


def day_x(day: date) -> float:
    """Where a day sits on the daily chart's time axis: its day number, a whole value.

    Ticks are whole days too, so a point and its day's tick share one x: no point is ever
    drawn between two days, whatever the time zone or daylight saving.
    """
    return float(day.toordinal())


def x_day(x: float) -> date:
    """The day at a position of the time axis (the nearest whole day)."""
    return date.fromordinal(round(x))


#: Tick steps in the order they are tried: days, weeks, two weeks, months, quarters, years.
TICK_STEPS = ("day", "week", "2weeks", "month", "quarter", "halfyear", "year")


def _month_start(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _ticks(first: date, last: date, step: str) -> list[date]:
    if step in ("day", "week", "2weeks"):
        every = {"day": 1, "week": 7, "2weeks": 14}[step]
        start = first if step == "day" else first + timedelta(days=(7 - first.weekday()) % 7)
        if step == "2weeks":
            # every other Monday, counted from a fixed Monday so ticks do not shift around
            start += timedelta(days=7 * ((start - date(2001, 1, 1)).days // 7 % 2))
        return [start + timedelta(days=n) for n in range(0, (last - start).days + 1, every)]
    months = {"month": 1, "quarter": 3, "halfyear": 6, "year": 12}[step]
    tick = _month_start(first, 0 if first.day == 1 else 1)
    while (tick.month - 1) % months:
        tick = _month_start(tick, 1)
    out = []
    while tick <= last:
        out.append(tick)
        tick = _month_start(tick, months)
    return out


def time_ticks(first: date, last: date, max_ticks: int = 8) -> tuple[str, list[date]]:
    """Tick days for a range: the finest whole step (days, Mondays, months …) that fits.

    Returns the step's name and the days (each within ``first``–``last``).
    """
    max_ticks = max(2, max_ticks)
    for step in TICK_STEPS:
        ticks = _ticks(first, last, step)
        if len(ticks) <= max_ticks and (ticks or step == TICK_STEPS[-1]):
            return step, ticks
    return TICK_STEPS[-1], _ticks(first, last, TICK_STEPS[-1])


def tick_label(day: date, step: str, locale: QLocale, *, with_year: bool) -> str:
    """A tick's text in the locale: '3 Dec' for days and weeks, 'Dec' for months, '2026'."""
    qdate = QDate(day.year, day.month, day.day)
    if step == "year":
        return locale.toString(qdate, "yyyy")
    if step in ("month", "quarter", "halfyear"):
        if with_year and (day.month == 1 or step != "month"):
            return locale.toString(qdate, "MMM yyyy")
        return locale.toString(qdate, "MMM")
    return locale.toString(qdate, _day_month_format(locale, with_year=with_year))


def _day_month_format(locale: QLocale, *, with_year: bool) -> str:
    """The locale's short day-and-month order ("d MMM", "MMM d", "M月d日")."""
    if locale.language() in (QLocale.Language.Japanese, QLocale.Language.Chinese):
        return day_month_format(locale, year=with_year)
    return day_month_format(locale) + (" yy" if with_year else "")


class _QuietChartView(QChartView):
    """A chart view with the house styling, re-applied when the palette changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)
        chart.setPlotAreaBackgroundVisible(False)
        chart.setMargins(QMargins(4, 4, 24, 4))  # room for the last date label
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setStyleSheet("background: transparent")
        self.setMinimumHeight(220)

    def changeEvent(self, event: QEvent) -> None:
        """Restyle axes when the theme (palette) changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_axes()

    def _style_axes(self) -> None:
        chart = self.chart()
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = muted_text_colour(pal)
        grid = QColor(muted)
        grid.setAlpha(50)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        for axis in chart.axes():
            axis.setLabelsColor(muted)
            axis.setLabelsFont(font)
            axis.setGridLinePen(QPen(grid, 1))
            axis.setLinePen(QPen(grid, 1))
            axis.setShadesVisible(False)
            axis.setMinorGridLineVisible(False)
        chart.legend().setLabelColor(text)
        chart.legend().setFont(font)


class DailyMoodChart(_QuietChartView):
    """Daily mean mood as points with the 7-day moving average as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Daily mood chart"))
        chart = self.chart()
        self.points = QScatterSeries()
        self.points.setName(self.tr("Daily average"))
        self.points.setMarkerSize(8)
        self.points.setBorderColor(Qt.GlobalColor.transparent)
        self.points.hovered.connect(self._point_hovered)
        self.average = QLineSeries()
        self.average.setName(self.tr("7-day average"))
        chart.addSeries(self.points)
        # The dots take the colour of their level, so the legend explains the levels: one
        # empty series per level, coloured from the same scale as the dots (_colour_series).
        self.level_keys: dict[int, QScatterSeries] = {}
        for level in range(1, 6):
            key = QScatterSeries()
            key.setMarkerSize(8)
            key.setBorderColor(Qt.GlobalColor.transparent)
            chart.addSeries(key)
            self.level_keys[level] = key
        chart.addSeries(self.average)
        for marker in chart.legend().markers(self.points):
            marker.setVisible(False)
        # The time axis has labelled ticks on whole days, Mondays or months (time_ticks).
        # A fresh axis is made for each new range instead of renaming the categories of a
        # shown one, which crashed QtCharts 6.12 during the next layout.
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
        self.x_axis = QCategoryAxis()
        self.y_axis = QCategoryAxis()
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis.setRange(0.7, 5.3)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.points, self.average):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.tick_step = "day"
        self.tick_days: list[date] = []
        self.shown_range: tuple[date, date] = (date.today(), date.today())
        self._ticks_for: tuple[date, date, int] | None = None
        self.set_labels(display_labels({}))
        self.set_points([])
        self._style_axes()

    def set_labels(self, labels: Mapping[int, str]) -> None:
        """Show the user's mood labels on the y axis (1 at the bottom, 5 at the top)."""
        wanted: list[str] = []
        for level in range(1, 6):
            # Category labels must be unique; a user may give two levels the same word.
            text = labels.get(level, str(level)) or str(level)
            while text in wanted:
                text += " "
            wanted.append(text)
        for level, text in enumerate(wanted, start=1):
            self.level_keys[level].setName(text.rstrip())
        current = self.y_axis.categoriesLabels()
        if not current:
            self.y_axis.setStartValue(0.7)
            for level, text in enumerate(wanted, start=1):
                self.y_axis.append(text, level)
            return
        if current == wanted:
            return
        # Rename in place (never remove categories of a shown axis, see x_axis); go through
        # placeholder names first so a swap of two labels never collides.
        for i, old in enumerate(current):
            self.y_axis.replaceLabel(old, f"\x00{i}")
        for i, text in enumerate(wanted):
            self.y_axis.replaceLabel(f"\x00{i}", text)

    def set_points(self, points: Sequence[DailyLike]) -> None:
        """Replace the plotted days (the axis spans them, a week at the least)."""
        ordered = sorted(points, key=lambda p: p.day)
        self.points.clear()
        self.average.clear()
        for p in ordered:
            self.points.append(day_x(p.day), float(p.mean))
            if p.moving_average is not None:
                self.average.append(day_x(p.day), float(p.moving_average))
        if ordered:
            first, last = ordered[0].day, ordered[-1].day
        else:
            first = last = date.today()
        if (last - first).days < 6:
            # Very short spans would give a zoomed-in axis with a handful of days.
            first = last - timedelta(days=6)
        self.shown_range = (first, last)
        self._date_ticks()
        self._colour_series()

    def max_ticks(self) -> int:
        """How many date labels fit side by side at the chart's width."""
        return max(3, min(10, self.width() // 90))

    def _date_ticks(self) -> None:
        first, last = self.shown_range
        wanted = (first, last, self.max_ticks())
        if wanted == self._ticks_for:
            return
        self._ticks_for = wanted
        self.tick_step, self.tick_days = time_ticks(first, last, wanted[2])
        locale = QLocale()
        self.chart().setLocale(locale)
        with_year = first.year != last.year or first.year != date.today().year
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis.setStartValue(day_x(first) - 0.5)
        used: set[str] = set()
        for day in self.tick_days:
            text = tick_label(day, self.tick_step, locale, with_year=with_year)
            while text in used:  # category labels must be unique
                text += " "
            used.add(text)
            axis.append(text, day_x(day))
        axis.setRange(day_x(first) - 0.5, day_x(last) + 0.5)
        chart = self.chart()
        for series in (self.points, self.average):
            series.detachAxis(self.x_axis)
        chart.removeAxis(self.x_axis)
        self.x_axis.deleteLater()
        self.x_axis = axis
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        for series in (self.points, self.average):
            series.attachAxis(axis)
        self._style_axes()

    def tick_labels(self) -> list[str]:
        """The texts under the time axis, left to right."""
        return [label.rstrip() for label in self.x_axis.categoriesLabels()]

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fewer date labels when narrow, more when wide."""
        super().resizeEvent(event)
        if hasattr(self, "shown_range"):
            self._date_ticks()

    def tooltip_text(self, x: float, y: float) -> str:
        """What hovering a day's dot says: its date and mean level."""
        day = x_day(x)
        when = QDate(day.year, day.month, day.day)
        return (
            self.tr("%1: average %2")
            .replace("%1", QLocale().toString(when, QLocale.FormatType.LongFormat))
            .replace("%2", QLocale().toString(float(y), "f", 1))
        )

    def _point_hovered(self, point: QPointF, state: bool) -> None:
        if state:
            QToolTip.showText(QCursor.pos(), self.tooltip_text(point.x(), point.y()), self)
        else:
            QToolTip.hideText()

    def _colour_series(self) -> None:
        line = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5)
        line.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.average.setPen(line)
        # Each day's dot takes its own colour from the calm mood scale, and the legend's level
        # keys from the very same scale. It is the application's palette: this view's own is
        # see-through (background: transparent), so it would always read as dark.
        pal = QGuiApplication.palette()
        self.points.setBrush(QBrush(mood_colour(3.0, pal)))
        colour_key = QXYSeries.PointConfiguration.Color
        for i in range(self.points.count()):
            colour = mood_colour(self.points.at(i).y(), pal)
            self.points.setPointConfiguration(i, {colour_key: colour})
        for level, key in self.level_keys.items():
            key.setColor(mood_colour(level, pal))

    def dot_colour(self, index: int) -> QColor:
        """The colour the index-th plotted day's dot is drawn in."""
        config = self.points.pointConfiguration(index)
        return QColor(config.get(QXYSeries.PointConfiguration.Color, self.points.color()))

    def legend_swatches(self) -> dict[int, QColor]:
        """The colour of each level's key in the chart's legend, as the legend draws it."""
        legend = self.chart().legend()
        return {
            level: QColor(legend.markers(key)[0].brush().color())
            for level, key in self.level_keys.items()
        }

    def _style_axes(self) -> None:
        super()._style_axes()
        if hasattr(self, "average"):
            self._colour_series()


class WeekdayChart(_QuietChartView):
    """The average mood per weekday, Monday first, as soft bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Mood by weekday chart"))
        chart = self.chart()
        chart.legend().setVisible(False)
        self.bars = QBarSet(self.tr("Average"))
        self.series = QBarSeries()
        self.series.setBarWidth(0.55)
        self.series.append(self.bars)
        chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        locale = QLocale()
        self.x_axis.append([locale.dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)])
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 5)
        self.y_axis.setTickCount(6)
        self.y_axis.setLabelFormat("%d")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self._counts = [0] * 7
        self.bars.hovered.connect(self._bar_hovered)
        self.set_points([])
        self._style_axes()

    def set_points(self, points: Sequence[WeekdayLike]) -> None:
        """Replace the weekday means (missing weekdays show no bar)."""
        means = [0.0] * 7
        self._counts = [0] * 7
        for p in points:
            if 0 <= p.weekday < 7 and p.mean is not None:
                means[p.weekday] = float(p.mean)
                self._counts[p.weekday] = int(p.count)
        if self.bars.count():
            self.bars.remove(0, self.bars.count())
        self.bars.append(means)
        self._colour_bars()

    def values(self) -> list[float]:
        """The plotted means, Monday first (0 where there is no data)."""
        return [self.bars.at(i) for i in range(self.bars.count())]

    def tooltip_text(self, weekday: int) -> str:
        """What hovering a bar says: the weekday, its average and how many check-ins."""
        name = QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)
        count = self._counts[weekday]
        if not count:
            return self.tr("%1: no check-ins yet").replace("%1", name)
        text = self.tr("%1: average %2 from %Ln check-in(s)", "", count)
        return (
            _english_plural(text, count)
            .replace("%1", name)
            .replace("%2", QLocale().toString(self.bars.at(weekday), "f", 1))
        )

    def _bar_hovered(self, status: bool, index: int) -> None:
        if status and 0 <= index < 7:
            QToolTip.showText(QCursor.pos(), self.tooltip_text(index), self)
        else:
            QToolTip.hideText()

    def _colour_bars(self) -> None:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(190)
        self.bars.setColor(colour)
        self.bars.setBorderColor(Qt.GlobalColor.transparent)

    def _style_axes(self) -> None:
        super()._style_axes()
        if hasattr(self, "bars"):
            self._colour_bars()
