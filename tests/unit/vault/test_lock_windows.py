"""The vault lock's Windows path (msvcrt.locking), run here against a stand-in for msvcrt.

The stand-in follows the documented behaviour of ``msvcrt.locking(fd, mode, nbytes)``: it
locks or unlocks ``nbytes`` from the file's *current position*; ``LK_NBLCK`` raises OSError
at once when another handle holds an overlapping range; ``LK_UNLCK`` raises OSError when
the range is not locked by this handle.  Locks belong to the open file (device and inode),
so two descriptors of the same file exclude each other, as two processes do on Windows.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from peerjournal.errors import VaultInUse
from peerjournal.vault import lock as lock_module
from peerjournal.vault.lock import ProcessLock, windows_lock_functions


class FakeMsvcrt:
    """``msvcrt.locking`` with its documented semantics, on top of any file system."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        # (device, inode) -> list of (start, end, fd)
        self.locks: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        self.calls: list[tuple[int, int]] = []  # (mode, position) of every call

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino)
        start = os.lseek(fd, 0, os.SEEK_CUR)
        end = start + nbytes
        self.calls.append((mode, start))
        held = self.locks.setdefault(key, [])
        if mode == self.LK_UNLCK:
            for entry in held:
                if entry == (start, end, fd):
                    held.remove(entry)
                    return
            raise OSError(errno.EACCES, "Permission denied")
        if mode in (self.LK_NBLCK, self.LK_NBRLCK):
            if any(s < end and start < e for s, e, _fd in held):
                raise OSError(errno.EACCES, "Permission denied")
            held.append((start, end, fd))
            return
        raise NotImplementedError("the vault lock never blocks")


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    msvcrt = FakeMsvcrt()
    lock, unlock = windows_lock_functions(msvcrt)
    monkeypatch.setattr(lock_module, "_lock_fd", lock)
    monkeypatch.setattr(lock_module, "_unlock_fd", unlock)
    return msvcrt


def test_a_second_holder_is_refused_until_the_first_releases(
    fake: FakeMsvcrt, tmp_path: Path
) -> None:
    first, second = ProcessLock(tmp_path), ProcessLock(tmp_path)
    first.acquire()
    assert first.held and first.created_file
    with pytest.raises(VaultInUse):
        second.acquire()
    assert not second.held
    assert first.path.exists()  # the refused one did not delete the holder's file
    first.release()
    second.acquire()
    assert second.held
    second.release()
    assert all(not held for held in fake.locks.values())


def test_lock_and_unlock_always_work_on_the_first_byte(fake: FakeMsvcrt, tmp_path: Path) -> None:
    held = ProcessLock(tmp_path)
    held.acquire()
    assert held._fd is not None
    os.write(held._fd, b"moved the position")  # as any later write to the file would
    held.release()  # would raise on a real Windows if it unlocked at the wrong place
    assert fake.calls == [(fake.LK_NBLCK, 0), (fake.LK_UNLCK, 0)]


def test_a_refused_lock_leaves_the_holders_file_and_the_holder_cleans_up(
    fake: FakeMsvcrt, tmp_path: Path
) -> None:
    holder = ProcessLock(tmp_path)
    holder.acquire()
    visitor = ProcessLock(tmp_path)
    with pytest.raises(VaultInUse):
        visitor.acquire()
    assert not visitor.created_file and holder.path.exists()
    holder.release_and_remove_if_created()
    assert not holder.path.exists()
    assert all(not held for held in fake.locks.values())


def test_the_functions_need_only_the_documented_module_surface(tmp_path: Path) -> None:
    calls: list[tuple[int, int, int]] = []

    class Minimal:
        LK_NBLCK, LK_UNLCK = 2, 0

        @staticmethod
        def locking(fd: int, mode: int, nbytes: int) -> None:
            calls.append((mode, nbytes, os.lseek(fd, 0, os.SEEK_CUR)))

    lock, unlock = windows_lock_functions(Minimal)
    fd = os.open(tmp_path / "f", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        os.lseek(fd, 5, os.SEEK_SET)
        lock(fd)
        unlock(fd)
    finally:
        os.close(fd)
    assert calls == [(2, 1, 0), (0, 1, 0)]
