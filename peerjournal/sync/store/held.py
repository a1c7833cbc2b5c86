"""The ``sync_held`` table: replies and reactions that arrived before their item.

They stay here, inside the encrypted vault only, until the item arrives (then they are
applied), or until they are too old (then they are dropped). Bounded per pairing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_HELD_PER_PAIRING = 200
HOLD_SECONDS = 14 * 86_400


@dataclass(frozen=True)
class HeldResponse:
    """One held reply (``text`` its text) or reaction (``text`` its name)."""

    pairing_id: str
    payload_id: str
    ref: str
    kind: str
    day: str
    text: str


def hold(conn: Any, response: HeldResponse, *, now: float) -> None:
    """Keep a response whose item is not known yet."""
    conn.execute(
        "INSERT OR IGNORE INTO sync_held (pairing_id, payload_id, ref, kind, day, text, held_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            response.pairing_id,
            response.payload_id,
            response.ref,
            response.kind,
            response.day,
            response.text,
            now,
        ),
    )


def is_held(conn: Any, pairing_id: str, payload_id: str) -> bool:
    """Whether this message is already held."""
    row = conn.execute(
        "SELECT 1 FROM sync_held WHERE pairing_id = ? AND payload_id = ?", (pairing_id, payload_id)
    ).fetchone()
    return row is not None


def held_count(conn: Any, pairing_id: str) -> int:
    """How many responses a pairing holds."""
    row = conn.execute("SELECT count(*) FROM sync_held WHERE pairing_id = ?", (pairing_id,))
    return int(row.fetchone()[0])


def take_for_item(conn: Any, pairing_id: str, item_id: str) -> list[HeldResponse]:
    """Remove and return the responses held for an item that has now arrived, oldest first."""
    rows = conn.execute(
        "SELECT pairing_id, payload_id, ref, kind, day, text FROM sync_held"
        " WHERE pairing_id = ? AND ref = ? ORDER BY held_at, payload_id",
        (pairing_id, item_id),
    ).fetchall()
    conn.execute("DELETE FROM sync_held WHERE pairing_id = ? AND ref = ?", (pairing_id, item_id))
    return [HeldResponse(*r) for r in rows]


def take_expired(conn: Any, *, now: float) -> list[tuple[str, str]]:
    """Remove and return (pairing id, payload id) of responses held too long."""
    cutoff = now - HOLD_SECONDS
    rows = conn.execute(
        "SELECT pairing_id, payload_id FROM sync_held WHERE held_at < ?", (cutoff,)
    ).fetchall()
    conn.execute("DELETE FROM sync_held WHERE held_at < ?", (cutoff,))
    return [(str(r[0]), str(r[1])) for r in rows]


def drop_pairing_held(conn: Any, pairing_id: str) -> None:
    """Forget what an ended pairing held."""
    conn.execute("DELETE FROM sync_held WHERE pairing_id = ?", (pairing_id,))
