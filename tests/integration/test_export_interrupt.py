"""A real Ctrl-C and a really full disk during an export leave no partial file behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.cli import PASS, SCRIPT, env_for, pj
from tests.helpers.mounts import tmpfs
from tests.helpers.vault import make_session


def big_vault(tmp_path: Path, entries: int = 600, size: int = 40_000) -> None:
    session = make_session(tmp_path, "vault", passphrase=PASS)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with session.transaction():
        for n in range(entries):
            body = (f"entry {n} " + "lorem ipsum dolor sit amet " * (size // 27))[:size]
            session.journal.add(body, title=f"Entry {n}", created=start + timedelta(hours=n))
    session.lock()


def stopped(pid: int) -> bool:
    """Whether the process is frozen by SIGSTOP (state ``T`` in /proc)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2] in "Tt"


@pytest.mark.parametrize(("fmt", "name"), [("json", "x.json"), ("md", "folder")])
def test_sigint_mid_export_leaves_nothing(tmp_path: Path, fmt: str, name: str) -> None:
    big_vault(tmp_path)
    out = tmp_path / "out"
    out.mkdir()

    def staged() -> list[Path]:
        return [p for p in out.iterdir() if p.name.endswith(".tmp")]

    def writing() -> bool:
        found = staged()
        try:  # a folder export: its staging folder already holds files
            return bool(found) and (found[0].is_file() or any(found[0].iterdir()))
        except FileNotFoundError:  # renamed into place meanwhile
            return False

    # The export is frozen (SIGSTOP) once it is writing, and interrupted only if it is still
    # staging then, so the Ctrl-C provably lands before the rename: on a fast machine a
    # sleep-then-signal can arrive after the export is complete. A run that finished before
    # it could be frozen is tried again.
    for _attempt in range(5):
        for leftover in out.iterdir():  # what a run that ended left
            if leftover.is_dir():
                shutil.rmtree(leftover)
            else:
                leftover.unlink()
        proc = subprocess.Popen(
            [str(SCRIPT), "export", "--format", fmt, "--yes", "-o", str(out / name)],
            env=env_for(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while not writing() and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.002)
        if proc.poll() is not None:
            proc.communicate()
            continue
        proc.send_signal(signal.SIGSTOP)
        while not stopped(proc.pid):
            time.sleep(0.001)
        if not staged():  # renamed into place just before it froze
            proc.send_signal(signal.SIGCONT)
            proc.communicate(timeout=60)
            continue
        proc.send_signal(signal.SIGINT)
        proc.send_signal(signal.SIGCONT)
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert b"interrupted" in err
        assert os.listdir(out) == [], "no temp file, no partial export"
        return
    pytest.fail("the export always ended before it could be interrupted")


def test_a_full_disk_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    big_vault(tmp_path, entries=300)  # about 12 MB of text, the disk holds 4 MB
    with tmpfs(tmp_path / "small", size="4m") as small:
        for fmt, name in (("json", "x.json"), ("md", "folder"), ("md", "one.md")):
            extra = ["--single-file"] if name == "one.md" else []
            result = pj(
                tmp_path, "export", "--format", fmt, *extra, "--yes", "-o", str(small / name)
            )
            assert result.returncode == 1, result.stderr
            assert "disk is full" in result.stderr and "Traceback" not in result.stderr
            assert os.listdir(small) == [], name


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's full device")
@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_standard_output_on_a_full_disk_is_a_clear_error_not_a_bug(
    tmp_path: Path, fmt: str
) -> None:
    big_vault(tmp_path, entries=40, size=4_000)
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [str(SCRIPT), "export", "--format", fmt],
            env=env_for(tmp_path),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "peerjournal: The disk is full: the export written to standard output is incomplete. "
        "Delete it, free some space and try again."
    )
