"""Argument types for the command line: days, moments, mood levels, entry ids.

Parsing runs for every command, so this module imports only the standard library at
start; the domain's time rules are loaded when a date is actually parsed.

Dates given without a time zone mean the computer's local zone, placed by
:func:`peerjournal.domain.timestamps.resolve_local` (a time skipped by a clock change moves
forward, a repeated one means its first occurrence). A bare date for a moment
(``--date 2024-05-31``) means 09:00 local time that day, as jrnl does. Values echoed back in
an error are shortened, so a pasted megabyte does not flood the terminal.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date, datetime

DEFAULT_HOUR = 9
MAX_LIMIT = 10_000
_MAX_NUMBER_CHARS = 12


def shown(text: str, limit: int = 40) -> str:
    """``repr`` of a user's value, shortened for an error message."""
    value = repr(text)
    return value if len(value) <= limit else value[: limit - 2] + "…'"


def parse_day(text: str) -> date:
    """A local calendar day (``YYYY-MM-DD``, ``today``, ``yesterday``, ``last monday``…);
    see :mod:`peerjournal.cli.dates`, loaded only when a date is given."""
    from peerjournal.cli.dates import parse_day as parse

    return parse(text)


def parse_moment(text: str) -> datetime:
    """A moment (ISO, ``now`` or natural language; local time); see :mod:`.dates`."""
    from peerjournal.cli.dates import parse_moment as parse

    return parse(text)


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
