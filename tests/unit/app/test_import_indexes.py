"""The import write path keeps both search indexes exact: after a successful import every
imported entry is found (word, prefix, CJK and emoji substrings) and the old ones still
are; a failed or cancelled import leaves the indexes byte for byte as they were; trashed
rows are never indexed; tag counts stay right. Imports write many rows per statement
(app/journal.py), so these checks cover what the one-row-at-a-time path guaranteed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from peerjournal.app.session import Session
from peerjournal.app.transfer import BATCH, import_bundle, import_source
from peerjournal.errors import ImportExportError
from peerjournal.importers.records import EntryRecord, ImportBundle, MoodRecord
from peerjournal.importers.source import (
    ImportSource,
    Item,
    Problem,
    checked_entry,
    line_at,
    source_id,
)
from peerjournal.vault import grams
from tests.helpers.vault import make_session

START = datetime(2021, 3, 1, 9, 0, tzinfo=UTC)
#: More than two import batches, so batch boundaries are crossed.
COUNT = 2 * BATCH + 37
NUMERALS = "一二三四五六七八九十"
SHADOW_TABLES = [
    f"{index}_{part}"
    for index in ("entries_fts", "entries_grams")
    for part in ("data", "idx", "docsize", "config")
]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = make_session(tmp_path)
    try:
        yield opened
    finally:
        opened.lock()


def _record(number: int, *, deleted: bool = False, mood_id: str | None = None) -> EntryRecord:
    at = START + timedelta(hours=number)
    return EntryRecord(
        id=source_id("test", str(number)),
        created=at,
        updated=at,
        title=f"Title{number}",
        body=f"zebra{number} walked 東京{NUMERALS[number % 10]}駅 today 🌧️ word{number}x",
        tags=("Work", f"t{number % 3}") if number % 2 else ("work",),
        deleted=at + timedelta(days=1) if deleted else None,
        mood_id=mood_id,
    )


def _records(count: int = COUNT, first: int = 0) -> tuple[EntryRecord, ...]:
    return tuple(_record(n, deleted=n % 50 == 7) for n in range(first, first + count))


def _check_indexes(session: Session) -> None:
    """Both indexes pass FTS5's own check; the word index against its content, the
    contentless gram index by its rows: exactly the live entries that hold gram text."""
    conn = session.conn
    conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    conn.execute("INSERT INTO entries_grams (entries_grams) VALUES ('integrity-check')")
    indexed = {row[0] for row in conn.execute("SELECT id FROM entries_grams_docsize")}
    expected = {
        rid
        for rid, title, body, tags in conn.execute(
            "SELECT rid, title, body, tags FROM entries WHERE trashed = 0"
        )
        if grams.grams_column(f"{title}\n{body}\n{tags}")
    }
    assert indexed == expected


def _shadow(session: Session) -> dict[str, list[tuple[object, ...]]]:
    conn = session.conn
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in SHADOW_TABLES
    }


def _ids(session: Session, query: str) -> set[str]:
    return {hit.entry.id for hit in session.journal.search(query, limit=10_000)}


def _tag_counts(session: Session) -> dict[str, int]:
    live: dict[str, int] = {}
    for (tags,) in session.conn.execute("SELECT tags FROM entries WHERE trashed = 0"):
        for tag in filter(None, tags.split("\n")):
            live[tag.casefold()] = live.get(tag.casefold(), 0) + 1
    return live


def test_every_imported_entry_is_found_right_after_the_import(session: Session) -> None:
    records = _records()
    report = import_bundle(session, ImportBundle(format="json", entries=records))
    assert report.entries_added == COUNT
    _check_indexes(session)
    live = {r.id for r in records if r.deleted is None}
    trashed = {r.id for r in records if r.deleted is not None}
    assert trashed and live
    assert _ids(session, "walked") == live
    assert _ids(session, "東京") == live
    assert _ids(session, "京三駅") == {r.id for n, r in enumerate(records) if n % 10 == 2} & live
    assert _ids(session, "🌧") == live
    for number in (0, BATCH - 1, BATCH, COUNT - 1):
        wanted = {records[number].id} & live
        assert _ids(session, f"zebra{number}") == wanted
        assert _ids(session, f"word{number}x") == wanted
        assert _ids(session, f"Title{number}") == wanted
    assert _ids(session, "zebr*") == live
    assert _ids(session, "z*") == live
    assert _ids(session, "tod*") == live


def test_tags_keep_the_first_spelling_and_count_only_live_entries(session: Session) -> None:
    import_bundle(session, ImportBundle(format="json", entries=_records()))
    # Entry 0 says "work", entry 1 "Work": the first spelling names the tag.
    assert dict(session.journal.tags()) == _tag_counts(session)
    assert session.conn.execute("SELECT name FROM tags WHERE fold = 'work'").fetchone() == ("work",)
    assert session.journal.count(tag="WORK") == sum(1 for r in _records() if r.deleted is None)


def test_an_import_into_a_vault_in_use_keeps_the_old_entries_searchable(
    session: Session,
) -> None:
    old = session.journal.add("the old 猫 entry with quokka", title="Before", tags=["old"])
    trashed = session.journal.add("trashed quokka 猫", tags=["old"])
    session.journal.delete(trashed.id)
    import_bundle(session, ImportBundle(format="json", entries=_records()))
    _check_indexes(session)
    assert _ids(session, "quokka") == {old.id}
    assert _ids(session, "猫") == {old.id}
    assert _ids(session, "quok*") == {old.id}
    assert dict(session.journal.tags())["old"] == 1
    # A second file, into the now big vault: the new rows are indexed, the rest kept.
    more = _records(40, first=COUNT)
    import_bundle(session, ImportBundle(format="json", entries=more))
    _check_indexes(session)
    assert _ids(session, f"zebra{COUNT + 1}") == {more[1].id}
    assert _ids(session, "zebra0") == {_records(1)[0].id}
    assert _ids(session, "quokka") == {old.id}


def test_re_import_adds_nothing_and_leaves_the_indexes_as_they_were(session: Session) -> None:
    bundle = ImportBundle(format="json", entries=_records())
    import_bundle(session, bundle)
    before = _shadow(session)
    again = import_bundle(session, bundle)
    assert again.entries_added == 0 and again.entries_skipped == COUNT
    assert _shadow(session) == before


class _Failing(ImportSource):
    """``records`` then, at ``fail_at``, a fatal error (or a cancel from the progress)."""

    format = "json"

    def __init__(self, records: tuple[EntryRecord, ...], fail_at: int | None) -> None:
        super().__init__(Path("many.json"))
        self.records = records
        self.fail_at = fail_at
        self.bytes_total = len(records)

    def read(self) -> Iterator[Item | Problem]:
        for number, record in enumerate(self.records, start=1):
            self.bytes_done = number
            if number == self.fail_at:
                raise ImportExportError("import.failed")
            yield Item(entry=checked_entry(record, line_at(number)))


def _filled(session: Session) -> dict[str, list[tuple[object, ...]]]:
    session.journal.add("earlier text 日本 walked", tags=["Work"])
    import_bundle(session, ImportBundle(format="json", entries=_records(30, first=10_000)))
    return _shadow(session)


def test_a_fatal_error_after_several_batches_leaves_the_indexes_exactly_as_before(
    session: Session,
) -> None:
    before = _filled(session)
    tags_before = session.journal.tags()
    with pytest.raises(ImportExportError):
        import_source(session, _Failing(_records(), fail_at=COUNT - 3))
    assert _shadow(session) == before
    assert session.journal.tags() == tags_before
    _check_indexes(session)


def test_a_cancel_after_several_batches_leaves_the_indexes_exactly_as_before(
    session: Session,
) -> None:
    before = _filled(session)
    written: list[int] = []

    def cancel(done: int, total: int) -> None:
        written.append(session.conn.execute("SELECT count(*) FROM entries").fetchone()[0])
        if done > 2 * BATCH:
            raise ImportExportError("import.cancelled")

    with pytest.raises(ImportExportError) as caught:
        import_source(session, _Failing(_records(), fail_at=None), progress=cancel)
    assert caught.value.code == "import.cancelled"
    assert max(written) > 31 + BATCH  # whole batches were written before the cancel
    assert _shadow(session) == before
    _check_indexes(session)


def test_a_batch_with_a_refused_record_is_indexed_without_it(session: Session) -> None:
    mood = MoodRecord(source_id("test", "mood"), START, 4)
    records = list(_records(BATCH))
    # The vault refuses a tag this long: the batch is written again without it.
    records[5] = EntryRecord(
        records[5].id, records[5].created, records[5].updated, "x", "refused", ("x" * 101,)
    )
    records[9] = _record(9, mood_id=mood.id)
    bundle = ImportBundle(format="json", entries=tuple(records), moods=(mood,))
    report = import_bundle(session, bundle)
    assert report.entries_added == BATCH - 1 and report.problems_total == 1
    _check_indexes(session)
    assert _ids(session, "refused") == set()
    assert _ids(session, "zebra9") == {records[9].id}
    assert session.journal.get(records[9].id).mood_id == mood.id


def test_neighbouring_rows_of_the_same_length_get_their_own_grams(session: Session) -> None:
    animals = "猫犬鳥魚"
    records = tuple(
        EntryRecord(source_id("test", "animal", str(n)), START, START, "", f"{animals[n % 4]}!")
        for n in range(40)
    )
    import_bundle(session, ImportBundle(format="json", entries=records))
    _check_indexes(session)
    for k, animal in enumerate(animals):
        assert _ids(session, animal) == {r.id for n, r in enumerate(records) if n % 4 == k}


def test_a_cancel_at_the_last_tick_before_the_commit_applies_nothing(session: Session) -> None:
    # The last tick comes once the file is read and indexed: a Cancel pressed then must
    # still roll back, not be reported as a cancel of an import that was committed.
    before = _filled(session)
    ticks: list[tuple[int, int]] = []

    def cancel_at_the_end(done: int, total: int) -> None:
        ticks.append((done, total))
        if total > 0 and done == total:
            raise ImportExportError("import.cancelled")

    source = _Failing(_records(), fail_at=None)
    with pytest.raises(ImportExportError) as caught:
        import_source(session, source, progress=cancel_at_the_end)
    assert caught.value.code == "import.cancelled"
    assert ticks[-1] == (source.bytes_total, source.bytes_total) and len(ticks) > 2
    assert _shadow(session) == before
    _check_indexes(session)
