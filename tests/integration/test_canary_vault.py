"""A canary word written anywhere in the journal never appears in any file of the vault."""

from __future__ import annotations

import os
from pathlib import Path

from peerjournal.app.session import open_vault
from tests.helpers.vault import PASSPHRASE, make_vault

CANARY = "Zyxwvcanary"


def _needles() -> list[bytes]:
    variants = {CANARY, CANARY.lower(), CANARY.upper(), CANARY[::-1]}
    out: list[bytes] = []
    for text in variants:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le"):
            out.append(text.encode(encoding))
    return out


def _leaks(folder: Path) -> list[str]:
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            data = path.read_bytes()
            found += [f"{path.name}: {n!r}" for n in _needles() if n in data]
    return found


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_canary_never_reaches_disk(tmp_path: Path) -> None:
    session, _code = make_vault(tmp_path)
    folder = tmp_path / "vault"
    mood = session.mood.add(
        2,
        emotions=[f"{CANARY}-feeling"],
        activities=[f"{CANARY} walk"],
        note=f"mood note {CANARY}",
    )
    entries = [
        session.journal.add(
            f"Body with {CANARY} inside, entry {i}. " + "padding words " * 50,
            title=f"Title {CANARY} {i}",
            tags=[f"{CANARY}tag", "plain"],
            mood_id=mood.id if i == 0 else None,
        )
        for i in range(30)
    ]
    session.mood.set_labels({1: f"{CANARY} label"})
    session.prefs.set("people", [CANARY])
    assert session.journal.search(CANARY.lower())
    # While open: the WAL and shared-memory files exist and must not leak either.
    assert "journal.db-wal" in _files(folder)
    assert _leaks(folder) == []

    for entry in entries[:10]:
        session.journal.update(entry.id, body=f"edited {CANARY} again", title=CANARY)
    for entry in entries[10:20]:
        session.journal.delete(entry.id)
    for entry in entries[10:15]:
        session.journal.purge(entry.id)
    session.journal.empty_trash()
    session.mood.update(mood.id, note=f"{CANARY} changed")
    session.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    assert _leaks(folder) == []

    session.lock()
    assert _leaks(folder) == []
    assert "journal.db-wal" not in _files(folder)

    again = open_vault(folder, PASSPHRASE)
    assert again.journal.count() == 20
    assert CANARY in again.journal.get(entries[0].id).body
    assert (f"{CANARY}tag", 20) in again.journal.tags()
    assert _leaks(folder) == []
    again.change_passphrase(PASSPHRASE, f"{CANARY} as passphrase")
    again.lock()
    assert _leaks(folder) == []


def test_canary_not_left_in_temp_folders(tmp_path: Path) -> None:
    session, _ = make_vault(tmp_path)
    for i in range(50):
        session.journal.add(f"{CANARY} {i} " + "x" * 2000, tags=[CANARY])
    session.journal.search(CANARY)
    session.journal.list(limit=1000)
    session.lock()
    # HOME, XDG folders and any temp files the process made all live under tmp_path.
    assert _leaks(tmp_path) == []


_CRASHER = """
import ctypes, resource, sys
from pathlib import Path
from peerjournal.app.session import open_vault
session = open_vault(Path(sys.argv[1]), sys.argv[2])
print(resource.getrlimit(resource.RLIMIT_CORE)[0], flush=True)
ctypes.string_at(0)  # a crash (SIGSEGV) with the journal open
"""


def test_a_crash_with_the_vault_open_writes_no_core_file(tmp_path: Path) -> None:
    # A core file is the process's memory on disk: decrypted entries and the data key,
    # kept by the system long after the crash. Unlocking lowers the core limit to 0.
    import resource
    import signal
    import subprocess
    import sys

    session, _code = make_vault(tmp_path)
    session.journal.add(f"{CANARY} in a body that must not reach a core file")
    session.lock()
    work = tmp_path / "cwd"
    work.mkdir()

    def allow_cores() -> None:  # as a user whose shell allows core files
        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))

    crashed = subprocess.run(
        [sys.executable, "-c", _CRASHER, str(tmp_path / "vault"), PASSPHRASE],
        cwd=work,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        capture_output=True,
        text=True,
        preexec_fn=allow_cores,  # a plain setrlimit in the child
        timeout=60,
        check=False,
    )
    assert crashed.returncode == -signal.SIGSEGV, crashed.stderr
    assert crashed.stdout.strip() == "0"  # the soft core limit after the unlock
    assert list(work.iterdir()) == [], "a core file was written"
