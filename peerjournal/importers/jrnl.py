"""Read jrnl's JSON export (``jrnl --format json``) into import records, as a stream.

jrnl 4.x writes::

    {"tags": {"@work": 2, ...},
     "entries": [{"title": "...", "body": "...", "date": "2024-05-31", "time": "21:07",
                  "tags": ["@work"], "starred": false, ...}, ...]}

``date``/``time`` are naive local time; they are read as the local time zone of this
computer (as jrnl meant them). Tags lose their ``@``/``#`` sigil. Entries get a
deterministic id from their wall-clock creation time, title and body (see
:func:`~peerjournal.importers.records.fingerprint_id`) so importing the same file again
adds nothing. jrnl's optional extra fields (``uuid``, Day One's ``creator_*`` …) are
ignored and named in a notice. A malformed entry is skipped and reported ("entry 12: …");
a problem with the file as a whole (not JSON, no ``entries`` list) refuses it.

Entries repeated in the file (same time, title and body) are one entry; when the copies
differ in star or tags, the one entry keeps the star and every tag, and the report counts
the merges. Holding the file's entries to find the copies would make memory grow with the
file, so the file is read (:mod:`peerjournal.importers.jsonstream`) in passes: the first
checks the file as a whole and notes which entries come more than once (a 64-bit hash of
what makes an id, per entry), a second (only if some do) gathers the tags and stars of
those copies, and the last yields each entry once, merged. The first pass checks the
whole file before anything is imported, so a file that is not JSON at its end is refused
before its first entry is read; memory stays flat (about 60 bytes per entry for the hashes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from peerjournal.domain.timestamps import resolve_local
from peerjournal.errors import ImportExportError, InvalidInput, Text
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
    MAX_TAG_CHARS,
    MAX_TAGS_PER_ENTRY,
    MAX_TITLE_CHARS,
    EntryRecord,
    ImportBundle,
    fingerprint_id,
)
from peerjournal.importers.source import (
    ImportOptions,
    ImportSource,
    Item,
    Problem,
)
from peerjournal.importers.validate import (
    as_bool,
    as_object,
    as_text,
    entry_at,
    fail,
    names_list,
    shorten,
    whole_file,
)

FORMAT_NAME = "jrnl"
_KNOWN_KEYS = {"title", "body", "date", "time", "tags", "starred"}
_REQUIRED_KEYS = ("title", "body", "date")
_WATCHED = frozenset({"entries", "tags"})
#: Extra field names remembered for the notice (it names eight).
MAX_UNKNOWN = 64
_CANONICAL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}", re.ASCII)


def strip_sigil(tag: str) -> str:
    """``"@work"`` → ``"work"``; ``"#a"`` → ``"a"``; other tags unchanged."""
    return tag.lstrip("@#").strip()


def unique_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """Drop empty tags and case-insensitive duplicates, keeping the first spelling."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return tuple(out)


def _local_datetime(date_text: object, time_text: object, where: Text) -> datetime:
    if not isinstance(date_text, str) or len(date_text) > 20:
        raise fail(where, "jrnl_date", value=shorten(date_text))
    if time_text is None:
        time_text = "00:00"
    if not isinstance(time_text, str) or len(time_text) > 20:
        raise fail(where, "jrnl_time", value=shorten(time_text))
    try:
        naive = datetime.strptime(f"{date_text} {time_text}", "%Y-%m-%d %H:%M")
    except ValueError as exc:
        raise fail(
            where, "jrnl_date_time", date=shorten(date_text), time=shorten(time_text)
        ) from exc
    if not 1900 <= naive.year <= 9998:
        raise fail(where, "year", key="date", year=naive.year)
    try:
        # the one rule for wall-clock times: a time skipped by DST moves forward
        return resolve_local(naive).moment
    except InvalidInput as exc:
        raise fail(where, "jrnl_local_time", value=shorten(date_text)) from exc


def _wall_clock(date_text: str, time_text: str | None) -> datetime:
    """The time as written (already checked by _local_datetime)."""
    return datetime.strptime(f"{date_text} {time_text or '00:00'}", "%Y-%m-%d %H:%M")


