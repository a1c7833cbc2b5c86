"""Small file-system helpers: atomic writes with restrictive permissions."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
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
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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


@contextlib.contextmanager
def atomic_folder(path: Path, mode: int = 0o700) -> Iterator[Path]:
    """Fill a new folder ``path`` atomically: it appears complete under its name or not at all.

    Yields a temp folder beside ``path`` (mode ``mode`` from the start); when the block ends
    normally it is renamed to ``path``, which must not exist or be an empty folder. On any
    exception the temp folder and everything in it are removed. The files written inside
    are the caller's; :func:`fsync_file` flushes one.
    """
    import shutil

    path = Path(path)
    parent = path.parent
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    try:
        os.chmod(tmp, mode)
        yield tmp
        if path.is_dir() and not path.is_symlink():
            path.rmdir()  # only an empty folder may be replaced (OSError otherwise)
        os.rename(tmp, path)
        fsync_dir(parent)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull() from exc
        raise
