"""Read a folder of Markdown files (or one file): one entry per file, as Obsidian keeps notes.

- Every ``*.md`` / ``*.markdown`` file under the folder is read, nested folders included,
  in sorted path order. Hidden files and folders (``.obsidian``, ``.trash``) and symbolic
  links are skipped, so nothing outside the folder is ever read.
- **Front matter** is optional: a first line ``---``, YAML, a line ``---`` (or ``...``).
  It is read with YAML's *safe* loader only (no tags that build objects), at most
  :data:`MAX_FRONT_MATTER` characters; front matter that is not valid YAML, or uses a tag,
  is reported with its file and line and that file is skipped, the rest imported.
  Keys used: ``title``, ``date`` (or ``created``), ``updated``, ``tags`` (a list, or one
  line split at commas or spaces; a leading ``#`` is dropped), ``starred``, ``id`` (a UUID,
  as PeerJournal's Markdown export writes); other keys are ignored.
- **Mood**: ``mood`` (a level from 1 to 5) makes a mood log that the entry links to, with
  ``mood_at`` (else the entry's time), ``mood_emotions``, ``mood_activities``, ``mood_note``
  and ``mood_id`` (a UUID, else one derived from the entry's id) as PeerJournal's export
  writes them; ``mood_label`` is for people reading the file (the vault's own labels
  name the levels). A ``mood`` that is not a level (``mood: happy``) is left out and
  counted in the report; the entry is imported.
- **The entry's time**: the front matter's ``date`` (a time with its offset is kept as it
  is; a time without one, or a bare day, is placed in this computer's zone, a bare day at
  noon), else a file name starting ``YYYY-MM-DD`` (Obsidian's daily notes; noon that day),
  else the file's modification time.
- **Title**: the front matter's, else the file name without its date and extension.
- **Body**: everything after the front matter, byte for byte (line endings and trailing
  spaces kept; a UTF-8 byte-order mark dropped).
- ``--tag-from-folder`` tags each file with the names of the folders it sits in below the
  imported folder.
- Ids: the front matter's UUID, else one derived from the time, title and body, so
  importing the same folder again adds nothing.
"""

from __future__ import annotations

import os
import re
import stat
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from peerjournal.domain.timestamps import resolve_local
from peerjournal.errors import ImportExportError, InvalidInput, Text
from peerjournal.formats.markdown import DAY_NAME, SINGLE_FILE_MARK, SUFFIXES
from peerjournal.importers.records import MAX_BODY_CHARS, EntryRecord, MoodRecord
from peerjournal.importers.source import (
    ImportOptions,
    ImportSource,
    Item,
    Problem,
    checked_entry,
    checked_mood,
    skipped,
    source_id,
)

