"""Schema 5 (VERIFIED pairings): a schema-4 vault with a live pairing and queued messages
upgrades in place; nothing that refers to the pairing is lost, and the new state is
allowed while unknown states stay refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerjournal.app.session import open_vault
from peerjournal.crypto import kdf
from peerjournal.vault import migrations
from peerjournal.vault.database import DatabaseError, configure
from peerjournal.vault.database import connect as _connect
from peerjournal.vault.header import read_header
from peerjournal.vault.migrations.m0005_verified import VERSION

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault-v1"
FIXTURE_PASSPHRASE = "fixture passphrase v1"


def _schema_four_vault(tmp_path: Path) -> Path:
    """The frozen schema-1 vault, migrated to schema 4 with one active pairing and an
    outbox row (whose ON DELETE CASCADE would eat it if the table were rebuilt)."""
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURE, folder)
    header = read_header(folder)
    key = header.passphrase.open(
        kdf.normalise_passphrase(FIXTURE_PASSPHRASE), kdf.PURPOSE_PASSPHRASE_WRAP
    )
    conn = _connect(folder / "journal.db", key, create=False)
    configure(conn)
    assert migrations.migrate(conn, target=VERSION - 1) == VERSION - 1
    conn.execute(
        "INSERT INTO pairings (id, name, my_pseudonym, role, state, relay_url,"
        " inbox_recipient_id, inbox_sender_id, created, safety_code)"
        " VALUES ('p1', 'Bob', 'Alice', 'inviter', 'active', 'http://r.test', 'r', 's',"
        " '2026-11-30T10:00:00Z', '12345 67890 12345 67890 12345')"
    )
    conn.execute(
        "INSERT INTO sync_outbox (message_id, pairing_id, kind, envelope, created)"
        " VALUES ('m1', 'p1', 'entry', x'00', '2026-11-30T10:00:00Z')"
    )
    conn.close()
    return folder


def test_a_schema_four_vault_gains_the_verified_state_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    folder = _schema_four_vault(tmp_path)
    session = open_vault(folder, FIXTURE_PASSPHRASE)
    conn = session.conn
    assert VERSION <= migrations.current_version(conn) == migrations.latest_version()
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT state, unverified_share_ok FROM pairings").fetchall() == [
        ("active", 0)
    ]
    assert conn.execute("SELECT message_id FROM sync_outbox").fetchall() == [("m1",)]
    assert [p.name for p in session.peers.list()] == ["Bob"]
    assert session.peers.verify("Bob").verified
    with pytest.raises(DatabaseError, match="CHECK"):
        conn.execute("UPDATE pairings SET state = 'bogus'")
    session.lock()
    again = open_vault(folder, FIXTURE_PASSPHRASE)
    assert again.conn.execute("SELECT state FROM pairings").fetchall() == [("verified",)]
    assert again.conn.execute("SELECT count(*) FROM sync_outbox").fetchone() == (1,)
    again.lock()
