"""Import and export use cases: files in, files out, all or nothing.

An import reads one file through its format's streaming record source
(:func:`peerjournal.importers.open_source`; a file of 8 MiB or more in a second process,
:mod:`peerjournal.importers.ahead`, so reading and writing run side by side) and writes
every record in one database transaction: a problem with the file as a whole (or a cancel
from the progress callback) rolls the whole import back, so a bad file never leaves half an
import behind. A malformed record is skipped and reported (where it is, what is wrong)
without losing the rest. Records whose id is already in the vault (in the journal or the
trash) are skipped, which makes re-importing the same file add nothing; a dry run reads and
checks the whole file the same way and writes nothing.

Entries and mood logs keep their own ids and timestamps: they are stored through
``JournalService.insert_exact`` and ``MoodService.insert_exact`` inside the import's
transaction, so the services keep their invariants (tag tables, FTS index, mood links).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal import importers
from peerjournal.app.mood import PREF_ACTIVITIES, PREF_EMOTIONS, PREF_LABELS
from peerjournal.domain.models import DEFAULT_MOOD_LABELS, Entry, MoodLog, normalise_names
from peerjournal.errors import ImportExportError, InvalidInput, NotFound, Text
from peerjournal.importers import ahead
from peerjournal.importers.moodmap import STOCK_MOODS, parse_mood_map
from peerjournal.importers.records import EntryRecord, ImportBundle, MoodRecord
from peerjournal.importers.source import ImportOptions, ImportSource, Item, Problem, Vocabulary
from peerjournal.importers.validate import entry_at, mood_at
from peerjournal.vault.bulk_index import Backlog, deferred_search_index

if TYPE_CHECKING:
    from peerjournal.app.session import Session

#: ``progress(done, total)``; for imports in bytes of the file read. It may raise (a
#: cancel) to stop the import; nothing is applied then.
ProgressCallback = Callable[[int, int], None]
FORMATS = tuple(importers.SOURCES)
__all__ = [
    "FORMATS", "STOCK_MOODS", "ImportOptions", "ImportReport", "Problem", "import_file",
    "import_source", "parse_mood_map",
]  # fmt: skip
#: How many skipped records a report lists one by one (it counts all of them).
MAX_LISTED_PROBLEMS = 100
#: Records between two progress reports.
PROGRESS_EVERY = 256
#: Records written per savepoint.
BATCH = 500
#: New objects between two runs of Python's cycle collector during an import.
COLLECT_EVERY = 100_000
_ENTRY_COLUMNS = "id, created, updated, title, body, tags, starred, mood_id, deleted"


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do).

    ``problems`` lists the first :data:`MAX_LISTED_PROBLEMS` skipped records;
    ``problems_total`` counts all of them. ``first`` and ``last`` are the earliest and
    latest times among the file's records. ``unmapped_moods`` holds the mood names no level
    was given for, with how many rows use each (a real import refuses while there are any).
    """

    format: str
    entries_added: int
    entries_skipped: int
    moods_added: int
    moods_skipped: int
    warnings: tuple[Text, ...] = ()
    dry_run: bool = False
    problems: tuple[Problem, ...] = ()
    problems_total: int = 0
    first: datetime | None = None
    last: datetime | None = None
    unmapped_moods: tuple[tuple[str, int], ...] = ()


@dataclass
class _Tally:
    entries_added: int = 0
    entries_skipped: int = 0
    moods_added: int = 0
    moods_skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    problems_total: int = 0
    first: datetime | None = None
    last: datetime | None = None
    repeated: int = 0

    def problem(self, problem: Problem) -> None:
        self.problems_total += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(problem)

    def moment(self, moment: datetime) -> None:
        if self.first is None or moment < self.first:
            self.first = moment
        if self.last is None or moment > self.last:
            self.last = moment


