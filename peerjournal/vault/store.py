"""The vault: a folder holding ``vault.json`` (wrapped keys), ``journal.db`` (SQLCipher 4)
and ``vault.lock`` (process lock).

Opening checks everything that can fail *before* anything on disk is touched: the header is
parsed, the passphrase unwraps the data key, the header's MAC is checked, the process lock
is taken, and only then is the database opened (``mode=rw``, never created on open) and its
key and schema version checked. Any error leaves the folder as it was.

After a successful unlock the header is kept healthy: a version-1 header gains its MAC, a
slot weaker than today's default cost is sealed again at that cost (the passphrase slot when
the passphrase unlocked, the recovery slot when the recovery code did), and problems that
cannot be fixed without the other secret are reported in :attr:`Vault.notices`.

A vault that cannot be written (read-only folder or file system, or a disk too full to
grow the write-ahead log) opens read-only: reading works, and every write raises
:class:`~peerjournal.errors.VaultReadOnly` or :class:`~peerjournal.errors.StorageFull`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peerjournal.crypto import kdf
from peerjournal.errors import (
    InvalidInput,
    StorageFull,
    Text,
    VaultCorrupt,
    VaultError,
    VaultExists,
    VaultHeaderModified,
    VaultLocked,
    VaultNotFound,
    VaultReadOnly,
    WrongPassphrase,
)
from peerjournal.vault import database, migrations
from peerjournal.vault.backup import BackupMeta, write_backup
from peerjournal.vault.database import (
    DB_NAME,
    DatabaseError,
    disk_is_full,
    folder_writable,
    translate,
    translated_errors,
)
from peerjournal.vault.header import (
    HEADER_NAME,
    Header,
    KeySlot,
    header_path,
    read_header,
    write_header,
)
from peerjournal.vault.lock import ProcessLock

__all__ = [
    "DB_NAME",
    "INSECURE_TEST_KDF_ENV",
    "DatabaseError",
    "Vault",
    "folder_writable",
    "open_existing",
    "translate",
    "translated_errors",
    "vault_exists",
]

#: INSECURE, test-only: when set to "1", new vaults get the minimum Argon2id cost and the
#: floor below which slots are raised drops to it. It never lowers an existing slot.
INSECURE_TEST_KDF_ENV = kdf.INSECURE_TEST_KDF_ENV


def vault_exists(folder: Path) -> bool:
    """Whether ``folder`` holds a vault header."""
    return header_path(folder).is_file()


def _remove_stale_header_temps(folder: Path) -> None:
    """Delete temp files an interrupted header write left behind (we hold the lock)."""
    for stale in folder.glob(f".{HEADER_NAME}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _missing_parents(folder: Path) -> list[Path]:
    """``folder`` and its ancestors that do not exist yet, deepest first."""
    missing: list[Path] = []
    current = folder.absolute()
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    return missing


def _no_core_files() -> None:
    """From the first unlock on, a crash of this process writes no core file.

    A core file is the process's memory on disk: decrypted pages, entries and the data
    key, kept by the system (``core`` in the working folder, systemd-coredump's store)
    long after the crash. Only the soft limit is lowered (the kernel obeys it; editors
    started from here inherit it); the unlock agent also drops the hard limit.
    """
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))


class Vault:
    """An open vault: the database connection, the data key and the process lock."""

    def __init__(
        self,
        folder: Path,
        header: Header,
        data_key: bytearray,
        conn: Any,
        lock: ProcessLock,
        *,
        read_only: bool = False,
    ) -> None:
        _no_core_files()
        self.folder = Path(folder)
        self._header = header
        self._data_key: bytearray | None = data_key
        self._conn: Any = conn
        self._lock = lock
        self._depth = 0
        self.read_only = read_only
        #: Things the user should know about this vault (catalogue texts), e.g. a
        #: damaged recovery slot or a read-only mount. Reported by the CLI and the GUI.
        self.notices: list[Text] = []
        if read_only:
            full = isinstance(self._why_read_only(), StorageFull)
            notice = "vault.notice.disk_full" if full else "vault.notice.read_only"
            self.notices.append(Text(notice))

    # -- lifecycle -----------------------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, passphrase: str, *, kdf_params: kdf.KdfParams | None = None
    ) -> tuple[Vault, str]:
        """Create a new vault in ``folder`` (made if needed; must hold no vault).

        A failure (a full disk, say) removes everything this call made, folders included.
        """
        folder = Path(folder)
        if kdf_params is None:
            insecure = kdf.insecure_test_cost()
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
        made = _missing_parents(folder)
        try:
            with translated_errors(folder.parent):
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:  # a file in the way, a place no folder can be made
            raise VaultError(
                "vault.cannot_create", folder=str(folder), reason=str(exc.strerror or "error")
            ) from exc
        data_key = kdf.new_data_key()
        code = kdf.new_recovery_code()
        lock = ProcessLock(folder)
        conn = None
        try:
            header = Header(
                passphrase=KeySlot.seal(
                    secret, data_key, kdf_params, kdf.PURPOSE_PASSPHRASE_WRAP, "passphrase"
                ),
                recovery=KeySlot.seal(
                    kdf.normalise_recovery_code(code),
                    data_key,
                    recovery_params,
                    kdf.PURPOSE_RECOVERY_WRAP,
                    "recovery",
                ),
            ).sealed(data_key)
            with translated_errors(folder):
                lock.acquire()
                # Create the database file owner-only; SQLite gives its -wal and -shm
                # files the same permissions as the database.
                os.close(os.open(folder / DB_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                conn = database.connect(folder / DB_NAME, data_key, create=True)
                database.configure(conn)
                migrations.migrate(conn)
                database.mark_header_authenticated(conn)
                # The header goes last: a vault "exists" only once it is complete.
                write_header(folder, header)
        except BaseException:
            if conn is not None:
                conn.close()
            database.remove_database_files(folder)
            lock.release_and_remove_if_created()
            for path in made:
                with contextlib.suppress(OSError):
                    path.rmdir()
            kdf.zero(data_key)
            raise
        return cls(folder, header, data_key, conn, lock), code

    @classmethod
    def open(
        cls,
        folder: Path,
        passphrase: str,
        *,
        read_only: bool | None = None,
        progress: migrations.Progress | None = None,
        lock_wait: float = 0.0,
    ) -> Vault:
        """Unlock the vault in ``folder`` with its passphrase.

        ``read_only``: None opens read-only when the folder cannot be written, True always,
        False refuses such a folder with VaultReadOnly before any key derivation.
        ``progress(done, total)`` hears how a long schema upgrade (an index build) goes.
        ``lock_wait``: seconds to wait for another process to let go of the vault before
        VaultInUse (a command line run beside another one that is about to finish).
        """
        folder = Path(folder)
        read_only = cls._decide_read_only(folder, read_only)
        header = read_header(folder)
        secret = kdf.normalise_passphrase(passphrase)
        try:
            data_key = header.passphrase.open(secret, kdf.PURPOSE_PASSPHRASE_WRAP)
        except WrongPassphrase:
            if header.authenticated and header.passphrase.params.below(kdf.floor("passphrase")):
                # PeerJournal never seals a slot this weak: someone lowered its cost.
                raise VaultHeaderModified("vault.header_weakened") from None
            raise
        try:
            header.verify(data_key)
        except BaseException:
            kdf.zero(data_key)
            raise
        vault = cls._open_with_key(
            folder, header, data_key, read_only=read_only, progress=progress, lock_wait=lock_wait
        )
        try:
            vault._keep_header_healthy(passphrase=secret)
        except BaseException:
            vault.close()
            raise
        return vault

    @classmethod
    def recover(cls, folder: Path, recovery_code: str, new_passphrase: str) -> Vault:
        """Unlock with the recovery code and set a new passphrase.

        The recovery code stays valid (it is shown once and the user may have stored it
        on paper); the passphrase slot is replaced. A header that was modified behind the
        app's back is written again from the parts the recovery code proved genuine (the
        recovery slot, the data key) plus the new passphrase slot, and a notice says so.
        """
        folder = Path(folder)
        if not new_passphrase:
            raise InvalidInput("passphrase.new_empty")
        cls._decide_read_only(folder, False)
        header = read_header(folder)
        if header.recovery is None:
            raise VaultCorrupt("vault.recovery_slot_damaged")
        code = kdf.normalise_recovery_code(recovery_code)
        try:
            data_key = header.recovery.open(code, kdf.PURPOSE_RECOVERY_WRAP)
        except WrongPassphrase:
            if header.authenticated and header.recovery.params.below(kdf.floor("recovery")):
                raise VaultHeaderModified("vault.recovery_weakened") from None
            raise WrongPassphrase("vault.wrong_recovery_code") from None
        try:
            header.verify(data_key)
            repaired = False
        except VaultHeaderModified:
            repaired = True
        vault = cls._open_with_key(folder, header, data_key, read_only=False, trusted=False)
        try:
            recovery = header.recovery
            if recovery.params.below(kdf.floor("recovery")):
                recovery = KeySlot.seal(
                    code, data_key, recovery.params, kdf.PURPOSE_RECOVERY_WRAP, "recovery"
                )
            vault._header = vault._header.with_recovery(recovery)
            vault._set_passphrase(new_passphrase)
            if repaired:
                vault.notices.append(Text("vault.notice.header_repaired"))
        except BaseException:
            vault.close()
            raise
        return vault

    @staticmethod
    def _decide_read_only(folder: Path, read_only: bool | None) -> bool:
        if not Path(folder).is_dir():
            raise VaultNotFound()
        if read_only:
            return True
        if folder_writable(folder):
            return False
        if read_only is False:
            raise VaultReadOnly(folder=str(folder))
        return True

    @classmethod
    def _open_with_key(
        cls,
        folder: Path,
        header: Header,
        data_key: bytearray,
        *,
        read_only: bool,
        trusted: bool = True,
        progress: migrations.Progress | None = None,
        lock_wait: float = 0.0,
    ) -> Vault:
        db_path = folder / DB_NAME
        if not db_path.is_file():
            kdf.zero(data_key)
            raise VaultCorrupt("vault.database_missing")
        lock = ProcessLock(folder)
        conn = None
        try:
            with translated_errors(folder):
                lock.acquire(read_only=read_only, wait=lock_wait)
                conn, read_only = cls._connect(folder, db_path, data_key, read_only)
                migrations.check_not_too_new(conn)
                if trusted and not header.authenticated and database.header_is_authenticated(conn):
                    # This database had an authenticated header; one without a MAC is a
                    # downgrade someone made, not an old vault.
                    raise VaultHeaderModified()
                if not read_only:
                    migrations.migrate(conn, progress=progress)
        except BaseException:
            if conn is not None:
                conn.close()
            lock.release_and_remove_if_created()
            kdf.zero(data_key)
            raise
        if not read_only:
            _remove_stale_header_temps(folder)
        return cls(folder, header, data_key, conn, lock, read_only=read_only)

    @staticmethod
    def _connect(
        folder: Path, db_path: Path, data_key: bytearray, read_only: bool
    ) -> tuple[Any, bool]:
        """Open read-write, or read-only when asked or when the disk is too full to write."""
        if read_only:
            conn = database.connect(db_path, data_key, read_only=True)
            database.configure(conn, read_only=True)
            return conn, True
        try:
            conn = database.connect(db_path, data_key)
            database.configure(conn)
            return conn, False
        except DatabaseError as exc:
            if not disk_is_full(folder):
                mapped = translate(exc, folder)
                if mapped is exc:
                    raise
                raise mapped from exc
        # A full disk cannot grow the write-ahead log index: read without one.
        conn = database.connect(db_path, data_key, read_only=True)
        database.configure(conn, read_only=True)
        problem = database.integrity_problem(conn)
        if problem is not None:
            conn.close()
            raise VaultCorrupt("vault.integrity", detail=problem)
        return conn, True

    def _keep_header_healthy(self, *, passphrase: bytes | None = None) -> None:
        """After an unlock: add the MAC to an old header, raise weak slots, report the rest."""
        header = self._header
        changed = not header.authenticated
        if passphrase is not None and header.passphrase.params.below(kdf.floor("passphrase")):
            key = self._require_key()
            header = header.with_passphrase(
                KeySlot.seal(
                    passphrase,
                    key,
                    header.passphrase.params,
                    kdf.PURPOSE_PASSPHRASE_WRAP,
                    "passphrase",
                )
            )
            changed = True
        if header.recovery is None:
            self.notices.append(Text("vault.notice.recovery_slot_damaged"))
        elif header.recovery.params.below(kdf.floor("recovery")):
            self.notices.append(Text("vault.notice.recovery_slot_weak"))
        if self.read_only:
            return
        if changed:
            self._write_header(header)
        with translated_errors(self.folder):
            database.mark_header_authenticated(self.conn)

    def _write_header(self, header: Header) -> None:
        if self.read_only:
            raise self._why_read_only()
        sealed = header.sealed(self._require_key())
        with translated_errors(self.folder):
            write_header(self.folder, sealed)
        self._header = sealed

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under ``new`` after checking ``old`` (header rewrite only)."""
        self._require_open()
        if self.read_only:
            raise self._why_read_only()
        if not new:
            raise InvalidInput("passphrase.new_empty")
        check = self._header.passphrase.open(
            kdf.normalise_passphrase(old), kdf.PURPOSE_PASSPHRASE_WRAP
        )
        same = kdf.same_mac(check, self._require_key())
        kdf.zero(check)
        if not same:
            raise WrongPassphrase()
        self._set_passphrase(new)

    def new_recovery_code(self) -> str:
        """Seal a new recovery slot and return its code (shown once); the old code stops."""
        self._require_open()
        if self.read_only:
            raise self._why_read_only()
        code = kdf.new_recovery_code()
        slot = KeySlot.seal(
            kdf.normalise_recovery_code(code),
            self._require_key(),
            kdf.floor("recovery"),
            kdf.PURPOSE_RECOVERY_WRAP,
            "recovery",
        )
        self._write_header(self._header.with_recovery(slot))
        self.notices = [
            n for n in self.notices if not n.code.startswith("vault.notice.recovery_slot")
        ]
        return code

    def _set_passphrase(self, new: str) -> None:
        key = self._require_key()
        # Keep the cost recorded in the header if it is higher; never go below the floor.
        params = self._header.passphrase.params
        slot = KeySlot.seal(
            kdf.normalise_passphrase(new), key, params, kdf.PURPOSE_PASSPHRASE_WRAP, "passphrase"
        )
        self._write_header(self._header.with_passphrase(slot))
        with translated_errors(self.folder):
            database.mark_header_authenticated(self.conn)

    def write_backup(
        self, target: Path, progress: Callable[[int, int], None] | None = None
    ) -> BackupMeta:
        """Write an encrypted backup of this vault to ``target`` (see vault.backup)."""
        only_connection = self._lock.held and not self.read_only
        with translated_errors(Path(target).parent):
            return write_backup(
                self.conn,
                self._require_key(),
                self._header,
                target,
                progress,
                db_path=self.folder / DB_NAME if only_connection else None,
            )

    @classmethod
    def open_snapshot(cls, folder: Path, passphrase: str) -> Vault:
        """Open for reading only, beside another process that holds the vault open.

        No process lock is taken and nothing is written: SQLite's own locking gives a
        consistent read while the other process writes. For backups of an open vault.
        """
        folder = Path(folder)
        header = read_header(folder)
        data_key = header.passphrase.open(
            kdf.normalise_passphrase(passphrase), kdf.PURPOSE_PASSPHRASE_WRAP
        )
        try:
            header.verify(data_key)
            with translated_errors(folder):
                conn = database.connect(folder / DB_NAME, data_key, read_only=True, shared=True)
        except BaseException:
            kdf.zero(data_key)
            raise
        return cls(folder, header, data_key, conn, ProcessLock(folder), read_only=True)

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
        many service calls (an import, a benchmark fill) into one atomic commit. A
        read-only vault refuses with VaultReadOnly (StorageFull when the disk is full).
        """
        conn = self.conn
        if self.read_only:
            raise self._why_read_only()
        if conn.in_transaction:
            with translated_errors(self.folder):
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
        with translated_errors(self.folder):
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _why_read_only(self) -> VaultReadOnly | StorageFull:
        """The error a write to this read-only vault raises: a full disk says so."""
        if disk_is_full(self.folder) and folder_writable(self.folder):
            return StorageFull()
        return VaultReadOnly(folder=str(self.folder))

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
