"""Reading ``entries`` rows: the columns lists and searches select, and the filter clauses
(tag, local days, trash, star) they share.

SQL text here is composed only from fixed fragments (hence the S608 waivers); every
user-supplied value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from peerjournal.domain.models import EntrySummary, first_line, normalise_tags
from peerjournal.domain.timestamps import day_bounds_us

SUMMARY_COLUMNS = (
    "e.rid, e.id, e.created, e.updated, e.title, substr(e.body, 1, 400), e.tags, "
    "e.starred, m.level, e.deleted"
)
ENTRY_COLUMNS = "id, created, updated, title, body, tags, starred, mood_id, deleted"


def dt(text: str | None) -> datetime | None:
    """A stored ISO time, or None."""
    return None if text is None else datetime.fromisoformat(text)


def split_tags(text: str) -> tuple[str, ...]:
    """The stored newline-separated tags."""
    return tuple(t for t in text.split("\n") if t)


def summary_of(row: Sequence[Any]) -> EntrySummary:
    """An :class:`EntrySummary` from a row of :data:`SUMMARY_COLUMNS`."""
    return EntrySummary(
        id=row[1],
        created=datetime.fromisoformat(row[2]),
        updated=datetime.fromisoformat(row[3]),
        title=row[4],
        first_line=first_line(row[5]),
        tags=split_tags(row[6]),
        starred=bool(row[7]),
        mood_level=None if row[8] is None else int(row[8]),
        deleted=dt(row[9]),
    )


def tag_fold(tag: str) -> str:
    """The folded form a tag filter compares with (an unusable tag matches nothing)."""
    tags = normalise_tags([tag])
    return tags[0].casefold() if tags else ""


def filters(
    tag: str | None,
    since: date | None,
    until: date | None,
    trashed: bool,
    starred: bool | None,
) -> tuple[str, list[Any]]:
    """The WHERE clause over ``entries e`` for the list filters, and its arguments."""
    clauses = ["e.trashed = ?"]
    args: list[Any] = [int(bool(trashed))]
    if tag is not None:
        # "+": walk the (trashed, created_us) index and test membership, rather than
        # fetching every tagged row and sorting (60x slower for a popular tag).
        clauses.append(
            "+e.rid IN (SELECT et.rid FROM entry_tags et JOIN tags t ON t.tid = et.tid"
            " WHERE t.fold = ?)"
        )
        args.append(tag_fold(tag))
    # Days are the user's local days, compared as instants (domain/timestamps.py).
    start, end = day_bounds_us(since, until)
    if start is not None:
        clauses.append("e.created_us >= ?")
        args.append(start)
    if end is not None:
        clauses.append("e.created_us < ?")
        args.append(end)
    if starred is not None:
        clauses.append("e.starred = ?")
        args.append(int(bool(starred)))
    return " AND ".join(clauses), args
