"""A real Ctrl-C and a really full disk during an export leave no partial file behind."""

from __future__ import annotations

import os
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


@pytest.mark.parametrize(("fmt", "name"), [("json", "x.json"), ("md", "folder")])
def test_sigint_mid_export_leaves_nothing(tmp_path: Path, fmt: str, name: str) -> None:
    big_vault(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [str(SCRIPT), "export", "--format", fmt, "--yes", "-o", str(out / name)],
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60

    def writing() -> bool:
        staged = [p for p in out.iterdir() if p.name.endswith(".tmp")]
        try:  # a folder export: its staging folder already holds files
            return bool(staged) and (staged[0].is_file() or any(staged[0].iterdir()))
        except FileNotFoundError:  # renamed into place meanwhile: poll() will say so
            return False

    while not writing():
        assert proc.poll() is None, "the export ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    time.sleep(0.05)  # well inside the writing
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"interrupted" in err
    assert os.listdir(out) == [], "no temp file, no partial export"


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
