"""Vault lifecycle: create, open, errors (with nothing changed on disk), passphrase, recovery."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from peerjournal.app.session import create_vault, open_vault, recover_vault, vault_exists
from peerjournal.errors import (
    InvalidInput,
    VaultCorrupt,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from peerjournal.vault import KdfParams
from peerjournal.vault.header import HEADER_NAME
from tests.helpers.vault import PASSPHRASE, make_vault, snapshot


@pytest.fixture
def closed_vault(tmp_path: Path) -> tuple[Path, str]:
    """A vault with one entry, cleanly locked; returns (folder, recovery code)."""
    session, code = make_vault(tmp_path)
    session.journal.add("first entry", title="hello", tags=["t"])
    session.lock()
    return tmp_path / "vault", code


def test_create_then_open_round_trip(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    assert vault_exists(folder)
    session = open_vault(folder, PASSPHRASE)
    [entry] = session.journal.list()
    assert entry.title == "hello"
    assert session.journal.tags() == [("t", 1)]
    session.lock()


def test_files_and_permissions(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    assert sorted(os.listdir(folder)) == ["journal.db", "vault.json", "vault.lock"]
    assert (folder / HEADER_NAME).stat().st_mode & 0o077 == 0
    header = json.loads((folder / HEADER_NAME).read_text())
    assert header["passphrase"]["kdf"]["alg"] == "argon2id13"
    assert header["version"] == 2
    assert len(base64.b64decode(header["mac"])) == 32


def test_create_refuses_existing_vault(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    before = snapshot(folder)
    with pytest.raises(VaultExists):
        create_vault(folder, "other", kdf=KdfParams.for_tests())
    assert snapshot(folder) == before


def test_create_rejects_empty_passphrase(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        create_vault(tmp_path / "v", "", kdf=KdfParams.for_tests())
    assert not (tmp_path / "v").exists()


def test_wrong_passphrase_changes_nothing(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    before = snapshot(folder)
    with pytest.raises(WrongPassphrase):
        open_vault(folder, "not it")
    assert snapshot(folder) == before


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        open_vault(tmp_path / "nothing", PASSPHRASE)
    assert not (tmp_path / "nothing").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFound):
        open_vault(tmp_path / "empty", PASSPHRASE)
    assert os.listdir(tmp_path / "empty") == []


def test_vault_in_use(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    session = open_vault(folder, PASSPHRASE)
    session.journal.add("while open")
    with pytest.raises(VaultInUse):
        open_vault(folder, PASSPHRASE)
    assert session.journal.count() == 2
    session.lock()
    before = snapshot(folder)
    session2 = open_vault(folder, PASSPHRASE)
    session2.lock()
    assert set(snapshot(folder)) == set(before)


@pytest.mark.parametrize(
    "damage",
    [
        lambda f: (f / HEADER_NAME).write_bytes(b"{not json"),
        lambda f: (f / HEADER_NAME).write_bytes(b"\xff\xfe\x00"),
        lambda f: (f / HEADER_NAME).write_text(json.dumps({"format": "something-else"})),
        lambda f: (f / HEADER_NAME).write_text(
            json.dumps({**json.loads((f / HEADER_NAME).read_text()), "passphrase": {"kdf": 1}})
        ),
        lambda f: (f / "journal.db").write_bytes(b"this is not a database" * 300),
        lambda f: (f / "journal.db").unlink(),
    ],
    ids=["json", "binary", "format", "slot", "db-garbage", "db-missing"],
)
def test_corrupt_vault_changes_nothing(closed_vault: tuple[Path, str], damage) -> None:
    folder, _ = closed_vault
    damage(folder)
    before = snapshot(folder)
    with pytest.raises(VaultCorrupt):
        open_vault(folder, PASSPHRASE)
    assert snapshot(folder) == before


def test_header_too_new_changes_nothing(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    doc = json.loads((folder / HEADER_NAME).read_text())
    doc["version"] = 99
    (folder / HEADER_NAME).write_text(json.dumps(doc))
    before = snapshot(folder)
    with pytest.raises(VaultTooNew):
        open_vault(folder, PASSPHRASE)
    assert snapshot(folder) == before


def test_schema_too_new_changes_nothing(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    session = open_vault(folder, PASSPHRASE)
    session.conn.execute("PRAGMA user_version = 999")
    session.lock()
    before = snapshot(folder)
    with pytest.raises(VaultTooNew):
        open_vault(folder, PASSPHRASE)
    assert snapshot(folder) == before


def test_change_passphrase(closed_vault: tuple[Path, str]) -> None:
    folder, _ = closed_vault
    session = open_vault(folder, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        session.change_passphrase("wrong old", "new one")
    session.change_passphrase(PASSPHRASE, "new one")
    session.lock()
    with pytest.raises(WrongPassphrase):
        open_vault(folder, PASSPHRASE)
    session = open_vault(folder, "new one")
    assert session.journal.list()[0].title == "hello"
    session.lock()


def test_unicode_passphrase_is_normalised(tmp_path: Path) -> None:
    composed, decomposed = "caf\u00e9 \u00fcber", "cafe\u0301 u\u0308ber"
    session, _ = create_vault(tmp_path / "v", composed, kdf=KdfParams.for_tests())
    session.lock()
    open_vault(tmp_path / "v", decomposed).lock()


def test_recovery_sets_new_passphrase(closed_vault: tuple[Path, str]) -> None:
    folder, code = closed_vault
    before = snapshot(folder)
    with pytest.raises(WrongPassphrase):
        recover_vault(folder, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "new")
    with pytest.raises(WrongPassphrase):
        recover_vault(folder, "too short", "new")
    assert snapshot(folder) == before
    session = recover_vault(folder, f"  {code.lower().replace('-', ' ')} ", "recovered")
    assert session.journal.count() == 1
    session.lock()
    with pytest.raises(WrongPassphrase):
        open_vault(folder, PASSPHRASE)
    open_vault(folder, "recovered").lock()
    # The recovery code stays valid after use (documented decision).
    recover_vault(folder, code, "again").lock()
    open_vault(folder, "again").lock()


def test_lock_blocks_further_use(tmp_path: Path) -> None:
    session, _ = make_vault(tmp_path)
    entry = session.journal.add("x")
    session.lock()
    assert session.locked
    session.lock()  # idempotent
    for call in (
        lambda: session.journal.get(entry.id),
        lambda: session.journal.list(),
        lambda: session.journal.add("y"),
        lambda: session.journal.search("x"),
        lambda: session.mood.list(),
        lambda: session.mood.add(3),
        lambda: session.prefs.get("k"),
        lambda: session.change_passphrase(PASSPHRASE, "n"),
        lambda: session.conn,
    ):
        with pytest.raises(VaultLocked):
            call()


def test_database_pragmas(tmp_path: Path) -> None:
    session, _ = make_vault(tmp_path)
    conn = session.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    session.lock()
    # Without the key the file is not readable as a database.
    import sqlcipher3.dbapi2 as sqlcipher

    raw = sqlcipher.connect(str(tmp_path / "vault" / "journal.db"))
    with pytest.raises(sqlcipher.DatabaseError):
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
    raw.close()


def test_header_of_another_vault_is_corrupt_and_changes_nothing(tmp_path: Path) -> None:
    first, _ = make_vault(tmp_path, "a")
    first.lock()
    second, _ = make_vault(tmp_path, "b")
    second.lock()
    (tmp_path / "a" / HEADER_NAME).write_bytes((tmp_path / "b" / HEADER_NAME).read_bytes())
    before = snapshot(tmp_path / "a")
    with pytest.raises(VaultCorrupt):
        open_vault(tmp_path / "a", PASSPHRASE)
    assert snapshot(tmp_path / "a") == before


def test_database_without_header_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "half"
    folder.mkdir()
    (folder / "journal.db").write_bytes(b"x" * 4096)
    with pytest.raises(VaultNotFound):
        open_vault(folder, PASSPHRASE)
    with pytest.raises(VaultExists, match=r"no vault\.json"):
        create_vault(folder, PASSPHRASE, kdf=KdfParams.for_tests())
    assert sorted(os.listdir(folder)) == ["journal.db"]


def test_lock_is_released_for_another_process(tmp_path: Path) -> None:
    import subprocess
    import sys

    session, _ = make_vault(tmp_path)
    code = (
        "import sys\n"
        "from peerjournal.app.session import open_vault\n"
        "from peerjournal.errors import VaultInUse\n"
        "try:\n"
        "    open_vault(sys.argv[1], sys.argv[2]).lock()\n"
        "except VaultInUse:\n"
        "    print('in use')\n"
        "else:\n"
        "    print('opened')\n"
    )
    root = str(Path(__file__).resolve().parents[3])
    env = {**os.environ, "PYTHONPATH": root}
    run = [sys.executable, "-c", code, str(tmp_path / "vault"), PASSPHRASE]
    assert subprocess.run(run, capture_output=True, text=True, env=env).stdout.strip() == "in use"
    session.lock()
    assert subprocess.run(run, capture_output=True, text=True, env=env).stdout.strip() == "opened"


def test_folder_names_with_uri_characters(tmp_path: Path) -> None:
    folder = tmp_path / "my ?#% journal ä"
    session, _ = create_vault(folder, PASSPHRASE, kdf=KdfParams.for_tests())
    session.journal.add("odd folder")
    session.lock()
    assert sorted(os.listdir(folder)) == ["journal.db", "vault.json", "vault.lock"]
    again = open_vault(folder, PASSPHRASE)
    assert again.journal.count() == 1
    again.lock()
