"""The relay's files are private: its data folder 0700, its databases and backups 0600."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> None:
    """Create ``path`` as 0700, or tighten an existing folder the relay owns to 0700."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if path.stat().st_uid == os.geteuid():
        path.chmod(FOLDER_MODE)


def private_file(path: Path) -> None:
    """Create ``path`` empty as 0600 if missing (SQLite then gives its -wal and -shm files
    the same mode), or tighten an existing one; companions present are tightened too."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    os.close(fd)
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            if candidate.stat().st_uid == os.geteuid():
                candidate.chmod(FILE_MODE)
