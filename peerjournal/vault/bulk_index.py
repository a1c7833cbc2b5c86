"""Search indexes filled once at the end of a bulk insert (an import) instead of row by row.

The two search indexes (``entries_fts`` for words, ``entries_grams`` for CJK, Thai and
emoji) are kept in step by ``AFTER INSERT`` triggers. Row by row, FTS5 writes a new index
segment before every statement (each may roll back on its own) and merges those segments
again and again as they pile up; with the triggers' own per-row cost that was about half of
the database work of a 100,000-entry import. :func:`deferred_search_index` takes the two
insert triggers out for the length of a block inside one transaction and, when the block
ends, indexes the rows it added with one statement per index (the same columns and the same
``WHEN new.trashed = 0`` rule as the triggers), then puts the triggers back from their own
stored text, so the schema after the block is the schema before it, byte for byte.

All of it happens inside the caller's transaction: a block that fails (a bad file, a
cancel) is rolled back with the transaction, triggers and all, and nothing is committed in
between, so no reader and no crash can see entries without their index. Only inserts are
deferred; the update and delete triggers stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Rows indexed per statement, and what FTS5 may collect in memory meanwhile. FTS5 writes
#: what it collected as a new index segment when a statement ends or the collection passes
#: its ``hashsize`` (1 MiB unless set), and merges segments as they pile up: with 2,000 rows
#: and 1 MiB, the words of 100,000 Day One entries became some 12,000 index records and
#: took 2.4-2.6 s of CPU with the commit; with 50,000 rows and 64 MiB, 6,000 records and
#: 1.6 s (docs/benchmarks.md). What one statement changes is held in its statement journal
#: until it ends, so it costs memory: 98 MB at the peak of that fill against 76 MB.
ROWS_PER_STATEMENT = 50_000
FILL_HASH_BYTES = 64 * 1024 * 1024
#: Rows a :meth:`Backlog.catch_up` waits for before it indexes them: fewer leave less to
#: index after the last row, more make fewer index segments to merge; 20,000 took a few per
#: cent less time than 50,000 for 100k-entry imports read in a second process.
CATCH_UP_ROWS = 20_000
#: FTS5's own default, set back when the fill is done (an explicit value, as FTS5 keeps it).
_DEFAULT_HASH_BYTES = 1024 * 1024
_INDEXES = ("entries_fts", "entries_grams")
#: The insert triggers this defers, and the statement that does their work for many rows.
#: The rows are read in rowid order (``+trashed`` keeps the planner off the listing
#: indexes): FTS5 flushes a new segment whenever a rowid comes lower than the one before,
#: so the newest-first order of a Daylio file, read through the (trashed, created_us)
#: index, made a segment per row and the index slower than the triggers had been.
_DEFERRED = {
    "entries_ai": (
        "INSERT INTO entries_fts (rowid, title, body, tags)"
        " SELECT rid, title, body, tags FROM entries WHERE rid > ? AND rid <= ? AND +trashed = 0"
        " ORDER BY rid"
    ),
    "entries_grams_ai": (
        "INSERT INTO entries_grams (rowid, grams)"
        " SELECT rid, g FROM (SELECT rid, pj_grams(title || char(10) || body || char(10) || tags)"
        " AS g FROM entries WHERE rid > ? AND rid <= ? AND +trashed = 0 ORDER BY rid)"
        " WHERE g != ''"
    ),
}


def _hash_bytes(conn: Any, size: int) -> None:
    for table in _INDEXES:
        conn.execute(
            f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)",  # noqa: S608
            (size,),
        )


def _fill(conn: Any, last: int, top: int) -> None:
    """Index the rows above ``last`` up to ``top``, in large statements."""
    _hash_bytes(conn, FILL_HASH_BYTES)
    for low in range(last, top, ROWS_PER_STATEMENT):
        for statement in _DEFERRED.values():
            conn.execute(statement, (low, low + ROWS_PER_STATEMENT))
    _hash_bytes(conn, _DEFAULT_HASH_BYTES)


def _triggers(conn: Any) -> dict[str, str]:
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entries'"
    ).fetchall()
    return {str(name): str(sql) for name, sql in rows if name in _DEFERRED}


class Backlog:
    """The rows of a :func:`deferred_search_index` block that are not indexed yet."""

    def __init__(self, conn: Any, last: int | None) -> None:
        self._conn = conn
        #: the highest rid indexed (None: the triggers index every row as it goes in)
        self.last = last

    def catch_up(self) -> None:
        """Index the rows written so far once there are :data:`CATCH_UP_ROWS` of them.

        A caller that waits for its next rows (an import reading its file in a second
        process) calls it between batches, so the indexes grow while the file is read
        instead of all after it.
        """
        if self.last is None:
            return
        top = _top(self._conn)
        if top - self.last >= CATCH_UP_ROWS:
            self.finish(top)

    def finish(self, top: int | None = None) -> None:
        """Index every row written so far."""
        if self.last is None:
            return
        top = _top(self._conn) if top is None else top
        if top > self.last:
            _fill(self._conn, self.last, top)
            self.last = top


def _top(conn: Any) -> int:
    return int(conn.execute("SELECT coalesce(max(rid), 0) FROM entries").fetchone()[0])


@contextmanager
def deferred_search_index(conn: Any) -> Iterator[Backlog]:
    """Inside an open transaction: entries inserted in the block are indexed when it ends
    (or earlier, a statement's worth at a time, through :meth:`Backlog.catch_up`).

    A schema that does not have both insert triggers (none that this app wrote) is left
    alone, and the rows are indexed by its triggers as they go in.
    """
    if not conn.in_transaction:
        raise RuntimeError("deferred_search_index needs an open transaction")
    triggers = _triggers(conn)
    if set(triggers) != set(_DEFERRED):
        yield Backlog(conn, None)
        return
    backlog = Backlog(conn, _top(conn))
    for name in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    try:
        yield backlog
        backlog.finish()
    finally:
        # On failure the caller's rollback restores them too; put back what is missing so
        # a caller that goes on in the same transaction never writes without an index.
        if conn.in_transaction:
            present = _triggers(conn)
            for name, sql in triggers.items():
                if name not in present:
                    conn.execute(sql)
