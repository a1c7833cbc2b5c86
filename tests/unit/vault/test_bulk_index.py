"""Search indexes filled at the end of a bulk insert: the same index the triggers build, the
schema unchanged afterwards, and nothing left unindexed when the block fails."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from peerjournal.app.session import Session
from peerjournal.domain.models import Entry
from peerjournal.vault.bulk_index import deferred_search_index
from tests.helpers.vault import make_session

AT = datetime(2024, 5, 31, 19, 7, tzinfo=UTC)


def _entry(number: int, body: str, *, trashed: bool = False) -> Entry:
    return Entry(
        f"00000000-0000-4000-8000-{number:012d}", AT, AT, f"title {number}", body,
        ("walks",), False, None, AT if trashed else None,
    )  # fmt: skip


def _schema(conn: Any) -> list[tuple[str, str]]:
    return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def _indexed(conn: Any, table: str) -> list[int]:
    return [int(row[0]) for row in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]


def _check_integrity(conn: Any) -> None:
    conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')")


def _bodies(session: Session, query: str) -> list[str]:
    return sorted(hit.entry.id[-2:] for hit in session.journal.search(query))


def test_rows_added_in_the_block_are_indexed_once_when_it_ends(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    session.journal.insert_exact(_entry(1, "an old river walk 東京"))  # indexed by its trigger
    before = _schema(session.conn)
    with session.transaction() as conn, deferred_search_index(conn):
        session.journal.insert_exact_many(
            [_entry(2, "river in the rain 東京"), _entry(3, "plain words only")]
        )
        session.journal.insert_exact_many([_entry(4, "river, trashed 東京", trashed=True)])
        # not yet: the index is written when the block ends
        assert _indexed(conn, "entries_grams") == [1]
    assert _schema(session.conn) == before
    _check_integrity(session.conn)
    assert _bodies(session, "river") == ["01", "02"]
    assert _bodies(session, "東京") == ["01", "02"]
    assert _bodies(session, "plain") == ["03"]
    assert _indexed(session.conn, "entries_grams") == [1, 2]  # trashed and grams-less: none
    # the triggers are back: an entry written afterwards is indexed as it goes in
    session.journal.insert_exact(_entry(5, "river again 東京"))
    assert _bodies(session, "東京") == ["01", "02", "05"]
    _check_integrity(session.conn)


def test_a_block_that_fails_leaves_the_triggers_and_the_index_as_they_were(
    tmp_path: Path,
) -> None:
    session = make_session(tmp_path)
    session.journal.insert_exact(_entry(1, "river 東京"))
    before = _schema(session.conn)
    with pytest.raises(KeyError), session.transaction() as conn:
        with pytest.raises(ZeroDivisionError), deferred_search_index(conn):
            session.journal.insert_exact_many([_entry(2, "river 東京")])
            _ = 1 / 0
        # still in the transaction: the triggers are back, so what follows is indexed
        assert _schema(conn) == before
        session.journal.insert_exact(_entry(3, "river 東京"))
        assert _indexed(conn, "entries_grams") == [1, 3]
        raise KeyError("roll the transaction back")
    assert _schema(session.conn) == before
    assert _bodies(session, "river") == ["01"]
    _check_integrity(session.conn)


def test_outside_a_transaction_it_is_refused(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    with pytest.raises(RuntimeError), deferred_search_index(session.conn):
        pass


def test_the_new_rows_are_read_in_rowid_order_whatever_the_listing_indexes(
    tmp_path: Path,
) -> None:
    from peerjournal.vault.bulk_index import _DEFERRED

    session = make_session(tmp_path)
    # newest first, as a Daylio file is: through (trashed, created_us) the rowids would fall
    with session.transaction() as conn, deferred_search_index(conn):
        session.journal.insert_exact_many(
            [replace(_entry(n, f"river {n}"), created=AT - timedelta(days=n)) for n in range(50)]
        )
    for statement in _DEFERRED.values():
        plan = session.conn.execute("EXPLAIN QUERY PLAN " + statement, (0, 50)).fetchall()
        assert [row[3] for row in plan] == [
            "SEARCH entries USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"
        ]
    assert len(_bodies(session, "river")) == 50
    _check_integrity(session.conn)


def _hash_settings(conn: Any) -> list[object]:
    return [
        conn.execute(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").fetchone()
        for table in ("entries_fts", "entries_grams")
    ]


def test_many_statements_index_every_row_once_and_fts5_is_given_its_memory_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peerjournal.vault.bulk_index as bulk_index

    # three rows a statement, so 20 rows take seven statements per index
    monkeypatch.setattr(bulk_index, "ROWS_PER_STATEMENT", 3)
    session = make_session(tmp_path)
    session.journal.insert_exact(_entry(1, "an old river 東京"))
    with session.transaction() as conn, deferred_search_index(conn):
        session.journal.insert_exact_many([_entry(n, f"river {n} 東京") for n in range(2, 22)])
        assert _hash_settings(conn) == [None, None]  # nothing set before the fill
    assert _hash_settings(session.conn) == [(bulk_index._DEFAULT_HASH_BYTES,)] * 2
    assert _indexed(session.conn, "entries_grams") == list(range(1, 22))
    assert len(_bodies(session, "river")) == 21
    _check_integrity(session.conn)
    session.conn.execute("INSERT INTO entries_grams (entries_grams) VALUES ('integrity-check')")


def test_catch_up_indexes_a_statement_s_worth_of_rows_before_the_block_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peerjournal.vault.bulk_index as bulk_index

    monkeypatch.setattr(bulk_index, "CATCH_UP_ROWS", 4)
    monkeypatch.setattr(bulk_index, "ROWS_PER_STATEMENT", 4)
    session = make_session(tmp_path)
    session.journal.insert_exact(_entry(1, "an old river 東京"))
    with session.transaction() as conn, deferred_search_index(conn) as backlog:
        session.journal.insert_exact_many([_entry(n, f"river {n} 東京") for n in range(2, 5)])
        backlog.catch_up()  # three rows wait: fewer than it waits for, nothing yet
        assert _indexed(conn, "entries_grams") == [1]
        session.journal.insert_exact_many([_entry(n, f"river {n} 東京") for n in range(5, 8)])
        backlog.catch_up()  # six rows: all of them go in now, inside the transaction
        assert _indexed(conn, "entries_grams") == list(range(1, 8))
        assert len(_bodies(session, "river")) == 7
        session.journal.insert_exact_many([_entry(n, f"river {n} 東京") for n in range(8, 10)])
        assert _indexed(conn, "entries_grams") == list(range(1, 8))
    # the rest when the block ends, each row once
    assert _indexed(session.conn, "entries_grams") == list(range(1, 10))
    assert len(_bodies(session, "river")) == 9
    _check_integrity(session.conn)
    session.conn.execute("INSERT INTO entries_grams (entries_grams) VALUES ('integrity-check')")


def test_rows_indexed_early_leave_with_a_block_that_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peerjournal.vault.bulk_index as bulk_index

    monkeypatch.setattr(bulk_index, "CATCH_UP_ROWS", 2)
    session = make_session(tmp_path)
    session.journal.insert_exact(_entry(1, "river 東京"))
    before = _schema(session.conn)
    with (
        pytest.raises(ZeroDivisionError),
        session.transaction() as conn,
        deferred_search_index(conn) as backlog,
    ):
        session.journal.insert_exact_many([_entry(n, f"river {n} 東京") for n in range(2, 6)])
        backlog.catch_up()
        assert _indexed(conn, "entries_grams") == [1, 2, 3, 4, 5]
        _ = 1 / 0
    assert _schema(session.conn) == before
    assert _indexed(session.conn, "entries_grams") == [1]
    assert _bodies(session, "river") == ["01"]
    _check_integrity(session.conn)
