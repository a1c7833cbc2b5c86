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
    # Covering index keyed by rid: lets a search check a wide date filter per match
    # without reading the (large) entry rows.
    "CREATE INDEX entries_rid_day ON entries (rid, trashed, day)",
    "CREATE INDEX entries_mood ON entries (mood_id) WHERE mood_id IS NOT NULL",
    # live_count = number of live (not trashed) entries with the tag, kept by triggers.
    """
    CREATE TABLE tags (
        tid INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        fold TEXT NOT NULL UNIQUE,
        live_count INTEGER NOT NULL DEFAULT 0
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
    """
    CREATE TRIGGER entry_tags_ai AFTER INSERT ON entry_tags BEGIN
        UPDATE tags SET live_count = live_count
            + coalesce((SELECT 1 - trashed FROM entries WHERE rid = new.rid), 0)
        WHERE tid = new.tid;
    END
    """,
    """
    CREATE TRIGGER entry_tags_ad AFTER DELETE ON entry_tags BEGIN
        UPDATE tags SET live_count = live_count
            - coalesce((SELECT 1 - trashed FROM entries WHERE rid = old.rid), 0)
        WHERE tid = old.tid;
    END
    """,
    """
    CREATE TRIGGER entries_trash_tags AFTER UPDATE OF trashed ON entries
    WHEN old.trashed != new.trashed BEGIN
        UPDATE tags SET live_count = live_count + (CASE WHEN new.trashed THEN -1 ELSE 1 END)
        WHERE tid IN (SELECT tid FROM entry_tags WHERE rid = new.rid);
    END
    """,
    # Unlink tags while the entry row still exists, so the count trigger sees its state.
    """
    CREATE TRIGGER entries_bd_tags BEFORE DELETE ON entries BEGIN
        DELETE FROM entry_tags WHERE rid = old.rid;
    END
    """,
    "CREATE INDEX tags_live ON tags (live_count DESC) WHERE live_count > 0",
    # External-content FTS5 index over the *live* entries (trashed ones are taken out and
    # put back on restore), kept in step by triggers, so a search needs no join.
    # The view is the FTS content source, so 'integrity-check' and 'rebuild' see exactly
    # the rows that are indexed.
    """
    CREATE VIEW entries_live AS
    SELECT rid, title, body, tags FROM entries WHERE trashed = 0
    """,
    """
    CREATE VIRTUAL TABLE entries_fts USING fts5 (
        title, body, tags,
        content = 'entries_live', content_rowid = 'rid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    )
    """,
    "INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1)",
    """
    CREATE TRIGGER entries_ai AFTER INSERT ON entries WHEN new.trashed = 0 BEGIN
        INSERT INTO entries_fts (rowid, title, body, tags)
        VALUES (new.rid, new.title, new.body, new.tags);
    END
    """,
    """
    CREATE TRIGGER entries_ad AFTER DELETE ON entries WHEN old.trashed = 0 BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
        VALUES ('delete', old.rid, old.title, old.body, old.tags);
    END
    """,
    # One trigger so the old tokens always leave before the new ones arrive.
    """
    CREATE TRIGGER entries_au AFTER UPDATE OF title, body, tags, trashed ON entries
    WHEN old.trashed = 0 OR new.trashed = 0 BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)
        SELECT 'delete', old.rid, old.title, old.body, old.tags WHERE old.trashed = 0;
        INSERT INTO entries_fts (rowid, title, body, tags)
        SELECT new.rid, new.title, new.body, new.tags WHERE new.trashed = 0;
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
