"""The vault: a folder holding ``vault.json`` (wrapped keys), ``journal.db`` (SQLCipher 4)
and ``vault.lock`` (process lock).

Opening checks everything that can fail *before* anything on disk is touched: the header is
parsed, the passphrase unwraps the data key, the process lock is taken, and only then is
the database opened (``mode=rw``, never created on open) and its key and schema version
checked. Any error leaves the folder as it was.
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
from peerjournal.errors import (
    InvalidInput,
    StorageFull,
    VaultCorrupt,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from peerjournal.vault import migrations
from peerjournal.vault.header import (
    HEADER_NAME,
    Header,
    KeySlot,
    header_path,
    read_header,
    write_header,
)
from peerjournal.vault.lock import ProcessLock

DB_NAME = "journal.db"
#: INSECURE, test-only: when set to "1" at vault *creation*, the minimum Argon2id cost is
#: used. It is never consulted when opening, so it cannot weaken an existing vault.
INSECURE_TEST_KDF_ENV = "PEERJOURNAL_INSECURE_TEST_KDF"

DatabaseError = sqlcipher.DatabaseError
# SQLite result codes (https://sqlite.org/rescode.html), as sqlcipher3 exports them. An
# exception carries the extended code in ``sqlite_errorcode``; its low byte is the primary.
_STORAGE_FULL_CODES = frozenset({sqlcipher.SQLITE_FULL})
_CORRUPT_CODES = frozenset({sqlcipher.SQLITE_CORRUPT, sqlcipher.SQLITE_NOTADB})


def vault_exists(folder: Path) -> bool:
    """Whether ``folder`` holds a vault header."""
    return header_path(folder).is_file()


def translate(exc: BaseException) -> BaseException:
    """Map a database or OS error to the user-facing error, or return it unchanged."""
    if isinstance(exc, sqlcipher.Error | sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in _STORAGE_FULL_CODES:
            return StorageFull()
        if primary in _CORRUPT_CODES:
            return VaultCorrupt()
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull()
    return exc


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise database errors as :mod:`peerjournal.errors` where they mean something."""
    try:
        yield
    except (sqlcipher.Error, sqlite3.Error, OSError) as exc:
        mapped = translate(exc)
        if mapped is exc:
            raise
        raise mapped from exc


def _connect(db_path: Path, data_key: bytearray, *, create: bool) -> Any:
    mode = "rwc" if create else "rw"
    # as_uri() percent-encodes and gives file:///C:/... on Windows, which SQLite accepts.
    uri = f"{Path(db_path).resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher.OperationalError as exc:
        raise VaultCorrupt("vault.database_missing") from exc
    try:
        # The key must be the first statement; a raw key skips SQLCipher's own PBKDF2.
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        # cipher_memory_security stays OFF (SQLCipher's default): wiping every allocation
        # made full-text ranking 10-20x slower here, and the plaintext lives in Python
        # strings anyway while the vault is open.
        # Reading the schema is the key check: a wrong key or a non-database fails here,
        # before anything is written.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise VaultCorrupt() from exc
    return conn


def _configure(conn: Any) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    # 32 MiB of decrypted pages: keeps the entry metadata and hot FTS pages cached.
    conn.execute("PRAGMA cache_size = -32768")
    conn.execute("PRAGMA busy_timeout = 5000")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise VaultError("vault.no_wal")
    conn.execute("PRAGMA synchronous = FULL")


