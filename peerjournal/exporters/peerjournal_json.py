"""Write PeerJournal's own JSON export (format ``peerjournal-export``, version 1).

The format is documented in ``docs/export-format.md``; :mod:`peerjournal.importers.
peerjournal_json` reads it back losslessly. Output is deterministic: entries sorted by
creation time then id, mood logs by time then id, keys in a fixed order, no export
timestamp, so exporting the same vault twice gives identical bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from json.encoder import encode_basestring as _quote
from typing import Any, BinaryIO, NamedTuple, Protocol

from peerjournal.formats.peerjournal_json import FORMAT_NAME, FORMAT_VERSION


class EntryLike(Protocol):
    """What the exporter reads from an entry (``domain.models.Entry`` fits)."""

    @property
    def id(self) -> str: ...

    @property
    def created(self) -> datetime: ...

    @property
    def updated(self) -> datetime: ...

    @property
    def title(self) -> str: ...

    @property
    def body(self) -> str: ...

    @property
    def tags(self) -> tuple[str, ...]: ...

    @property
    def starred(self) -> bool: ...

    @property
    def mood_id(self) -> str | None: ...

    @property
    def deleted(self) -> datetime | None: ...


class MoodLike(Protocol):
    """What the exporter reads from a mood log (``domain.models.MoodLog`` fits)."""

    @property
    def id(self) -> str: ...

    @property
    def at(self) -> datetime: ...

    @property
    def level(self) -> int: ...

    @property
    def emotions(self) -> tuple[str, ...]: ...

    @property
    def activities(self) -> tuple[str, ...]: ...

    @property
    def note(self) -> str: ...


def iso(moment: datetime) -> str:
    """ISO-8601 with the UTC offset; naive datetimes are a bug here."""
    if moment.tzinfo is None:
        raise ValueError("export needs timezone-aware datetimes")
    return moment.isoformat()


def entry_to_dict(entry: EntryLike) -> dict[str, Any]:
    """One entry in the export's shape."""
    return {
        "id": entry.id,
        "created": iso(entry.created),
        "updated": iso(entry.updated),
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "starred": bool(entry.starred),
        "mood_id": entry.mood_id,
        "deleted": iso(entry.deleted) if entry.deleted is not None else None,
    }


def mood_to_dict(log: MoodLike) -> dict[str, Any]:
    """One mood log in the export's shape."""
    return {
        "id": log.id,
        "at": iso(log.at),
        "level": int(log.level),
        "emotions": list(log.emotions),
        "activities": list(log.activities),
        "note": log.note,
    }


def build_document(
    entries: Iterable[EntryLike],
    moods: Iterable[MoodLike],
    *,
    mood_labels: Mapping[int, str],
    emotions: Sequence[str],
    activities: Sequence[str],
) -> dict[str, Any]:
    """The whole export as a JSON-ready dict."""
    entry_list = sorted(entries, key=lambda e: (e.created.timestamp(), e.id))
    mood_list = sorted(moods, key=lambda m: (m.at.timestamp(), m.id))
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "mood_labels": {str(level): mood_labels[level] for level in sorted(mood_labels)},
        "emotions": list(emotions),
        "activities": list(activities),
        "entries": [entry_to_dict(e) for e in entry_list],
        "moods": [mood_to_dict(m) for m in mood_list],
    }


def dump_document(document: Mapping[str, Any]) -> bytes:
    """Serialise an export document: UTF-8, two-space indent, trailing newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_json(
    entries: Iterable[EntryLike],
    moods: Iterable[MoodLike],
    *,
    mood_labels: Mapping[int, str],
    emotions: Sequence[str],
    activities: Sequence[str],
) -> bytes:
    """The full export file's bytes."""
    return dump_document(
        build_document(
            entries, moods, mood_labels=mood_labels, emotions=emotions, activities=activities
        )
    )


# -- streaming --------------------------------------------------------------------------
#
# The same bytes as ``dump_document(build_document(...))`` (a test holds the two equal),
# written record by record: memory does not grow with the journal. json.dumps with an
# indent runs the pure-Python encoder; quoting each string with the C quoter and laying
# the indent out here is several times faster.


def _strings(items: Iterable[str], indent: str) -> str:
    """A JSON list of strings laid out as ``json.dumps(indent=2)`` does at ``indent``."""
    quoted = [_quote(item) for item in items]
    if not quoted:
        return "[]"
    inner = indent + "  "
    return "[\n" + inner + (",\n" + inner).join(quoted) + "\n" + indent + "]"


