"""Crash safety: a writer killed with SIGKILL mid-write never loses a committed entry."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerjournal.app.session import open_vault
from tests.helpers.vault import PASSPHRASE, make_vault

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 40

WRITER = """
import sys
from peerjournal.app.session import open_vault
session = open_vault(sys.argv[1], sys.argv[2])
i = 0
while True:
    i += 1
    entry = session.journal.add(
        "crash test body " * (1 + i % 50), title=f"entry {i}", tags=[f"t{i % 7}", "crash"]
    )
    if i % 3 == 0:
        session.journal.update(entry.id, body="edited " * (i % 20 + 1))
    sys.stdout.write(entry.id + "\\n")
    sys.stdout.flush()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_writes_loses_nothing_committed(tmp_path: Path) -> None:
    session, _ = make_vault(tmp_path)
    session.lock()
    folder = tmp_path / "vault"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(1234)
    reported: list[str] = []
    for _round in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), PASSPHRASE],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=tmp_path,
        )
        assert child.stdout is not None
        wanted = rng.randint(1, 25)
        for _ in range(wanted):
            line = child.stdout.readline()
            if not line:
                break
            reported.append(line.decode().strip())
        child.send_signal(signal.SIGKILL)
        rest, err = child.communicate(timeout=30)
        reported += [line for line in rest.decode().split() if line]
        assert child.returncode == -signal.SIGKILL, err.decode()[-2000:]

    assert len(reported) >= ROUNDS
    assert len(set(reported)) == len(reported)
    survivor = open_vault(folder, PASSPHRASE)
    conn = survivor.conn
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    stored = {row[0] for row in conn.execute("SELECT id FROM entries")}
    missing = [entry_id for entry_id in reported if entry_id not in stored]
    assert missing == []
    # Every stored entry is complete and searchable, not only the reported ones.
    assert survivor.journal.count(tag="crash") == len(stored)
    assert len(survivor.journal.search("crash", limit=10_000)) == len(stored)
    survivor.lock()


CHANGER = """
import sys
from peerjournal.app.session import open_vault
from peerjournal.errors import WrongPassphrase
names = ["alpha pass", "beta pass"]
try:
    session, current = open_vault(sys.argv[1], names[0]), 0
except WrongPassphrase:
    session, current = open_vault(sys.argv[1], names[1]), 1
while True:
    session.change_passphrase(names[current], names[1 - current])
    current = 1 - current
    sys.stdout.write(names[current] + "\\n")
    sys.stdout.flush()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_passphrase_change_keeps_the_header_whole(tmp_path: Path) -> None:
    from peerjournal.errors import WrongPassphrase

    session, _ = make_vault(tmp_path, passphrase="alpha pass")
    session.journal.add("survives header rewrites")
    session.lock()
    folder = tmp_path / "vault"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(99)
    names = ["alpha pass", "beta pass"]
    for _round in range(15):
        child = subprocess.Popen(
            [sys.executable, "-c", CHANGER, str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None
        last = None
        for _ in range(rng.randint(1, 6)):
            line = child.stdout.readline().decode().strip()
            if not line:
                break
            last = line
        child.send_signal(signal.SIGKILL)
        rest, err = child.communicate(timeout=30)
        lines = [line for line in rest.decode().split("\n") if line]
        last = lines[-1] if lines else last
        assert last in names, err.decode()[-2000:]
        # The committed passphrase works, or the change that was in flight landed whole.
        opened = None
        for candidate in (last, names[1 - names.index(last)]):
            try:
                opened = open_vault(folder, candidate)
                break
            except WrongPassphrase:
                continue
        assert opened is not None
        assert opened.journal.list()[0].first_line == "survives header rewrites"
        opened.lock()
        # An interrupted atomic write may leave its temp file; a successful open removes it.
        assert sorted(p.name for p in folder.iterdir()) == [
            "journal.db",
            "vault.json",
            "vault.lock",
        ]


BACKUPER = """
import sys
from pathlib import Path
from peerjournal.app.backups import create_backup
from peerjournal.app.session import open_vault
session = open_vault(sys.argv[1], sys.argv[2])
out = Path(sys.argv[3])
start = int(sys.argv[4])
i = start
while True:
    session.journal.add("grows the database " * 200, tags=["b"])
    create_backup(session, out / f"b-{i:04d}.pjbackup")
    sys.stdout.write(f"b-{i:04d}.pjbackup\\n")
    sys.stdout.flush()
    i += 1
