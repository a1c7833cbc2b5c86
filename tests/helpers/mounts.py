"""Small file systems the tests mount themselves: a full tmpfs, a read-only bind mount.

Mounting needs root (CI runs as root). Without root these tests skip and say why; in CI
(``CI`` set) they fail instead, so they can never silently not run there.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def require_root(what: str) -> None:
    """Skip (locally) or fail (in CI) unless this process may mount file systems."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return
    reason = f"needs root to mount {what}"
    if os.environ.get("CI"):
        pytest.fail(reason + " (CI runs as root)")
    pytest.skip(reason)


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True, timeout=60)


@contextlib.contextmanager
def tmpfs(where: Path, size: str = "4m") -> Iterator[Path]:
    """A small tmpfs mounted at ``where`` for the duration of the block."""
    require_root("a small tmpfs")
    where.mkdir(parents=True, exist_ok=True)
    _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where))
    try:
        yield where
    finally:
        _run("umount", "-l", str(where))


@contextlib.contextmanager
def read_only_view(source: Path, where: Path) -> Iterator[Path]:
    """``source`` seen read-only at ``where`` (bind mount, then remount ro)."""
    require_root("a read-only bind mount")
    where.mkdir(parents=True, exist_ok=True)
    _run("mount", "--bind", str(source), str(where))
    try:
        _run("mount", "-o", "remount,bind,ro", str(where))
        yield where
    finally:
        _run("umount", "-l", str(where))


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` until at most ``leave`` bytes are free."""
    block = b"\0" * 65536
    index = 0
    while True:
        free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
        if free <= leave:
            return
        chunk = block if free - leave > len(block) else block[: max(1, free - leave)]
        try:
            with (folder / f"filler-{index}").open("wb") as handle:
                handle.write(chunk)
        except OSError:
            return
        index += 1
