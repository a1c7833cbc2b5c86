"""Dates and times typed on the command line: ISO forms, and natural language like jrnl's.

``--date 2024-05-31T21:07``, ``--date "last monday 9pm"``, ``--since "3 weeks ago"``,
``add yesterday: …``, ``--date gestern`` or ``--date 昨天``: ISO dates and times, ``now``,
``today`` and ``yesterday`` are read here; anything else goes to ``dateparser`` (imported
only then: it costs about 50 ms to load and 80 ms for its first parse), in the language of
the user's locale (``LC_ALL``/``LC_TIME``/``LANG``) and English, preferring the past (a
journal looks back: ``monday`` is the last Monday).

As in jrnl, a date without a time of day means 09:00 (:data:`DEFAULT_HOUR`). Local times
go through :func:`peerjournal.domain.timestamps.resolve_local` — one that a clock change
skips moves forward, a repeated one means its first occurrence — and years outside what
PeerJournal keeps are refused, whichever way the date was written.

:func:`now` is the clock (tests replace it).
"""

from __future__ import annotations

import argparse
import os
import re
from datetime import date, datetime, time, timedelta

from peerjournal.cli.parsing import DEFAULT_HOUR, shown

#: Words that name a time of day or a span shorter than a day: a date written with one of
#: them keeps the time dateparser gives it (otherwise a bare day means 09:00).
_TIME_WORDS = re.compile(
    r"\d|noon|midnight|hour|minute|second|now|\bam\b|\bpm\b|uhr|stunde|minute|mittag|"
    r"heure|midi|minuit|hora|minuto|ora|uur|час|мин|点|時|分|시|분",
    re.IGNORECASE,
)


#: A date written year first (``2024-05-31``, ``2024/5/31``): always year, month, day.
_YEAR_FIRST = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def _plain_reading(value: str) -> date | bool:
    """What a date written in digits must mean, before dateparser guesses.

    False: not a date at all — a year-first date that does not exist (``2024-13-01``,
    which dateparser would read as 13 January), or a lone number such as ``5``, ``2024``
    or ``-1`` (dateparser makes some day of some month of it, or a Unix time). A date:
    the text starts with that year, month and day, and dateparser must agree with it.
    True: no rule applies.
    """
    year_first = _YEAR_FIRST.match(value)
    if year_first:
        try:
            return date(*(int(part) for part in year_first.groups()))
        except ValueError:
            return False
    digits_only = not any(ch.isalpha() for ch in value) and ":" not in value
    return not (digits_only and len(re.findall(r"\d+", value)) < 2)


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
#: Times of day that may follow a day ("may 31 9pm", "31. mai um 21 uhr"): left out
#: before looking at the day.
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*(?:[ap]\.?m\.?|uhr)\b|"
    r"\b(?:at|um)\b",
    re.IGNORECASE,
)
#: A day number as written after or before a month name: 5, 05, 5th, 5.
_DAY_NUMBER = re.compile(r"(\d{1,3})(?:st|nd|rd|th|\.)?", re.IGNORECASE)
#: The most days each month can have (29 February exists in leap years).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_of(word: str, languages: list[str]) -> int | None:
    """The month (1-12) a word names in one of ``languages`` (``may``, ``mai``, ``sept.``)."""
    from dateparser.languages.loader import default_loader

    word = word.lower().rstrip(".,")
    for language in languages:
        try:
            info = default_loader.get_locale(language).info
        except (KeyError, ValueError):
            continue
        for number, key in enumerate(_MONTH_KEYS, start=1):
            if word in (name.lower().rstrip(".") for name in info.get(key, ())):
                return number
    return None


def _month_and_day(value: str, languages: list[str]) -> tuple[int, str, int] | None:
    """``(month, number as written, day)`` when ``value`` names one month and holds one
    number of one to three digits (``may 32``, ``32. mai``, ``the 5th of may``, ``monday
    may 31``, a time of day aside): that number is a day, never a year.

    None otherwise: a four-digit number is a year (``may 2024``), a second number makes
    day, month and year (``3 may 32``), an apostrophe says year (``may '32``).
    """
    words = _TIME_OF_DAY.sub(" ", value).replace(",", " ").split()
    numbers = [w for w in words if any(ch.isdigit() for ch in w)]
    if len(numbers) != 1:
        return None
    day = _DAY_NUMBER.fullmatch(numbers[0])
    if day is None:
        return None
    months = {m for m in (_month_of(w, languages) for w in words if w[:1].isalpha()) if m}
    if len(months) != 1:
        return None
    return months.pop(), numbers[0], int(day.group(1))


def _impossible_day(reading: tuple[int, str, int] | None) -> bool:
    """Whether a month-and-day reading names a day the month never has (``may 32``;
    dateparser alone would read it as May 1932)."""
    if reading is None:
        return False
    month, _, day = reading
    return not 1 <= day <= _MONTH_DAYS[month - 1]


