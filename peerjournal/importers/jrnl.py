"""Read jrnl's JSON export (``jrnl --format json``) into import records.

jrnl 4.x writes::

    {"tags": {"@work": 2, ...},
     "entries": [{"title": "...", "body": "...", "date": "2024-05-31", "time": "21:07",
                  "tags": ["@work"], "starred": false, ...}, ...]}

``date``/``time`` are naive local time; they are read as the local time zone of this
computer (as jrnl meant them). Tags lose their ``@``/``#`` sigil. Entries get a
deterministic id from their wall-clock creation time, title and body (see
:func:`~peerjournal.importers.records.fingerprint_id`) so importing the same file again
adds nothing. jrnl's optional extra fields (``uuid``, Day One's ``creator_*`` …) are
ignored and counted in the bundle's warnings.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from peerjournal.domain.timestamps import resolve_local
from peerjournal.errors import ImportExportError, InvalidInput, Text
from peerjournal.importers.records import (
    MAX_BODY_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS_PER_ENTRY,
    MAX_TITLE_CHARS,
    EntryRecord,
    ImportBundle,
    fingerprint_id,
    load_json,
)
from peerjournal.importers.validate import (
    as_bool,
    as_list,
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


def parse_jrnl_json(data: bytes) -> ImportBundle:
    """Validate and convert a jrnl JSON export; any problem raises ImportExportError."""
    document = load_json(data, what="jrnl")
    if isinstance(document, list):
        raise ImportExportError("import.jrnl_list")
    the_file = whole_file(FORMAT_NAME)
    top = as_object(document, the_file)
    if "entries" not in top:
        raise ImportExportError("import.jrnl_no_entries")
    if "tags" in top and not isinstance(top["tags"], dict):
        raise fail(the_file, "tag_counts", key="tags")
    raw_entries = as_list(top["entries"], the_file, "entries")
    unknown: set[str] = set()
    entries: list[EntryRecord] = []
    seen: dict[str, int] = {}
    duplicates = merged = 0
    for index, raw in enumerate(raw_entries):
        record = _entry(raw, index, unknown)
        if record.id in seen:
            # Same time, title and body: one entry. A star or tag on either copy is kept,
            # never dropped silently (the report counts the merges).
            kept = entries[seen[record.id]]
            tags = unique_tags(kept.tags + record.tags)
            starred = kept.starred or record.starred
            if (tags, starred) != (kept.tags, kept.starred):
                entries[seen[record.id]] = replace(kept, tags=tags, starred=starred)
                merged += 1
            else:
                duplicates += 1
            continue
        seen[record.id] = len(entries)
        entries.append(record)
    warnings: list[Text] = []
    if unknown:
        names = ", ".join(sorted(shorten(k, 30) for k in unknown)[:8])
        warnings.append(Text("import.notice.ignored_fields", names=names))
    if duplicates:
        warnings.append(Text("import.notice.repeated", count=duplicates))
    if merged:
        warnings.append(Text("import.notice.merged", count=merged))
    return ImportBundle(format=FORMAT_NAME, entries=tuple(entries), warnings=tuple(warnings))
