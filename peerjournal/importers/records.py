"""Plain records that importers produce and the import use case writes into a vault.

They mirror :class:`peerjournal.domain.models.Entry` and ``MoodLog`` field for field, so
that an import keeps ids and timestamps (a PeerJournal JSON import is lossless). They live
here rather than in the domain so importers stay independent of how the vault stores data.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any, TypeVar

# The sizes of what is stored are the domain's, the same for every writer (an import
# refuses what the command line and the desktop app could never have written).
from peerjournal.domain.models import MAX_BODY_CHARS as MAX_BODY_CHARS
from peerjournal.domain.models import MAX_NAME_CHARS as MAX_NAME_CHARS
from peerjournal.domain.models import MAX_NOTE_CHARS as MAX_NOTE_CHARS
from peerjournal.domain.models import MAX_TAG_CHARS as MAX_TAG_CHARS
from peerjournal.domain.models import MAX_TAGS_PER_ENTRY as MAX_TAGS_PER_ENTRY
from peerjournal.domain.models import MAX_TITLE_CHARS as MAX_TITLE_CHARS
from peerjournal.errors import ImportExportError, Text

#: Largest file an importer reads; a 100k-entry journal exports to roughly 50 to 100 MB.
#: Every format is read as a stream, so this bounds the work (time, and the one
#: transaction's write-ahead log), not the memory, which stays flat whatever the size.
MAX_IMPORT_BYTES = 256 * 1024 * 1024
MAX_LABEL_CHARS = 50

#: Namespace for the deterministic ids of entries that come without one (jrnl).
FINGERPRINT_NAMESPACE = uuid.UUID("5b0a3d57-8d0c-4a3e-9c55-2f6f1b7f0d11")
_FINGERPRINT_BYTES = FINGERPRINT_NAMESPACE.bytes
_T = TypeVar("_T")


@dataclass(frozen=True)
class EntryRecord:
    """One journal entry read from a file, with everything needed to store it as is."""

    id: str
    created: datetime
    updated: datetime
    title: str
    body: str
    tags: tuple[str, ...] = ()
    starred: bool = False
    mood_id: str | None = None
    deleted: datetime | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        deleted = self.deleted
        return rebuilt, (EntryRecord, (
            self.id, compact(self.created), compact(self.updated), self.title, self.body,
            self.tags, self.starred, self.mood_id,
            None if deleted is None else compact(deleted),
        ))  # fmt: skip


@dataclass(frozen=True)
class MoodRecord:
    """One mood log read from a file."""

    id: str
    at: datetime
    level: int
    emotions: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    note: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return rebuilt, (MoodRecord, (
            self.id, compact(self.at), self.level, self.emotions, self.activities, self.note,
        ))  # fmt: skip


@dataclass(frozen=True)
class ImportBundle:
    """Everything one import file holds, already validated.

    ``mood_labels``, ``emotions`` and ``activities`` are ``None`` when the file does not
    carry them (jrnl files never do), so the import leaves the vault's own lists alone.
    """

    format: str
    entries: tuple[EntryRecord, ...] = ()
    moods: tuple[MoodRecord, ...] = ()
    mood_labels: dict[int, str] | None = None
    emotions: tuple[str, ...] | None = None
    activities: tuple[str, ...] | None = None
    warnings: tuple[Text, ...] = field(default=())


# Pickling (an import file read in a second process sends its records through a pipe,
# peerjournal.importers.ahead). By default a frozen dataclass is pickled as its class and a
# dict of its fields, and each time zone as a new object: for 100k Daylio rows, loading
# them took some 1.4 s of the writing process. A tuple of the values, each fixed-offset
# zone once per pickle, and a rebuild that skips the frozen __init__ take about a third.
_FIELDS: dict[type, tuple[str, ...]] = {}
_ZONES: dict[tuple[Any, ...], tzinfo] = {}
#: ids of the zone objects in _ZONES (they stay alive there, so an id is never reused)
_SHARED: set[int] = set()


def rebuilt(kind: type[_T], values: tuple[Any, ...]) -> _T:
    """A dataclass ``kind`` with these field values, in field order (how its pickle is
    loaded; the values were checked when the record was made)."""
    record = object.__new__(kind)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))  # type: ignore[arg-type]
    record.__dict__.update(zip(names, values, strict=True))
    return record


def compact(value: Any) -> Any:
    """``value``, a time with a fixed-offset zone sharing one zone object per offset and
    name (so a pickle holds each zone once)."""
    if type(value) is not datetime:
        return value
    zone = value.tzinfo
    if type(zone) is not timezone:
        return value  # a named zone (ZoneInfo) is one object already; None has none
    if id(zone) in _SHARED:
        return value
    last = _LAST
    if last[0] is value:
        return last[1]  # a row's times are often one object (Daylio: created, updated, at)
    key = (zone.utcoffset(None), zone.tzname(None))
    shared = _ZONES.get(key)
    if shared is None:
        if len(_ZONES) >= 1024:
            _ZONES.clear()
            _SHARED.clear()
        shared = _ZONES[key] = zone
        _SHARED.add(id(shared))
    result = value.replace(tzinfo=shared)
    last[0], last[1] = value, result
    return result


#: The last time :func:`compact` changed, and its answer (the reference keeps the key's
#: identity from being reused).
_LAST: list[Any] = [None, None]


def fingerprint_id(created: datetime, title: str, body: str) -> str:
    """Deterministic UUID for an entry that has no id of its own.

    Derived from the creation time (as given: pass a naive wall-clock time to make the id
    independent of the importing computer's time zone), the title and a hash of the body,
    so importing the same jrnl file twice yields the same ids and adds nothing the second
    time.
    """
    digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    key = f"{created.isoformat()}\x00{title}\x00{digest}"
    return uuid5_text(_FINGERPRINT_BYTES, key)


def uuid5_text(namespace: bytes, name: str) -> str:
    """``str(uuid.uuid5(UUID(bytes=namespace), name))`` spelled out (SHA-1 of namespace and
    name, version 5, RFC 4122 variant) without building UUID objects: a large import makes
    hundreds of thousands of ids. The version and variant bits are set on the hex digits
    (the version digit is 5; the variant digit keeps its low two bits under ``10``)."""
    digits = hashlib.sha1(namespace + name.encode(), usedforsecurity=False).hexdigest()
    return (
        f"{digits[:8]}-{digits[8:12]}-5{digits[13:16]}-"
        f"{_VARIANT[digits[16]]}{digits[17:20]}-{digits[20:32]}"
    )


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def read_import_file(path: Path, *, max_bytes: int = MAX_IMPORT_BYTES) -> bytes:
    """Read an import file, refusing missing, unreadable or oversized files plainly."""
    try:
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
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise ImportExportError("import.no_file", path=str(path)) from exc
    except PermissionError as exc:
        raise ImportExportError("import.permission", path=str(path)) from exc
    except IsADirectoryError as exc:
        raise ImportExportError("import.is_folder", path=str(path)) from exc
    except OSError as exc:
        raise ImportExportError(
            "import.unreadable", path=str(path), reason=str(exc.strerror)
        ) from exc
    if len(data) > max_bytes:
        raise ImportExportError("import.too_large", path=str(path))
    return data