def _remove_stale_header_temps(folder: Path) -> None:
    """Delete temp files an interrupted header write left behind (we hold the lock)."""
    for stale in folder.glob(f".{HEADER_NAME}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


class Vault:
    """An open vault: the database connection, the data key and the process lock."""

    def __init__(
        self, folder: Path, header: Header, data_key: bytearray, conn: Any, lock: ProcessLock
    ) -> None:
        self.folder = Path(folder)
        self._header = header
        self._data_key: bytearray | None = data_key
        self._conn: Any = conn
        self._lock = lock
        self._depth = 0

    # -- lifecycle -----------------------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, passphrase: str, *, kdf_params: kdf.KdfParams | None = None
    ) -> tuple[Vault, str]:
        """Create a new vault in ``folder`` (made if needed; must hold no vault)."""
        folder = Path(folder)
        if kdf_params is None:
            insecure = os.environ.get(INSECURE_TEST_KDF_ENV) == "1"
            kdf_params = kdf.KdfParams.for_tests() if insecure else kdf.KdfParams.default()
            recovery_params = kdf_params if insecure else kdf.KdfParams.recovery_default()
        else:
            recovery_params = kdf_params
        kdf_params.validate()
        if not passphrase:
            raise InvalidInput("passphrase.empty")
        secret = kdf.normalise_passphrase(passphrase)
        if vault_exists(folder):
            raise VaultExists()
        if (folder / DB_NAME).exists():
            raise VaultExists("vault.exists_database_only")
        with translated_errors():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        data_key = kdf.new_data_key()
        code = kdf.new_recovery_code()
        header = Header(
            passphrase=KeySlot.seal(
                secret,
                data_key,
                kdf_params,
                kdf.PURPOSE_PASSPHRASE_WRAP,
            ),
            recovery=KeySlot.seal(
                kdf.normalise_recovery_code(code),
                data_key,
                recovery_params,
                kdf.PURPOSE_RECOVERY_WRAP,
            ),
        )
        lock = ProcessLock(folder)
        lock.acquire()
        conn = None
        try:
            with translated_errors():
                # Create the database file owner-only; SQLite gives its -wal and -shm
                # files the same permissions as the database.
                os.close(os.open(folder / DB_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                conn = _connect(folder / DB_NAME, data_key, create=True)
                _configure(conn)
                migrations.migrate(conn)
                # The header goes last: a vault "exists" only once it is complete.
                write_header(folder, header)
        except BaseException:
            if conn is not None:
                conn.close()
            for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    (folder / name).unlink()
            lock.release_and_remove_if_created()
            raise
        return cls(folder, header, data_key, conn, lock), code

    @classmethod
    def open(cls, folder: Path, passphrase: str) -> Vault:
        """Unlock the vault in ``folder`` with its passphrase."""
        header = read_header(folder)
        data_key = header.passphrase.open(
            kdf.normalise_passphrase(passphrase), kdf.PURPOSE_PASSPHRASE_WRAP
        )
        return cls._open_with_key(Path(folder), header, data_key)

    @classmethod
    def recover(cls, folder: Path, recovery_code: str, new_passphrase: str) -> Vault:
        """Unlock with the recovery code and set a new passphrase.

        The recovery code stays valid (it is shown once and the user may have stored it
        on paper); only the passphrase slot is replaced.
        """
        if not new_passphrase:
            raise InvalidInput("passphrase.new_empty")
        header = read_header(folder)
        data_key = header.recovery.open(
            kdf.normalise_recovery_code(recovery_code), kdf.PURPOSE_RECOVERY_WRAP
        )
        vault = cls._open_with_key(Path(folder), header, data_key)
        try:
            vault._set_passphrase(new_passphrase)
        except BaseException:
            vault.close()
            raise
        return vault

    @classmethod
    def _open_with_key(cls, folder: Path, header: Header, data_key: bytearray) -> Vault:
        db_path = folder / DB_NAME
        if not db_path.is_file():
            raise VaultCorrupt("vault.database_missing")
        lock = ProcessLock(folder)
        lock.acquire()
        conn = None
        try:
            with translated_errors():
                conn = _connect(db_path, data_key, create=False)
                migrations.check_not_too_new(conn)
                _configure(conn)
                migrations.migrate(conn)
        except BaseException:
            if conn is not None:
                conn.close()
            lock.release_and_remove_if_created()
            kdf.zero(data_key)
            raise
        _remove_stale_header_temps(folder)
        return cls(folder, header, data_key, conn, lock)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under ``new`` after checking ``old`` (header rewrite only)."""
        self._require_open()
        if not new:
            raise InvalidInput("passphrase.new_empty")
        check = self._header.passphrase.open(
            kdf.normalise_passphrase(old), kdf.PURPOSE_PASSPHRASE_WRAP
        )
        same = bytes(check) == bytes(self._data_key or b"")
        kdf.zero(check)
        if not same:
            raise WrongPassphrase()
        self._set_passphrase(new)

    def _set_passphrase(self, new: str) -> None:
        key = self._require_key()
        # Keep the cost recorded in the header (raising it is a separate, explicit step).
        params = self._header.passphrase.params
        slot = KeySlot.seal(kdf.normalise_passphrase(new), key, params, kdf.PURPOSE_PASSPHRASE_WRAP)
        header = self._header.with_passphrase(slot)
        write_header(self.folder, header)
        self._header = header

    def close(self) -> None:
        """Close the database, forget the key and release the process lock (idempotent)."""
        conn, self._conn = self._conn, None
        try:
            if conn is not None:
                conn.close()
        finally:
            if self._data_key is not None:
                kdf.zero(self._data_key)
                self._data_key = None
            self._lock.release()

    # -- use -----------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._conn is None

    @property
    def conn(self) -> Any:
        """The open sqlcipher3 connection (autocommit mode); VaultLocked after close."""
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    @property
    def header(self) -> Header:
        """The current header."""
        return self._header

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (rollback on error), with error translation.

        Nested use becomes a SAVEPOINT inside the outer transaction, so a caller can group
        many service calls (an import, a benchmark fill) into one atomic commit.
        """
        conn = self.conn
        if conn.in_transaction:
            with translated_errors():
                self._depth += 1
                name = f"pj_sp{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                    conn.execute(f"RELEASE {name}")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO {name}")
                        conn.execute(f"RELEASE {name}")
                    raise
                finally:
                    self._depth -= 1
            return
        with translated_errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _require_open(self) -> None:
        if self._conn is None:
            raise VaultLocked()

    def _require_key(self) -> bytearray:
        if self._data_key is None:
            raise VaultLocked()
        return self._data_key


def open_existing(folder: Path, passphrase: str) -> Vault:
    """Convenience for :meth:`Vault.open` that reports a missing folder plainly."""
    if not Path(folder).is_dir():
        raise VaultNotFound()
    return Vault.open(folder, passphrase)
