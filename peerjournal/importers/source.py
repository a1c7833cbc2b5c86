"""The import framework every format shares: a streaming record source per file.

A format's reader is an :class:`ImportSource`: iterating it yields, one record at a time,
either an :class:`Item` (an entry, a mood log, or a mood log with its linked entry) or a
:class:`Problem` (a malformed row: where it is and what is wrong; the row is skipped and
the rest imported). A problem with the file as a whole (not the format, not UTF-8, a zip
bomb) raises :class:`~peerjournal.errors.ImportExportError` instead, and the import use case
(``peerjournal.app.transfer``) then applies nothing: it writes every item of one file in one
transaction.

Records are validated here, at the one boundary every importer shares
(:mod:`peerjournal.importers.validate` and :func:`peerjournal.domain.timestamps.check_moment`,
through :func:`checked_entry` / :func:`checked_mood`), so a reader only has to turn its
format into records. Each record carries an id that is stable for its source record (Day
One's uuid, a content hash for formats without ids, see :func:`source_id`), so importing
the same file again adds nothing.

Sources read their file as a stream, so memory does not grow with the file; progress is
reported in bytes of the file read (:attr:`ImportSource.bytes_done` of
:attr:`ImportSource.bytes_total`).
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from peerjournal.domain.models import check_level, check_text, normalise_names, normalise_tags
from peerjournal.domain.timestamps import check_moment
from peerjournal.errors import ImportExportError, InvalidInput, Text
from peerjournal.importers.records import (
    MAX_BODY_CHARS,
    MAX_IMPORT_BYTES,
    MAX_NOTE_CHARS,
    MAX_TITLE_CHARS,
    EntryRecord,
    MoodRecord,
    rebuilt,
    uuid5_text,
)

#: Namespace of the ids derived from a source record's own identity (see source_id).
SOURCE_NAMESPACE = uuid.UUID("0d3c5e2a-7f4b-4c1e-9a0e-6b8f2d9c4a17")
_NAMESPACE_BYTES = SOURCE_NAMESPACE.bytes


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose for an import; each format reads the options it knows.

    ``mood_map`` maps a Daylio mood name (compared trimmed and case-insensitively) to a
    level; ``None`` means the stock names (rad=5 … awful=1). ``journal`` names the one
    journal of a Day One zip to import (``None``: all). ``include_location`` and
    ``include_weather`` opt in to Day One's location and weather. ``tag_from_folder`` tags
    Markdown files with the names of the folders they sit in.
    """

    mood_map: dict[str, int] | None = None
    journal: str | None = None
    include_location: bool = False
    include_weather: bool = False
    tag_from_folder: bool = False


@dataclass(frozen=True)
class Item:
    """One record of a file: an entry, a mood log, or both (the entry links the log).

    An item with neither is a progress tick: a reader that passes over the file first
    (the JSON formats) yields one per record of that pass, so progress moves; the import
    counts and writes nothing for it.
    """

    entry: EntryRecord | None = None
    mood: MoodRecord | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return rebuilt, (Item, (self.entry, self.mood))


@dataclass(frozen=True)
class Problem:
    """A malformed record that was skipped: where it is and what is wrong."""

    where: Text
    what: Text

    @property
    def text(self) -> Text:
        """The sentence the user reads ("line 12: 'time' must look like …; skipped")."""
        if self.what.code.startswith("import.problem."):
            return Text("import.skipped", where=self.where, problem=self.what)
        # a whole sentence from the vault's own checks ("A tag may be at most …")
        return Text("import.skipped_sentence", where=self.where, problem=self.what)

    def render(self) -> str:
        """The sentence in English."""
        return self.text.render()


@dataclass
class Vocabulary:
    """Mood labels and emotion/activity names a file carries (None: it carries none)."""

    mood_labels: dict[int, str] | None = None
    emotions: tuple[str, ...] | None = None
    activities: tuple[str, ...] | None = None


class ImportSource:
    """Base of every format's reader; iterate it once for its items and problems.

    Subclasses implement :meth:`read` and update :attr:`bytes_done` as they go. After the
    iteration, :attr:`notices` holds what the report should say besides the counts
    ("2 photos were not imported"), :attr:`vocabulary` the lists the file carries and
    :attr:`unmapped_moods` the mood names no level was given for (Daylio), each with
    its count. An import with unmapped moods is refused; a dry run lists them.
    """

    format: str = ""
    #: Every record it yields passed :func:`checked_entry` / :func:`checked_mood` (every
    #: reader here does), so the import writes them without checking them again.
    checks_records: bool = True

    def __init__(self, path: Path, options: ImportOptions | None = None) -> None:
        self.path = Path(path)
        self.options = options or ImportOptions()
        self.bytes_done = 0
        self.bytes_total = 0
        self.notices: list[Text] = []
        self.vocabulary = Vocabulary()
        self.unmapped_moods: dict[str, int] = {}

    def read(self) -> Iterator[Item | Problem]:
        """Yield the file's records in file order (subclasses)."""
        raise NotImplementedError

    def __iter__(self) -> Iterator[Item | Problem]:
        return self.read()

    def close(self) -> None:
        """Release what reading holds, also when the import stopped early (a cancel)."""