def import_file(
    session: Session,
    path: Path,
    format_name: str,
    *,
    options: ImportOptions | None = None,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    read_ahead: bool | None = None,
) -> ImportReport:
    """Read, check and import one file in one transaction (a dry run writes nothing).

    ``read_ahead``: read the file in a second process while this one writes
    (:mod:`peerjournal.importers.ahead`); ``None`` does so for large files.
    """
    if format_name not in importers.SOURCES:
        raise ImportExportError(
            "import.unknown_format", name=format_name, formats=", ".join(FORMATS)
        )
    path = Path(path)
    if read_ahead is None:
        read_ahead = ahead.reads_ahead(path)
    source = (
        ahead.AheadSource(format_name, path, options)
        if read_ahead
        else importers.open_source(format_name, path, options)
    )
    return import_source(session, source, dry_run=dry_run, progress=progress)


def import_source(
    session: Session,
    source: ImportSource,
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import what ``source`` yields (see :func:`import_file`)."""
    try:
        with fewer_collections():
            return _import(session, source, dry_run=dry_run, progress=progress)
    finally:
        source.close()  # a reader process stops with the import, whatever ended it


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cycle collector runs less often for the length of an import.

    An import makes hundreds of thousands of records, none of them in a reference cycle, and
    the collector, started every 700 new objects, walked them again and again: 1,500 runs,
    12 of them over everything, for 100k Daylio rows, about 6 % of the writing process's
    time. The collector still runs (every 100,000 objects); the thresholds before the
    import are put back after it.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], COLLECT_EVERY), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _import(
    session: Session, source: ImportSource, *, dry_run: bool, progress: ProgressCallback | None
) -> ImportReport:
    tally = _Tally()
    if dry_run:
        _run(session, session.conn, source, tally, write=False, progress=progress)
        if progress is not None:
            progress(source.bytes_total, source.bytes_total)
    else:
        with session.transaction() as conn:
            empty = _vault_is_empty(conn)
            _run(session, conn, source, tally, write=True, progress=progress)
            if source.unmapped_moods:
                raise ImportExportError(
                    "import.unmapped_moods", names=_names(source.unmapped_moods)
                )
            _merge_vocabularies(session, conn, source.vocabulary, empty)
            if progress is not None:
                # The last tick comes before the commit: a cancel raised from it (pressed
                # while the indexes were filled) still applies nothing. After the commit
                # nothing may raise, or a cancelled import would be a committed one.
                progress(source.bytes_total, source.bytes_total)
    warnings = list(source.notices)
    if tally.repeated:
        warnings.append(Text("import.notice.repeated", count=tally.repeated))
    return ImportReport(
        format=source.format,
        entries_added=tally.entries_added,
        entries_skipped=tally.entries_skipped,
        moods_added=tally.moods_added,
        moods_skipped=tally.moods_skipped,
        warnings=tuple(warnings),
        dry_run=dry_run,
        problems=tuple(tally.problems),
        problems_total=tally.problems_total,
        first=tally.first,
        last=tally.last,
        unmapped_moods=tuple(sorted(source.unmapped_moods.items())),
    )


def detect_format(path: Path) -> str | None:
    """The import format a file looks like (for the desktop wizard), or None."""
    return importers.detect_format(Path(path))


def _names(unmapped: dict[str, int]) -> str:
    names = sorted(unmapped)
    shown = ", ".join(repr(name) for name in names[:10])
    return shown + (f" (+{len(names) - 10})" if len(names) > 10 else "")


def _run(
    session: Session,
    conn: Any,
    source: ImportSource,
    tally: _Tally,
    *,
    write: bool,
    progress: ProgressCallback | None,
) -> None:
    """Every record of ``source``: count it, and write it unless it is known already."""
    run = _Records(session, conn, tally, write=write, checked=source.checks_records)
    if progress is not None:
        progress(0, 0)  # a cancel before the first record applies nothing either
    # the search indexes are filled in large statements (in the same transaction), as the
    # rows pile up and at the end: row by row they were about half of the database work
    with deferred_search_index(conn) if write else nullcontext() as backlog:
        run.backlog = backlog
        _each(source, tally, run, progress)
        if progress is not None and write:
            # the whole file is read: what follows (the last batch, the search indexes,
            # the commit) takes seconds for a large file and is shown as saving
            progress(source.bytes_total, source.bytes_total)
        run.flush()


def _each(
    source: ImportSource, tally: _Tally, run: _Records, progress: ProgressCallback | None
) -> None:
    for count, item in enumerate(source, start=1):
        if isinstance(item, Problem):
            tally.problem(item)
        else:
            if item.mood is not None:
                run.mood(item.mood)
            if item.entry is not None:
                run.entry(item.entry)
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(source.bytes_done, source.bytes_total)


class _Records:
    """Counts the records of one import and writes the new ones in batches.

    A batch is one savepoint through the services' ``insert_exact_many`` (the same checks
    as one by one, without a savepoint per record). Should a service refuse a record of a
    batch, the batch is rolled back and written record by record, so only that record is
    skipped and reported. Into a vault that was empty when the import began, no id can be
    known already, so nothing is looked up.
    """

    def __init__(
        self, session: Session, conn: Any, tally: _Tally, *, write: bool, checked: bool
    ) -> None:
        self.session = session
        # records the reader checked by the vault's rules are not checked a second time
        self.checked = checked
        self.conn = conn
        self.tally = tally
        self.write = write
        self.lookup = not _vault_is_empty(conn)
        self.seen_entries: set[str] = set()
        self.seen_moods: set[str] = set()
        self.entry_number = self.mood_number = 0
        self.moods: list[tuple[int, MoodLog]] = []
        self.entries: list[tuple[int, Entry]] = []
        #: the entries not in the search indexes yet (None: the dry run writes none)
        self.backlog: Backlog | None = None

    def _known(self, table: str, record_id: str) -> bool:
        return self.lookup and _exists(self.conn, table, record_id)

    def mood(self, mood: MoodRecord) -> None:
        self.mood_number += 1
        if mood.id in self.seen_moods:
            self.tally.repeated += 1
            return
        self.seen_moods.add(mood.id)
        self.tally.moment(mood.at)
        if self._known("mood_logs", mood.id):
            self.tally.moods_skipped += 1
            return
        self.tally.moods_added += 1
        if self.write:
            self.moods.append((self.mood_number, _mood(mood)))
            if len(self.moods) >= BATCH:
                self.flush()

    def entry(self, entry: EntryRecord) -> None:
        self.entry_number += 1
        if entry.id in self.seen_entries:
            self.tally.repeated += 1
            return
        self.seen_entries.add(entry.id)
        self.tally.moment(entry.created)
        if self._known("entries", entry.id):
            self.tally.entries_skipped += 1
            return
        if (
            entry.mood_id is not None
            and entry.mood_id not in self.seen_moods
            and not _exists(self.conn, "mood_logs", entry.mood_id)
        ):
            raise ImportExportError(
                "import.dangling_mood", number=self.entry_number, mood_id=entry.mood_id
            )
        self.tally.entries_added += 1
        if self.write:
            self.entries.append((self.entry_number, _entry(entry)))
            if len(self.entries) >= BATCH:
                self.flush()

    def flush(self) -> None:
        """Write what is queued: mood logs first, as entries link them."""
        moods, self.moods = self.moods, []
        entries, self.entries = self.entries, []
        checked = self.checked
        refused = self._batch(
            lambda logs: self.session.mood.insert_exact_many(logs, checked=checked), moods
        )
        self.tally.moods_added -= len(refused)
        for number, reason in refused:
            self.tally.problem(Problem(mood_at(number - 1), reason))
        refused = self._batch(
            lambda rows: self.session.journal.insert_exact_many(rows, checked=checked), entries
        )
        self.tally.entries_added -= len(refused)
        for number, reason in refused:
            self.tally.problem(Problem(entry_at(number - 1), reason))
        if self.backlog is not None:
            self.backlog.catch_up()

    @staticmethod
    def _batch(
        write_many: Callable[[list[Any]], None], queued: list[tuple[int, Any]]
    ) -> list[tuple[int, Text]]:
        if not queued:
            return []
        try:
            write_many([record for _number, record in queued])
            return []
        except (InvalidInput, NotFound):
            pass  # rolled back to the batch's savepoint: find the refused ones
        refused = []
        for number, record in queued:
            reason = _store(lambda one: write_many([one]), record)
            if reason is not None:
                refused.append((number, reason))
        return refused


def _exists(conn: Any, table: str, record_id: str) -> bool:
    row = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone()  # noqa: S608
    return row is not None


def _vault_is_empty(conn: Any) -> bool:
    entries = conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone()
    moods = conn.execute("SELECT 1 FROM mood_logs LIMIT 1").fetchone()
    return entries is None and moods is None


def _store(write: Callable[[Any], None], record: Any) -> Text | None:
    """Store one record through its service; the reason if the service refused it."""
    try:
        write(record)
    except (InvalidInput, NotFound) as exc:
        return exc.text
    return None


def _mood(log: MoodRecord) -> MoodLog:
    return MoodLog(log.id, log.at, log.level, log.emotions, log.activities, log.note)


def _entry(entry: EntryRecord) -> Entry:
    return Entry(
        entry.id,
        entry.created,
        entry.updated,
        entry.title,
        entry.body,
        entry.tags,
        entry.starred,
        entry.mood_id,
        entry.deleted,
    )


def _set_pref(conn: Any, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO prefs (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False, allow_nan=False)),
    )


def _merge_vocabularies(session: Session, conn: Any, words: Vocabulary, empty: bool) -> None:
    """Into an empty vault the file's lists and labels are taken as they are (lossless);
    into a vault in use, new emotion/activity names are appended and its labels kept."""
    try:
        if words.mood_labels is not None:
            current = session.mood.labels()
            if empty or current == DEFAULT_MOOD_LABELS:
                labels = {str(k): v.strip() for k, v in sorted(words.mood_labels.items())}
                _set_pref(conn, PREF_LABELS, labels)
        for names, key, what, now in (
            (words.emotions, PREF_EMOTIONS, "field.emotion", session.mood.emotions),
            (words.activities, PREF_ACTIVITIES, "field.activity", session.mood.activities),
        ):
            if names is None:
                continue
            merged = list(names) if empty else [*now(), *names]
            _set_pref(conn, key, list(normalise_names(merged, what)))
    except InvalidInput as exc:
        raise ImportExportError("import.vocabulary_refused", reason=exc.text) from exc


class _BundleSource(ImportSource):
    """An already parsed bundle as a source (tests and callers holding a bundle)."""

    #: a bundle comes from a caller, not a reader: its records are checked when written
    checks_records = False

    def __init__(self, bundle: ImportBundle) -> None:
        super().__init__(Path("."))
        self.format = bundle.format
        self._bundle = bundle
        self.notices.extend(bundle.warnings)
        self.vocabulary = Vocabulary(bundle.mood_labels, bundle.emotions, bundle.activities)

    def read(self) -> Iterator[Item | Problem]:
        for mood in self._bundle.moods:
            yield Item(mood=mood)
        for entry in self._bundle.entries:
            yield Item(entry=entry)


def import_bundle(
    session: Session,
    bundle: ImportBundle,
    *,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Write a validated bundle in one transaction; existing ids are skipped."""
    return import_source(session, _BundleSource(bundle), progress=progress)


def export_document(session: Session) -> bytes:
    """The whole vault as PeerJournal JSON (plaintext!), deterministic bytes."""
    from peerjournal.app.export import export_bytes

    return export_bytes(session)


def write_export(session: Session, target: Path) -> int:
    """Export the vault as JSON to ``target`` (atomic, mode 0600); returns the bytes written.

    Kept for callers of the JSON-only export; :func:`peerjournal.app.export.export_to`
    writes every format.
    """
    from peerjournal.app.export import ExportOptions, export_to

    export_to(session, Path(target), ExportOptions())
    return Path(target).stat().st_size
