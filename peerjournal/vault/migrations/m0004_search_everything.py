"""Schema 4: search that finds everything, at a cost that does not grow with the journal.

- ``entries_grams``: a second FTS5 index over the live entries for the characters a word
  index cannot search — CJK, Thai, emoji (:mod:`peerjournal.vault.grams`). Contentless
  with ``contentless_delete``, so a row leaves by rowid alone and a later change of what
  counts as a gram character can never corrupt it; only entries holding such characters
  have a row. Kept in step by triggers calling ``pj_grams()``.
- ``entries_fts`` is rebuilt with a one-character prefix index (``prefix='1 2 3'``), so
  ``r*`` reads one doclist instead of merging every word that starts with r.
- Indexes for listing: ``(trashed, created_us, rid)`` lets a page be found from the index
  alone, newest first without a sort (an ``--offset`` skips index entries, not rows), and
  ``(trashed, starred, created_us, rid)`` answers ``--starred`` without a scan.

Both indexes are filled in batches with progress reports (:data:`REPORTS_PROGRESS`), as an
existing vault of 100k entries takes some seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

VERSION = 4
REPORTS_PROGRESS = True
BATCH = 2000

_STATEMENTS = [
    "CREATE INDEX entries_page ON entries (trashed, created_us, rid)",
    "CREATE INDEX entries_starred_page ON entries (trashed, starred, created_us, rid)",
    # The old created index is served by entries_page now.
    "DROP INDEX IF EXISTS entries_live_created",
    "DROP TABLE entries_fts",
    """
    CREATE VIRTUAL TABLE entries_fts USING fts5 (
        title, body, tags,
        content = 'entries_live', content_rowid = 'rid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
    )
    """,
    "INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1)",
    """
    CREATE VIRTUAL TABLE entries_grams USING fts5 (
        grams, content = '', contentless_delete = 1, tokenize = 'ascii'
    )
    """,
    "INSERT INTO entries_grams (entries_grams, rank) VALUES ('secure-delete', 1)",
    """
    CREATE TRIGGER entries_grams_ai AFTER INSERT ON entries WHEN new.trashed = 0 BEGIN
        INSERT INTO entries_grams (rowid, grams)
        SELECT new.rid, g FROM (
            SELECT pj_grams(new.title || char(10) || new.body || char(10) || new.tags) AS g
        ) WHERE g != '';
    END
    """,
    """
    CREATE TRIGGER entries_grams_ad AFTER DELETE ON entries WHEN old.trashed = 0 BEGIN
        DELETE FROM entries_grams WHERE rowid = old.rid;
    END
    """,
    """
    CREATE TRIGGER entries_grams_au AFTER UPDATE OF title, body, tags, trashed ON entries
    WHEN old.trashed = 0 OR new.trashed = 0 BEGIN
        DELETE FROM entries_grams WHERE rowid = old.rid;
        INSERT INTO entries_grams (rowid, grams)
        SELECT new.rid, g FROM (
            SELECT pj_grams(new.title || char(10) || new.body || char(10) || new.tags) AS g
        ) WHERE new.trashed = 0 AND g != '';
    END
    """,
]


def upgrade(conn: Any, progress: Callable[[int, int], None] | None = None) -> None:
    """Create the indexes and fill both search indexes from the live entries."""
    for statement in _STATEMENTS:
        conn.execute(statement)
    total = int(conn.execute("SELECT count(*) FROM entries WHERE trashed = 0").fetchone()[0])
    done = 0
    last = -1
    if progress is not None:
        progress(0, total)
    while True:
        rids = [
            int(row[0])
            for row in conn.execute(
                "SELECT rid FROM entries WHERE trashed = 0 AND rid > ? ORDER BY rid LIMIT ?",
                (last, BATCH),
            )
        ]
        if not rids:
            break
        low, high = rids[0], rids[-1]
        conn.execute(
            "INSERT INTO entries_fts (rowid, title, body, tags)"
            " SELECT rid, title, body, tags FROM entries_live WHERE rid BETWEEN ? AND ?",
            (low, high),
        )
        conn.execute(
            "INSERT INTO entries_grams (rowid, grams) SELECT rid, g FROM"
            " (SELECT rid, pj_grams(title || char(10) || body || char(10) || tags) AS g"
            "  FROM entries WHERE trashed = 0 AND rid BETWEEN ? AND ?) WHERE g != ''",
            (low, high),
        )
        done += len(rids)
        last = high
        if progress is not None:
            progress(done, total)
