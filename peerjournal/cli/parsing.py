"""Argument types for the command line: days, moments, mood levels, entry ids.

Dates given without a time zone mean the computer's local zone, placed by
:func:`peerjournal.domain.timestamps.resolve_local` (a time skipped by a clock change moves
forward, a repeated one means its first occurrence). A bare date for a moment
(``--date 2024-05-31``) means 09:00 local time that day, as jrnl does. Values echoed back in
an error are shortened, so a pasted megabyte does not flood the terminal.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta

from peerjournal.domain.timestamps import MAX_YEAR, MIN_YEAR, plausible, resolve_local
from peerjournal.errors import InvalidInput

DEFAULT_HOUR = 9
MAX_LIMIT = 10_000
_MAX_NUMBER_CHARS = 12


def shown(text: str, limit: int = 40) -> str:
    """``repr`` of a user's value, shortened for an error message."""
    value = repr(text)
    return value if len(value) <= limit else value[: limit - 2] + "…'"


class LocalMoment(datetime):
    """A parsed local time that remembers how far a clock change moved it forward."""

    moved_forward: timedelta | None = None


def parse_day(text: str) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday`` (the user's local calendar day)."""
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
            f"{shown(text)} is not a date; use YYYY-MM-DD, today or yesterday"
        ) from None


def _implausible(text: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(
        f"{shown(text)} is outside the years {MIN_YEAR} to {MAX_YEAR} that PeerJournal keeps"
    )


def parse_moment(text: str) -> datetime:
    """An ISO date or date-time; without an offset it is local time (see the module doc)."""
    value = text.strip()
    if value.lower() in {"now"}:
        return datetime.now().astimezone()
    try:
        if len(value) <= 10 and "T" not in value and ":" not in value:
            naive = datetime.combine(parse_day(value), time(DEFAULT_HOUR))
        else:
            naive = datetime.fromisoformat(value)
    except (ValueError, argparse.ArgumentTypeError):
        raise argparse.ArgumentTypeError(
            f"{shown(text)} is not a date or time; use e.g. 2024-05-31 or 2024-05-31T21:07"
        ) from None
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


def _whole_number(text: str) -> int | None:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > _MAX_NUMBER_CHARS:
        return None
    return int(value)


def parse_level(text: str) -> int:
    """A mood level 1 to 5."""
    level = _whole_number(text)
    if level is None or not 1 <= level <= 5:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a mood level; use 1 to 5")
    return level


def parse_limit(text: str) -> int:
    """A whole number from 1 to 10000 for ``--limit``."""
    value = _whole_number(text)
    if value is None or not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{shown(text)} is not a whole number from 1 to {MAX_LIMIT:,}"
        )
    return value


def parse_offset(text: str) -> int:
    """Zero or a positive whole number for ``--offset``."""
    value = _whole_number(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not zero or a positive whole number")
    return value


def parse_seconds(text: str) -> int:
    """Zero or a positive whole number of seconds (at most a day)."""
    value = _whole_number(text)
    if value is None or value > 86_400:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a number of seconds (0-86400)")
    return value
