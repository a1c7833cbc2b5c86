"""The SQLCipher connection: opening with the raw data key, settings, error translation.

The key is handed to SQLCipher with ``Connection.set_key`` as a wipeable buffer holding its
raw-key form (``x'<hex>'``), never as SQL text, so no ``PRAGMA key`` statement (an
immutable Python string, cached by the sqlite3 module) keeps a copy of it.

Read-only use opens the file with ``mode=ro``. On a full disk SQLite's EXCLUSIVE locking
mode keeps the write-ahead log index in process memory, so nothing has to grow on disk to
read. On a read-only folder or file system with no write-ahead log left behind, the file
is read as immutable (no -wal/-shm files needed). The vault's process lock already
guarantees that no other PeerJournal writes meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from peerjournal.crypto import kdf
from peerjournal.errors import StorageFull, VaultCorrupt, VaultError, VaultReadOnly
from peerjournal.vault import grams

DB_NAME = "journal.db"
DatabaseError = sqlcipher.DatabaseError
#: ``PRAGMA application_id`` of a vault whose header carries a MAC ("PJH2"). Set once, in
#: the encrypted database header, so a header stripped back to version 1 is noticed.
APP_ID_AUTHENTICATED_HEADER = 0x504A4832
# SQLite result codes (https://sqlite.org/rescode.html), as sqlcipher3 exports them. An
# exception carries the extended code in ``sqlite_errorcode``; its low byte is the primary.
_STORAGE_FULL_CODES = frozenset({sqlcipher.SQLITE_FULL})
_CORRUPT_CODES = frozenset({sqlcipher.SQLITE_CORRUPT, sqlcipher.SQLITE_NOTADB})
_READ_ONLY_CODES = frozenset({sqlcipher.SQLITE_READONLY})
#: Errors that mean "could not write or grow a file", not "the data is bad".
_IO_CODES = frozenset({sqlcipher.SQLITE_IOERR, sqlcipher.SQLITE_CANTOPEN, sqlcipher.SQLITE_FULL})
_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
_NOT_WRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


def primary_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a database error, if it carries one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate(exc: BaseException, folder: Path | None = None) -> BaseException:
    """Map a database or OS error to the user-facing error, or return it unchanged."""
    if isinstance(exc, sqlcipher.Error | sqlite3.Error):
        primary = primary_code(exc)
        if primary in _STORAGE_FULL_CODES:
            return StorageFull()
        if primary in _CORRUPT_CODES:
            return VaultCorrupt()
        if primary in _READ_ONLY_CODES and folder is not None:
            return VaultReadOnly(folder=str(folder))
        # The online backup API raises without a result code ("database or disk is
        # full" when its copy cannot grow): the disk itself says what happened.
        unknown_or_io = primary is None or primary in _IO_CODES
        if unknown_or_io and folder is not None and disk_is_full(folder):
            return StorageFull()
    if isinstance(exc, OSError):
        if exc.errno in _NO_SPACE:
            return StorageFull()
        if exc.errno in _NOT_WRITABLE and folder is not None:
            return VaultReadOnly(folder=str(folder))
    return exc


@contextmanager
def translated_errors(folder: Path | None = None) -> Iterator[None]:
    """Re-raise database errors as :mod:`peerjournal.errors` where they mean something."""
    try:
        yield
    except (sqlcipher.Error, sqlite3.Error, OSError) as exc:
        mapped = translate(exc, folder)
        if mapped is exc:
            raise
        raise mapped from exc


def disk_is_full(folder: Path, reserve: int = 64 * 1024) -> bool:
    """Whether the file system of ``folder`` has (almost) no space left for us."""
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return info.f_bavail * info.f_frsize < reserve


def folder_writable(folder: Path) -> bool:
    """Whether the vault's folder and its files can be written (decided without a key).

    False on a read-only file system or mount, and for a folder or files the user may not
    write. The answer is known before any key derivation.
    """
    folder = Path(folder)
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except (OSError, AttributeError):
        pass
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    for name in (DB_NAME, "vault.json", "vault.lock"):
        path = folder / name
        if path.exists() and not os.access(path, os.W_OK):
            return False
    return True


def _set_key(conn: Any, data_key: bytes | bytearray) -> None:
    blob = kdf.sqlcipher_key(data_key)
    try:
        conn.set_key(blob)
    finally:
        kdf.zero(blob)


def connect(
    db_path: Path,
    data_key: bytes | bytearray,
    *,
    create: bool = False,
    read_only: bool = False,
    shared: bool = False,
    immutable: bool = False,
) -> Any:
    """Open and key the database; VaultCorrupt when the key does not fit the file.

    I/O failures (a full disk, a file that cannot be opened) are raised as they are, so
    the caller can tell "cannot write here" from "damaged". ``shared``: read beside a
    writer in another process (ordinary WAL locking). ``immutable``: a file nobody writes
    (a backup), read as it is with no -wal/-shm file.
    """
    writable_here = folder_writable(Path(db_path).parent)
    mode = "rwc" if create else "rw"
    exclusive = False
    if immutable:
        mode, read_only = "ro", True
    elif read_only and shared:
        # Beside a writer in another process: ordinary WAL locking, reading only.
        mode = "ro"
    elif read_only and writable_here:
        # A full disk: files can be opened but not grown. EXCLUSIVE locking keeps the
        # write-ahead log index in memory; query_only (below) keeps it read-only.
        exclusive = True
    elif read_only:
        mode = "ro"
        # Nothing can be created here. Without a write-ahead log holding recent commits
        # the file is read as it is, needing no -wal/-shm file (SQLite's immutable mode).
        immutable = not Path(f"{db_path}-wal").exists()
    # as_uri() percent-encodes and gives file:///C:/... on Windows, which SQLite accepts.
    uri = f"{Path(db_path).resolve().as_uri()}?mode={mode}" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher.OperationalError as exc:
        raise VaultCorrupt("vault.database_missing") from exc
    try:
        # SQLCipher's own log goes to stderr (a damaged page, a key that does not fit:
        # a dozen "ERROR CORE" lines before our one plain sentence). Errors reach us as
        # exceptions anyway; the setting is process-wide and costs nothing.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # The CJK/emoji index's triggers compute their column with this function.
        grams.register(conn)
        # The key must be set before anything is read; a raw key skips SQLCipher's PBKDF2.
        _set_key(conn, data_key)
        # cipher_memory_security stays OFF (SQLCipher's default): wiping every allocation
        # made full-text ranking 10-20x slower here, and the plaintext lives in Python
        # strings anyway while the vault is open. SQLCipher wipes its own key material
        # when the connection closes.
        if exclusive:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        # Reading the schema is the key check: a wrong key or a non-database fails here,
        # before anything is written.
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlcipher.DatabaseError as exc:
        conn.close()
        if primary_code(exc) in _IO_CODES:
            raise
        raise VaultCorrupt() from exc
    if not create and not tables:
        # Any key "opens" a file with no pages (one cut to zero bytes, or replaced by an
        # empty one): without this check the migrations would quietly build a new, empty
        # journal in its place, and the automatic backups would rotate the old ones out.
        conn.close()
        raise VaultCorrupt("vault.database_empty")
    return conn


def configure(conn: Any, *, read_only: bool = False) -> None:
    """Per-connection settings (the journal mode only when writing)."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    # 32 MiB of decrypted pages: keeps the entry metadata and hot FTS pages cached.
    conn.execute("PRAGMA cache_size = -32768")
    conn.execute("PRAGMA busy_timeout = 5000")
    if read_only:
        return
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise VaultError("vault.no_wal")
    conn.execute("PRAGMA synchronous = FULL")


def integrity_problem(conn: Any) -> str | None:
    """None when ``PRAGMA integrity_check`` says ok, else its first finding."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if rows == [("ok",)]:
        return None
    return str(rows[0][0])[:200] if rows else "no answer"


def header_is_authenticated(conn: Any) -> bool:
    """Whether the database records that its vault header carries a MAC."""
    return int(conn.execute("PRAGMA application_id").fetchone()[0]) == APP_ID_AUTHENTICATED_HEADER


def mark_header_authenticated(conn: Any) -> None:
    """Record (once) that this vault's header carries a MAC."""
    if not header_is_authenticated(conn):
        conn.execute(f"PRAGMA application_id = {APP_ID_AUTHENTICATED_HEADER}")


def remove_database_files(folder: Path) -> None:
    """Delete the database and its -wal/-shm files (error paths of create and restore)."""
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        with contextlib.suppress(FileNotFoundError):
            (Path(folder) / name).unlink()