def problem_of(error: ImportExportError) -> Problem | None:
    """The skippable problem an ``import.invalid`` error describes (None for fatal ones)."""
    params = error.text.params
    if error.code == "import.invalid":
        where, what = params["where"], params["problem"]
        if isinstance(where, Text) and isinstance(what, Text):
            return Problem(where, what)
    return None


def skipped(error: ImportExportError) -> Problem:
    """The problem of a record error; re-raises errors that are not about one record."""
    problem = problem_of(error)
    if problem is None:
        raise error
    return problem


def line_at(number: int) -> Text:
    """Where line ``number`` (1-based) of a file is."""
    return Text("import.where.line", number=number)


def source_id(kind: str, *parts: str) -> str:
    """The stable id of a record derived from its source's identity.

    ``kind`` names the format and record type (``"dayone"``, ``"daylio.mood"``); ``parts``
    are what identifies the record in its source (Day One's uuid; for formats without ids,
    the record's content), so the same record always gets the same id.
    """
    return uuid5_text(_NAMESPACE_BYTES, "\x00".join((kind, *parts)))


def _refused(where: Text, error: InvalidInput) -> ImportExportError:
    what = error.text
    if what.code == "time.implausible":
        what = Text("import.problem.out_of_range", value=what.params["value"])
    return ImportExportError("import.invalid", where=where, problem=what)


def checked_entry(record: EntryRecord, where: Text) -> EntryRecord:
    """``record`` with its text, tags and times checked and normalised as the vault will.

    Raises ``import.invalid`` at ``where`` (a skippable problem) for anything the vault
    would refuse, so a bad record is skipped rather than failing the whole import.
    """
    try:
        title = check_text(record.title, "field.title")
        body = check_text(record.body, "field.entry_text")
        if len(title) > MAX_TITLE_CHARS:
            raise ImportExportError(
                "import.invalid",
                where=where,
                problem=Text("import.problem.too_long", key="title", limit=MAX_TITLE_CHARS),
            )
        if len(body) > MAX_BODY_CHARS:
            raise ImportExportError(
                "import.invalid",
                where=where,
                problem=Text("import.problem.too_long", key="body", limit=MAX_BODY_CHARS),
            )
        tags = normalise_tags(record.tags)
        created = check_moment(record.created)
        updated = check_moment(record.updated)
        deleted = None if record.deleted is None else check_moment(record.deleted)
    except InvalidInput as exc:
        raise _refused(where, exc) from exc
    return EntryRecord(
        id=record.id,
        created=created,
        updated=updated,
        title=title,
        body=body,
        tags=tags,
        starred=bool(record.starred),
        mood_id=record.mood_id,
        deleted=deleted,
    )


def checked_mood(record: MoodRecord, where: Text) -> MoodRecord:
    """``record`` checked and normalised as the vault will (see :func:`checked_entry`)."""
    try:
        note = check_text(record.note, "field.note")
        if len(note) > MAX_NOTE_CHARS:
            raise ImportExportError(
                "import.invalid",
                where=where,
                problem=Text("import.problem.too_long", key="note", limit=MAX_NOTE_CHARS),
            )
        return MoodRecord(
            id=record.id,
            at=check_moment(record.at),
            level=check_level(record.level),
            emotions=normalise_names(record.emotions, "field.emotion"),
            activities=normalise_names(record.activities, "field.activity"),
            note=note,
        )
    except InvalidInput as exc:
        raise _refused(where, exc) from exc


def open_import_file(path: Path, *, max_bytes: int = MAX_IMPORT_BYTES) -> tuple[BinaryIO, int]:
    """Open an import file for streaming; refuse missing, unreadable or oversized files.

    Returns the open binary stream and its size in bytes.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise ImportExportError("import.is_folder", path=str(path))
        size = path.stat().st_size
        if not path.is_file():
            raise ImportExportError("import.not_a_file", path=str(path))
        if size > max_bytes:
            raise ImportExportError(
                "import.too_large_mib",
                path=str(path),
                size=size // (1024 * 1024),
                limit=max_bytes // (1024 * 1024),
            )
        return path.open("rb"), size
    except FileNotFoundError as exc:
        raise ImportExportError("import.no_file", path=str(path)) from exc
    except PermissionError as exc:
        raise ImportExportError("import.permission", path=str(path)) from exc
    except OSError as exc:
        raise ImportExportError(
            "import.unreadable", path=str(path), reason=str(exc.strerror)
        ) from exc


class CountingReader(io.BufferedIOBase):
    """A binary stream wrapper that counts the bytes read (for progress) and caps them."""

    def __init__(self, raw: IO[bytes], limit: int = MAX_IMPORT_BYTES) -> None:
        super().__init__()
        self.raw = raw
        self.limit = limit
        self.count = 0

    def read(self, size: int | None = -1, /) -> bytes:
        """Read like the wrapped stream; past ``limit`` bytes the file is refused."""
        data = self.raw.read(-1 if size is None else size)
        self.count += len(data)
        if self.count > self.limit:
            raise ImportExportError("import.data_too_large", format="import")
        return data

    def read1(self, size: int = -1, /) -> bytes:
        """One read (TextIOWrapper asks for this)."""
        return self.read(size)

    def readable(self) -> bool:
        """Always true."""
        return True

    def close(self) -> None:
        """Close the wrapped stream."""
        self.raw.close()
        super().close()
