"""Schema 1: entries with FTS5 search, tags, mood logs and in-vault preferences."""

from __future__ import annotations

from typing import Any

VERSION = 1

_STATEMENTS = [
    # rid is the FTS5 content rowid; id is the public UUID. Times are ISO 8601 with the
    # writer's UTC offset (kept for display) plus integer microseconds since the epoch (UTC)
    # for ordering; `day` is the local calendar day the entry was written on.
    """
    CREATE TABLE mood_logs (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        at_us INTEGER NOT NULL,
        day TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        emotions TEXT NOT NULL DEFAULT '[]',
        activities TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX mood_logs_at ON mood_logs (at_us DESC)",
    """
    CREATE TABLE entries (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        created_us INTEGER NOT NULL,
        day TEXT NOT NULL,
        updated TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        starred INTEGER NOT NULL DEFAULT 0,
        mood_id TEXT REFERENCES mood_logs (id) ON DELETE SET NULL,
        deleted TEXT,
        trashed INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX entries_live_created ON entries (trashed, created_us DESC)",
    "CREATE INDEX entries_live_day ON entries (trashed, day)",
    "CREATE INDEX entries_mood ON entries (mood_id) WHERE mood_id IS NOT NULL",
    """
    CREATE TABLE tags (
        tid INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        fold TEXT NOT NULL UNIQUE
    )
    """,
    """
    CREATE TABLE entry_tags (
        rid INTEGER NOT NULL REFERENCES entries (rid) ON DELETE CASCADE,
        tid INTEGER NOT NULL REFERENCES tags (tid),
        PRIMARY KEY (rid, tid)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX entry_tags_tid ON entry_tags (tid, rid)",
    # External-content FTS5 index over entries, kept in step by triggers.
    """
    CREATE VIRTUAL TABLE entries_fts USING fts5 (
        title, body, tags,
        content = 'entries', content_rowid = 'rid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    )
    """,
    "INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1)",
    # bm25 weights: a match in the title counts ten times one in the body, tags five times.
    "INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0)')",
    """
    CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, title, body, tags)
        VALUES (new.rid, new.title, new.body, new.tags);
    END
    """,
    """
    CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
        VALUES ('delete', old.rid, old.title, old.body, old.tags);
    END
    """,
    """
    CREATE TRIGGER entries_au AFTER UPDATE OF title, body, tags ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
        VALUES ('delete', old.rid, old.title, old.body, old.tags);
        INSERT INTO entries_fts (rowid, title, body, tags)
        VALUES (new.rid, new.title, new.body, new.tags);
    END
    """,
    """
    CREATE TABLE prefs (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID
    """,
]


def upgrade(conn: Any) -> None:
    """Create the initial schema."""
    for statement in _STATEMENTS:
        conn.execute(statement)