class LocalMoment(datetime):
    """A parsed local time that remembers how far a clock change moved it forward."""

    moved_forward: timedelta | None = None


def now() -> datetime:
    """The current local time (aware)."""
    return datetime.now().astimezone()


def _languages() -> list[str]:
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in {"C", "POSIX"} and not value.startswith("C."):
            code = value.split(".")[0].split("_")[0].split("-")[0].lower()
            if code and code != "en":
                return [code, "en"]
            break
    return ["en"]


def natural(text: str) -> datetime | None:
    """A naive local date-time for natural-language ``text``, or None if it is not one."""
    value = " ".join(text.split())
    if not value or len(value) > 100 or not any(ch.isalnum() for ch in value):
        return None
    written = _plain_reading(value)
    if written is False:
        return None
    import dateparser  # about 50 ms to load: only for text that is not an ISO date

    reading = _month_and_day(value, _languages())
    if _impossible_day(reading):
        return None
    base = now().replace(tzinfo=None)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    try:
        found = dateparser.parse(value, languages=_languages(), settings=settings)
    except ValueError:  # a locale dateparser does not know
        found = dateparser.parse(value, languages=["en"], settings=settings)
    except (OverflowError, OSError):
        return None
    if not isinstance(found, datetime):
        return None
    if isinstance(written, date) and found.date() != written:
        return None
    if found.tzinfo is not None:
        try:
            found = found.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):  # 9999-12-31T23:59-05:00 is past year 9999 here
            return None
    day_only = found.time() in (base.time(), time(0))
    # Digits say "a time" in "2 days ago", not in a date written in digits ("31/05/2024").
    digits_only = not any(ch.isalpha() for ch in value) and ":" not in value
    # ... nor a day number beside a month name or a year ("may 31", "may 2024" are days:
    # 09:00, as 2024-05-31 is)
    words = value if reading is None else value.replace(reading[1], " ", 1)
    words = re.sub(r"(?<!\d)\d{4}(?!\d)", " ", words)
    if day_only and (digits_only or not _TIME_WORDS.search(words)):
        found = datetime.combine(found.date(), time(DEFAULT_HOUR))
    return found


def parse_day(text: str) -> date:
    """A local calendar day: ``YYYY-MM-DD``, ``today``, ``yesterday`` or natural language."""
    value = text.strip().lower()
    today = now().date()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    found = natural(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"{shown(text)} is not a date; use YYYY-MM-DD, today, yesterday or words such as "
            "'last monday'"
        )
    return found.date()


def _implausible(text: str) -> argparse.ArgumentTypeError:
    from peerjournal.domain.timestamps import MAX_YEAR, MIN_YEAR

    return argparse.ArgumentTypeError(
        f"{shown(text)} is outside the years {MIN_YEAR} to {MAX_YEAR} that PeerJournal keeps"
    )


def _naive(text: str) -> datetime | None:
    value = text.strip()
    if value.lower() in {"today", "yesterday"}:
        return datetime.combine(parse_day(value), time(DEFAULT_HOUR))
    try:
        return datetime.combine(date.fromisoformat(value), time(DEFAULT_HOUR))
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return natural(value)


def parse_moment(text: str) -> datetime:
    """A moment: ``now``, an ISO date or date-time (without an offset: local time), or
    natural language (see the module doc)."""
    from peerjournal.domain.timestamps import plausible, resolve_local
    from peerjournal.errors import InvalidInput

    if text.strip().lower() == "now":
        return now()
    try:
        naive = _naive(text)
    except (ValueError, OverflowError):
        naive = None
    if naive is None:
        raise argparse.ArgumentTypeError(
            f"{shown(text)} is not a date or time; use e.g. 2024-05-31, 2024-05-31T21:07 "
            "or 'last monday 9pm'"
        )
    if naive.tzinfo is not None:
        if not plausible(naive):
            raise _implausible(text)
        return naive
    try:
        placed = resolve_local(naive)
    except InvalidInput:
        raise _implausible(text) from None
    moment = LocalMoment.fromtimestamp(placed.moment.timestamp(), placed.moment.tzinfo)
    moment.moved_forward = placed.moved_forward
    return moment


#: ``add yesterday: text`` — the words before the first ": " (at most this long) are a date
#: if they read as one.
MAX_DATE_PREFIX = 40


def split_date_prefix(text: str) -> tuple[datetime | None, str]:
    """``(moment, rest)`` when ``text`` starts with a date and ``": "``, else ``(None, text)``."""
    head, separator, rest = text.partition(": ")
    if not separator:
        head, separator, rest = text.partition(":\n")
    head = head.strip()
    if not separator or not head or len(head) > MAX_DATE_PREFIX or "\n" in head:
        return None, text
    try:
        return parse_moment(head), rest.lstrip()
    except argparse.ArgumentTypeError:
        return None, text
