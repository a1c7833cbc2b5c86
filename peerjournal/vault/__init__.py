"""The local encrypted store: SQLCipher database, wrapped-key header, migrations, lock."""

from __future__ import annotations

from peerjournal.crypto.kdf import KdfParams
from peerjournal.vault.store import DB_NAME, INSECURE_TEST_KDF_ENV, Vault, vault_exists

__all__ = ["DB_NAME", "INSECURE_TEST_KDF_ENV", "KdfParams", "Vault", "vault_exists"]
