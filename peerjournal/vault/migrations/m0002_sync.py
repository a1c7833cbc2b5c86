"""Schema 2: peer exchange — pairings and their keys, outbox, inbox ledger, shared feed.

Owned by the sync client (peerjournal/sync). Key material lives only here, inside the
encrypted database; the relay never sees any of it except public keys.
"""

from __future__ import annotations

from typing import Any

VERSION = 2

_STATEMENTS = [
    # One row per pairing. `state`: invited (inviter waits for a join), joining (joiner
    # waits for hello), active, ended. Seeds are Ed25519 seeds; box_secret is X25519.
    """
    CREATE TABLE pairings (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        my_pseudonym TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('inviter', 'joiner')),
        state TEXT NOT NULL CHECK (state IN ('invited', 'joining', 'active', 'ended')),
        relay_url TEXT NOT NULL,
        box_secret BLOB,
        peer_box_pub BLOB,
        inbox_recipient_id TEXT NOT NULL,
        inbox_sender_id TEXT NOT NULL,
        recipient_seed BLOB,
        inbox_deleted INTEGER NOT NULL DEFAULT 0,
        peer_sender_id TEXT,
        sender_seed BLOB,
        secured INTEGER NOT NULL DEFAULT 0,
        secret BLOB,
        invite_code TEXT,
        invite_expires INTEGER,
        safety_code TEXT,
        muted INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        ended TEXT,
        end_reason TEXT
    )
    """,
    "CREATE UNIQUE INDEX pairings_live_name ON pairings (name) WHERE state != 'ended'",
    # Sealed envelopes wait here until the relay stored them; the bytes never change, so a
    # resend after a crash is idempotent on the relay.
    """
    CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        pairing_id TEXT NOT NULL REFERENCES pairings (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        envelope BLOB NOT NULL,
        created TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt REAL NOT NULL DEFAULT 0,
        last_error TEXT
    )
    """,
    "CREATE INDEX sync_outbox_due ON sync_outbox (pairing_id, next_attempt, seq)",
    # Every inbound message once seen: payload id (per pairing) for valid ones, "relay:<id>"
    # for envelopes that could not be read. Applying and recording share one transaction;
    # the relay is acknowledged only after it commits, and a message fetched again after a
    # crash is recognised here and simply acknowledged.
    """
    CREATE TABLE sync_inbox (
        pairing_id TEXT NOT NULL,
        key TEXT NOT NULL,
        kind TEXT,
        status TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
        reason TEXT,
        received TEXT NOT NULL,
        PRIMARY KEY (pairing_id, key)
    ) WITHOUT ROWID
    """,
    # Shared items, both directions ('in' from the peer, 'out' sent by this vault).
    """
    CREATE TABLE shared_items (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        pairing_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        entry_id TEXT,
        day TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        mood INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
        content_warning TEXT NOT NULL DEFAULT '',
        received TEXT NOT NULL
    )
    """,
    "CREATE INDEX shared_items_feed ON shared_items (direction, day DESC, seq DESC)",
    """
    CREATE TABLE item_replies (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        item_id TEXT NOT NULL,
        pairing_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        day TEXT NOT NULL,
        text TEXT NOT NULL,
        received TEXT NOT NULL
    )
    """,
    "CREATE INDEX item_replies_item ON item_replies (item_id, seq)",
    """
    CREATE TABLE item_reactions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        item_id TEXT NOT NULL,
        pairing_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        day TEXT NOT NULL,
        reaction TEXT NOT NULL,
        received TEXT NOT NULL
    )
    """,
    "CREATE INDEX item_reactions_item ON item_reactions (item_id, seq)",
    """
    CREATE TABLE peer_moods (
        id TEXT PRIMARY KEY,
        pairing_id TEXT NOT NULL,
        day TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        received TEXT NOT NULL
    )
    """,
]


def upgrade(conn: Any) -> None:
    """Create the peer-exchange tables (inside the runner's transaction)."""
    for statement in _STATEMENTS:
        conn.execute(statement)
