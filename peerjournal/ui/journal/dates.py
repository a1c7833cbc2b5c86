"""Locale-aware date texts for the journal screens (names follow the UI language)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def _qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone() if moment.tzinfo else moment
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def short_day(moment: datetime | date) -> str:
    """'Tue 3 Nov 2026', with day and month names in the current locale."""
    day = moment.astimezone().date() if isinstance(moment, datetime) and moment.tzinfo else moment
    if isinstance(day, datetime):
        day = day.date()
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def long_moment(moment: datetime) -> str:
    """The locale's long date and time, e.g. 'Tuesday, 3 November 2026 20:10'."""
    locale = QLocale()
    qdt = _qdatetime(moment)
    return (
        f"{locale.toString(qdt.date(), QLocale.FormatType.LongFormat)}, "
        f"{locale.toString(qdt.time(), QLocale.FormatType.ShortFormat)}"
    )


def short_moment(moment: datetime) -> str:
    """'Tue 3 Nov, 20:10' in the current locale (mood choices)."""
    locale = QLocale()
    qdt = _qdatetime(moment)
    return (
        f"{locale.toString(qdt.date(), 'ddd d MMM')}, "
        f"{locale.toString(qdt.time(), QLocale.FormatType.ShortFormat)}"
    )
