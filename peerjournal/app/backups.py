"""Backup use cases: make, verify and restore encrypted backups; automatic rotating backups.

A backup is one file holding the vault header and a consistent, still encrypted copy of
the database (see :mod:`peerjournal.vault.backup`). Automatic backups: when a vault is
opened (desktop app or command line) and the newest automatic backup is older than a day,
one is made — in the GUI on the worker thread — and only the newest ``keep`` (default 7)
are kept, in a folder the user chooses (default ``backups/`` in the vault folder). The
settings live inside the vault (``backup.auto``), so they say nothing outside it.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.errors import BackupError, InvalidInput, StorageFull
from peerjournal.vault import backup_check
from peerjournal.vault.backup import SUFFIX, BackupMeta
from peerjournal.vault.backup_check import BackupInfo

if TYPE_CHECKING:
    from peerjournal.app.session import Session

Progress = Callable[[int, int], None]
PREF_AUTO = "backup.auto"
DEFAULT_KEEP = 7
MAX_KEEP = 365
AUTO_EVERY = timedelta(days=1)
#: How far in the future a backup's stamp may be and still count as recent (clocks drift).
CLOCK_SLACK = timedelta(minutes=10)
AUTO_PREFIX = "auto-"
DEFAULT_FOLDER = "backups"

__all__ = [
    "AutoSettings",
    "BackupInfo",
    "auto_backup_due",
    "auto_settings",
    "create_backup",
    "last_auto_backup",
    "restore_backup",
    "run_auto_backup",
    "set_auto_settings",
    "verify_backup",
]


def create_backup(session: Session, target: Path, progress: Progress | None = None) -> BackupMeta:
    """Write an encrypted backup of the open vault to the new file ``target``."""
    target = Path(target).expanduser().absolute()
    if target.exists() and not target.is_file():
        # a folder, a device (/dev/stdout), a pipe: not "a file the backup would overwrite"
        raise BackupError("backup.target_not_file", path=str(target))
    if target.exists():
        raise BackupError("backup.file_exists", path=str(target))
    if _vault_file(session.folder, target):
        # journal.db-journal is a rollback journal to SQLite: it "wrote" the backup there
        # and deleted it when the vault closed.
        raise BackupError(
            "backup.unwritable", path=str(target), reason="a file of the vault itself"
        )
    if not target.parent.is_dir():
        raise BackupError("backup.unwritable", path=str(target), reason="no such folder")
    try:
        return session.write_backup(target, progress)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from exc
        raise BackupError(
            "backup.unwritable", path=str(target), reason=str(exc.strerror or "error")
        ) from exc


def _vault_file(vault_folder: Path, target: Path) -> bool:
    """Whether ``target`` is a name the vault's own files use, in the vault's folder."""
    from peerjournal.vault.header import HEADER_NAME
    from peerjournal.vault.lock import LOCK_NAME
    from peerjournal.vault.store import DB_NAME

    try:
        same = target.parent.resolve() == Path(vault_folder).resolve()
    except OSError:
        return False
    return same and (target.name.startswith(DB_NAME) or target.name in (HEADER_NAME, LOCK_NAME))


def verify_backup(path: Path, secret: str, *, recovery: bool = False) -> BackupInfo:
    """Unlock and check a backup completely; nothing is written anywhere."""
    return backup_check.verify(Path(path).expanduser(), secret, recovery=recovery)


def restore_backup(path: Path, secret: str, folder: Path, *, recovery: bool = False) -> BackupInfo:
    """Restore a backup into a new or empty ``folder`` (verified first, all or nothing)."""
    try:
        return backup_check.restore(
            Path(path).expanduser(), secret, Path(folder), recovery=recovery
        )
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from exc
        raise BackupError(
            "backup.unwritable", path=str(folder), reason=str(exc.strerror or "error")
        ) from exc


# -- automatic backups --------------------------------------------------------------------


@dataclass(frozen=True)
class AutoSettings:
    """The automatic backup settings of one vault."""

    enabled: bool = True
    keep: int = DEFAULT_KEEP
    folder: str | None = None  # None: backups/ in the vault folder

    def where(self, vault_folder: Path) -> Path:
        """The folder the automatic backups go to."""
        return Path(self.folder).expanduser() if self.folder else vault_folder / DEFAULT_FOLDER


def auto_settings(session: Session) -> AutoSettings:
    """The vault's automatic backup settings (on, 7, ``backups/`` unless changed)."""
    stored: Any = session.prefs.get(PREF_AUTO, {})
    if not isinstance(stored, dict):
        return AutoSettings()
    keep = stored.get("keep", DEFAULT_KEEP)
    folder = stored.get("folder")
    return AutoSettings(
        enabled=bool(stored.get("enabled", True)),
        keep=keep if isinstance(keep, int) and 1 <= keep <= MAX_KEEP else DEFAULT_KEEP,
        folder=folder if isinstance(folder, str) and folder else None,
    )


