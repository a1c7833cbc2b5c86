"""Small file-system helpers: atomic writes with restrictive permissions.

Every temp file or folder an atomic write makes is named ``.NAME.<pid>.pjtmp.<random>.tmp``
(:func:`temp_prefix`): a write killed outright (SIGKILL, the out-of-memory killer) cannot
remove its own, so the next atomic write into the same folder removes those whose process
has ended (:func:`remove_stale_temps`). For an export that is a half-written plaintext
journal, which must not stay hidden beside the file the user asked for.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from peerjournal.errors import StorageFull


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entry table so a rename inside it survives a crash (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_TEMP_MARK = "pjtmp"
_STALE_TEMP = re.compile(r"^\..*\.(\d+)\." + _TEMP_MARK + r"\.")


def temp_prefix(name: str) -> str:
    """The name prefix of a temp file or folder standing in for ``name`` (hidden, with
    this process's id so a later run can tell it was left by one that ended)."""
    return f".{name}.{os.getpid()}.{_TEMP_MARK}."


def _ended(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # POSIX only: on Windows this would end the process
    except ProcessLookupError:
        return True
    except OSError:  # someone else's process has that id now
        return False
    return False


def remove_stale_temps(folder: Path) -> None:
    """Remove this user's temp files and folders (named by :func:`temp_prefix`) in
    ``folder`` whose process has ended. Never raises; does nothing off POSIX."""
    if os.name != "posix" or not hasattr(os, "getuid"):
        return
    import shutil

    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = _STALE_TEMP.match(entry.name)
        if found is None or not _ended(int(found.group(1))):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if info.st_uid != os.getuid():
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never a mix.

    Temp file in the same folder, permissions set before any byte is written, fsync,
    rename over the target, fsync the folder. On a full disk the target is untouched
    and :class:`StorageFull` is raised.
    """
    with atomic_file(path, mode) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_file(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Write ``path`` as a stream, atomically: the file appears whole or not at all.

    Yields a binary handle on a temp file in the same folder (permissions set before any
    byte is written). When the block ends normally the file is fsynced and renamed over
    ``path``; on any exception — a full disk, a bug, Ctrl-C — the temp file is removed and
    ``path`` is untouched. A full disk raises :class:`StorageFull`.
    """
    path = Path(path)
    folder = path.parent
    remove_stale_temps(folder)
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=".tmp", dir=folder)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb", buffering=1024 * 1024) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        fsync_dir(folder)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from exc
        raise


class StagedFolder:
    """A private folder being filled with new files, each written whole in one call.

    Files are created relative to an open handle on the folder where the platform allows
    (no path is resolved again per file, so a swapped parent cannot redirect a write),
    exclusively (``O_CREAT | O_EXCL``, never following a symbolic link) and with mode
    0600 from the first byte. They are not flushed one by one: :func:`atomic_folder` makes
    them durable together before the folder gets its name.
    """

    def __init__(self, path: Path, mode: int = 0o600) -> None:
        self.path = path
        self._mode = mode
        self._prefix = os.fspath(path) + os.sep
        self._fd: int | None = None
        if os.open in os.supports_dir_fd:
            self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        self._syncfs = _find_syncfs() if self._fd is not None else None
        self._per_file_sync = self._syncfs is None  # no way to flush them all at once

    def write(self, name: str, data: bytes) -> None:
        """Create the file ``name`` (a bare name, never a path) holding ``data``."""
        if self._fd is not None:
            fd = os.open(name, _NEW_FILE, self._mode, dir_fd=self._fd)
        else:
            fd = os.open(self._prefix + name, _NEW_FILE, self._mode)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if self._per_file_sync:
                os.fsync(fd)
        finally:
            os.close(fd)

    def sync(self) -> None:
        """Make every file written and the folder's own entries durable."""
        if self._fd is not None:
            if self._syncfs is not None and self._syncfs(self._fd) != 0:
                err = _ctypes_errno()
                raise OSError(err, os.strerror(err))
            os.fsync(self._fd)
        else:
            fsync_dir(self.path)

    def close(self) -> None:
        """Release the folder's handle (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


_NEW_FILE = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


@functools.cache
def _find_syncfs() -> Callable[[int], int] | None:
    """Linux's ``syncfs(fd)``: one call flushes every file of that file system, where
    ``fsync`` per file would wait for the disk once per file."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function


def _ctypes_errno() -> int:
    """The C ``errno`` of the last ctypes call (EIO when there is none)."""
    import ctypes

    return ctypes.get_errno() or errno.EIO


@contextlib.contextmanager
def atomic_folder(path: Path, mode: int = 0o700) -> Iterator[StagedFolder]:
    """Fill a new folder ``path`` atomically: it appears complete under its name or not at all.

    Yields a :class:`StagedFolder` on a fresh private folder beside ``path`` (mode ``mode``
    from the start). When the block ends normally every file in it is made durable at once
    (``syncfs`` on Linux; elsewhere each file was flushed as it was written), then the
    folder is renamed to ``path``, which must not exist or be an empty folder, and the
    rename is flushed. On any exception — a full disk, a bug, Ctrl-C — the staging folder
    and everything in it are removed.
    """
    import shutil

    path = Path(path)
    parent = path.parent
    remove_stale_temps(parent)
    tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(path.name), suffix=".tmp", dir=parent))
    staged: StagedFolder | None = None
    try:
        os.chmod(tmp, mode)
        staged = StagedFolder(tmp)
        yield staged
        staged.sync()
        staged.close()
        if path.is_dir() and not path.is_symlink():
            path.rmdir()  # only an empty folder may be replaced (OSError otherwise)
        os.rename(tmp, path)
        fsync_dir(parent)
    except BaseException as exc:
        if staged is not None:
            staged.close()
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from exc
        raise
