"""Atomic folders: a private staging folder, exclusive private files, all or nothing."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from peerjournal.fsutil import _find_syncfs, atomic_folder, atomic_write


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_a_folder_appears_whole_with_private_files(out: Path) -> None:
    target = out / "export"
    with atomic_folder(target) as staged:
        assert staged.path.parent == out and staged.path.name.startswith(".export.")
        assert stat.S_IMODE(staged.path.stat().st_mode) == 0o700
        staged.write("a.md", b"one")
        staged.write("b.md", b"x" * 3_000_000)
        assert not target.exists(), "the name appears only when the folder is complete"
    assert sorted(os.listdir(out)) == ["export"]
    assert (target / "a.md").read_bytes() == b"one"
    assert (target / "b.md").stat().st_size == 3_000_000
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in target.iterdir()} == {0o600}


def test_a_name_written_twice_or_a_planted_link_is_refused_and_nothing_remains(
    out: Path,
) -> None:
    outside = out / "outside.txt"
    outside.write_bytes(b"keep")
    with pytest.raises(FileExistsError), atomic_folder(out / "export") as staged:
        staged.write("a.md", b"one")
        staged.write("a.md", b"two")
    with pytest.raises(FileExistsError), atomic_folder(out / "export") as staged:
        (staged.path / "link.md").symlink_to(outside)
        staged.write("link.md", b"overwrite?")
    assert outside.read_bytes() == b"keep"
    assert sorted(os.listdir(out)) == ["outside.txt"]


def test_ctrl_c_inside_removes_the_staging_folder(out: Path) -> None:
    with pytest.raises(KeyboardInterrupt), atomic_folder(out / "export") as staged:
        for n in range(50):
            staged.write(f"{n}.md", b"text")
        raise KeyboardInterrupt
    assert os.listdir(out) == []


def test_an_empty_folder_is_replaced_a_full_one_is_not(out: Path) -> None:
    (out / "empty").mkdir()
    with atomic_folder(out / "empty") as staged:
        staged.write("a.md", b"one")
    assert os.listdir(out / "empty") == ["a.md"]
    with pytest.raises(OSError), atomic_folder(out / "empty") as staged:
        staged.write("b.md", b"two")
    assert os.listdir(out / "empty") == ["a.md"]
    assert sorted(os.listdir(out)) == ["empty"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_on_linux_the_files_are_flushed_with_one_syncfs(out: Path) -> None:
    syncfs = _find_syncfs()
    assert syncfs is not None
    fd = os.open(out, os.O_RDONLY)
    try:
        assert syncfs(fd) == 0
    finally:
        os.close(fd)
    with atomic_folder(out / "export") as staged:
        assert staged._syncfs is syncfs and not staged._per_file_sync


_KILLED_WRITER = """
import sys, time
from pathlib import Path
from peerjournal.fsutil import atomic_file, atomic_folder
target = Path(sys.argv[1])
if sys.argv[2] == "file":
    with atomic_file(target) as out:
        out.write(b"half of a plaintext journal")
        out.flush()
        print("ready", flush=True)
        time.sleep(60)
else:
    with atomic_folder(target) as staged:
        staged.write("entry.md", b"half of a plaintext journal")
        print("ready", flush=True)
        time.sleep(60)
"""


@pytest.mark.skipif(os.name != "posix", reason="process ids and SIGKILL are POSIX")
@pytest.mark.parametrize("kind", ["file", "folder"])
def test_what_a_killed_write_left_is_removed_by_the_next_write_in_that_folder(
    tmp_path: Path, kind: str
) -> None:
    # `export -o` killed with SIGKILL mid-write left `.journal.json.XXXX.tmp` holding
    # half the journal in plaintext, hidden, for ever.
    import signal
    import subprocess

    tmp_path = tmp_path / "out"
    tmp_path.mkdir()

    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(tmp_path / "journal.json"), kind],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    [left] = [p for p in tmp_path.iterdir()]
    assert left.name.startswith(".journal.json.")
    live = tmp_path / f".other.json.{os.getpid()}.pjtmp.abc.tmp"  # a write still going on
    live.write_bytes(b"in progress")
    atomic_write(tmp_path / "other.json", b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "other.json"]
