"""Argument types for the command line: days, moments, mood levels, entry ids.

Dates given without a time zone mean the computer's local zone. A bare date for a moment
(``--date 2024-05-31``) means 09:00 local time that day, as jrnl does.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta

DEFAULT_HOUR = 9


def parse_day(text: str) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday``."""
    value = text.strip().lower()
    today = datetime.now().astimezone().date()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; use YYYY-MM-DD, today or yesterday"
        ) from None


def parse_moment(text: str) -> datetime:
    """An ISO date or date-time; without an offset it is local time."""
    value = text.strip()
    if value.lower() in {"now"}:
        return datetime.now().astimezone()
    try:
        if len(value) <= 10 and "T" not in value and ":" not in value:
            day = parse_day(value)
            return datetime.combine(day, time(DEFAULT_HOUR)).astimezone()
        moment = datetime.fromisoformat(value)
    except (ValueError, argparse.ArgumentTypeError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date or time; use e.g. 2024-05-31 or 2024-05-31T21:07"
        ) from None
    if moment.tzinfo is None:
        try:
            moment = moment.astimezone()
        except (OverflowError, OSError, ValueError):
            raise argparse.ArgumentTypeError(f"{text!r} cannot be placed in local time") from None
    return moment


def parse_level(text: str) -> int:
    """A mood level 1 to 5."""
    try:
        level = int(text)
    except ValueError:
        level = 0
    if not 1 <= level <= 5:
        raise argparse.ArgumentTypeError(f"{text!r} is not a mood level; use 1 to 5")
    return level


def parse_limit(text: str) -> int:
    """A positive whole number for ``--limit``."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def parse_offset(text: str) -> int:
    """Zero or a positive whole number for ``--offset``."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not zero or a positive whole number")
    return value
