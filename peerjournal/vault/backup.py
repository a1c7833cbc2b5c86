"""Encrypted backup files: the vault header and a consistent copy of the database, in one file.

Layout::

    MAGIC (8 bytes: b"PJBACKUP")
    meta length (4 bytes, big-endian) || meta (UTF-8 JSON, at most 256 KiB)
    the database copy (SQLCipher pages, encrypted under the vault's data key) to the end

``meta`` holds the format version, the creation time, the vault header exactly as it was
(``vault.json``, itself authenticated by its MAC), the database's size and SHA-256, and a
MAC under a backup-only subkey of the data key over all of that. So a truncated,
bit-flipped or foreign file is refused once the key is unwrapped, before anything is
written; the database copy is then opened and ``integrity_check`` run as well.

The copy is made with SQLite's online backup API from an open connection (a consistent
snapshot even while the app writes) into a new database keyed with the same data key: no
page is ever decrypted to disk. Files are written to a temporary file (0600) next to the
target and renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from peerjournal.crypto import kdf
from peerjournal.errors import BackupError, VaultHeaderModified, WrongPassphrase
from peerjournal.fsutil import fsync_dir
from peerjournal.vault import database
from peerjournal.vault.header import Header, parse_header_bytes

MAGIC = b"PJBACKUP"
FORMAT_VERSION = 1
MAX_META_BYTES = 256 * 1024
PURPOSE_BACKUP_MAC = b"pj1-backup-mac"
SUFFIX = ".pjbackup"
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
        """Parse a meta block (BackupError "backup.not_a_backup" if it is not one)."""
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
        except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
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
    """Copy the open database ``source`` into the new file ``target`` (same key, one file)."""
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


def write_backup(
    source: Any,
    data_key: bytes | bytearray,
    header: Header,
    target: Path,
    progress: Progress | None = None,
) -> BackupMeta:
    """Write a backup of the open database ``source`` to ``target``, atomically (0600)."""
    target = Path(target)
    folder = target.parent
    with (
        _temp_file(folder, f".{target.name}.db.") as copy,
        _temp_file(folder, f".{target.name}.") as out,
    ):
        copy.unlink()  # SQLite creates it (the temp name only reserved it)
        os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        copy_database(source, data_key, copy, progress)
        digest = hashlib.sha256()
        size = copy.stat().st_size
        with copy.open("rb") as handle:
            for chunk in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(chunk)
        unsigned = BackupMeta(datetime.now(UTC), header.to_bytes(), size, digest.digest(), b"")
        meta = BackupMeta(
            unsigned.created,
            unsigned.header,
            size,
            unsigned.database_sha256,
            _mac(data_key, unsigned.signed_part()),
        )
        block = meta.to_bytes()
        with out.open("wb") as handle, copy.open("rb") as src:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(MAGIC + struct.pack(">I", len(block)) + block)
            for chunk in iter(lambda: src.read(_CHUNK), b""):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(out, target)
        fsync_dir(folder)
    return meta


def read_meta(handle: BinaryIO) -> BackupMeta:
    """The meta block of an open backup file, positioned after it afterwards."""
    start = handle.read(len(MAGIC) + 4)
    if len(start) < len(MAGIC) + 4 or start[: len(MAGIC)] != MAGIC:
        raise BackupError("backup.not_a_backup")
    (length,) = struct.unpack(">I", start[len(MAGIC) :])
    if length > MAX_META_BYTES:
        raise BackupError("backup.damaged")
    raw = handle.read(length)
    if len(raw) != length:
        raise BackupError("backup.damaged")
    return BackupMeta.from_bytes(raw)


@dataclass
class OpenedBackup:
    """A backup whose key was unwrapped and whose MACs matched; ``data_key`` is wiped on close."""

    meta: BackupMeta
    header: Header
    data_key: bytearray

    def close(self) -> None:
        """Forget the key."""
        kdf.zero(self.data_key)


def unlock(path: Path, secret: str, *, recovery: bool = False) -> OpenedBackup:
    """Unwrap a backup's key with the passphrase (or recovery code) it was made with, and
    check its header MAC, its own MAC and the database copy's size and hash."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError as exc:
        raise BackupError("backup.no_file", path=str(path)) from exc
    except IsADirectoryError as exc:
        raise BackupError("backup.no_file", path=str(path)) from exc
    with handle:
        meta = read_meta(handle)
        try:
            header = parse_header_bytes(meta.header)
        except (VaultHeaderModified, BackupError):
            raise
        except Exception as exc:  # a VaultCorrupt/VaultTooNew of the inner header
            raise BackupError("backup.damaged") from exc
        try:
            if recovery:
                if header.recovery is None:
                    raise BackupError("backup.damaged")
                key = header.recovery.open(
                    kdf.normalise_recovery_code(secret), kdf.PURPOSE_RECOVERY_WRAP
                )
            else:
                key = header.passphrase.open(
                    kdf.normalise_passphrase(secret), kdf.PURPOSE_PASSPHRASE_WRAP
                )
        except WrongPassphrase as exc:
            raise WrongPassphrase("vault.wrong_backup_passphrase") from exc
        try:
            try:
                header.verify(key)
            except VaultHeaderModified as exc:
                raise BackupError("backup.modified") from exc
            if not kdf.same_mac(_mac(key, meta.signed_part()), meta.mac):
                raise BackupError("backup.modified")
            digest = hashlib.sha256()
            size = 0
            for chunk in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
            if size != meta.database_bytes:
                raise BackupError("backup.truncated")
            if not kdf.same_mac(digest.digest(), meta.database_sha256):
                raise BackupError("backup.modified")
        except BaseException:
            kdf.zero(key)
            raise
    return OpenedBackup(meta, header, key)


