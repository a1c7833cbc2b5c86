"""Numbered schema migrations of both backends.

Migration N takes a database at version N-1 to version N; a new database runs them all in
order. Released migrations never change: a new schema is a new number appended here, and
``sync_server/tests/test_migrations.py`` upgrades the frozen version-1 databases in
``sync_server/tests/fixtures/`` to the current version.

SQLite keeps its version in ``PRAGMA user_version``; PostgreSQL in table ``relay_schema``.
"""

from __future__ import annotations

SQLITE: list[str] = [
    # 1: mailboxes, messages and the nonce replay store
    """
    CREATE TABLE mailboxes (
        recipient_id  BLOB PRIMARY KEY,
        sender_id     BLOB NOT NULL UNIQUE,
        recipient_key BLOB NOT NULL,
        sender_key    BLOB,
        created_at    INTEGER NOT NULL,
        last_active   INTEGER NOT NULL,
        msg_count     INTEGER NOT NULL DEFAULT 0,
        msg_bytes     INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX mailboxes_last_active ON mailboxes (last_active);
    CREATE TABLE messages (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        recipient_id BLOB NOT NULL,
        message_id   BLOB NOT NULL,
        envelope     BLOB NOT NULL,
        received_at  INTEGER NOT NULL,
        UNIQUE (recipient_id, message_id)
    );
    CREATE INDEX messages_by_mailbox ON messages (recipient_id, seq);
    CREATE INDEX messages_received ON messages (received_at);
    CREATE TABLE nonces (
        key        BLOB NOT NULL,
        nonce      BLOB NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (key, nonce)
    ) WITHOUT ROWID;
    CREATE INDEX nonces_expiry ON nonces (expires_at);
    """,
    # 2: messages without AUTOINCREMENT. Rowids only grow while the newest row of a mailbox
    # exists, which is all the fetch order needs, and every insert no longer writes the
    # sqlite_sequence table.
    """
    CREATE TABLE messages_v2 (
        seq          INTEGER PRIMARY KEY,
        recipient_id BLOB NOT NULL,
        message_id   BLOB NOT NULL,
        envelope     BLOB NOT NULL,
        received_at  INTEGER NOT NULL,
        UNIQUE (recipient_id, message_id)
    );
    INSERT INTO messages_v2 (seq, recipient_id, message_id, envelope, received_at)
        SELECT seq, recipient_id, message_id, envelope, received_at FROM messages ORDER BY seq;
    DROP TABLE messages;
    ALTER TABLE messages_v2 RENAME TO messages;
    CREATE INDEX messages_by_mailbox ON messages (recipient_id, seq);
    CREATE INDEX messages_received ON messages (received_at);
    DELETE FROM sqlite_sequence WHERE name = 'messages';
    """,
    # 3: the replay store in time order. Keyed by (key, nonce), every nonce landed on a random
    # page of a table holding ten minutes of them, so each group commit wrote (and each
    # checkpoint copied) about one 4 KiB page per request. Now a row is the expiry and a
    # fingerprint of key and nonce (``relay_nonce_fingerprint``, registered by the storage),
    # appended at the table's end; the lookup by fingerprint is an index the storage keeps
    # in memory and rebuilds from this table when it opens (sqlite.py).
    """
    CREATE TABLE nonces_v3 (
        expires_at  INTEGER NOT NULL,
        fingerprint BLOB NOT NULL,
        PRIMARY KEY (expires_at, fingerprint)
    ) WITHOUT ROWID;
    INSERT INTO nonces_v3 (expires_at, fingerprint)
        SELECT expires_at, relay_nonce_fingerprint(key, nonce) FROM nonces;
    DROP TABLE nonces;
    ALTER TABLE nonces_v3 RENAME TO nonces;
    """,
]

POSTGRES: list[list[str]] = [
    # 1: mailboxes, messages and the nonce replay store
    [
        """CREATE TABLE mailboxes (
            recipient_id  bytea PRIMARY KEY,
            sender_id     bytea NOT NULL UNIQUE,
            recipient_key bytea NOT NULL,
            sender_key    bytea,
            created_at    bigint NOT NULL,
            last_active   bigint NOT NULL,
            msg_count     integer NOT NULL DEFAULT 0,
            msg_bytes     bigint NOT NULL DEFAULT 0)""",
        "CREATE INDEX mailboxes_last_active ON mailboxes (last_active)",
        """CREATE TABLE messages (
            seq          bigserial PRIMARY KEY,
            recipient_id bytea NOT NULL,
            message_id   bytea NOT NULL,
            envelope     bytea NOT NULL,
            received_at  bigint NOT NULL,
            UNIQUE (recipient_id, message_id))""",
        "CREATE INDEX messages_by_mailbox ON messages (recipient_id, seq)",
        "CREATE INDEX messages_received ON messages (received_at)",
        """CREATE TABLE nonces (
            key        bytea NOT NULL,
            nonce      bytea NOT NULL,
            expires_at bigint NOT NULL,
            PRIMARY KEY (key, nonce))""",
        "CREATE INDEX nonces_expiry ON nonces (expires_at)",
    ],
    # 2: token buckets shared by every instance, so rate limits hold across instances.
    # UNLOGGED: losing them in a crash only refills everyone's bucket.
    [
        """CREATE UNLOGGED TABLE rate_buckets (
            key     bytea PRIMARY KEY,
            tokens  double precision NOT NULL,
            granted integer NOT NULL,
            updated double precision NOT NULL)""",
        "CREATE INDEX rate_buckets_updated ON rate_buckets (updated)",
    ],
]

SQLITE_VERSION = len(SQLITE)
POSTGRES_VERSION = len(POSTGRES)


class NewerSchema(RuntimeError):
    """The database was made by a newer relay; nothing is changed."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(f"relay database schema {found} is newer than this relay ({supported})")
        self.found = found
        self.supported = supported
