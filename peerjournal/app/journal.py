"""Journal use cases: entries, trash, listing, tags; search lives in :mod:`peerjournal.app.search`.

SQL text here is composed only from fixed fragments in this module (hence the S608
waivers); every user-supplied value is a bound parameter.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from peerjournal.app import search as search_use_case
from peerjournal.app.entry_rows import ENTRY_COLUMNS, SUMMARY_COLUMNS, dt, filters, split_tags
from peerjournal.app.entry_rows import summary_of as _summary_of
from peerjournal.domain.models import (
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    UNSET,
    Entry,
    EntrySummary,
    SearchHit,
    Unset,
    aware,
    check_text,
    epoch_us,
    normalise_tags,
)
from peerjournal.domain.timestamps import check_moment, day_bounds_us, local_day_of_us
from peerjournal.errors import InvalidInput, NotFound
from peerjournal.vault.store import Vault, translated_errors

MAX_LIMIT = 10_000
#: Rows per multi-row INSERT (12 values each: far below SQLite's 32,766 bound values).
ROWS_PER_STATEMENT = 500
_INSERT_ENTRIES = (
    "INSERT INTO entries (id, created, created_us, day, updated, title, body, tags,"
    " starred, mood_id, deleted, trashed) VALUES "
)
_ENTRY_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
RANK_WINDOW = search_use_case.RANK_WINDOW
_SUMMARY_COLUMNS = SUMMARY_COLUMNS
_ENTRY_COLUMNS = ENTRY_COLUMNS
_dt = dt
_split_tags = split_tags


def _entry_row(entry: Entry) -> tuple[Any, ...]:
    """The values of :data:`_INSERT_ENTRIES` for one entry."""
    return (
        entry.id,
        entry.created.isoformat(),
        epoch_us(entry.created),
        entry.created.date().isoformat(),
        entry.updated.isoformat(),
        entry.title,
        entry.body,
        "\n".join(entry.tags),
        int(entry.starred),
        entry.mood_id,
        entry.deleted.isoformat() if entry.deleted is not None else None,
        int(entry.deleted is not None),
    )


def _check_page(offset: int, limit: int) -> None:
    if not isinstance(offset, int) or offset < 0:
        raise InvalidInput("list.offset")
    if not isinstance(limit, int) or not 0 <= limit <= MAX_LIMIT:
        raise InvalidInput("list.limit", limit=MAX_LIMIT)


def _title(value: object) -> str:
    return check_text(value, "field.title", MAX_TITLE_CHARS)


def _body(value: object) -> str:
    return check_text(value, "field.entry_text", MAX_BODY_CHARS)


class JournalService:
    """Entries of one open vault. Not thread-safe: use from one thread at a time."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- writing -------------------------------------------------------------------------

    def add(
        self,
        body: str,
        *,
        title: str = "",
        tags: Iterable[str] = (),
        created: datetime | None = None,
        starred: bool = False,
        mood_id: str | None = None,
    ) -> Entry:
        """Write a new entry and return it."""
        body = _body(body)
        title = _title(title)
        tag_tuple = normalise_tags(tags)
        moment = aware(created)
        now = datetime.now(UTC).astimezone(moment.tzinfo)
        entry = Entry(
            str(uuid.uuid4()), moment, now, title, body, tag_tuple, bool(starred), mood_id, None
        )
        with self._vault.transaction() as conn:
            self._insert(conn, entry)
        return entry

    def insert_exact(self, entry: Entry) -> None:
        """Store an entry exactly as given (id, times, trash state): for lossless imports.

        Raises :class:`InvalidInput` for bad tags or text, :class:`NotFound` when it links
        a mood log the vault does not hold.
        """
        checked = self._checked_exact(entry)
        with self._vault.transaction() as conn:
            self._insert(conn, checked)

    def insert_exact_many(self, entries: Iterable[Entry], *, checked: bool = False) -> None:
        """:meth:`insert_exact` for many entries in one savepoint: all or none (imports).

        ``checked``: the entries already passed the import boundary's check
        (``importers.source.checked_entry``: the same rules, and normalised), so they are
        not checked a second time; only the import use case says so.

        The rows go in as one multi-row statement per :data:`ROWS_PER_STATEMENT`: the
        search indexes are kept by the same triggers as always, but FTS5 writes what it
        collected to disk (a new index segment) before every statement that can roll back
        on its own, so one statement per row left a segment per row and merging them cost
        more than everything else an import does (docs/benchmarks.md). Tags are linked the
        same way, one statement per batch.
        """
        rows = list(entries) if checked else [self._checked_exact(entry) for entry in entries]
        if not rows:
            return
        with self._vault.transaction() as conn:
            self._check_moods(conn, {e.mood_id for e in rows if e.mood_id is not None})
            for start in range(0, len(rows), ROWS_PER_STATEMENT):
                chunk = rows[start : start + ROWS_PER_STATEMENT]
                conn.execute(
                    _INSERT_ENTRIES + ", ".join([_ENTRY_VALUES] * len(chunk)),
                    [value for entry in chunk for value in _entry_row(entry)],
                )
            self._link_tags(conn, rows)

    def _checked_exact(self, entry: Entry) -> Entry:
        if entry.created.tzinfo is None or entry.updated.tzinfo is None:
            raise InvalidInput("entry.time_no_zone")
        if entry.deleted is not None:
            check_moment(entry.deleted)
        return Entry(
            entry.id,
            check_moment(entry.created),
            check_moment(entry.updated),
            _title(entry.title),
            _body(entry.body),
            normalise_tags(entry.tags),
            bool(entry.starred),
            entry.mood_id,
            entry.deleted,
        )

    def _insert(self, conn: Any, entry: Entry) -> None:
        if entry.mood_id is not None:
            self._check_mood(conn, entry.mood_id)
        cur = conn.execute(_INSERT_ENTRIES + _ENTRY_VALUES, _entry_row(entry))
        self._set_entry_tags(conn, cur.lastrowid, entry.tags)

    def update(
        self,
        entry_id: str,
        *,
        title: str | None = None,
        body: str | None = None,
        tags: Iterable[str] | None = None,
        starred: bool | None = None,
        mood_id: str | Unset | None = UNSET,
        created: datetime | None = None,
    ) -> Entry:
        """Change only the given fields; ``updated`` becomes now."""
        sets: builtins.list[str] = []
        args: builtins.list[Any] = []
        tag_tuple: tuple[str, ...] | None = None
        if title is not None:
            sets.append("title = ?")
            args.append(_title(title))
        if body is not None:
            sets.append("body = ?")
            args.append(_body(body))
        if tags is not None:
            tag_tuple = normalise_tags(tags)
            sets.append("tags = ?")
            args.append("\n".join(tag_tuple))
        if starred is not None:
            sets.append("starred = ?")
            args.append(int(bool(starred)))
        if created is not None:
            moment = aware(created)
            sets += ["created = ?", "created_us = ?", "day = ?"]
            args += [moment.isoformat(), epoch_us(moment), moment.date().isoformat()]
        if not isinstance(mood_id, Unset):
            sets.append("mood_id = ?")
            args.append(mood_id)
        with self._vault.transaction() as conn:
            rid, _ = self._resolve(conn, entry_id)
            if not isinstance(mood_id, Unset) and mood_id is not None:
                self._check_mood(conn, mood_id)
            sets.append("updated = ?")
            args.append(datetime.now(UTC).astimezone().isoformat())
            sql = f"UPDATE entries SET {', '.join(sets)} WHERE rid = ?"  # noqa: S608
            conn.execute(sql, (*args, rid))
            if tag_tuple is not None:
                conn.execute("DELETE FROM entry_tags WHERE rid = ?", (rid,))
                self._set_entry_tags(conn, rid, tag_tuple)
                self._drop_orphan_tags(conn)
            return self._load(conn, rid)

    def delete(self, entry_id: str) -> None:
        """Move an entry to the trash."""
        with self._vault.transaction() as conn:
            rid, _ = self._resolve(conn, entry_id)
            conn.execute(
                "UPDATE entries SET trashed = 1, deleted = ? WHERE rid = ? AND trashed = 0",
                (datetime.now(UTC).astimezone().isoformat(), rid),
            )

    def restore(self, entry_id: str) -> None:
        """Bring an entry back from the trash."""
        with self._vault.transaction() as conn:
            rid, _ = self._resolve(conn, entry_id)
            conn.execute(
                "UPDATE entries SET trashed = 0, deleted = NULL WHERE rid = ? AND trashed = 1",
                (rid,),
            )

    def purge(self, entry_id: str) -> None:
        """Delete a trashed entry for good (secure_delete overwrites its pages)."""
        with self._vault.transaction() as conn:
            rid, _ = self._resolve(conn, entry_id)
            trashed = conn.execute("SELECT trashed FROM entries WHERE rid = ?", (rid,)).fetchone()
            if not trashed[0]:
                raise InvalidInput("entry.purge_live")
            conn.execute("DELETE FROM entries WHERE rid = ?", (rid,))
            self._drop_orphan_tags(conn)

    def empty_trash(self) -> int:
        """Delete every trashed entry for good; returns how many."""
        with self._vault.transaction() as conn:
            count = conn.execute("DELETE FROM entries WHERE trashed = 1").rowcount
            self._drop_orphan_tags(conn)
        return int(count)

    # -- reading -------------------------------------------------------------------------

    def get(self, entry_id: str) -> Entry:
        """One entry by id or by a unique id prefix of at least 4 characters."""
        with translated_errors():
            conn = self._vault.conn
            rid, _ = self._resolve(conn, entry_id)
            return self._load(conn, rid)

    def list(
        self,
        *,
        offset: int = 0,
        limit: int = 50,
        tag: str | None = None,
        since: date | None = None,
        until: date | None = None,
        trashed: bool = False,
        starred: bool | None = None,
        after: str | None = None,
    ) -> builtins.list[EntrySummary]:
        """Entry summaries, newest first.

        ``after``: the id of the last entry of the previous page (keyset pagination: the
        page starts right after it, at the same cost wherever it is). ``offset`` skips
        entries in the index alone, so a deep offset costs little too.
        """
        _check_page(offset, limit)
        where, args = filters(tag, since, until, trashed, starred)
        with translated_errors():
            conn = self._vault.conn
            if after is not None:
                rid, _ = self._resolve(conn, after)
                key = conn.execute(
                    "SELECT created_us, rid FROM entries WHERE rid = ?", (rid,)
                ).fetchone()
                where += " AND (e.created_us, e.rid) < (?, ?)"
                args += [key[0], key[1]]
            # The page's rids from the (trashed[, starred], created_us, rid) index, then
            # their rows: skipped entries are never read or joined.
            sql = (
                f"SELECT {_SUMMARY_COLUMNS} FROM entries e"  # noqa: S608
                " LEFT JOIN mood_logs m ON m.id = e.mood_id"
                " WHERE e.rid IN (SELECT e.rid FROM entries e"
                f" WHERE {where} ORDER BY e.created_us DESC, e.rid DESC LIMIT ? OFFSET ?)"
                " ORDER BY e.created_us DESC, e.rid DESC"
            )
            rows = conn.execute(sql, (*args, limit, offset)).fetchall()
        return [self._summary(row) for row in rows]

    def count(
        self,
        *,
        tag: str | None = None,
        since: date | None = None,
        until: date | None = None,
        trashed: bool = False,
        starred: bool | None = None,
    ) -> int:
        """How many entries match the filters."""
        where, args = filters(tag, since, until, trashed, starred)
        with translated_errors():
            row = self._vault.conn.execute(
                f"SELECT count(*) FROM entries e WHERE {where}",  # noqa: S608
                args,
            ).fetchone()
        return int(row[0])

    def search(
        self,
        query: str,
        *,
        tag: str | None = None,
        since: date | None = None,
        until: date | None = None,
        starred: bool | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> builtins.list[SearchHit]:
        """Full-text search of live entries, best match first (see :mod:`app.search`).

        Any text is accepted: words, ``word*`` prefixes, ``"phrases"``, AND/OR/NOT,
        parentheses and ``-word``; CJK and emoji match as substrings. A query with no
        searchable words returns ``[]``. A query (with its filters) matching more than
        :data:`RANK_WINDOW` entries is ranked among the most recently written
        :data:`RANK_WINDOW` matches: such a common term says little about relevance, and
        ranking every match costs about 1 µs each.
        """
        _check_page(offset, limit)
        where = search_use_case.Filters(tag=tag, since=since, until=until, starred=starred)
        return search_use_case.search(self._vault.conn, query, where, limit=limit, offset=offset)

    def tags(self) -> builtins.list[tuple[str, int]]:
        """``(tag, count)`` over live entries, most used first."""
        with translated_errors():
            rows = self._vault.conn.execute(
                "SELECT name, live_count FROM tags WHERE live_count > 0"
                " ORDER BY live_count DESC, fold"
            ).fetchall()
        return [(str(name), int(n)) for name, n in rows]

    def linked_to_mood(self, mood_id: str) -> builtins.list[str]:
        """Ids of the entries (live or in the trash) linked to a mood log."""
        with translated_errors():
            rows = self._vault.conn.execute(
                "SELECT id FROM entries WHERE mood_id = ? ORDER BY rid", (mood_id,)
            ).fetchall()
        return [str(row[0]) for row in rows]

    def relink_mood(self, mood_id: str, entry_ids: Iterable[str]) -> None:
        """Link entries to a mood log again, leaving ``updated`` alone (undo of a delete)."""
        with self._vault.transaction() as conn:
            self._check_mood(conn, mood_id)
            for entry_id in entry_ids:
                conn.execute("UPDATE entries SET mood_id = ? WHERE id = ?", (mood_id, entry_id))

    def days_with_entries(self, year: int, month: int) -> set[date]:
        """The user's local days of a month with at least one live entry (for a calendar)."""
        if not 1 <= month <= 12 or not 1 <= year <= 9999:
            raise InvalidInput("calendar.month")
        first = date(year, month, 1)
        last = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(
            days=1
        )
        start, end = day_bounds_us(first, last)
        with translated_errors():
            rows = self._vault.conn.execute(
                "SELECT DISTINCT created_us FROM entries"
                " WHERE trashed = 0 AND created_us >= ? AND created_us < ?",
                (start, end),
            ).fetchall()
        return {local_day_of_us(int(row[0])) for row in rows}

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _resolve(conn: Any, entry_id: str) -> tuple[int, str]:
        if not isinstance(entry_id, str):
            raise NotFound("entry.not_found")
        key = entry_id.strip().lower()
        if len(key) < 4:
            raise NotFound("entry.id_too_short")
        rows: Sequence[Any] = conn.execute(
            "SELECT rid, id FROM entries WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (key, key + "\uffff"),
        ).fetchall()
        exact = [row for row in rows if row[1] == key]
        if exact:
            return int(exact[0][0]), str(exact[0][1])
        if not rows:
            raise NotFound("entry.not_found")
        if len(rows) > 1:
            raise NotFound("entry.id_ambiguous")
        return int(rows[0][0]), str(rows[0][1])

    @staticmethod
    def _check_mood(conn: Any, mood_id: str) -> None:
        if conn.execute("SELECT 1 FROM mood_logs WHERE id = ?", (mood_id,)).fetchone() is None:
            raise NotFound("mood.not_found")

    @staticmethod
    def _check_moods(conn: Any, mood_ids: set[str]) -> None:
        """NotFound unless the vault holds every mood log in ``mood_ids``."""
        wanted = sorted(mood_ids)
        for start in range(0, len(wanted), ROWS_PER_STATEMENT):
            chunk = wanted[start : start + ROWS_PER_STATEMENT]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT count(*) FROM mood_logs WHERE id IN ({marks})"  # noqa: S608
            if conn.execute(sql, chunk).fetchone()[0] != len(chunk):
                raise NotFound("mood.not_found")

    @staticmethod
    def _link_tags(conn: Any, entries: Sequence[Entry]) -> None:
        """:meth:`_set_entry_tags` for many stored entries: a few statements, not two per tag.

        A tag new to the vault keeps the spelling of its first entry, as one by one.
        """
        names: dict[str, str] = {}
        links: list[tuple[str, str]] = []
        for entry in entries:
            for tag in entry.tags:
                fold = tag.casefold()
                names.setdefault(fold, tag)
                links.append((entry.id, fold))
        pending = [(name, fold) for fold, name in names.items()]
        for start in range(0, len(pending), ROWS_PER_STATEMENT):
            chunk = pending[start : start + ROWS_PER_STATEMENT]
            conn.execute(
                "INSERT INTO tags (name, fold) VALUES "  # noqa: S608
                + ", ".join(["(?, ?)"] * len(chunk))
                + " ON CONFLICT (fold) DO NOTHING",
                [value for pair in chunk for value in pair],
            )
        for start in range(0, len(links), ROWS_PER_STATEMENT):
            chunk = links[start : start + ROWS_PER_STATEMENT]
            conn.execute(
                "INSERT OR IGNORE INTO entry_tags (rid, tid) SELECT e.rid, t.tid"  # noqa: S608
                " FROM (VALUES " + ", ".join(["(?, ?)"] * len(chunk)) + ") AS v"
                " JOIN entries AS e ON e.id = v.column1 JOIN tags AS t ON t.fold = v.column2",
                [value for pair in chunk for value in pair],
            )

    @staticmethod
    def _set_entry_tags(conn: Any, rid: int, tags: tuple[str, ...]) -> None:
        for tag in tags:
            fold = tag.casefold()
            conn.execute(
                "INSERT INTO tags (name, fold) VALUES (?, ?) ON CONFLICT (fold) DO NOTHING",
                (tag, fold),
            )
            conn.execute(
                "INSERT OR IGNORE INTO entry_tags (rid, tid)"
                " SELECT ?, tid FROM tags WHERE fold = ?",
                (rid, fold),
            )

    @staticmethod
    def _drop_orphan_tags(conn: Any) -> None:
        conn.execute(
            "DELETE FROM tags WHERE NOT EXISTS"
            " (SELECT 1 FROM entry_tags et WHERE et.tid = tags.tid)"
        )

    @staticmethod
    def _load(conn: Any, rid: int) -> Entry:
        sql = f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE rid = ?"  # noqa: S608
        row = conn.execute(sql, (rid,)).fetchone()
        if row is None:
            raise NotFound("entry.not_found")
        created = _dt(row[1])
        updated = _dt(row[2])
        if created is None or updated is None:
            raise NotFound("entry.not_found")
        return Entry(
            id=row[0],
            created=created,
            updated=updated,
            title=row[3],
            body=row[4],
            tags=_split_tags(row[5]),
            starred=bool(row[6]),
            mood_id=row[7],
            deleted=_dt(row[8]),
        )

    @staticmethod
    def _summary(row: Sequence[Any]) -> EntrySummary:
        return _summary_of(row)
