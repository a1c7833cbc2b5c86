"""Checking and restoring backup files (see :mod:`peerjournal.vault.backup` for the layout).

A backup is checked whole before anything is written: the vault header's MAC and the
backup's own MAC (after the key is unwrapped), the database part's size and SHA-256, and
``integrity_check`` with the counts, run on the backup file itself (read-only, immutable).
The hash and the integrity check run at the same time on two threads.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peerjournal.crypto import kdf
from peerjournal.errors import BackupError, PeerJournalError
from peerjournal.fsutil import fsync_dir, remove_stale_temps, temp_prefix
from peerjournal.vault import database
from peerjournal.vault.backup import OpenedBackup, unlock

#: Page cache for the integrity check (KiB): enough that index checks seldom decrypt a
#: page twice, within the memory target.
_CHECK_CACHE_KIB = 96 * 1024
_CHUNK = 1 << 20


def _database_bytes(opened: OpenedBackup, copy_to: Path | None = None) -> None:
    """Check the database part's SHA-256 (and write it to ``copy_to``, fsynced)."""
    digest = hashlib.sha256()
    remaining = opened.meta.database_bytes
    out = None
    if copy_to is not None:
        out = os.fdopen(os.open(copy_to, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
    try:
        with opened.path.open("rb") as src:
            while remaining:
                chunk = src.read(min(_CHUNK, remaining))
                if not chunk:
                    raise BackupError("backup.truncated")
                digest.update(chunk)
                if out is not None:
                    out.write(chunk)
                remaining -= len(chunk)
        if out is not None:
            out.flush()
            os.fsync(out.fileno())
    finally:
        if out is not None:
            out.close()
    if not kdf.same_mac(digest.digest(), opened.meta.database_sha256):
        raise BackupError("backup.modified")


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


def inspect(opened: OpenedBackup) -> BackupInfo:
    """Check the backup whole: its database's hash, and in parallel (a second thread, both
    release the GIL) ``integrity_check`` and the counts on the backup file itself."""
    failures: list[BaseException] = []

    def hash_it() -> None:
        try:
            _database_bytes(opened)
        except BaseException as exc:  # handed to the caller below
            failures.append(exc)

    hasher = threading.Thread(target=hash_it, name="peerjournal-backup-hash")
    hasher.start()
    try:
        info = _inspect_database(opened)
    except BackupError as exc:
        hasher.join()
        raise (failures[0] if failures else exc) from None
    hasher.join()
    if failures:
        raise failures[0]
    return info


def _inspect_database(opened: OpenedBackup) -> BackupInfo:
    from peerjournal.vault import migrations

    meta = opened.meta
    try:
        conn = database.connect(opened.path, opened.data_key, read_only=True, immutable=True)
    except PeerJournalError as exc:
        raise BackupError("backup.damaged") from exc
    except database.DatabaseError as exc:
        raise BackupError("backup.damaged") from exc
    try:
        conn.execute(f"PRAGMA cache_size = -{_CHECK_CACHE_KIB}")
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
    except (database.DatabaseError, PeerJournalError) as exc:
        if isinstance(exc, BackupError):
            raise
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
    """Check a backup completely without writing anything; its contents on success."""
    opened = unlock(path, secret, recovery=recovery)
    try:
        return inspect(opened)
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

    The vault is put together in a hidden work folder next to ``folder`` and renamed into
    place at the end, so an interrupted restore never leaves a half-written vault.
    """
    folder = Path(folder).absolute()
    if folder.is_symlink():
        # ``--vault ~/journal`` where ~/journal links to a folder on another disk: the
        # vault goes where the link points (the work folder beside it, so the final
        # rename stays on one file system), and the link keeps leading to it.
        folder = folder.resolve()
    if not _empty_or_missing(folder):
        raise BackupError("backup.target_not_empty", folder=str(folder))
    opened = unlock(path, secret, recovery=recovery)
    try:
        info = inspect(opened)
        parent = folder.parent
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(f".{folder.name}.restore-*"):  # made before pids were in names
            shutil.rmtree(stale, ignore_errors=True)
        remove_stale_temps(parent)  # work folders of restores killed mid-way
        work = Path(tempfile.mkdtemp(prefix=temp_prefix(f"{folder.name}.restore"), dir=parent))
        try:
            os.chmod(work, 0o700)
            # Copied with its hash checked again: the file must not change meanwhile.
            _database_bytes(opened, work / database.DB_NAME)
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
            shutil.rmtree(work, ignore_errors=True)
            raise
    finally:
        opened.close()
    return info
