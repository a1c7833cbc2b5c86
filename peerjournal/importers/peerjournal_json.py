"""Read PeerJournal's own JSON export back, strictly and losslessly, as a stream.

Strict because the format is ours: an unknown field, a wrong type, a duplicate id or a
newer version is refused with a message naming the spot, rather than half-understood;
nothing of such a file is imported (the import is one transaction). See
``docs/export-format.md`` for the format.

The file is read (:mod:`peerjournal.importers.jsonstream`) in three passes, so memory
stays flat however long the journal: the first reads everything but the two lists (the
format, its version, labels and vocabularies, in whatever order the keys come) and checks
the whole file's syntax, so a wrong format or a newer version is refused before any
record is read; the second yields the mood logs, the third the entries (mood logs first,
as entries link them, although the writer puts ``moods`` last). Only the ids are kept
from record to record, to refuse an id that comes twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peerjournal.errors import ImportExportError, Text
from peerjournal.formats.peerjournal_json import (
    ENTRY_KEYS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MOOD_KEYS,
    TOP_KEYS,
)
from peerjournal.importers.jsonstream import (
    OVERSIZED,
    RECORD_BUDGET,
    JsonFile,
    Reading,
    checked_items,
    kind_text,
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
)
from peerjournal.importers.source import (
    ImportOptions,
    ImportSource,
    Item,
    Problem,
    Vocabulary,
)
from peerjournal.importers.validate import (
    as_aware_datetime,
    as_bool,
    as_level,
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
#: What the messages call the file.
WHAT = "PeerJournal export"
_LISTS = ("entries", "moods")


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


class _Header:
    """What the first pass read: every top-level value but the two lists."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.kinds: dict[str, str] = {}
        self.first_unknown: str | None = None
        self.has_tags = False

    def check(self) -> Vocabulary:
        """The checks of the document as a whole, in the order they always came."""
        the_file = Text("import.where.export_file")
        values, kinds = self.values, self.kinds
        if values.get("format") != FORMAT_NAME:
            looks_like_jrnl = kinds.get("entries") == "list" and self.has_tags
            code = "import.not_peerjournal_jrnl" if looks_like_jrnl else "import.not_peerjournal"
            raise ImportExportError(code, format=FORMAT_NAME)
        version = values.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise fail(the_file, "version", value=shorten(version))
        if version > FORMAT_VERSION:
            raise ImportExportError(
                "import.newer_format", version=version, supported=FORMAT_VERSION
            )
        if self.first_unknown is not None:
            raise fail(the_file, "unknown_field", key=shorten(self.first_unknown, 30))
        missing = [key for key in TOP_KEYS if key not in kinds]
        if missing:
            raise fail(the_file, "missing", key=missing[0])
        for key in _LISTS:
            if kinds[key] != "list":
                raise fail(None, "not_list", key=key, found=kind_text(kinds[key]))
        for key in ("mood_labels", "emotions", "activities"):
            if values[key] is OVERSIZED:
                raise fail(in_key(key), "record_too_large", limit=RECORD_BUDGET)
        emotions = names_list(
            values["emotions"], None, "emotions", max_items=MAX_LIST_NAMES, max_chars=MAX_NAME_CHARS
        )
        activities = names_list(
            values["activities"],
            None,
            "activities",
            max_items=MAX_LIST_NAMES,
            max_chars=MAX_NAME_CHARS,
        )
        return Vocabulary(_labels(values["mood_labels"]), emotions, activities)


class PeerJournalJsonSource(ImportSource):
    """A PeerJournal JSON export, read as a stream in three passes (module docstring).

    ``data`` reads bytes held in memory instead of ``path`` (the strict
    :func:`parse_peerjournal_json`, tests).
    """

    format = "json"

    def __init__(
        self, path: Path, options: ImportOptions | None = None, *, data: bytes | None = None
    ) -> None:
        super().__init__(path, options)
        self._data = data

    def read(self) -> Iterator[Item | Problem]:
        """Mood logs, then entries; a record the vault would refuse is skipped."""
        return checked_items(self.records())

    def records(self) -> Iterator[tuple[Text, EntryRecord | MoodRecord] | None]:
        """The file's records as read (not yet checked by the vault's rules).

        Yields None for each record a pass reads past (a tick for progress). Any problem
        raises: the format is strict.
        """
        if self._data is not None:
            file = JsonFile(WHAT, data=self._data)
        else:
            file = JsonFile(WHAT, path=self.path)
        self.bytes_total = 3 * file.size
        header = _Header()
        yield from self._header(file.reading(), header)
        self.vocabulary = header.check()
        for number, wanted in enumerate(("moods", "entries"), start=1):
            reading = file.reading()
            ids: set[str] = set()
            for key in reading.object_keys():
                if key == wanted:
                    for index, raw in enumerate(reading.items()):
                        self.bytes_done = number * file.size + reading.position
                        yield self._record(wanted, raw, index, ids)
                elif key in _LISTS:
                    for _tick in reading.skip_items():
                        self.bytes_done = number * file.size + reading.position
                        yield None
                else:
                    reading.skip()
            reading.end()
        self.bytes_done = self.bytes_total

    @staticmethod
    def _record(
        kind: str, raw: object, index: int, ids: set[str]
    ) -> tuple[Text, EntryRecord | MoodRecord]:
        where = mood_at(index) if kind == "moods" else entry_at(index)
        if raw is OVERSIZED:
            raise fail(where, "record_too_large", limit=RECORD_BUDGET)
        record: EntryRecord | MoodRecord = (
            _mood(raw, index) if kind == "moods" else _entry(raw, index)
        )
        if record.id in ids:
            what = "import.kind.mood" if kind == "moods" else "import.kind.entry"
            raise fail(None, "id_twice", what=Text(what), id=record.id)
        ids.add(record.id)
        return where, record

    def _header(self, reading: Reading, header: _Header) -> Iterator[None]:
        """First pass: the top-level values but the lists, and the file's syntax."""
        top = reading.kind()
        if top != "object":
            reading.skip()
            reading.end()
            raise fail(Text("import.where.export_file"), "not_object", found=kind_text(top))
        for key in reading.object_keys(frozenset(TOP_KEYS)):
            if key in _LISTS:
                header.kinds[key] = kind = reading.kind()
                if kind == "list":
                    for _tick in reading.skip_items():
                        self.bytes_done = reading.position
                        yield None
                    continue
                reading.skip()
            elif key in TOP_KEYS:
                header.kinds[key] = reading.kind()
                header.values[key] = reading.value()
            else:
                header.has_tags = header.has_tags or key == "tags"
                if header.first_unknown is None or key < header.first_unknown:
                    header.first_unknown = key
                reading.skip()
        reading.end()


def parse_peerjournal_json(data: bytes) -> ImportBundle:
    """Validate and convert a PeerJournal export held in memory; any problem raises."""
    source = PeerJournalJsonSource(Path("export.json"), data=data)
    entries: list[EntryRecord] = []
    moods: list[MoodRecord] = []
    for result in source.records():
        if result is not None:
            record = result[1]
            if isinstance(record, MoodRecord):
                moods.append(record)
            else:
                entries.append(record)
    words = source.vocabulary
    return ImportBundle(
        format=FORMAT_NAME,
        entries=tuple(entries),
        moods=tuple(moods),
        mood_labels=words.mood_labels,
        emotions=words.emotions,
        activities=words.activities,
    )