def _entry(raw: object, index: int, unknown: set[str]) -> EntryRecord:
    where = entry_at(index)
    obj = as_object(raw, where)
    for key in _REQUIRED_KEYS:
        if key not in obj:
            raise fail(where, "missing", key=key)
    if len(unknown) < MAX_UNKNOWN:
        unknown.update(key for key in obj if key not in _KNOWN_KEYS)
    title = as_text(obj["title"], where, "title", max_chars=MAX_TITLE_CHARS).strip()
    body = as_text(obj["body"], where, "body", max_chars=MAX_BODY_CHARS)
    created = _local_datetime(obj["date"], obj.get("time"), where)
    raw_tags = names_list(
        obj.get("tags", []),
        where,
        "tags",
        max_items=MAX_TAGS_PER_ENTRY,
        max_chars=2 * MAX_TAG_CHARS,  # bounded here; the real limit is checked below
    )
    # The limit is on the tag itself; jrnl's @ in front does not count.
    stripped = tuple(strip_sigil(tag) for tag in raw_tags)
    if any(len(tag) > MAX_TAG_CHARS for tag in stripped):
        raise fail(where, "too_long", key="tags", limit=MAX_TAG_CHARS)
    tags = unique_tags(stripped)
    starred = as_bool(obj.get("starred", False), where, "starred")
    if not title and not body.strip():
        raise fail(where, "jrnl_empty")
    return EntryRecord(
        # the wall-clock time as written in the file, so the id does not depend on the
        # time zone of the computer that imports it
        id=fingerprint_id(_wall_clock(obj["date"], obj.get("time")), title, body),
        created=created,
        updated=created,
        title=title,
        body=body,
        tags=tags,
        starred=starred,
    )


def _identity(raw: object) -> int | None:
    """A hash of what the id of entry ``raw`` is made of; None if it cannot have one.

    Equal ids have equal identities; a rare equal identity of two different entries only
    costs a closer look (the ids are compared then).
    """
    if not isinstance(raw, dict):
        return None
    title, body, date_text = raw.get("title"), raw.get("body"), raw.get("date")
    time_text = raw.get("time") or "00:00"
    if not (isinstance(title, str) and isinstance(body, str) and isinstance(date_text, str)):
        return None
    if not isinstance(time_text, str) or len(date_text) > 20 or len(time_text) > 20:
        return None
    stamp = f"{date_text} {time_text}"
    try:
        if _CANONICAL.fullmatch(stamp):  # what jrnl writes; strptime is ten times slower
            naive = datetime(
                int(stamp[0:4]), int(stamp[5:7]), int(stamp[8:10]), int(stamp[11:13]),
                int(stamp[14:16]),
            )  # fmt: skip
        else:
            naive = _wall_clock(date_text, time_text)
    except ValueError:
        return None
    return hash((naive, title.strip(), body))


@dataclass
class _Copies:
    """The copies of one repeated entry: the tags and star they add up to."""

    tags: tuple[str, ...]
    starred: bool
    merged: int = 0
    repeated: int = 0
    yielded: bool = False

    def add(self, record: EntryRecord) -> None:
        tags = unique_tags(self.tags + record.tags)
        starred = self.starred or record.starred
        if (tags, starred) != (self.tags, self.starred):
            self.tags, self.starred = tags, starred
            self.merged += 1
        else:
            self.repeated += 1