FORMAT_NAME = "markdown"
#: Longest front matter read, in characters.
MAX_FRONT_MATTER = 64 * 1024
#: Largest file read, in bytes (a body may hold MAX_BODY_CHARS characters).
MAX_FILE_BYTES = MAX_BODY_CHARS + MAX_FRONT_MATTER
_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_KEY_LINE = re.compile(r"^[A-Za-z_][\w -]*:", re.MULTILINE)
NOON = time(12, 0)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader, but a date that is no real day (``2024-13-45``, ``2024-02-30``)
    stays text, so it is reported as a bad ``date`` rather than as broken YAML."""


def _timestamp(loader: Any, node: Any) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_LOADER: Any = _Loader


class _Bad(Exception):
    """A problem with one file: where (a line, or None for the file) and what."""

    def __init__(self, what: Text, line: int | None = None) -> None:
        super().__init__(what.code)
        self.what = what
        self.line = line


def _walk(root: Path) -> tuple[list[Path], int]:
    """Markdown files under ``root``, sorted, and how many were left out: symbolic links to
    files or folders (one may point anywhere, out of the folder or back into it) and
    Markdown names that are not plain files (a named pipe would wait for a writer for ever,
    a device never ends). Hidden names are skipped unseen."""
    found: list[Path] = []
    left_out = 0
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        left_out += sum(1 for d in dirs if (base / d).is_symlink())  # listed, never entered
        for name in sorted(files):
            path = base / name
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            try:
                plain = stat.S_ISREG(os.lstat(path).st_mode)
            except OSError:
                plain = True  # gone or unreadable: reading it reports why
            if plain:
                found.append(path)
            else:
                left_out += 1
    return found, left_out


def split_front_matter(text: str) -> tuple[str | None, str]:
    """``(yaml text or None, body)``; raises _Bad for front matter that is never closed."""
    opening = _OPEN.match(text)
    if opening is None:
        return None, text
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        rest = text[opening.end() :]
        if _KEY_LINE.match(rest):
            raise _Bad(Text("import.problem.yaml_unclosed"), 1)
        return None, text  # a horizontal rule, not front matter
    return text[opening.end() : closing.start()], text[closing.end() :]


def load_front_matter(source: str) -> dict[str, Any]:
    """The front matter as a mapping (safe loader only); raises _Bad with its line."""
    if len(source) > MAX_FRONT_MATTER:
        raise _Bad(Text("import.problem.yaml_too_large", limit=MAX_FRONT_MATTER), 1)
    try:
        data = yaml.load(source, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark is not None else 1
        raise _Bad(Text("import.problem.yaml_refused", reason=_reason(exc)), line) from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark is not None else 1
        raise _Bad(Text("import.problem.yaml", reason=_reason(exc)), line) from exc
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        raise _Bad(Text("import.problem.yaml", reason=type(exc).__name__), 1) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise _Bad(Text("import.problem.yaml_not_mapping"), 2)
    return {str(key): value for key, value in data.items()}


def _reason(exc: yaml.MarkedYAMLError) -> str:
    return " ".join(str(exc.problem or exc.context or "invalid").split())[:120]


def _moment(value: object, key: str) -> datetime:
    """A front-matter time: aware kept, naive or a bare day placed in the local zone."""
    moment: datetime | None = None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, NOON)
    elif isinstance(value, str):
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            try:
                moment = datetime.combine(date.fromisoformat(text), NOON)
            except ValueError:
                moment = None
    if moment is None:
        raise _Bad(Text("import.problem.md_date", key=key, value=str(value)[:60]))
    if moment.tzinfo is None or moment.utcoffset() is None:
        try:
            moment = resolve_local(moment).moment
        except InvalidInput as exc:
            raise _Bad(Text("import.problem.md_date", key=key, value=str(value)[:60])) from exc
    return moment


def _text(value: object, key: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise _Bad(Text("import.problem.yaml_type", key=key, expected=Text("yaml.text")))


def _tags(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts = value.split(",") if "," in value else value.split()
    elif isinstance(value, list):
        parts = [_text(item, "tags") if not isinstance(item, str) else item for item in value]
    else:
        raise _Bad(Text("import.problem.yaml_type", key="tags", expected=Text("yaml.tags")))
    return [tag.strip().lstrip("#").strip() for tag in parts if tag.strip().lstrip("#").strip()]


def _names(value: object, key: str) -> list[str]:
    """A list of emotion or activity names (or one line split at commas)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [_text(item, key) for item in value]
    raise _Bad(Text("import.problem.yaml_type", key=key, expected=Text("yaml.names")))


