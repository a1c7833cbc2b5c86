"""The invite's one-time secret is gone from both vaults once the join is done (issue 9 §6).

Two vaults pair through the REAL relay on 127.0.0.1; then each vault's ``journal.db`` is
opened directly with SQLCipher under its data key (not through the app), and every value
of every table is searched for the secret, raw, hex and base64url.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from peerjournal.app.peers import PeersService
from peerjournal.crypto import kdf
from peerjournal.crypto.b64 import b64u_encode
from peerjournal.sync.store.pairings import list_pairings
from peerjournal.vault.header import read_header
from tests.helpers.relay import running_relay
from tests.helpers.vault import PASSPHRASE, make_session


def _every_value(folder: Path) -> list[object]:
    header = read_header(folder)
    key = bytes(
        header.passphrase.open(kdf.normalise_passphrase(PASSPHRASE), kdf.PURPOSE_PASSPHRASE_WRAP)
    )
    conn = sqlcipher.connect(str(folder / "journal.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
            )
        ]
        assert "pairings" in tables
        values: list[object] = []
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                values.extend(row)
        return values
    finally:
        conn.close()


def test_neither_vault_keeps_the_invite_secret_after_the_join(tmp_path: Path) -> None:
    alice_s, bob_s = make_session(tmp_path, "alice"), make_session(tmp_path, "bob")
    with running_relay(tmp_path / "relay-data") as relay:
        alice, bob = PeersService(alice_s), PeersService(bob_s)
        _info, code = alice.invite(relay.url, pseudonym="Alice")
        secret = list_pairings(alice_s.conn)[0].secret
        assert secret is not None and len(secret) >= 16
        bob.accept(code, pseudonym="Bob")
        assert alice.sync().paired == ["Bob"]
        assert bob.sync().paired == ["Alice"]
        codes = (alice.get("Bob").safety_code, bob.get("Alice").safety_code)
    alice_s.lock()
    bob_s.lock()
    forms = (secret, secret.hex(), secret.hex().upper(), b64u_encode(secret))
    for folder in (tmp_path / "alice", tmp_path / "bob"):
        values = _every_value(folder)
        assert len(values) > 20  # the tables were really read
        for value in values:
            if isinstance(value, bytes | str):
                assert not any(f in value for f in forms if isinstance(f, type(value))), (
                    f"invite secret left in {folder.name}"
                )
    # The safety code, derived from the secret, stays for comparing later.
    assert codes[0] is not None and codes[0] == codes[1]