def set_auto_settings(
    session: Session,
    *,
    enabled: bool | None = None,
    keep: int | None = None,
    folder: Path | str | None = None,
) -> AutoSettings:
    """Change some of the automatic backup settings; returns the new ones."""
    current = auto_settings(session)
    if keep is not None and (isinstance(keep, bool) or not 1 <= keep <= MAX_KEEP):
        raise BackupError("backup.keep", limit=MAX_KEEP)
    new_folder = current.folder
    if folder is not None:
        text = str(folder)
        if "\x00" in text:
            raise InvalidInput("setting.unstorable")
        new_folder = str(_usable_folder(Path(text).expanduser().absolute())) if text else None
    settings = AutoSettings(
        enabled=current.enabled if enabled is None else bool(enabled),
        keep=current.keep if keep is None else keep,
        folder=new_folder,
    )
    session.prefs.set(
        PREF_AUTO, {"enabled": settings.enabled, "keep": settings.keep, "folder": settings.folder}
    )
    return settings


def _usable_folder(folder: Path) -> Path:
    """``folder``, made now (0700) if it is new, or BackupError saying why backups cannot go
    there. Checked when it is chosen, so a typing mistake is refused at once instead of
    every later command warning that its automatic backup could not be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError as exc:  # a file (or a link to one) has that name
        raise BackupError("backup.unwritable", path=str(folder), reason="not a folder") from exc
    except OSError as exc:
        raise BackupError(
            "backup.unwritable", path=str(folder), reason=str(exc.strerror or "error")
        ) from exc
    if not folder.is_dir():
        raise BackupError("backup.unwritable", path=str(folder), reason="not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError("backup.unwritable", path=str(folder), reason="not writable")
    return folder


def _auto_files(folder: Path) -> list[Path]:
    try:
        found = [p for p in folder.iterdir() if p.name.startswith(AUTO_PREFIX)]
    except OSError:  # missing, not a folder, or not ours to read: no backups we can see
        return []
    return sorted(p for p in found if p.name.endswith(SUFFIX) and p.is_file())


def _stamp(path: Path) -> datetime:
    """When an automatic backup was made: from its name, else its file's time."""
    stamp = path.name[len(AUTO_PREFIX) : -len(SUFFIX)]
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def last_auto_backup(session: Session) -> datetime | None:
    """When the newest automatic backup was made (from its name), or None."""
    files = _auto_files(auto_settings(session).where(session.folder))
    return _stamp(files[-1]) if files else None


def auto_backup_due(session: Session, now: datetime | None = None) -> bool:
    """Whether an automatic backup should be made now: none was made in the last day.

    A backup stamped later than now (made while the clock was ahead, or copied from a
    machine whose clock was) does not count: it says nothing about today, and letting it
    make every run "due" would write a backup per command and rotate the week out.
    """
    if session.read_only or session.locked:
        return False
    settings = auto_settings(session)
    if not settings.enabled:
        return False
    moment = now or datetime.now(UTC)
    for path in reversed(_auto_files(settings.where(session.folder))):
        with contextlib.suppress(OSError):
            if moment - AUTO_EVERY < _stamp(path) <= moment + CLOCK_SLACK:
                return False
    return True


def _oldest_first(files: list[Path], now: datetime) -> list[Path]:
    """Automatic backups in the order rotation removes them: those stamped in the future
    first (a clock that was wrong; they would otherwise outlive every real one), then the
    rest oldest first, so the backup just made is never the one removed."""

    def key(path: Path) -> tuple[bool, datetime]:
        try:
            stamp = _stamp(path)
        except OSError:  # gone meanwhile
            return (False, datetime.min.replace(tzinfo=UTC))
        return (stamp <= now + CLOCK_SLACK, stamp)

    return sorted(files, key=key)


def run_auto_backup(session: Session, progress: Progress | None = None) -> Path | None:
    """Make an automatic backup if one is due, then keep only the newest ``keep``."""
    if not auto_backup_due(session):
        return None
    settings = auto_settings(session)
    folder = settings.where(session.folder)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        # The chosen folder is a file, on a read-only disk, or not ours: the command that
        # opened the vault succeeded; only this backup could not be made.
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from exc
        raise BackupError(
            "backup.unwritable", path=str(folder), reason=str(exc.strerror or "error")
        ) from exc
    now = datetime.now(UTC)
    target = folder / f"{AUTO_PREFIX}{now.strftime('%Y%m%dT%H%M%SZ')}{SUFFIX}"
    create_backup(session, target, progress)
    for old in _oldest_first(_auto_files(folder), now)[: -settings.keep]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    with contextlib.suppress(OSError):
        for stale in folder.glob(f".{AUTO_PREFIX}*.tmp"):
            if (now.timestamp() - stale.stat().st_mtime) > 3600:
                os.unlink(stale)
    return target