def _level(value: object) -> int | None:
    """A mood level from 1 to 5, or None for anything else (``happy``, ``4.5``)."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return value
    return None


def _uuid(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        return None


def _title_from_name(path: Path) -> str:
    stem = path.name
    for suffix in SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    match = DAY_NAME.match(stem)
    if match:
        stem = stem[match.end() :]
    return stem.strip(" -_.")


class MarkdownSource(ImportSource):
    """The files of a Markdown folder (or one file) as entries (see the module docstring)."""

    format = FORMAT_NAME

    def __init__(self, path: Path, options: ImportOptions | None = None) -> None:
        super().__init__(path, options)
        self._moods_given: set[str] = set()  # mood ids already yielded (entries may share one)
        self._moods_left_out = 0
        self._links_left_out = 0  # Markdown names that are links or not plain files

    def _files(self) -> tuple[Path, list[Path]]:
        root = self.path
        try:
            if root.is_file():
                return root.parent, [root]
            if root.is_dir():
                files, self._links_left_out = _walk(root)
                return root, files
        except OSError as exc:
            raise ImportExportError(
                "import.unreadable", path=str(root), reason=str(exc.strerror)
            ) from exc
        if root.exists():  # a device or a pipe: there is something, but no file to read
            raise ImportExportError("import.not_a_file", path=str(root))
        raise ImportExportError("import.no_file", path=str(root))

    def read(self) -> Iterator[Item | Problem]:
        root, files = self._files()
        sizes = {}
        for path in files:
            try:
                sizes[path] = path.stat().st_size
            except OSError:
                sizes[path] = 0
        self.bytes_total = sum(sizes.values())
        for path in files:
            rel = path.relative_to(root).as_posix()
            try:
                yield self._item(root, path, rel)
            except _Bad as bad:
                if bad.what.code == "import.problem.md_single_file_export" and path == self.path:
                    raise ImportExportError("import.md_single_file_export", path=str(path)) from bad
                where = (
                    Text("import.where.md_file", path=rel)
                    if bad.line is None
                    else Text("import.where.md_line", path=rel, number=bad.line)
                )
                yield Problem(where, bad.what)
            except ImportExportError as exc:
                yield skipped(exc)
            self.bytes_done += sizes[path]
        if self._moods_left_out:
            self.notices.append(Text("import.notice.md_mood", count=self._moods_left_out))
        if self._links_left_out:
            self.notices.append(Text("import.notice.md_links", count=self._links_left_out))

    def _item(self, root: Path, path: Path, rel: str) -> Item:
        entry, meta = self._entry(root, path, rel)
        if "mood" not in meta:
            return Item(entry=entry)
        level = _level(meta["mood"])
        if level is None:
            self._moods_left_out += 1
            return Item(entry=entry)
        where = Text("import.where.md_file", path=rel)
        mood_id = _uuid(meta.get("mood_id")) or source_id("markdown.mood", entry.id)
        mood = checked_mood(
            MoodRecord(
                id=mood_id,
                at=_moment(meta["mood_at"], "mood_at") if "mood_at" in meta else entry.created,
                level=level,
                emotions=tuple(_names(meta.get("mood_emotions"), "mood_emotions")),
                activities=tuple(_names(meta.get("mood_activities"), "mood_activities")),
                note=_text(meta["mood_note"], "mood_note") if "mood_note" in meta else "",
            ),
            where,
        )
        entry = replace(entry, mood_id=mood.id)
        if mood.id in self._moods_given:  # another entry brought this log already
            return Item(entry=entry)
        self._moods_given.add(mood.id)
        return Item(entry=entry, mood=mood)

    def _entry(self, root: Path, path: Path, rel: str) -> tuple[EntryRecord, dict[str, Any]]:
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            modified = path.stat().st_mtime
        except OSError as exc:
            raise ImportExportError(
                "import.unreadable", path=rel, reason=str(exc.strerror)
            ) from exc
        if len(data) > MAX_FILE_BYTES:
            raise _Bad(Text("import.problem.md_too_large", limit=MAX_FILE_BYTES))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Bad(Text("import.problem.md_not_utf8")) from exc
        text = text.removeprefix("\ufeff")
        second = text.split("\n", 2)[1:2]
        if second and second[0].rstrip("\r") == SINGLE_FILE_MARK:
            raise _Bad(Text("import.problem.md_single_file_export"))
        source, body = split_front_matter(text)
        meta = load_front_matter(source) if source is not None else {}
        if "date" in meta or "created" in meta:
            key = "date" if "date" in meta else "created"
            created = _moment(meta[key], key)
        else:
            day = DAY_NAME.match(path.name)
            if day is not None:
                # A name that starts like a day but is none (2024-02-30) is reported, not
                # dated by the file's time: that would be a date the user never wrote.
                try:
                    when = date(int(day[1]), int(day[2]), int(day[3]))
                    created = resolve_local(datetime.combine(when, NOON)).moment
                except (ValueError, InvalidInput) as exc:
                    value = f"{day[1]}-{day[2]}-{day[3]}"
                    what = Text("import.problem.md_date", key="file name", value=value)
                    raise _Bad(what) from exc
            else:
                created = datetime.fromtimestamp(int(modified), UTC).astimezone()
        updated = _moment(meta["updated"], "updated") if "updated" in meta else created
        title = _text(meta["title"], "title") if "title" in meta else _title_from_name(path)
        tags = _tags(meta.get("tags"))
        if self.options.tag_from_folder:
            tags.extend(part for part in Path(rel).parent.parts if part not in ("", "."))
        starred = meta.get("starred", False)
        if not isinstance(starred, bool):
            raise _Bad(Text("import.problem.yaml_type", key="starred", expected=Text("yaml.bool")))
        entry_id = _uuid(meta.get("id")) or source_id("markdown", created.isoformat(), title, body)
        record = EntryRecord(
            id=entry_id,
            created=created,
            updated=updated,
            title=title,
            body=body,
            tags=tuple(dict.fromkeys(tags)),
            starred=starred,
            mood_id=None,
            deleted=None,
        )
        return checked_entry(record, Text("import.where.md_file", path=rel)), meta
