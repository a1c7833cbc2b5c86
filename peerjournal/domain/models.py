"""Pure data classes of the journal and mood log, and small value helpers."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from peerjournal.domain.timestamps import check_moment
from peerjournal.domain.timestamps import epoch_us as epoch_us  # the one time rule's home
from peerjournal.errors import InvalidInput, Text

#: Markers around matched words in :attr:`SearchHit.snippet`.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

MOOD_LEVELS = (1, 2, 3, 4, 5)
DEFAULT_MOOD_LABELS: dict[int, str] = {1: "Awful", 2: "Bad", 3: "Okay", 4: "Good", 5: "Great"}
DEFAULT_EMOTIONS: tuple[str, ...] = (
    "happy", "calm", "grateful", "hopeful", "proud", "tired", "anxious",
    "stressed", "sad", "lonely", "angry", "overwhelmed",
)  # fmt: skip
DEFAULT_ACTIVITIES: tuple[str, ...] = (
    "sleep well", "walk", "exercise", "friends", "family", "study", "work",
    "reading", "music", "outdoors", "screen time", "cooking",
)  # fmt: skip


class _Unset(enum.Enum):
    UNSET = "UNSET"


#: Sentinel for "leave this field as it is" where ``None`` is a meaningful value.
UNSET = _Unset.UNSET
Unset = _Unset


@dataclass(frozen=True)
class Entry:
    """A full journal entry."""

    id: str
    created: datetime
    updated: datetime
    title: str
    body: str
    tags: tuple[str, ...]
    starred: bool
    mood_id: str | None
    deleted: datetime | None


@dataclass(frozen=True)
class EntrySummary:
    """What lists show: no full body."""

    id: str
    created: datetime
    updated: datetime
    title: str
    first_line: str
    tags: tuple[str, ...]
    starred: bool
    mood_level: int | None
    deleted: datetime | None


@dataclass(frozen=True)
class SearchHit:
    """One search result; ``snippet`` marks matches with HIGHLIGHT_START/END."""

    entry: EntrySummary
    snippet: str
    rank: float


@dataclass(frozen=True)
class MoodLog:
    """One mood check-in."""

    id: str
    at: datetime
    level: int
    emotions: tuple[str, ...]
    activities: tuple[str, ...]
    note: str


# The sizes every writer keeps to (the command line, the desktop app, the importers): what
# one writer stores, every reader and PeerJournal's own import of an export can take back.
MAX_TITLE_CHARS = 10_000
MAX_BODY_CHARS = 5_000_000
MAX_TAG_CHARS = 100
MAX_TAGS_PER_ENTRY = 200
MAX_NAME_CHARS = 100
MAX_NAMES_PER_LOG = 1000
MAX_NOTE_CHARS = 100_000

_SPACE = re.compile(r"\s+")


def check_text(value: object, field: str, max_chars: int | None = None) -> str:
    """``value`` if it is storable text: a str without NUL, valid as UTF-8 and at most
    ``max_chars`` characters long.

    ``field`` is the catalogue code of what the text is for (``"field.title"``).
    """
    if not isinstance(value, str):
        raise InvalidInput("text.not_text", field=Text(field))
    if max_chars is not None and len(value) > max_chars:
        raise InvalidInput("text.too_long", field=Text(field), limit=max_chars)
    if "\x00" in value:
        raise InvalidInput("text.nul", field=Text(field))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidInput("text.unstorable", field=Text(field)) from exc
    return value


def normalise_tag(raw: str) -> str:
    """Strip a leading ``#``/``@`` and surrounding space; inner whitespace becomes one space.

    Composed (NFC), so "Café" typed on one system and "Cafe" + a combining accent (a macOS
    folder name, text pasted from elsewhere) are one tag, not two that look the same.
    """
    check_text(raw, "field.tag")
    tag = unicodedata.normalize("NFC", _SPACE.sub(" ", raw).strip().lstrip("#@").strip())
    if len(tag) > MAX_TAG_CHARS:
        raise InvalidInput("tag.too_long")
    return tag


def normalise_tags(raw: Iterable[str]) -> tuple[str, ...]:
    """Normalise, drop empties and case-insensitive duplicates, keep first spelling and order.

    At most :data:`MAX_TAGS_PER_ENTRY` different tags.
    """
    if isinstance(raw, str):
        raw = [raw]
    seen: set[str] = set()
    out: list[str] = []
    for item in raw:
        tag = normalise_tag(item)
        fold = tag.casefold()
        if tag and fold not in seen:
            if len(out) == MAX_TAGS_PER_ENTRY:
                raise InvalidInput("tags.too_many", limit=MAX_TAGS_PER_ENTRY)
            seen.add(fold)
            out.append(tag)
    return tuple(out)


def normalise_names(raw: Iterable[str], field: str) -> tuple[str, ...]:
    """Emotion/activity names: trimmed, non-empty, case-insensitively unique.

    ``field`` is ``"field.emotion"`` or ``"field.activity"``; at most
    :data:`MAX_NAMES_PER_LOG` names.
    """
    if isinstance(raw, str):
        raw = [raw]
    seen: set[str] = set()
    out: list[str] = []
    for item in raw:
        check_text(item, field)
        name = unicodedata.normalize("NFC", _SPACE.sub(" ", item).strip())
        if len(name) > MAX_NAME_CHARS:
            raise InvalidInput("name.too_long", field=Text(field))
        if name and name.casefold() not in seen:
            if len(out) == MAX_NAMES_PER_LOG:
                raise InvalidInput("names.too_many", field=Text(field), limit=MAX_NAMES_PER_LOG)
            seen.add(name.casefold())
            out.append(name)
    return tuple(out)


def check_level(level: object) -> int:
    """A mood level 1..5, or InvalidInput."""
    if isinstance(level, bool) or not isinstance(level, int) or level not in MOOD_LEVELS:
        raise InvalidInput("mood.level")
    return level


def aware(moment: datetime | None) -> datetime:
    """``moment`` (or now), timezone-aware and plausible (:func:`timestamps.check_moment`)."""
    return check_moment(moment, default_now=True)


def first_line(body: str, limit: int = 200) -> str:
    """The first non-empty line of a body, shortened for lists."""
    for line in body.splitlines():
        stripped = line.strip().lstrip("#>*- ").strip()
        if stripped:
            if len(stripped) <= limit:
                return stripped
            from peerjournal.domain.graphemes import cut_end

            return cut_end(stripped, limit - 1) + "…"  # never half a letter before the "…"
    return ""


def day_text(day: date) -> str:
    """ISO day text used in the database."""
    return day.isoformat()
