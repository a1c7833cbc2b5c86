"""Settings stored inside the encrypted vault (anything that could say something about the user)."""

from __future__ import annotations

import json
from typing import Any

from peerjournal.errors import InvalidInput
from peerjournal.vault.store import Vault, translated_errors

JSON = Any


class VaultPrefs:
    """A small JSON key/value store in the vault's ``prefs`` table."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, key: str, default: JSON = None) -> JSON:
        """The stored value of ``key`` or ``default``."""
        with translated_errors():
            row = self._vault.conn.execute(
                "SELECT value FROM prefs WHERE key = ?", (key,)
            ).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: JSON) -> None:
        """Store ``value`` (anything JSON can hold) under ``key``."""
        if not isinstance(key, str) or not key:
            raise InvalidInput("setting.no_name")
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise InvalidInput("setting.unstorable") from exc
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO prefs (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

    def delete(self, key: str) -> None:
        """Forget ``key`` (no error if absent)."""
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM prefs WHERE key = ?", (key,))