def extract_database(path: Path, meta: BackupMeta, target: Path) -> None:
    """Write the backup's database copy to ``target`` (a new 0600 file), fsynced."""
    with Path(path).open("rb") as src:
        read_meta(src)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in iter(lambda: src.read(_CHUNK), b""):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup holds."""

    created: datetime
    entries: int
    trashed: int
    mood_logs: int
    first: datetime | None
    last: datetime | None
    schema: int
    database_bytes: int


def inspect_copy(db_path: Path, data_key: bytes | bytearray, meta: BackupMeta) -> BackupInfo:
    """Open an extracted database copy read-only, run integrity_check, count what it holds."""
    from peerjournal.vault import migrations

    try:
        conn = database.connect(db_path, data_key, read_only=True)
    except Exception as exc:
        raise BackupError("backup.damaged") from exc
    try:
        problem = database.integrity_problem(conn)
        if problem is not None:
            raise BackupError("backup.integrity", detail=problem)
        schema = migrations.check_not_too_new(conn)
        live, trashed = conn.execute(
            "SELECT count(*) - coalesce(sum(trashed), 0), coalesce(sum(trashed), 0) FROM entries"
        ).fetchone()
        moods = conn.execute("SELECT count(*) FROM mood_logs").fetchone()[0]
        first = conn.execute("SELECT created FROM entries ORDER BY created_us LIMIT 1").fetchone()
        last = conn.execute(
            "SELECT created FROM entries ORDER BY created_us DESC LIMIT 1"
        ).fetchone()
    except database.DatabaseError as exc:
        raise BackupError("backup.damaged") from exc
    finally:
        conn.close()
    return BackupInfo(
        created=meta.created,
        entries=int(live),
        trashed=int(trashed),
        mood_logs=int(moods),
        first=None if first is None else datetime.fromisoformat(first[0]),
        last=None if last is None else datetime.fromisoformat(last[0]),
        schema=schema,
        database_bytes=meta.database_bytes,
    )


def verify(path: Path, secret: str, *, recovery: bool = False) -> BackupInfo:
    """Check a backup completely without changing anything; its contents on success."""
    opened = unlock(path, secret, recovery=recovery)
    try:
        with tempfile.TemporaryDirectory(prefix="peerjournal-verify-") as scratch:
            copy = Path(scratch) / database.DB_NAME
            extract_database(path, opened.meta, copy)
            return inspect_copy(copy, opened.data_key, opened.meta)
    finally:
        opened.close()


def _empty_or_missing(folder: Path) -> bool:
    try:
        return not any(folder.iterdir())
    except FileNotFoundError:
        return True
    except NotADirectoryError:
        return False


def restore(path: Path, secret: str, folder: Path, *, recovery: bool = False) -> BackupInfo:
    """Restore a backup into ``folder`` (new or empty), verified before anything is written.

    The vault is put together in a hidden temp folder next to ``folder`` and renamed into
    place at the end, so an interrupted restore never leaves a half-written vault.
    """
    folder = Path(folder).absolute()
    if not _empty_or_missing(folder):
        raise BackupError("backup.target_not_empty", folder=str(folder))
    opened = unlock(path, secret, recovery=recovery)
    try:
        parent = folder.parent
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(f".{folder.name}.restore-*"):
            with contextlib.suppress(OSError):
                _remove_tree(stale)
        work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.restore-", dir=parent))
        try:
            os.chmod(work, 0o700)
            copy = work / database.DB_NAME
            extract_database(path, opened.meta, copy)
            info = inspect_copy(copy, opened.data_key, opened.meta)
            fd = os.open(work / "vault.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(opened.meta.header)
                out.flush()
                os.fsync(out.fileno())
            fsync_dir(work)
            if not _empty_or_missing(folder):
                raise BackupError("backup.target_not_empty", folder=str(folder))
            os.replace(work, folder)  # an empty target folder is replaced whole
            fsync_dir(parent)
        except BaseException:
            _remove_tree(work)
            raise
    finally:
        opened.close()
    return info


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


__all__ = [
    "MAGIC",
    "SUFFIX",
    "BackupInfo",
    "BackupMeta",
    "OpenedBackup",
    "WrongPassphrase",
    "copy_database",
    "extract_database",
    "inspect_copy",
    "read_meta",
    "restore",
    "unlock",
    "verify",
    "write_backup",
]
