"""The ``sync_sent`` table: the payload ids this vault sent in each pairing.

A received message carrying one of them is this vault's own message coming back (a relay
reflecting a protocol-1 envelope, which both directions could open): it is refused.
"""

from __future__ import annotations

from typing import Any


def remember_sent(conn: Any, pairing_id: str, payload_id: str) -> None:
    """Record that this vault sent ``payload_id`` in the pairing."""
    conn.execute(
        "INSERT OR IGNORE INTO sync_sent (pairing_id, payload_id) VALUES (?, ?)",
        (pairing_id, payload_id),
    )


def was_sent(conn: Any, pairing_id: str, payload_id: str) -> bool:
    """Whether this vault sent a message with this payload id in the pairing."""
    row = conn.execute(
        "SELECT 1 FROM sync_sent WHERE pairing_id = ? AND payload_id = ?", (pairing_id, payload_id)
    ).fetchone()
    return row is not None