def _entry_text(entry: EntryLike) -> str:
    deleted = entry.deleted
    return (
        "    {\n"
        f'      "id": {_quote(entry.id)},\n'
        f'      "created": {_quote(iso(entry.created))},\n'
        f'      "updated": {_quote(iso(entry.updated))},\n'
        f'      "title": {_quote(entry.title)},\n'
        f'      "body": {_quote(entry.body)},\n'
        f'      "tags": {_strings(entry.tags, "      ")},\n'
        f'      "starred": {"true" if entry.starred else "false"},\n'
        f'      "mood_id": {"null" if entry.mood_id is None else _quote(entry.mood_id)},\n'
        f'      "deleted": {"null" if deleted is None else _quote(iso(deleted))}\n'
        "    }"
    )


class StoredEntry(NamedTuple):
    """An entry as the vault stores it: times as their ISO text, tags newline-joined.

    The JSON export writes these without parsing the times (the vault stores
    ``isoformat()`` of aware datetimes, which is what :func:`iso` gives back).
    """

    id: str
    created: str
    updated: str
    title: str
    body: str
    tags: str
    starred: int
    mood_id: str | None
    deleted: str | None


def stored_entry_text(entry: StoredEntry) -> str:
    """One stored entry laid out as :func:`_entry_text` lays out a parsed one."""
    tags = [tag for tag in entry.tags.split("\n") if tag] if entry.tags else ()
    deleted = entry.deleted
    return (
        "    {\n"
        f'      "id": {_quote(entry.id)},\n'
        f'      "created": {_quote(entry.created)},\n'
        f'      "updated": {_quote(entry.updated)},\n'
        f'      "title": {_quote(entry.title)},\n'
        f'      "body": {_quote(entry.body)},\n'
        f'      "tags": {_strings(tags, "      ")},\n'
        f'      "starred": {"true" if entry.starred else "false"},\n'
        f'      "mood_id": {"null" if entry.mood_id is None else _quote(entry.mood_id)},\n'
        f'      "deleted": {"null" if deleted is None else _quote(deleted)}\n'
        "    }"
    )


def _mood_text(log: MoodLike) -> str:
    return (
        "    {\n"
        f'      "id": {_quote(log.id)},\n'
        f'      "at": {_quote(iso(log.at))},\n'
        f'      "level": {int(log.level)},\n'
        f'      "emotions": {_strings(log.emotions, "      ")},\n'
        f'      "activities": {_strings(log.activities, "      ")},\n'
        f'      "note": {_quote(log.note)}\n'
        "    }"
    )


def _records(out: BinaryIO, key: str, texts: Iterable[str], last: bool) -> int:
    count = 0
    out.write(f'  "{key}": ['.encode())
    for text in texts:
        out.write(((",\n" if count else "\n") + text).encode("utf-8"))
        count += 1
    out.write(("\n  ]" if count else "]").encode())
    out.write(b"\n" if last else b",\n")
    return count


def write_json(
    out: BinaryIO,
    entries: Iterable[EntryLike | StoredEntry],
    moods: Iterable[MoodLike],
    *,
    mood_labels: Mapping[int, str],
    emotions: Sequence[str],
    activities: Sequence[str],
) -> tuple[int, int]:
    """Stream the export to ``out``; returns (entries, mood logs) written.

    ``entries`` (parsed, or :class:`StoredEntry` rows) must come sorted by creation time
    then id, ``moods`` by time then id (the vault's queries do that); ``moods`` is
    iterated only after every entry was written, so it may depend on them (the mood logs
    the exported entries link to).
    """
    labels = ",\n".join(
        f"    {_quote(str(level))}: {_quote(mood_labels[level])}" for level in sorted(mood_labels)
    )
    head = (
        "{\n"
        f'  "format": {_quote(FORMAT_NAME)},\n'
        f'  "version": {FORMAT_VERSION},\n'
        f'  "mood_labels": {"{" + chr(10) + labels + chr(10) + "  }" if labels else "{}"},\n'
        f'  "emotions": {_strings(emotions, "  ")},\n'
        f'  "activities": {_strings(activities, "  ")},\n'
    )
    out.write(head.encode("utf-8"))
    texts = (
        stored_entry_text(e) if isinstance(e, StoredEntry) else _entry_text(e) for e in entries
    )
    entry_count = _records(out, "entries", texts, last=False)
    mood_count = _records(out, "moods", (_mood_text(m) for m in moods), last=True)
    out.write(b"}\n")
    return entry_count, mood_count
