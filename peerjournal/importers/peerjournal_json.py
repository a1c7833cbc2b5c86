"""Read PeerJournal's own JSON export back, strictly and losslessly.

Strict because the format is ours: an unknown field, a wrong type, a duplicate id or a
newer version is refused with a message naming the spot, rather than half-understood.
See ``docs/export-format.md`` for the format.
"""

from __future__ import annotations

from typing import Any

from peerjournal.errors import ImportExportError, Text
from peerjournal.formats.peerjournal_json import (
    ENTRY_KEYS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MOOD_KEYS,
    TOP_KEYS,
)
from peerjournal.importers.records import (
    MAX_BODY_CHARS,
    MAX_LABEL_CHARS,
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS_PER_ENTRY,
    MAX_TITLE_CHARS,
    EntryRecord,
    ImportBundle,
    MoodRecord,
    load_json,
)
from peerjournal.importers.validate import (
    as_aware_datetime,
    as_bool,
    as_level,
    as_list,
    as_object,
    as_text,
    as_uuid,
    entry_at,
    fail,
    in_key,
    mood_at,
    names_list,
    shorten,
)

MAX_LIST_NAMES = 1000


def _exact_keys(obj: dict[str, Any], expected: tuple[str, ...] | set[str], where: Text) -> None:
    unknown = sorted(key for key in obj if key not in expected)
    if unknown:
        raise fail(where, "unknown_field", key=shorten(unknown[0], 30))
    missing = [key for key in expected if key not in obj]
    if missing:
        raise fail(where, "missing", key=missing[0])


def _entry(raw: object, index: int) -> EntryRecord:
    where = entry_at(index)
    obj = as_object(raw, where)
    _exact_keys(obj, ENTRY_KEYS, where)
    tags = names_list(
        obj["tags"], where, "tags", max_items=MAX_TAGS_PER_ENTRY, max_chars=MAX_TAG_CHARS
    )
    if len({t.casefold() for t in tags}) != len(tags):
        raise fail(where, "tag_twice", key="tags")
    mood_id = None if obj["mood_id"] is None else as_uuid(obj["mood_id"], where, "mood_id")
    deleted = (
        None if obj["deleted"] is None else as_aware_datetime(obj["deleted"], where, "deleted")
    )
    return EntryRecord(
        id=as_uuid(obj["id"], where, "id"),
        created=as_aware_datetime(obj["created"], where, "created"),
        updated=as_aware_datetime(obj["updated"], where, "updated"),
        title=as_text(obj["title"], where, "title", max_chars=MAX_TITLE_CHARS),
        body=as_text(obj["body"], where, "body", max_chars=MAX_BODY_CHARS),
        tags=tags,
        starred=as_bool(obj["starred"], where, "starred"),
        mood_id=mood_id,
        deleted=deleted,
    )


def _mood(raw: object, index: int) -> MoodRecord:
    where = mood_at(index)
    obj = as_object(raw, where)
    _exact_keys(obj, MOOD_KEYS, where)
    return MoodRecord(
        id=as_uuid(obj["id"], where, "id"),
        at=as_aware_datetime(obj["at"], where, "at"),
        level=as_level(obj["level"], where, "level"),
        emotions=names_list(
            obj["emotions"], where, "emotions", max_items=MAX_LIST_NAMES, max_chars=MAX_NAME_CHARS
        ),
        activities=names_list(
            obj["activities"],
            where,
            "activities",
            max_items=MAX_LIST_NAMES,
            max_chars=MAX_NAME_CHARS,
        ),
        note=as_text(obj["note"], where, "note", max_chars=MAX_NOTE_CHARS),
    )


def _labels(raw: object) -> dict[int, str]:
    where = in_key("mood_labels")
    obj = as_object(raw, where)
    labels: dict[int, str] = {}
    for key, value in obj.items():
        if key not in {"1", "2", "3", "4", "5"}:
            raise fail(where, "label_keys", value=shorten(key))
        labels[int(key)] = as_text(
            value, where, key, max_chars=MAX_LABEL_CHARS, allow_empty=False
        ).strip()
    if len(labels) != 5:
        raise fail(where, "labels_incomplete")
    return labels


def _unique_ids(ids: list[str], kind: str) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise fail(None, "id_twice", what=Text(kind), id=value)
        seen.add(value)


def parse_peerjournal_json(data: bytes) -> ImportBundle:
    """Validate and convert a PeerJournal export; any problem raises ImportExportError."""
    document = load_json(data, what="PeerJournal export")
    the_file = Text("import.where.export_file")
    top = as_object(document, the_file)
    if top.get("format") != FORMAT_NAME:
        looks_like_jrnl = isinstance(top.get("entries"), list) and "tags" in top
        code = "import.not_peerjournal_jrnl" if looks_like_jrnl else "import.not_peerjournal"
        raise ImportExportError(code, format=FORMAT_NAME)
    version = top.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise fail(the_file, "version", value=shorten(version))
    if version > FORMAT_VERSION:
        raise ImportExportError("import.newer_format", version=version, supported=FORMAT_VERSION)
    _exact_keys(top, TOP_KEYS, the_file)
    entries = [_entry(raw, i) for i, raw in enumerate(as_list(top["entries"], None, "entries"))]
    moods = [_mood(raw, i) for i, raw in enumerate(as_list(top["moods"], None, "moods"))]
    _unique_ids([e.id for e in entries], "import.kind.entry")
    _unique_ids([m.id for m in moods], "import.kind.mood")
    emotions = names_list(
        top["emotions"], None, "emotions", max_items=MAX_LIST_NAMES, max_chars=MAX_NAME_CHARS
    )
    activities = names_list(
        top["activities"], None, "activities", max_items=MAX_LIST_NAMES, max_chars=MAX_NAME_CHARS
    )
    return ImportBundle(
        format=FORMAT_NAME,
        entries=tuple(entries),
        moods=tuple(moods),
        mood_labels=_labels(top["mood_labels"]),
        emotions=emotions,
        activities=activities,
    )
