"""Locale-aware date texts for the journal screens (names follow the UI language)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from peerjournal.ui.kit.dates import date_time_joiner, day_month_format


def _qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone() if moment.tzinfo else moment
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def short_day(moment: datetime | date) -> str:
    """'Tue 3 Nov 2026' ('2026年11月3日(火)'), in the order and names of the current locale."""
    day = moment.astimezone().date() if isinstance(moment, datetime) and moment.tzinfo else moment
    if isinstance(day, datetime):
        day = day.date()
    locale = QLocale()
    pattern = day_month_format(locale, weekday=True, year=True)
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def long_moment(moment: datetime) -> str:
    """The locale's long date and time, e.g. 'Tuesday, 3 November 2026 20:10'."""
    locale = QLocale()
    qdt = _qdatetime(moment)
    return (
        f"{locale.toString(qdt.date(), QLocale.FormatType.LongFormat)}{date_time_joiner(locale)}"
        f"{locale.toString(qdt.time(), QLocale.FormatType.ShortFormat)}"
    )


def short_moment(moment: datetime) -> str:
    """'Tue 3 Nov, 20:10' in the current locale (mood choices)."""
    locale = QLocale()
    qdt = _qdatetime(moment)
    return (
        f"{locale.toString(qdt.date(), day_month_format(locale, weekday=True))}"
        f"{date_time_joiner(locale)}"
        f"{locale.toString(qdt.time(), QLocale.FormatType.ShortFormat)}"
    )
