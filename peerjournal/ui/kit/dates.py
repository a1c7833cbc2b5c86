"""Short date patterns in the order and script of the UI language.

Qt's named formats (long, short) already follow the locale, but the app also needs shorter
texts with the day and month name ("Tue 3 Nov", "3 Dec"), which Qt has no name for. A fixed
pattern such as ``"ddd d MMM"`` reads wrongly in East Asian languages ("水 2 12月"), which
write year, month and day in that order with their own counters ("12月2日(水)").
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

_EAST_ASIAN = (QLocale.Language.Japanese, QLocale.Language.Chinese)


def day_month_format(locale: QLocale, *, weekday: bool = False, year: bool = False) -> str:
    """A QDate pattern for day and month (optionally weekday and year) in ``locale``."""
    if locale.language() in _EAST_ASIAN:
        pattern = ("yyyy年" if year else "") + "M月d日"
        return pattern + ("(ddd)" if weekday else "")
    if locale.language() == QLocale.Language.Korean:
        pattern = ("yyyy년 " if year else "") + "M월 d일"
        return pattern + (" (ddd)" if weekday else "")
    order = locale.dateFormat(QLocale.FormatType.ShortFormat)
    month_first = order.find("M") < order.find("d")
    # languages that write the day as an ordinal with a dot ("2. Dez." in German) say so in
    # their short format ("dd.MM.yy"); they also put a comma after the weekday
    ordinal = not month_first and "d." in order
    pattern = "MMM d" if month_first else ("d. MMM" if ordinal else "d MMM")
    if year:
        pattern += ", yyyy" if month_first else " yyyy"
    if not weekday:
        return pattern
    return ("ddd, " if ordinal else "ddd ") + pattern


def date_time_joiner(locale: QLocale) -> str:
    """What stands between a date and a time: ", " in most languages, a space in CJK."""
    return " " if locale.language() in (*_EAST_ASIAN, QLocale.Language.Korean) else ", "