"""

RESTORER = """
import sys
from pathlib import Path
from peerjournal.app.backups import restore_backup
out = Path(sys.argv[3])
i = int(sys.argv[4])
while True:
    restore_backup(Path(sys.argv[1]), sys.argv[2], out / f"r-{i:04d}")
    sys.stdout.write(f"r-{i:04d}\\n")
    sys.stdout.flush()
    i += 1
"""


def _run_and_kill(script: str, argv: list[str], rng: random.Random) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", script, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    done: list[str] = []
    for _ in range(rng.randint(0, 2)):
        line = child.stdout.readline().decode().strip()
        if not line:
            break
        done.append(line)
    # Kill at a random moment inside the next operation.
    time.sleep(rng.random() * 0.05)
    child.send_signal(signal.SIGKILL)
    rest, err = child.communicate(timeout=30)
    done += [line for line in rest.decode().split() if line]
    assert child.returncode == -signal.SIGKILL, err.decode()[-2000:]
    return done


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_backup_create_keeps_backups_and_vault_whole(tmp_path: Path) -> None:
    from peerjournal.app.backups import verify_backup

    session, _ = make_vault(tmp_path)
    session.journal.add("before any backup")
    session.lock()
    folder, out = tmp_path / "vault", tmp_path / "backups"
    out.mkdir()
    rng = random.Random(7)
    made: list[str] = []
    for round_ in range(25):
        made += _run_and_kill(
            BACKUPER, [str(folder), PASSPHRASE, str(out), str(round_ * 1000)], rng
        )
        # Every backup under its final name is complete; the newest one verifies.
        finished = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
        assert set(made) <= set(finished)
        if finished:
            assert verify_backup(out / finished[-1], PASSPHRASE).entries >= 1
        survivor = open_vault(folder, PASSPHRASE)
        assert survivor.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        survivor.lock()
    assert len(made) >= 5
    for name in sorted(p.name for p in out.iterdir() if not p.name.startswith(".")):
        verify_backup(out / name, PASSPHRASE)
    # The temp files the killed runs left (encrypted, but megabytes each, for ever) go
    # with the next backup made in that folder.
    from peerjournal.app.backups import create_backup

    survivor = open_vault(folder, PASSPHRASE)
    create_backup(survivor, out / "after.pjbackup")
    survivor.lock()
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_restore_never_leaves_a_half_written_vault(tmp_path: Path) -> None:
    from peerjournal.app.backups import create_backup

    session, _ = make_vault(tmp_path)
    for i in range(200):
        session.journal.add(f"entry {i} " * 100)
    backup = tmp_path / "b.pjbackup"
    create_backup(session, backup)
    session.lock()
    out = tmp_path / "restores"
    out.mkdir()
    rng = random.Random(11)
    for round_ in range(25):
        _run_and_kill(RESTORER, [str(backup), PASSPHRASE, str(out), str(round_ * 1000)], rng)
        for target in out.iterdir():
            if target.name.startswith("."):
                continue  # a hidden work folder of the killed restore; never a vault
            restored = open_vault(target, PASSPHRASE)
            assert restored.journal.count() == 200
            restored.lock()
    # The work folders of the killed restores go with the next restore beside them.
    from peerjournal.app.backups import restore_backup

    restore_backup(backup, PASSPHRASE, out / "after")
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
