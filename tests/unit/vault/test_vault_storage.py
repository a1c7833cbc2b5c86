"""Storage errors and default locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerjournal.errors import NotFound, StorageFull
from peerjournal.paths import default_vault_folder
from tests.helpers.vault import make_session


def test_full_database_raises_storage_full_and_keeps_data(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    session.journal.add("kept")
    conn = session.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageFull) as info:
        session.journal.add("x" * 200_000, tags=["big"])
    assert "disk is full" in info.value.message
    assert session.journal.count() == 1
    assert session.journal.tags() == []
    assert not conn.in_transaction
    conn.execute("PRAGMA max_page_count = 1073741823")
    session.journal.add("fits again")
    assert session.journal.count() == 2
    session.lock()


def test_default_vault_folder_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "here"))
    assert default_vault_folder() == tmp_path / "here"
    monkeypatch.delenv("PEERJOURNAL_VAULT")
    folder = default_vault_folder()
    assert folder.name == "vault" and "PeerJournal" in str(folder)
    # conftest points XDG_DATA_HOME into tmp_path, so the default never touches the real home.
    assert str(folder).startswith(str(tmp_path))


def test_nested_transactions_group_and_roll_back(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    with session.transaction():
        for i in range(5):
            session.journal.add(f"grouped {i}", tags=["g"])
        assert session.conn.in_transaction
    assert session.journal.count() == 5
    with pytest.raises(RuntimeError), session.transaction():
        session.journal.add("inner one")
        raise RuntimeError("abort the whole group")
    assert session.journal.count() == 5
    # A failing inner call rolls back only itself; the outer block can go on.
    with session.transaction():
        session.journal.add("outer kept")
        with pytest.raises(NotFound):
            session.journal.add("bad mood link", mood_id="missing")
    assert session.journal.count() == 6
    assert session.journal.search("bad") == []
    session.lock()


def test_vault_files_are_private_to_the_owner(tmp_path: Path) -> None:
    """The database, its WAL and shared-memory files and the header are mode 0600."""
    import stat

    session = make_session(tmp_path)
    session.journal.add("private words")
    folder = session.folder
    modes = {
        p.name: stat.S_IMODE(p.stat().st_mode)
        for p in folder.iterdir()
        if p.name.startswith(("journal.db", "vault.json"))
    }
    session.lock()
    assert {"journal.db", "journal.db-wal", "vault.json"} <= set(modes)
    assert all(mode == 0o600 for mode in modes.values()), modes
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_sqlite_errors_are_mapped_by_their_code_not_their_words() -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    from peerjournal.errors import VaultCorrupt
    from peerjournal.vault.store import translate

    full = sqlcipher.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlcipher.SQLITE_FULL  # type: ignore[attr-defined]
    assert isinstance(translate(full), StorageFull)
    damaged = sqlcipher.DatabaseError("whatever the words")
    damaged.sqlite_errorcode = sqlcipher.SQLITE_NOTADB  # type: ignore[attr-defined]
    assert isinstance(translate(damaged), VaultCorrupt)
    # the same words without the code (e.g. a message quoting a title) are left alone: a bug
    for words in ("database or disk is full", "file is not a database"):
        quoted = sqlcipher.OperationalError(words)
        assert translate(quoted) is quoted
    busy = sqlcipher.OperationalError("disk is full of locks")
    busy.sqlite_errorcode = sqlcipher.SQLITE_BUSY  # type: ignore[attr-defined]
    assert translate(busy) is busy
