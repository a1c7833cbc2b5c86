"""Encrypted backup files: a consistent copy of the database and the vault header, in one file.

Layout::

    the database (SQLCipher pages, encrypted under the vault's data key), from offset 0
    meta (UTF-8 JSON, at most 256 KiB)
    meta length (4 bytes, big-endian)
    MAGIC (8 bytes: b"PJBACKUP")

The database comes first so SQLite can open the backup file itself, read-only and
immutable (it ignores the bytes after the database's last page): verifying needs no
extracted copy and no free disk space. ``meta`` holds the format version, the creation
time, the vault header exactly as it was (``vault.json``, itself authenticated by its MAC),
the database's size and SHA-256, and a MAC under a backup-only subkey of the data key over
all of that. So a truncated, bit-flipped or foreign file is refused once the key is
unwrapped, and nothing is written; ``integrity_check`` runs on the database as well.

The database part is always the vault's encrypted pages, never decrypted to disk. When the
vault's own (only) connection makes the backup, a checkpoint empties the write-ahead log
and the file's encrypted bytes are copied as they are, inside a read transaction. When
another process may be writing (``backup create`` beside the desktop app), SQLite's online
backup API first makes a consistent copy into a new database under the same data key.
The backup is written in one pass (hashing on the way) to a temporary file (0600) next to
the target and renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import struct
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from peerjournal.crypto import kdf
from peerjournal.errors import BackupError, PeerJournalError, VaultHeaderModified, WrongPassphrase
from peerjournal.fsutil import fsync_dir, remove_stale_temps, temp_prefix
from peerjournal.vault import database
from peerjournal.vault.header import Header, parse_header_bytes

MAGIC = b"PJBACKUP"
FORMAT_VERSION = 1
MAX_META_BYTES = 256 * 1024
PURPOSE_BACKUP_MAC = b"pj1-backup-mac"
SUFFIX = ".pjbackup"
_TRAILER = struct.Struct(">I8s")
_CHUNK = 1 << 20
#: Pages copied per step of the online backup (progress is reported between steps).
_PAGES_PER_STEP = 2048

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupMeta:
    """What a backup file says about itself (authenticated by its MAC)."""

    created: datetime
    header: bytes
    database_bytes: int
    database_sha256: bytes
    mac: bytes

    def signed_part(self) -> bytes:
        """The bytes the MAC covers."""
        doc = {
            "format": "peerjournal-backup",
            "version": FORMAT_VERSION,
            "created": self.created.isoformat(),
            "header": kdf.b64(self.header),
            "database_bytes": self.database_bytes,
            "database_sha256": self.database_sha256.hex(),
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")

    def to_bytes(self) -> bytes:
        """The meta block as written."""
        doc = json.loads(self.signed_part())
        doc["mac"] = kdf.b64(self.mac)
        return json.dumps(doc, sort_keys=True).encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> BackupMeta:
        """Parse a meta block (BackupError "backup.damaged" if it is not one)."""
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != "peerjournal-backup":
                raise ValueError("not a backup")
            if doc.get("version") != FORMAT_VERSION:
                raise BackupError("backup.too_new")
            meta = cls(
                created=datetime.fromisoformat(str(doc["created"])),
                header=kdf.unb64(doc["header"]),
                database_bytes=int(doc["database_bytes"]),
                database_sha256=bytes.fromhex(str(doc["database_sha256"])),
                mac=kdf.unb64(doc["mac"]),
            )
        except BackupError:
            raise
        except (KeyError, TypeError, ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise BackupError("backup.damaged") from exc
        if meta.database_bytes < 0 or len(meta.database_sha256) != 32 or len(meta.mac) != 32:
            raise BackupError("backup.damaged")
        return meta


def _mac(data_key: bytes | bytearray, message: bytes) -> bytes:
    key = kdf.subkey(data_key, PURPOSE_BACKUP_MAC)
    try:
        return kdf.header_mac(key, message)
    finally:
        kdf.zero(key)


@contextlib.contextmanager
def _temp_file(folder: Path, prefix: str) -> Iterator[Path]:
    """A new 0600 temp file in ``folder`` that is removed unless the caller renamed it."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def copy_database(
    source: Any, data_key: bytes | bytearray, target: Path, progress: Progress | None = None
) -> None:
    """Copy the open database ``source`` into the new file ``target`` (same key, one file)
    with SQLite's online backup API: consistent even while another connection writes."""
    dest = database.connect(target, data_key, create=True)
    try:

        def report(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        source.backup(dest, pages=_PAGES_PER_STEP, progress=report)
        # One self-contained file: no write-ahead log next to the copy.
        dest.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        dest.close()


def _checkpointed(source: Any, db_path: Path) -> bool:
    """Whether the database file alone now holds every commit (its WAL emptied).

    Only when this connection is the vault's only one (the vault's process lock), not in
    a transaction, and the checkpoint moved every frame back: then the file's bytes are a
    consistent copy, already encrypted, and need no decrypting and re-encrypting.
    """
    if source.in_transaction:
        return False
    busy, log, _done = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy or log > 0:
        return False
    page_size = source.execute("PRAGMA page_size").fetchone()[0]
    pages = source.execute("PRAGMA page_count").fetchone()[0]
    wal = Path(f"{db_path}-wal")
    return (not wal.exists() or wal.stat().st_size == 0) and (
        Path(db_path).stat().st_size == page_size * pages
    )


def _write_file(
    database_file: Path,
    data_key: bytes | bytearray,
    header: Header,
    target: Path,
    out: Path,
    progress: Progress | None,
) -> BackupMeta:
    """One pass: the database bytes (hashed on the way), then the meta and the trailer."""
    size = database_file.stat().st_size
    digest = hashlib.sha256()
    with out.open("r+b") as handle, database_file.open("rb") as src:
        os.fchmod(handle.fileno(), 0o600)
        copied = 0
        for chunk in iter(lambda: src.read(_CHUNK), b""):
            digest.update(chunk)
            handle.write(chunk)
            copied += len(chunk)
            if progress is not None:
                progress(copied, size)
        if copied != size:
            raise BackupError("backup.failed")
        unsigned = BackupMeta(datetime.now(UTC), header.to_bytes(), size, digest.digest(), b"")
        meta = BackupMeta(
            unsigned.created,
            unsigned.header,
            size,
            unsigned.database_sha256,
            _mac(data_key, unsigned.signed_part()),
        )
        block = meta.to_bytes()
        handle.write(block + _TRAILER.pack(len(block), MAGIC))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(out, target)
    fsync_dir(target.parent)
    return meta


def write_backup(
    source: Any,
    data_key: bytes | bytearray,
    header: Header,
    target: Path,
    progress: Progress | None = None,
    *,
    db_path: Path | None = None,
) -> BackupMeta:
    """Write a backup of the open database ``source`` to ``target``, atomically (0600).

    ``db_path``: the database file when ``source`` is its only connection; its encrypted
    bytes are then copied as they are after a checkpoint. Otherwise (another process may
    write) the online backup API makes a consistent copy first.
    """
    target = Path(target)
    folder = target.parent
    remove_stale_temps(folder)  # what backups killed mid-way left here
    with _temp_file(folder, temp_prefix(target.name)) as out:
        if db_path is not None and _checkpointed(source, db_path):
            source.execute("BEGIN")
            try:
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # read lock
                return _write_file(Path(db_path), data_key, header, target, out, progress)
            finally:
                source.execute("ROLLBACK")
        with _temp_file(folder, temp_prefix(f"{target.name}.db")) as copy:
            copy.unlink()  # SQLite creates it (the temp name only reserved it)
            os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            copy_database(source, data_key, copy, progress)
            return _write_file(copy, data_key, header, target, out, None)


def read_meta(handle: BinaryIO, path: Path) -> BackupMeta:
    """The meta block of an open backup file (from its end); ``path`` names it in errors."""
    size = handle.seek(0, os.SEEK_END)
    if size == 0:
        raise BackupError("backup.empty", path=str(path))
    if size < _TRAILER.size:
        raise BackupError("backup.unrecognised", path=str(path))
    handle.seek(size - _TRAILER.size)
    length, magic = _TRAILER.unpack(handle.read(_TRAILER.size))
    if magic != MAGIC:
        raise BackupError("backup.unrecognised", path=str(path))
    if length > MAX_META_BYTES or length > size - _TRAILER.size:
        raise BackupError("backup.damaged")
    handle.seek(size - _TRAILER.size - length)
    meta = BackupMeta.from_bytes(handle.read(length))
    if meta.database_bytes != size - _TRAILER.size - length:
        raise BackupError("backup.truncated")
    return meta


@dataclass
class OpenedBackup:
    """A backup whose key was unwrapped and whose MACs matched; ``data_key`` is wiped on close."""

    path: Path
    meta: BackupMeta
    header: Header
    data_key: bytearray

    def close(self) -> None:
        """Forget the key."""
        kdf.zero(self.data_key)


def _unwrap(header: Header, secret: str, recovery: bool) -> bytearray:
    """The backup's data key; a slot weaker than PeerJournal ever seals (someone lowered
    its cost in the file) is refused as a modified backup, not as a wrong passphrase."""
    try:
        if recovery:
            if header.recovery is None:
                raise BackupError("backup.damaged")
            return header.recovery.open(
                kdf.normalise_recovery_code(secret), kdf.PURPOSE_RECOVERY_WRAP
            )
        return header.passphrase.open(kdf.normalise_passphrase(secret), kdf.PURPOSE_PASSPHRASE_WRAP)
    except WrongPassphrase as exc:
        slot = header.recovery if recovery else header.passphrase
        kind: kdf.SlotKind = "recovery" if recovery else "passphrase"
        if header.authenticated and slot is not None and slot.params.below(kdf.floor(kind)):
            raise BackupError("backup.modified") from exc
        code = "vault.wrong_backup_recovery_code" if recovery else "vault.wrong_backup_passphrase"
        raise WrongPassphrase(code) from exc


def unlock(path: Path, secret: str, *, recovery: bool = False) -> OpenedBackup:
    """Unwrap a backup's key with the passphrase (or recovery code) it was made with and
    check the vault header's MAC and the backup's own MAC (cheap: the meta only)."""
    path = Path(path)
    try:
        kind = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise BackupError("backup.no_file", path=str(path)) from exc
    if stat.S_ISDIR(kind):
        raise BackupError("backup.is_folder", path=str(path))
    if not stat.S_ISREG(kind):
        # A pipe (``<(ssh host cat b.pjbackup)``), a FIFO nobody writes (opening it would
        # wait for ever) or a device: the checks seek and read the file twice.
        raise BackupError("backup.not_a_file", path=str(path))
    try:
        handle = path.open("rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise BackupError("backup.no_file", path=str(path)) from exc
    with handle:
        meta = read_meta(handle, path)
    try:
        header = parse_header_bytes(meta.header)
    except VaultHeaderModified as exc:
        raise BackupError("backup.modified") from exc
    except PeerJournalError as exc:  # the inner header is damaged or too new
        raise BackupError("backup.damaged") from exc
    key = _unwrap(header, secret, recovery)
    try:
        try:
            header.verify(key)
        except VaultHeaderModified as exc:
            raise BackupError("backup.modified") from exc
        if not kdf.same_mac(_mac(key, meta.signed_part()), meta.mac):
            raise BackupError("backup.modified")
    except BaseException:
        kdf.zero(key)
        raise
    return OpenedBackup(path, meta, header, key)


__all__ = [
    "MAGIC",
    "SUFFIX",
    "BackupMeta",
    "OpenedBackup",
    "copy_database",
    "read_meta",
    "unlock",
    "write_backup",
]
