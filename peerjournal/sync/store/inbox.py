"""The ``sync_inbox`` table: every inbound message once seen, so none is applied twice.

A readable message is recorded under its payload id (per pairing), an unreadable one under
``"relay:<relay message id>"``. Recording shares the transaction that applies the message;
the relay is acknowledged only after it commits.
"""

from __future__ import annotations

from typing import Any

from peerjournal.sync.store import utc_now_text


def relay_key(relay_message_id: str) -> str:
    """The ledger key of a message by its relay id (for messages that could not be read)."""
    return f"relay:{relay_message_id}"


def seen(conn: Any, pairing_id: str, key: str) -> bool:
    """Whether a message with this key was already recorded for the pairing."""
    row = conn.execute(
        "SELECT 1 FROM sync_inbox WHERE pairing_id = ? AND key = ?", (pairing_id, key)
    ).fetchone()
    return row is not None


def record(
    conn: Any, pairing_id: str, key: str, kind: str | None, status: str, reason: str | None
) -> None:
    """Record a message as ``applied`` or ``rejected`` (the reason is never shown raw)."""
    conn.execute(
        "INSERT OR IGNORE INTO sync_inbox (pairing_id, key, kind, status, reason, received)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (pairing_id, key, kind, status, reason, utc_now_text()),
    )
