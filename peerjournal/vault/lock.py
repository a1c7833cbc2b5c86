"""An advisory per-vault process lock, so two processes never open the same vault."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peerjournal.errors import VaultCorrupt, VaultInUse

LOCK_NAME = "vault.lock"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_RETRY_SECONDS = 0.05


class ProcessLock:
    """An exclusive, non-blocking lock on ``<folder>/vault.lock`` (flock or msvcrt)."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._fd: int | None = None
        self.created_file = False

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._fd is not None

    def acquire(self, *, read_only: bool = False, wait: float = 0.0) -> None:
        """Take the lock or raise :class:`VaultInUse`; creates the lock file if missing.

        ``read_only``: for a vault that cannot be written (a read-only mount or folder),
        the existing lock file is opened for reading only and nothing is created; without
        a lock file there is nothing to lock (no PeerJournal could write there either).
        ``wait``: seconds to keep trying while another process holds the lock.
        """
        if self._fd is not None:
            return
        if read_only:
            try:
                fd = self._open(os.O_RDONLY)
            except (FileNotFoundError, PermissionError):
                return
        else:
            existed = os.path.lexists(self.path)
            fd = self._open(os.O_RDWR | os.O_CREAT)
            self.created_file = not existed
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                _lock_fd(fd)
                break
            except OSError as exc:
                if time.monotonic() < deadline:
                    time.sleep(_RETRY_SECONDS)
                    continue
                os.close(fd)
                if self.created_file:
                    self._remove_file()
                raise VaultInUse() from exc
        self._fd = fd

    def _open(self, flags: int) -> int:
        """Open the lock file itself: never through a symbolic link planted in its place
        (that would create or lock a file elsewhere), and never a folder."""
        try:
            fd = os.open(self.path, flags | _NOFOLLOW | _CLOEXEC, 0o600)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.EISDIR) or os.path.islink(self.path):
                raise VaultCorrupt("vault.lock_not_file") from exc
            raise
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise VaultCorrupt("vault.lock_not_file")
        return fd

    def release(self) -> None:
        """Drop the lock (the lock file stays, it holds no data)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock_fd(fd)
        finally:
            os.close(fd)

    def release_and_remove_if_created(self) -> None:
        """Release, and delete the lock file if this object created it (error paths)."""
        created = self.created_file
        self.release()
        if created:
            self._remove_file()

    def _remove_file(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def windows_lock_functions(msvcrt: Any) -> tuple[Callable[[int], None], Callable[[int], None]]:
    """Lock and unlock for Windows: ``msvcrt.locking`` on the file's first byte.

    ``msvcrt.locking`` works from the file's current position, so both seek to 0 first;
    ``LK_NBLCK`` fails at once with OSError when another handle holds the byte.  Taking the
    module as an argument lets the tests run this code against a stand-in with the same
    documented behaviour on systems that have no msvcrt.
    """

    def lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    return lock, unlock


if os.name == "nt":  # pragma: no cover - the functions above are tested everywhere
    import msvcrt

    _lock_fd, _unlock_fd = windows_lock_functions(msvcrt)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
