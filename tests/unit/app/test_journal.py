"""Journal service: entries, trash, listing, tags and search on a real SQLCipher vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerjournal.app.session import Session
from peerjournal.errors import InvalidInput, NotFound
from tests.helpers.vault import make_session

TZ = timezone(timedelta(hours=2))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = make_session(tmp_path)
    yield s
    s.lock()


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=TZ)


def test_add_get_round_trip(session: Session) -> None:
    entry = session.journal.add(
        "Body **markdown**\nmore", title="T", tags=["#Exam", "@home", "exam"], created=at(3)
    )
    got = session.journal.get(entry.id)
    assert got == entry
    assert got.tags == ("Exam", "home")
    assert got.created == at(3) and got.created.utcoffset() == timedelta(hours=2)
    assert session.journal.get(entry.id[:4].upper()).id == entry.id


def test_get_unknown_and_ambiguous(session: Session) -> None:
    with pytest.raises(NotFound):
        session.journal.get("00000000-0000-0000-0000-000000000000")
    with pytest.raises(NotFound):
        session.journal.get("abc")
    first = session.journal.add("one")
    second = session.journal.add("two")
    conn = session.conn
    conn.execute("UPDATE entries SET id = ? WHERE id = ?", ("aaaa1111" + first.id[8:], first.id))
    conn.execute("UPDATE entries SET id = ? WHERE id = ?", ("aaaa2222" + second.id[8:], second.id))
    with pytest.raises(NotFound, match="More than one"):
        session.journal.get("aaaa")
    assert session.journal.get("aaaa2").body == "two"


def test_naive_datetime_rejected(session: Session) -> None:
    with pytest.raises(InvalidInput):
        session.journal.add("x", created=datetime(2026, 1, 1))


def test_update_changes_only_given_fields(session: Session) -> None:
    mood = session.mood.add(2)
    entry = session.journal.add("body", title="title", tags=["a"], mood_id=mood.id, created=at(1))
    updated = session.journal.update(entry.id, title="new title")
    assert (updated.title, updated.body, updated.tags, updated.mood_id) == (
        "new title",
        "body",
        ("a",),
        mood.id,
    )
    assert updated.updated >= entry.updated
    updated = session.journal.update(entry.id, mood_id=None, tags=["b", "c"], starred=True)
    assert updated.mood_id is None and updated.tags == ("b", "c") and updated.starred
    assert session.journal.tags() == [("b", 1), ("c", 1)]
    moved = session.journal.update(entry.id, created=at(9))
    assert moved.created == at(9)
    assert session.journal.days_with_entries(2026, 3) == {date(2026, 3, 9)}
    with pytest.raises(NotFound):
        session.journal.update(entry.id, mood_id="no-such-mood")


def test_trash_restore_purge(session: Session) -> None:
    keep = session.journal.add("keep", tags=["x"])
    gone = session.journal.add("gone", tags=["x"])
    with pytest.raises(InvalidInput):
        session.journal.purge(gone.id)
    session.journal.delete(gone.id)
    assert [e.id for e in session.journal.list()] == [keep.id]
    assert [e.id for e in session.journal.list(trashed=True)] == [gone.id]
    assert session.journal.get(gone.id).deleted is not None
    assert session.journal.tags() == [("x", 1)]
    assert session.journal.search("gone") == []
    session.journal.restore(gone.id)
    assert session.journal.count() == 2 and session.journal.get(gone.id).deleted is None
    session.journal.delete(gone.id)
    session.journal.purge(gone.id)
    with pytest.raises(NotFound):
        session.journal.get(gone.id)
    session.journal.delete(keep.id)
    assert session.journal.empty_trash() == 1
    assert session.journal.count() == 0 and session.journal.count(trashed=True) == 0
    assert session.journal.tags() == []


def test_list_order_paging_and_filters(session: Session) -> None:
    for day in range(1, 11):
        session.journal.add(
            f"day {day}", tags=["even"] if day % 2 == 0 else [], created=at(day), starred=day == 5
        )
    titles = [s.first_line for s in session.journal.list(limit=3)]
    assert titles == ["day 10", "day 9", "day 8"]
    assert [s.first_line for s in session.journal.list(offset=8)] == ["day 2", "day 1"]
    assert session.journal.count(tag="EVEN") == 5
    assert [s.first_line for s in session.journal.list(tag="#even", limit=2)] == [
        "day 10",
        "day 8",
    ]
    ranged = session.journal.list(since=date(2026, 3, 3), until=date(2026, 3, 5))
    assert [s.first_line for s in ranged] == ["day 5", "day 4", "day 3"]
    assert session.journal.count(starred=True) == 1
    assert session.journal.count(starred=False) == 9
    assert session.journal.count(tag="nope") == 0
    with pytest.raises(InvalidInput):
        session.journal.list(limit=-1)


def test_summary_mood_level_and_first_line(session: Session) -> None:
    mood = session.mood.add(5)
    session.journal.add("\n\n# Heading line\nrest", mood_id=mood.id)
    [summary] = session.journal.list()
    assert summary.mood_level == 5 and summary.first_line == "Heading line"
    session.mood.delete(mood.id)
    assert session.journal.list()[0].mood_level is None


def test_tags_counted_by_use(session: Session) -> None:
    session.journal.add("a", tags=["Sleep", "walk"])
    session.journal.add("b", tags=["sleep"])
    session.journal.add("c", tags=["SLEEP", "exam"])
    assert session.journal.tags() == [("Sleep", 3), ("exam", 1), ("walk", 1)]


def test_tag_counts_stay_consistent_through_random_edits(session: Session) -> None:
    import random

    rng = random.Random(7)
    names = ["a", "B", "c", "D", "e"]
    ids: list[str] = []
    for step in range(300):
        action = rng.choice(["add", "add", "tags", "delete", "restore", "purge", "empty"])
        if action == "add" or not ids:
            ids.append(session.journal.add(f"e{step}", tags=rng.sample(names, 2)).id)
        elif action == "tags":
            session.journal.update(rng.choice(ids), tags=rng.sample(names, rng.randint(0, 3)))
        elif action == "delete":
            session.journal.delete(rng.choice(ids))
        elif action == "restore":
            session.journal.restore(rng.choice(ids))
        elif action == "purge":
            victim = rng.choice(ids)
            session.journal.delete(victim)
            session.journal.purge(victim)
            ids.remove(victim)
        elif step % 50 == 0:
            session.journal.empty_trash()
            ids = [s.id for s in session.journal.list(limit=10_000)]
    expected: dict[str, int] = {}
    for summary in session.journal.list(limit=10_000):
        for tag in summary.tags:
            expected[tag.casefold()] = expected.get(tag.casefold(), 0) + 1
    assert {t.casefold(): n for t, n in session.journal.tags()} == expected
    for tag, n in expected.items():
        assert session.journal.count(tag=tag) == n


def test_unstorable_text_is_rejected_plainly(session: Session) -> None:
    for bad in ("nul \x00 inside", "lone \ud800 surrogate"):
        with pytest.raises(InvalidInput):
            session.journal.add(bad)
        with pytest.raises(InvalidInput):
            session.journal.add("ok", title=bad)
        with pytest.raises(InvalidInput):
            session.journal.add("ok", tags=[bad])
        with pytest.raises(InvalidInput):
            session.mood.add(3, note=bad)
        with pytest.raises(InvalidInput):
            session.mood.add(3, activities=[bad])
    with pytest.raises(InvalidInput):
        session.journal.add(42)  # type: ignore[arg-type]
    assert session.journal.count() == 0 and session.mood.list() == []


def test_insert_exact_keeps_id_times_and_trash_state(session: Session) -> None:
    from peerjournal.domain.models import Entry, MoodLog

    mood = MoodLog("7b1f6c2e-4c59-4a57-9c55-0d5f0c1b2a01", at(3), 4, ("calm",), ("walk",), "")
    session.mood.insert_exact(mood)
    kept = Entry(
        "0f0e0d0c-0b0a-4908-8706-050403020100",
        at(3),
        at(4),
        "Old",
        "From jrnl",
        ("#Walk",),
        True,
        mood.id,
        None,
    )
    trashed = Entry(
        "1f0e0d0c-0b0a-4908-8706-050403020100", at(2), at(2), "", "gone", (), False, None, at(5)
    )
    session.journal.insert_exact(kept)
    session.journal.insert_exact(trashed)

    back = session.journal.get(kept.id)
    assert (back.id, back.created, back.updated, back.tags) == (kept.id, at(3), at(4), ("Walk",))
    assert back.starred and back.mood_id == mood.id and session.mood.get(mood.id) == mood
    assert [h.entry.id for h in session.journal.search("jrnl")] == [kept.id]
    assert [s.id for s in session.journal.list(trashed=True)] == [trashed.id]
    assert session.journal.tags() == [("Walk", 1)]


def test_insert_exact_refuses_naive_times_and_unknown_moods(session: Session) -> None:
    from peerjournal.domain.models import Entry

    naive = Entry("2f0e0d0c-0b0a-4908-8706-050403020100", datetime(2026, 1, 1), at(1),
                  "", "x", (), False, None, None)  # fmt: skip
    with pytest.raises(InvalidInput):
        session.journal.insert_exact(naive)
    orphan = Entry("3f0e0d0c-0b0a-4908-8706-050403020100", at(1), at(1),
                   "", "x", (), False, "no-such-mood", None)  # fmt: skip
    with pytest.raises(NotFound):
        session.journal.insert_exact(orphan)
    assert session.journal.count() == 0
