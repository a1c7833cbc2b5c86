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
