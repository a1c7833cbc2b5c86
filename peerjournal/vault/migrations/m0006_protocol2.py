"""Schema 6: protocol version 2 (docs/protocol.md sections 5 and 7).

- ``pairings.peer_version``: the highest protocol version the peer has shown it speaks
  (1 for every pairing made before this version; 2 once a version-2 envelope arrived).
  Messages to the peer are sealed in that version.
- ``pairings.v2_announced``: 1 once this side queued its version-2 ``hello`` for the pairing.
- ``sync_sent``: the payload ids this vault sent in each pairing, so a message carrying one
  of them (a reflection of one's own version-1 message) is refused. Filled here from the
  items, replies and reactions already sent (moods and hellos sent before were not kept).
- ``sync_held``: replies and reactions that arrived before the item they refer to, kept
  (inside this encrypted database only) until the item arrives or they expire.
"""

from __future__ import annotations

from typing import Any

VERSION = 6

_STATEMENTS = [
    "ALTER TABLE pairings ADD COLUMN peer_version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE pairings ADD COLUMN v2_announced INTEGER NOT NULL DEFAULT 0",
    """
    CREATE TABLE sync_sent (
        pairing_id TEXT NOT NULL,
        payload_id TEXT NOT NULL,
        PRIMARY KEY (pairing_id, payload_id)
    ) WITHOUT ROWID
    """,
    "INSERT OR IGNORE INTO sync_sent SELECT pairing_id, id FROM shared_items"
    " WHERE direction = 'out'",
    "INSERT OR IGNORE INTO sync_sent SELECT pairing_id, id FROM item_replies"
    " WHERE direction = 'out'",
    "INSERT OR IGNORE INTO sync_sent SELECT pairing_id, id FROM item_reactions"
    " WHERE direction = 'out'",
    """
    CREATE TABLE sync_held (
        pairing_id TEXT NOT NULL,
        payload_id TEXT NOT NULL,
        ref TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reply', 'reaction')),
        day TEXT NOT NULL,
        text TEXT NOT NULL,
        held_at REAL NOT NULL,
        PRIMARY KEY (pairing_id, payload_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX sync_held_ref ON sync_held (ref)",
]


def upgrade(conn: Any) -> None:
    """Add the columns and tables."""
    for statement in _STATEMENTS:
        conn.execute(statement)