class JrnlJsonSource(ImportSource):
    """jrnl's JSON export, read as a stream in passes (see the module docstring).

    ``data`` reads bytes held in memory instead of ``path`` (the strict
    :func:`parse_jrnl_json`, tests).
    """

    format = FORMAT_NAME

    def __init__(
        self, path: Path, options: ImportOptions | None = None, *, data: bytes | None = None
    ) -> None:
        super().__init__(path, options)
        self._data = data

    def read(self) -> Iterator[Item | Problem]:
        """Every entry once (repeats merged); the malformed ones as problems."""
        return checked_items(self.records())

    def records(self) -> Iterator[tuple[Text, EntryRecord | ImportExportError] | None]:
        """The file's entries as read (not yet checked by the vault's rules), in passes.

        Yields None for each entry of the first passes (a tick for progress), then each
        entry's place and record, or the record-level error that skips it.
        """
        if self._data is not None:
            file = JsonFile(FORMAT_NAME, data=self._data)
        else:
            file = JsonFile(FORMAT_NAME, path=self.path)
        self.bytes_total = 2 * file.size
        repeated: set[int] = set()
        yield from self._scan(file.reading(), repeated)
        copies: dict[str, _Copies] = {}
        if repeated:
            self.bytes_total = 3 * file.size
            yield from self._gather(file.reading(), repeated, copies)
        del repeated
        unknown: set[str] = set()
        base = self.bytes_total - file.size
        reading = file.reading()
        for index, raw in self._walk(reading):
            self.bytes_done = base + reading.position
            record = self._record(raw, index, unknown, copies)
            yield None if record is None else (entry_at(index), record)
        self.bytes_done = self.bytes_total
        if unknown:
            names = ", ".join(sorted(shorten(k, 30) for k in unknown)[:8])
            self.notices.append(Text("import.notice.ignored_fields", names=names))
        repeats = sum(c.repeated for c in copies.values())
        merges = sum(c.merged for c in copies.values())
        if repeats:
            self.notices.append(Text("import.notice.repeated", count=repeats))
        if merges:
            self.notices.append(Text("import.notice.merged", count=merges))

    @staticmethod
    def _record(
        raw: object, index: int, unknown: set[str], copies: dict[str, _Copies]
    ) -> EntryRecord | ImportExportError | None:
        if raw is OVERSIZED:
            return fail(entry_at(index), "record_too_large", limit=RECORD_BUDGET)
        try:
            record = _entry(raw, index, unknown)
        except ImportExportError as exc:
            return exc
        merged = copies.get(record.id)
        if merged is None:
            return record
        if merged.yielded:
            return None  # a later copy: already in the one entry
        merged.yielded = True
        return replace(record, tags=merged.tags, starred=merged.starred)

    def _scan(self, reading: Reading, repeated: set[int]) -> Iterator[None]:
        """First pass: check the file; note the identities that come more than once."""
        seen: set[int] = set()
        for _index, raw in self._walk(reading):
            self.bytes_done = reading.position
            identity = _identity(raw)
            if identity is not None:
                if identity in seen:
                    repeated.add(identity)
                else:
                    seen.add(identity)
            yield None

    def _gather(
        self, reading: Reading, repeated: set[int], copies: dict[str, _Copies]
    ) -> Iterator[None]:
        """Second pass: the tags and stars of the copies of each repeated entry."""
        found: dict[str, _Copies] = {}
        size = reading.source.size
        for index, raw in self._walk(reading):
            self.bytes_done = size + reading.position
            if _identity(raw) in repeated:
                try:
                    record = _entry(raw, index, set())
                except ImportExportError:
                    pass  # a malformed copy merges nothing (it is reported as skipped)
                else:
                    if record.id in found:
                        found[record.id].add(record)
                    else:
                        found[record.id] = _Copies(record.tags, record.starred)
            yield None
        copies.update(
            (key, value) for key, value in found.items() if value.merged or value.repeated
        )

    @staticmethod
    def _walk(reading: Reading) -> Iterator[tuple[int, object]]:
        """The raw entries of one pass; the file's shape is checked at its end."""
        top = reading.kind()
        if top != "object":
            reading.skip()
            reading.end()
            if top == "list":
                raise ImportExportError("import.jrnl_list")
            raise fail(whole_file(FORMAT_NAME), "not_object", found=kind_text(top))
        entries = tags = None
        for key in reading.object_keys(_WATCHED):
            if key == "entries":
                entries = reading.kind()
                if entries == "list":
                    yield from enumerate(reading.items())
                    continue
            elif key == "tags":
                tags = reading.kind()
            reading.skip()
        reading.end()
        the_file = whole_file(FORMAT_NAME)
        if entries is None:
            raise ImportExportError("import.jrnl_no_entries")
        if tags not in (None, "object"):
            raise fail(the_file, "tag_counts", key="tags")
        if entries != "list":
            raise fail(the_file, "not_list", key="entries", found=kind_text(entries))


def parse_jrnl_json(data: bytes) -> ImportBundle:
    """Validate and convert a jrnl JSON export held in memory; the first problem raises.

    The strict counterpart of :class:`JrnlJsonSource` (which skips malformed entries).
    """
    source = JrnlJsonSource(Path("jrnl.json"), data=data)
    entries: list[EntryRecord] = []
    for result in source.records():
        if result is None:
            continue
        _where, record = result
        if isinstance(record, ImportExportError):
            raise record
        entries.append(record)
    return ImportBundle(format=FORMAT_NAME, entries=tuple(entries), warnings=tuple(source.notices))
