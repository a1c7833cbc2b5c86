"""Mood insights: pure functions over :class:`MoodLog` lists (no I/O, no clock).

Days are the local calendar days of each log (in ``tz`` when one is given, otherwise in
the offset the log was written with). A day's value is the mean level of its logs, so a
day with many check-ins does not outweigh a day with one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo

from peerjournal.domain.models import MoodLog

MOVING_WINDOW_DAYS = 7
#: A moving average needs at least this many days with logs inside its 7-day window.
MOVING_MIN_DAYS = 3
KINDS = ("activity", "emotion")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class DailyPoint:
    """One day with at least one log."""

    day: date
    mean: float
    count: int
    moving_average: float | None


@dataclass(frozen=True)
class WeekdayPoint:
    """Mean level of all logs on one weekday (0 = Monday)."""

    weekday: int
    mean: float | None
    count: int


@dataclass(frozen=True)
class Association:
    """Mean daily mood on days with vs without an activity or emotion."""

    name: str
    kind: str
    mean_with: float
    days_with: int
    mean_without: float | None
    days_without: int

    @property
    def difference(self) -> float | None:
        """``mean_with - mean_without`` (None when there are no days without)."""
        return None if self.mean_without is None else self.mean_with - self.mean_without


@dataclass(frozen=True)
class Insights:
    """Everything the insights screen shows."""

    daily: list[DailyPoint]
    weekdays: list[WeekdayPoint]
    pixels: dict[date, float]
    activities: list[Association]
    emotions: list[Association]
    days: int = 0
    mean: float | None = None
    year: int | None = field(default=None)

    def sentences(self, min_days: int = 3) -> list[str]:
        """Plain sentences with their counts; only comparisons with enough days each side.

        They describe what was logged; they do not say one thing causes another.
        """
        out: list[str] = []
        if self.days and self.mean is not None:
            unit = "day" if self.days == 1 else "days"
            out.append(
                f"Over {self.days} {unit} with check-ins your average mood was {self.mean:.1f}."
            )
        weekday = self._weekday_sentence(min_days)
        if weekday:
            out.append(weekday)
        comparable = [
            a
            for a in [*self.activities, *self.emotions]
            if a.days_with >= min_days and a.days_without >= min_days and a.mean_without is not None
        ]
        comparable.sort(key=lambda a: (-abs(a.difference or 0.0), a.kind, a.name.casefold()))
        for a in comparable:
            if a.kind == "emotion":
                out.append(
                    f"On {a.days_with} days when you noted feeling {a.name} your average mood was"
                    f" {a.mean_with:.1f}; on {a.days_without} other days, {a.mean_without:.1f}."
                )
            else:
                out.append(
                    f"On {a.days_with} days with {a.name} your average mood was"
                    f" {a.mean_with:.1f}; on {a.days_without} days without it,"
                    f" {a.mean_without:.1f}."
                )
        return out

    def _weekday_sentence(self, min_count: int) -> str | None:
        """Highest and lowest weekday, when both have at least ``min_count`` check-ins."""
        known = [p for p in self.weekdays if p.mean is not None and p.count >= min_count]
        if len(known) < 2:
            return None
        high = max(known, key=lambda p: (p.mean or 0.0, -p.weekday))
        low = min(known, key=lambda p: (p.mean or 0.0, p.weekday))
        if high.mean == low.mean or high.mean is None or low.mean is None:
            return None
        return (
            f"Your average mood was highest on {WEEKDAY_NAMES[high.weekday]}s"
            f" ({high.mean:.1f} over {_plural(high.count, 'check-in')}) and lowest on"
            f" {WEEKDAY_NAMES[low.weekday]}s ({low.mean:.1f} over"
            f" {_plural(low.count, 'check-in')})."
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _day(log: MoodLog, tz: tzinfo | None) -> date:
    return (log.at.astimezone(tz) if tz is not None else log.at).date()


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _by_day(logs: Iterable[MoodLog], tz: tzinfo | None) -> dict[date, list[MoodLog]]:
    days: dict[date, list[MoodLog]] = defaultdict(list)
    for log in logs:
        days[_day(log, tz)].append(log)
    return days


def daily_series(logs: Iterable[MoodLog], tz: tzinfo | None = None) -> list[DailyPoint]:
    """Per-day mean level, oldest first, with a trailing 7-calendar-day moving average.

    The moving average of a day is the mean of the daily means in that day and the six
    before it, given at least three of those seven days have logs; otherwise None.
    """
    days = _by_day(logs, tz)
    means = {day: _mean([log.level for log in items]) for day, items in days.items()}
    points: list[DailyPoint] = []
    for day in sorted(means):
        window = [
            means[d]
            for offset in range(MOVING_WINDOW_DAYS)
            if (d := day - timedelta(days=offset)) in means
        ]
        average = _mean(window) if len(window) >= MOVING_MIN_DAYS else None
        points.append(DailyPoint(day, means[day], len(days[day]), average))
    return points


def weekday_profile(logs: Iterable[MoodLog], tz: tzinfo | None = None) -> list[WeekdayPoint]:
    """Mean level per weekday (Monday first); ``mean`` is None for weekdays without logs."""
    levels: dict[int, list[int]] = defaultdict(list)
    for log in logs:
        levels[_day(log, tz).weekday()].append(log.level)
    return [
        WeekdayPoint(wd, _mean(levels[wd]) if levels[wd] else None, len(levels[wd]))
        for wd in range(7)
    ]


def year_in_pixels(
    logs: Iterable[MoodLog], year: int, tz: tzinfo | None = None
) -> dict[date, float]:
    """Day → mean level for every day of ``year`` that has logs."""
    return {
        day: _mean([log.level for log in items])
        for day, items in _by_day(logs, tz).items()
        if day.year == year
    }


def associations(logs: Iterable[MoodLog], kind: str, tz: tzinfo | None = None) -> list[Association]:
    """For each activity (``kind="activity"``) or emotion: mean daily mood with vs without.

    Sorted by how many days have the name (most first), then by name.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    days = _by_day(logs, tz)
    day_mean = {day: _mean([log.level for log in items]) for day, items in days.items()}
    names_by_day: dict[date, set[str]] = {}
    spelling: dict[str, str] = {}
    for day, items in days.items():
        names: set[str] = set()
        for log in items:
            for name in log.activities if kind == "activity" else log.emotions:
                fold = name.casefold()
                spelling.setdefault(fold, name)
                names.add(fold)
        names_by_day[day] = names
    result: list[Association] = []
    for fold, name in spelling.items():
        with_days = [day_mean[d] for d, names in names_by_day.items() if fold in names]
        without = [day_mean[d] for d, names in names_by_day.items() if fold not in names]
        result.append(
            Association(
                name=name,
                kind=kind,
                mean_with=_mean(with_days),
                days_with=len(with_days),
                mean_without=_mean(without) if without else None,
                days_without=len(without),
            )
        )
    result.sort(key=lambda a: (-a.days_with, a.name.casefold()))
    return result


def build_insights(
    logs: Sequence[MoodLog], tz: tzinfo | None = None, year: int | None = None
) -> Insights:
    """All insights for ``logs``; the pixels cover ``year`` (default: the newest log's year)."""
    daily = daily_series(logs, tz)
    if year is None:
        year = daily[-1].day.year if daily else None
    return Insights(
        daily=daily,
        weekdays=weekday_profile(logs, tz),
        pixels=year_in_pixels(logs, year, tz) if year is not None else {},
        activities=associations(logs, "activity", tz),
        emotions=associations(logs, "emotion", tz),
        days=len(daily),
        mean=_mean([p.mean for p in daily]) if daily else None,
        year=year,
    )
