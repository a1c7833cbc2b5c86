"""Export use case: the vault's entries and mood logs written out as files (plaintext!).

Formats: ``json`` (PeerJournal's own, lossless, the trash included), ``md`` (a folder with
one Markdown file per entry, or one file with ``single_file``), ``csv`` (mood logs) and
``pdf`` (a printable journal of a range with its mood levels, drawn by the desktop layer,
which the caller passes in as ``render_pdf``). Each takes a range of the user's local days
(:func:`peerjournal.domain.timestamps.day_bounds_us`) and a tag filter.

Exports **stream**: entries are read from the vault in pages and written one by one, so
memory does not grow with the journal. They are **atomic and durable**: the file (or
folder) is written under a temp name beside the target, with mode 0600 (folders 0700),
flushed to the disk and renamed into place only when complete; a failure, a full disk or
Ctrl-C removes the temp file (or folder) and leaves nothing behind. A progress callback may
raise to cancel, with the same effect. A Markdown folder's files are created without a
flush each and flushed together once (:func:`peerjournal.fsutil.atomic_folder`): a
flush per file would cost a wait for the disk per entry.
A target inside the vault folder is refused: a plaintext copy must never sit there.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from peerjournal.app.entry_rows import split_tags, tag_fold
from peerjournal.domain.models import Entry, MoodLog
from peerjournal.domain.timestamps import as_local, day_bounds_us
from peerjournal.errors import ExportError, ImportExportError, StorageFull
from peerjournal.exporters import csv_moods, markdown
from peerjournal.exporters.peerjournal_json import StoredEntry, write_json
from peerjournal.fsutil import StagedFolder, atomic_file, atomic_folder

if TYPE_CHECKING:
    from peerjournal.app.session import Session

#: ``--format`` names, in the order the help lists them.
FORMATS = ("json", "md", "csv", "pdf")
#: Formats that can be written to standard output.
STREAMABLE = frozenset({"json", "md-single", "csv"})
#: Entries fetched per query.
PAGE = 512
#: ``progress(done, total)`` in records; it may raise to cancel (nothing is left behind).
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportOptions:
    """What to export: the format, a range of local days, tags (an entry with any of them)."""

    format: str = "json"
    since: date | None = None
    until: date | None = None
    tags: tuple[str, ...] = ()
    #: Markdown: one file for every entry instead of a folder.
    single_file: bool = False

    @property
    def kind(self) -> str:
        """The format, with ``md`` split into ``md-folder`` and ``md-single``."""
        if self.format == "md":
            return "md-single" if self.single_file else "md-folder"
        return self.format


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    format: str
    path: str | None
    entries: int
    moods: int
    files: int = 1


@dataclass(frozen=True)
class ExportedEntry:
    """An entry as exports see it, with the level and label of its mood log if linked."""

    entry: Entry
    mood: tuple[int, str] | None


@dataclass(frozen=True)
class PdfInput:
    """What the PDF renderer draws: the range, the entries, the mood logs, the labels.

    ``entries`` is read from the vault as the renderer goes (``entry_count`` of them, in
    order), so a long range is never held in memory whole.
    """

    title: str
    since: date | None
    until: date | None
    entries: Iterable[ExportedEntry]
    moods: Sequence[MoodLog]
    labels: dict[int, str]
    entry_count: int


#: Draws a :class:`PdfInput` as a PDF into the binary stream (``peerjournal.ui.export.pdf``).
PdfRenderer = Callable[[PdfInput, BinaryIO], None]


def check_options(options: ExportOptions) -> None:
    """Refuse an unknown format or a reversed range (before anything is read)."""
    if options.format not in FORMATS:
        raise ExportError("export.unknown_format", name=options.format, formats=", ".join(FORMATS))
    if options.since and options.until and options.since > options.until:
        raise ExportError(
            "export.range_reversed",
            since=options.since.isoformat(),
            until=options.until.isoformat(),
        )


# -- reading the vault ------------------------------------------------------------------


@dataclass
class _Selection:
    """The filter of one export, as SQL over ``entries e``."""

    options: ExportOptions
    live_only: bool
    clauses: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        if self.live_only:
            self.clauses.append("e.trashed = 0")
        folds = sorted({tag_fold(tag) for tag in self.options.tags})
        if self.options.tags:
            marks = ", ".join("?" for _ in folds)
            self.clauses.append(
                "e.rid IN (SELECT et.rid FROM entry_tags et JOIN tags t ON t.tid = et.tid"  # noqa: S608
                f" WHERE t.fold IN ({marks}))"
            )
            self.args.extend(folds)
        self.start, self.end = day_bounds_us(self.options.since, self.options.until)
        if self.start is not None:
            self.clauses.append("e.created_us >= ?")
            self.args.append(self.start)
        if self.end is not None:
            self.clauses.append("e.created_us < ?")
            self.args.append(self.end)

    @property
    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _ordered_rids(conn: Any, selection: _Selection) -> list[int]:
    """The rids of the selected entries by creation time, then id (as the JSON format
    promises), sorting only (time, rid) pairs: the bodies are not read here."""
    rows = conn.execute(
        f"SELECT e.rid, e.created_us FROM entries e{selection.where}"  # noqa: S608
        " ORDER BY e.created_us, e.rid",
        selection.args,
    ).fetchall()
    tied: list[int] = [
        rid
        for index, (rid, us) in enumerate(rows)
        if (index and rows[index - 1][1] == us)
        or (index + 1 < len(rows) and rows[index + 1][1] == us)
    ]
    if not tied:
        return [rid for rid, _ in rows]
    ids: dict[int, str] = {}
    for chunk in _chunks(tied, PAGE):
        marks = ", ".join("?" for _ in chunk)
        for rid, entry_id in conn.execute(
            f"SELECT rid, id FROM entries WHERE rid IN ({marks})",  # noqa: S608
            chunk,
        ):
            ids[rid] = entry_id
    rows.sort(key=lambda row: (row[1], ids.get(row[0], "")))
    return [rid for rid, _ in rows]


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _dt(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _rows_in_order(conn: Any, select: str, rids: Sequence[int]) -> Iterator[Sequence[Any]]:
    """The rows of ``select`` (a query ending in ``… rid IN``, the rid its first column)
    for ``rids``, a page at a time and in the order of ``rids``; a row deleted meanwhile
    is left out."""
    for chunk in _chunks(rids, PAGE):
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(f"{select} ({marks})", chunk).fetchall()
        by_rid = {row[0]: row for row in rows}
        for rid in chunk:
            row = by_rid.get(rid)
            if row is not None:
                yield row


def _entries(conn: Any, rids: Sequence[int], labels: dict[int, str]) -> Iterator[ExportedEntry]:
    """The entries of ``rids`` in that order, read a page at a time."""
    select = (
        "SELECT e.rid, e.id, e.created, e.updated, e.title, e.body, e.tags, e.starred,"
        " e.mood_id, e.deleted, m.level FROM entries e"
        " LEFT JOIN mood_logs m ON m.id = e.mood_id WHERE e.rid IN"
    )
    for row in _rows_in_order(conn, select, rids):
        entry = Entry(
            id=row[1],
            created=datetime.fromisoformat(row[2]),
            updated=datetime.fromisoformat(row[3]),
            title=row[4],
            body=row[5],
            tags=split_tags(row[6]),
            starred=bool(row[7]),
            mood_id=row[8],
            deleted=_dt(row[9]),
        )
        level = row[10]
        mood = None if level is None else (int(level), labels.get(int(level), ""))
        yield ExportedEntry(entry, mood)


def _stored(conn: Any, rids: Sequence[int], linked: set[str]) -> Iterator[StoredEntry]:
    """The entries of ``rids`` as stored (no time parsing: the JSON export's fast path);
    the mood ids they link to are added to ``linked``."""
    select = (
        "SELECT rid, id, created, updated, title, body, tags, starred, mood_id, deleted"
        " FROM entries WHERE rid IN"
    )
    for row in _rows_in_order(conn, select, rids):
        if row[8] is not None:
            linked.add(row[8])
        yield StoredEntry(*row[1:])


_MOOD_COLUMNS = "id, at, level, emotions, activities, note"


def _mood_of(row: Sequence[Any]) -> MoodLog:
    return MoodLog(
        id=row[0],
        at=datetime.fromisoformat(row[1]),
        level=int(row[2]),
        emotions=tuple(json.loads(row[3])),
        activities=tuple(json.loads(row[4])),
        note=row[5],
    )


def _moods(
    conn: Any, selection: _Selection, linked: set[str] | None, ranged: bool
) -> Iterator[MoodLog]:
    """Mood logs by time then id: those in the range (when ``ranged``) and those in
    ``linked`` (the mood logs exported entries link to, wherever they are)."""
    clauses: list[str] = []
    args: list[Any] = []
    if selection.start is not None:
        clauses.append("at_us >= ?")
        args.append(selection.start)
    if selection.end is not None:
        clauses.append("at_us < ?")
        args.append(selection.end)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    extra: list[tuple[int, str, MoodLog]] = []
    if linked:
        for chunk in _chunks(sorted(linked), PAGE):
            marks = ", ".join("?" for _ in chunk)
            for row in conn.execute(
                f"SELECT at_us, {_MOOD_COLUMNS} FROM mood_logs WHERE id IN ({marks})",  # noqa: S608
                list(chunk),
            ):
                in_range = (selection.start is None or row[0] >= selection.start) and (
                    selection.end is None or row[0] < selection.end
                )
                if not (ranged and in_range):
                    extra.append((row[0], row[1], _mood_of(row[1:])))
    extra.sort(key=lambda item: (item[0], item[1]))
    ranged_rows: Iterator[Any] = iter(())
    if ranged:
        ranged_rows = conn.execute(
            f"SELECT at_us, {_MOOD_COLUMNS} FROM mood_logs{where}"  # noqa: S608
            " ORDER BY at_us, id",
            args,
        )
    pending = iter(extra)
    next_extra = next(pending, None)
    for row in ranged_rows:
        while next_extra is not None and (next_extra[0], next_extra[1]) < (row[0], row[1]):
            yield next_extra[2]
            next_extra = next(pending, None)
        yield _mood_of(row[1:])
    while next_extra is not None:
        yield next_extra[2]
        next_extra = next(pending, None)


def _tagged_mood_ids(conn: Any, selection: _Selection) -> set[str]:
    rows = conn.execute(
        f"SELECT e.mood_id FROM entries e{selection.where}"  # noqa: S608
        + (" AND" if selection.clauses else " WHERE")
        + " e.mood_id IS NOT NULL",
        selection.args,
    )
    return {row[0] for row in rows}


# -- writing ----------------------------------------------------------------------------


class _Counter:
    """Counts records and reports progress every so often."""

    def __init__(self, total: int, progress: ProgressCallback | None) -> None:
        self.total = total
        self.done = 0
        self.progress = progress
        if progress is not None:
            progress(0, total)  # the total at once; a cancel before the first record

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % 256 == 0:
            self.progress(self.done, self.total)


def _counted(items: Iterator[Any], counter: _Counter) -> Iterator[Any]:
    for item in items:
        yield item
        counter.tick()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def check_target(
    vault_folder: Path, target: Path, options: ExportOptions, *, stdout_way: bool = False
) -> Path:
    """Refuse a target inside the vault, a missing parent folder, a folder, link, device
    or pipe where a file goes, or (Markdown folder) a name that holds anything already.

    ``stdout_way``: the caller can write to standard output (the command line), so a
    pipe or a device is refused with the way to write into it (redirect the output).

    An existing ordinary file is allowed here: whether to replace it is the caller's
    question (the desktop's save dialog asks; the command line wants a yes)."""
    target = Path(target).expanduser()
    if _inside(target, vault_folder):
        raise ImportExportError("export.inside_vault")
    if not target.parent.is_dir():
        raise ImportExportError("export.no_folder", path=str(target))
    if options.kind == "md-folder":
        if target.exists() and (
            target.is_symlink() or not target.is_dir() or any(target.iterdir())
        ):
            raise ExportError("export.target_exists", path=str(target))
    elif target.is_dir():
        raise ImportExportError("export.is_folder", path=str(target))
    elif target.is_symlink() or (target.exists() and not target.is_file()):
        # a device, a pipe or a link: the atomic rename would not write what it names
        if target.exists() and not target.is_file():  # a pipe, a device, /dev/stdout
            if stdout_way and options.kind in STREAMABLE:  # the way into it
                raise ExportError("export.pipe_use_stdout", path=str(target), format=options.format)
            raise ExportError("export.pipe_needs_file", path=str(target), format=options.format)
        raise ExportError("export.not_a_file", path=str(target))
    return target


def _write_stream(
    session: Session,
    out: BinaryIO,
    options: ExportOptions,
    progress: ProgressCallback | None,
) -> tuple[int, int]:
    """Write a one-stream format (json, md-single, csv) to ``out``; (entries, moods)."""
    conn = session.conn
    mood = session.mood
    labels = mood.labels()
    kind = options.kind
    if kind == "csv":
        selection = _Selection(options, live_only=True)
        tagged = _tagged_mood_ids(conn, selection) if options.tags else None
        total = conn.execute("SELECT count(*) FROM mood_logs").fetchone()[0]
        counter = _Counter(total, progress)
        writer = csv_moods.CsvWriter(out, labels)
        moods = 0
        for log in _counted(_moods(conn, selection, tagged, ranged=not options.tags), counter):
            writer.mood(log)
            moods += 1
        return 0, moods
    selection = _Selection(options, live_only=kind != "json")
    rids = _ordered_rids(conn, selection)
    counter = _Counter(len(rids), progress)
    if kind == "json":
        linked: set[str] = set()
        return write_json(
            out,
            _counted(_stored(conn, rids, linked), counter),
            _moods(conn, selection, linked, ranged=not options.tags),
            mood_labels=labels,
            emotions=mood.emotions(),
            activities=mood.activities(),
        )
    out.write(markdown.document_head("PeerJournal"))
    count = 0
    for item in _counted(_entries(conn, rids, labels), counter):
        out.write(markdown.section(item.entry, item.mood))
        count += 1
    return count, 0


_FOLDER_COLUMNS = (
    "e.rid, e.id, e.created, e.updated, e.title, e.body, e.tags, e.starred,"
    " m.id, m.at, m.level, m.emotions, m.activities, m.note"
)


def _write_folder(
    session: Session,
    folder: StagedFolder,
    options: ExportOptions,
    progress: ProgressCallback | None,
) -> int:
    """One Markdown file per entry into ``folder``; the number written.

    The hot loop of the largest export: rows are formatted from their stored text (the
    times are parsed once, for the local day of the file name), each file is created and
    written in one call, and progress is reported per page.
    """
    conn = session.conn
    selection = _Selection(options, live_only=True)
    rids = _ordered_rids(conn, selection)
    total = len(rids)
    labels = session.mood.labels()
    names = markdown.FileNames()
    write, name_for, file_text = folder.write, names.name_for_day, markdown.file_text
    parse, local = datetime.fromisoformat, as_local
    select = (
        f"SELECT {_FOLDER_COLUMNS} FROM entries e"  # noqa: S608
        " LEFT JOIN mood_logs m ON m.id = e.mood_id WHERE e.rid IN"
    )
    count = 0
    if progress is not None:
        progress(0, total)  # the total at once; a cancel before the first file
    for row in _rows_in_order(conn, select, rids):
        (_rid, entry_id, created, updated, title, body, tags, starred,
         mood_id, mood_at, level, emotions, activities, note) = row  # fmt: skip
        mood = None
        if mood_id is not None:
            mood = markdown.LinkedMood(
                id=mood_id,
                at=mood_at,
                level=int(level),
                label=labels.get(int(level), ""),
                emotions=json.loads(emotions),
                activities=json.loads(activities),
                note=note,
            )
        day = local(parse(created)).date().isoformat()
        data = file_text(
            entry_id=entry_id,
            created=created,
            updated=updated,
            title=title,
            body=body,
            tags=split_tags(tags),
            starred=bool(starred),
            mood=mood,
        )
        write(name_for(day, title), data)
        count += 1
        if progress is not None and count % PAGE == 0:
            progress(count, total)
    if progress is not None:
        progress(count, total)
    return count


def _pdf_input(
    session: Session, options: ExportOptions, progress: ProgressCallback | None
) -> PdfInput:
    conn = session.conn
    labels = session.mood.labels()
    selection = _Selection(options, live_only=True)
    rids = _ordered_rids(conn, selection)
    entries = _counting(_entries(conn, rids, labels), len(rids), progress)
    linked = _tagged_mood_ids(conn, selection) if options.tags else None
    moods = list(_moods(conn, selection, linked, ranged=not options.tags))
    return PdfInput("PeerJournal", options.since, options.until, entries, moods, labels, len(rids))


def _counting(
    entries: Iterator[ExportedEntry], total: int, progress: ProgressCallback | None
) -> Iterator[ExportedEntry]:
    """``entries``, telling ``progress`` how many were handed on (a cancel raises there)."""
    count = 0
    if progress is not None:
        progress(0, total)  # as the first entry is asked for: the total, or a cancel
    for count, entry in enumerate(entries, start=1):
        if progress is not None and count % PAGE == 0:
            progress(count, total)
        yield entry
    if progress is not None:
        progress(count, total)


def _translate_os_error(target: Path, exc: OSError) -> ImportExportError:
    if isinstance(exc, PermissionError):
        return ImportExportError("export.permission", path=str(target))
    return ImportExportError("export.unwritable", path=str(target), reason=str(exc.strerror))


def export_to(
    session: Session,
    target: Path,
    options: ExportOptions,
    *,
    progress: ProgressCallback | None = None,
    render_pdf: PdfRenderer | None = None,
) -> ExportReport:
    """Write the export to ``target`` atomically (see the module docstring)."""
    check_options(options)
    target = check_target(session.folder, target, options)
    kind = options.kind
    try:
        if kind == "md-folder":
            with atomic_folder(target) as staged:
                count = _write_folder(session, staged, options, progress)
            return ExportReport("md", str(target), count, 0, files=count)
        if kind == "pdf":
            if render_pdf is None:
                raise ExportError("export.no_pdf")
            document = _pdf_input(session, options, progress)
            with atomic_file(target) as out:
                render_pdf(document, out)
            return ExportReport("pdf", str(target), document.entry_count, len(document.moods))
        with atomic_file(target) as out:
            entries, moods = _write_stream(session, out, options, progress)
        return ExportReport(options.format, str(target), entries, moods)
    except StorageFull:
        raise
    except OSError as exc:
        raise _translate_os_error(target, exc) from exc


def export_stream(
    session: Session,
    out: BinaryIO,
    options: ExportOptions,
    *,
    progress: ProgressCallback | None = None,
) -> ExportReport:
    """Write a one-stream format (json, single-file Markdown, csv) to ``out`` (stdout)."""
    check_options(options)
    if options.kind not in STREAMABLE:
        raise ExportError("export.needs_file", format=options.kind)
    try:
        entries, moods = _write_stream(session, out, options, progress)
        out.flush()
    except BrokenPipeError:
        raise  # the reader left (``| head``): the caller's ordinary quiet ending
    except OSError as exc:
        # what was written is already in the caller's file: say it is incomplete
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ExportError("export.stream_full") from exc
        raise ExportError("export.stream_failed", reason=str(exc.strerror or exc)) from exc
    return ExportReport(options.format, None, entries, moods)


def export_bytes(session: Session, options: ExportOptions | None = None) -> bytes:
    """The export as bytes in memory (tests, small vaults); see :func:`export_stream`."""
    import io

    buffer = io.BytesIO()
    export_stream(session, buffer, options or ExportOptions())
    return buffer.getvalue()
