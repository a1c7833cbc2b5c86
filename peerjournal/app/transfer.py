"""Import and export use cases: files in, files out, all or nothing.

An import is one database transaction: every record is validated by the importer first,
then written together; any problem rolls the whole import back, so a bad file never leaves
half an import behind. Records whose id is already in the vault (in the journal or the
trash) are skipped, which makes re-importing the same file add nothing.

Entries and mood logs keep their own ids and timestamps: they are stored through
``JournalService.insert_exact`` and ``MoodService.insert_exact`` inside the import's
transaction, so the services keep their invariants (tag tables, FTS index, mood links).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from peerjournal import importers
from peerjournal.app.mood import PREF_ACTIVITIES, PREF_EMOTIONS, PREF_LABELS
from peerjournal.domain.models import DEFAULT_MOOD_LABELS, Entry, MoodLog, normalise_names
from peerjournal.errors import ImportExportError, InvalidInput, NotFound, Text
from peerjournal.exporters.peerjournal_json import export_json
from peerjournal.fsutil import atomic_write
from peerjournal.importers.records import EntryRecord, ImportBundle, MoodRecord, read_import_file

_T = TypeVar("_T")

if TYPE_CHECKING:
    from peerjournal.app.session import Session

ProgressCallback = Callable[[int, int], None]
FORMATS = tuple(importers.PARSERS)
_ENTRY_COLUMNS = "id, created, updated, title, body, tags, starred, mood_id, deleted"


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    format: str
    entries_added: int
    entries_skipped: int
    moods_added: int
    moods_skipped: int
    warnings: tuple[Text, ...] = ()


def import_file(
    session: Session,
    path: Path,
    format_name: str,
    *,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Read, validate and import one file; nothing is imported if any of it is bad."""
    if format_name not in importers.PARSERS:
        raise ImportExportError(
            "import.unknown_format", name=format_name, formats=", ".join(FORMATS)
        )
    bundle = importers.parse(format_name, read_import_file(Path(path)))
    return import_bundle(session, bundle, progress=progress)


def _exists(conn: Any, table: str, record_id: str) -> bool:
    row = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone()  # noqa: S608
    return row is not None


def _vault_is_empty(conn: Any) -> bool:
    entries = conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone()
    moods = conn.execute("SELECT 1 FROM mood_logs LIMIT 1").fetchone()
    return entries is None and moods is None


def _store(where: Text, write: Callable[[_T], None], record: _T) -> None:
    """Store one record through its service, naming the record of the file that failed."""
    try:
        write(record)
    except (InvalidInput, NotFound) as exc:
        raise ImportExportError("import.record_refused", where=where, reason=exc.text) from exc


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


def _merge_vocabularies(session: Session, conn: Any, bundle: ImportBundle, empty: bool) -> None:
    """Into an empty vault the file's lists and labels are taken as they are (lossless);
    into a vault in use, new emotion/activity names are appended and its labels kept."""
    try:
        if bundle.mood_labels is not None:
            current = session.mood.labels()
            if empty or current == DEFAULT_MOOD_LABELS:
                labels = {str(k): v.strip() for k, v in sorted(bundle.mood_labels.items())}
                _set_pref(conn, PREF_LABELS, labels)
        for names, key, what, now in (
            (bundle.emotions, PREF_EMOTIONS, "field.emotion", session.mood.emotions),
            (bundle.activities, PREF_ACTIVITIES, "field.activity", session.mood.activities),
        ):
            if names is None:
                continue
            merged = list(names) if empty else [*now(), *names]
            _set_pref(conn, key, list(normalise_names(merged, what)))
    except InvalidInput as exc:
        raise ImportExportError("import.vocabulary_refused", reason=exc.text) from exc


def import_bundle(
    session: Session,
    bundle: ImportBundle,
    *,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Write a validated bundle in one transaction; existing ids are skipped."""
    total = len(bundle.entries) + len(bundle.moods)
    done = 0
    added_entries = added_moods = skipped_entries = skipped_moods = 0
    with session.transaction() as conn:
        empty = _vault_is_empty(conn)
        for index, log in enumerate(bundle.moods):
            if _exists(conn, "mood_logs", log.id):
                skipped_moods += 1
            else:
                where = Text("import.where.mood", number=index + 1)
                _store(where, session.mood.insert_exact, _mood(log))
                added_moods += 1
            done += 1
            if progress is not None and done % 500 == 0:
                progress(done, total)
        for index, entry in enumerate(bundle.entries):
            if _exists(conn, "entries", entry.id):
                skipped_entries += 1
            else:
                if entry.mood_id is not None and not _exists(conn, "mood_logs", entry.mood_id):
                    raise ImportExportError(
                        "import.dangling_mood", number=index + 1, mood_id=entry.mood_id
                    )
                _store(
                    Text("import.where.entry", number=index + 1),
                    session.journal.insert_exact,
                    _entry(entry),
                )
                added_entries += 1
            done += 1
            if progress is not None and done % 500 == 0:
                progress(done, total)
        _merge_vocabularies(session, conn, bundle, empty)
    if progress is not None:
        progress(total, total)
    return ImportReport(
        format=bundle.format,
        entries_added=added_entries,
        entries_skipped=skipped_entries,
        moods_added=added_moods,
        moods_skipped=skipped_moods,
        warnings=bundle.warnings,
    )


def all_entries(session: Session) -> list[Entry]:
    """Every entry, live and trashed, with full bodies (for export)."""
    rows = session.conn.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM entries ORDER BY created_us, id"  # noqa: S608
    ).fetchall()
    from datetime import datetime

    out: list[Entry] = []
    for row in rows:
        out.append(
            Entry(
                id=row[0],
                created=datetime.fromisoformat(row[1]),
                updated=datetime.fromisoformat(row[2]),
                title=row[3],
                body=row[4],
                tags=tuple(tag for tag in row[5].split("\n") if tag),
                starred=bool(row[6]),
                mood_id=row[7],
                deleted=None if row[8] is None else datetime.fromisoformat(row[8]),
            )
        )
    return out


def export_document(session: Session) -> bytes:
    """The whole vault as PeerJournal JSON (plaintext!), deterministic bytes."""
    mood = session.mood
    return export_json(
        all_entries(session),
        mood.list(),
        mood_labels=mood.labels(),
        emotions=mood.emotions(),
        activities=mood.activities(),
    )


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def write_export(session: Session, target: Path) -> int:
    """Export the vault to ``target`` (atomic, mode 0600); returns the bytes written.

    Refuses a place inside the vault folder, where a plaintext copy must never be.
    """
    target = Path(target)
    if _inside(target, session.folder):
        raise ImportExportError("export.inside_vault")
    if target.is_dir():
        raise ImportExportError("export.is_folder", path=str(target))
    if not target.parent.is_dir():
        raise ImportExportError("export.no_folder", path=str(target))
    data = export_document(session)
    try:
        atomic_write(target, data, mode=0o600)
    except PermissionError as exc:
        raise ImportExportError("export.permission", path=str(target)) from exc
    except OSError as exc:
        raise ImportExportError(
            "export.unwritable", path=str(target), reason=str(exc.strerror)
        ) from exc
    return len(data)
