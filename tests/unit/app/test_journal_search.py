"""Full-text search: ranking, snippets, prefixes, phrases, filters and hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.app.session import Session
from peerjournal.domain.models import HIGHLIGHT_END, HIGHLIGHT_START
from peerjournal.vault import fts
from tests.helpers.vault import make_session

TZ = timezone(timedelta(hours=-5))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = make_session(tmp_path)
    yield s
    s.lock()


def at(day: int) -> datetime:
    return datetime(2026, 5, day, 9, 30, tzinfo=TZ)


def test_title_match_ranks_above_body_match(session: Session) -> None:
    body_only = session.journal.add("I went on a long walk along the river today.", title="Tuesday")
    in_title = session.journal.add("Nothing much happened.", title="Walk")
    session.journal.add("Unrelated text about exams.", title="Exams")
    hits = session.journal.search("walk")
    assert [h.entry.id for h in hits] == [in_title.id, body_only.id]
    assert hits[0].rank <= hits[1].rank


def test_more_occurrences_rank_higher(session: Session) -> None:
    once = session.journal.add("anxious once, then other words " + "filler " * 20)
    thrice = session.journal.add("anxious anxious anxious " + "filler " * 20)
    assert [h.entry.id for h in session.journal.search("anxious")] == [thrice.id, once.id]


def test_snippet_highlights_body_match(session: Session) -> None:
    session.journal.add(
        "The morning was slow. Later I walked to the library and felt calmer.", title="Notes"
    )
    [hit] = session.journal.search("library")
    assert f"{HIGHLIGHT_START}library{HIGHLIGHT_END}" in hit.snippet
    assert hit.entry.title == "Notes"


def test_prefix_terms_and_phrases(session: Session) -> None:
    walking = session.journal.add("walking in the rain")
    walked = session.journal.add("we walked home")
    other = session.journal.add("wall of text and a long day")
    assert session.journal.search("walk") == []
    assert {h.entry.id for h in session.journal.search("walk*")} == {walking.id, walked.id}
    assert {h.entry.id for h in session.journal.search("wal*")} == {walking.id, walked.id, other.id}
    assert [h.entry.id for h in session.journal.search('"long day"')] == [other.id]
    assert session.journal.search('"day long"') == []


def test_all_terms_must_match(session: Session) -> None:
    both = session.journal.add("exam stress and sleep")
    session.journal.add("exam only")
    assert [h.entry.id for h in session.journal.search("exam sleep")] == [both.id]


def test_case_and_diacritics_insensitive(session: Session) -> None:
    entry = session.journal.add("Ich war im Café, sehr müde.")
    assert [h.entry.id for h in session.journal.search("cafe")] == [entry.id]
    assert [h.entry.id for h in session.journal.search("MUDE")] == [entry.id]
    decomposed = session.journal.add("Un cafe\u0301 au lait")
    for query in ("caf\u00e9", "cafe\u0301", "CAFÉ"):
        found = {h.entry.id for h in session.journal.search(query)}
        assert found == {entry.id, decomposed.id}


def test_tags_are_searchable_and_filterable(session: Session) -> None:
    tagged = session.journal.add("a day", tags=["gratitude"])
    untagged = session.journal.add("a day too")
    assert [h.entry.id for h in session.journal.search("gratitude")] == [tagged.id]
    assert {h.entry.id for h in session.journal.search("day")} == {tagged.id, untagged.id}
    assert [h.entry.id for h in session.journal.search("day", tag="Gratitude")] == [tagged.id]


def test_date_filters(session: Session) -> None:
    ids = {day: session.journal.add(f"sleep log {day}", created=at(day)).id for day in range(1, 8)}
    hits = session.journal.search("sleep", since=date(2026, 5, 3), until=date(2026, 5, 4))
    assert {h.entry.id for h in hits} == {ids[3], ids[4]}
    assert session.journal.search("sleep", since=date(2026, 6, 1)) == []


def test_paging_and_limit(session: Session) -> None:
    for i in range(12):
        session.journal.add(f"tea number {i}")
    first = session.journal.search("tea", limit=5)
    second = session.journal.search("tea", limit=5, offset=5)
    assert len(first) == 5 and len(second) == 5
    assert not {h.entry.id for h in first} & {h.entry.id for h in second}
    assert session.journal.search("tea", limit=0) == []


def test_edits_and_purge_update_the_index(session: Session) -> None:
    entry = session.journal.add("original wording")
    session.journal.update(entry.id, body="changed wording")
    assert session.journal.search("original") == []
    assert [h.entry.id for h in session.journal.search("changed")] == [entry.id]
    session.journal.delete(entry.id)
    session.journal.purge(entry.id)
    assert session.journal.search("wording") == []
    check = session.conn.execute(
        "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)"
    )
    assert check is not None


HOSTILE = [
    "",
    "   ",
    '"',
    '""',
    '"unclosed phrase',
    "NEAR(walk rain, 2)",
    "title:walk",
    "body : walk",
    "walk OR rain",
    "NOT walk",
    "AND",
    "(((",
    ")",
    "*",
    "walk**",
    "^walk",
    "+walk",
    "-walk",
    "{title body}: walk",
    "walk\x00rain",
    "'; DROP TABLE entries; --",
    "日本語",
    "🙂 walk",
    "ﬁ ligature",
    "a" * 5000,
    "\u202e reversed",
    "x:" * 100,
    "\ud800 lone surrogate",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(session: Session, query: str) -> None:
    session.journal.add("walk in the rain 🙂 日本語", title="title: walk")
    hits = session.journal.search(query)
    assert isinstance(hits, list)
    assert session.journal.count() == 1


def test_operator_words_are_searched_literally(session: Session) -> None:
    near = session.journal.add("the shop near the station")
    session.journal.add("the station")
    assert [h.entry.id for h in session.journal.search("near")] == [near.id]
    assert [h.entry.id for h in session.journal.search("NEAR station")] == [near.id]


def test_empty_query_returns_nothing(session: Session) -> None:
    session.journal.add("something")
    assert session.journal.search("") == []
    assert session.journal.search("!!! ---") == []
    assert fts.parse("  ") is None


def test_parse_terms() -> None:
    assert fts.parse('walk* "long day" rain') == fts.And(
        (
            fts.Term("walk", "words", prefix=True),
            fts.Term("long day", "words", phrase=True),
            fts.Term("rain", "words"),
        )
    )
    assert fts.parse('"half open*') == fts.Term("half open*", "words", phrase=True)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60))
def test_any_text_is_a_valid_query(session: Session, query: str) -> None:
    if not session.journal.count():
        session.journal.add("walk in the rain", title="rain", tags=["weather"])
    assert isinstance(session.journal.search(query), list)


def test_trash_leaves_and_restore_returns_to_index(session: Session) -> None:
    entry = session.journal.add("marmalade sandwich", tags=["food"])
    session.journal.delete(entry.id)
    assert session.journal.search("marmalade") == []
    session.journal.update(entry.id, body="marmalade toast")  # edited while in the trash
    assert session.journal.search("toast") == []
    session.journal.restore(entry.id)
    assert [h.entry.id for h in session.journal.search("toast")] == [entry.id]
    assert session.journal.search("sandwich") == []
    session.conn.execute(
        "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)"
    )


def test_common_terms_rank_within_the_newest_window(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.app import search as journal_module

    monkeypatch.setattr(journal_module, "RANK_WINDOW", 5)
    old_title_hit = session.journal.add("x", title="pebble", tags=["beach"])
    newer = [session.journal.add(f"pebble {i}", tags=["beach"] if i < 2 else []) for i in range(8)]
    hits = session.journal.search("pebble", limit=5)
    # Only the newest five matches are ranked when no filter narrows the search.
    assert {h.entry.id for h in hits} == {e.id for e in newer[-5:]}
    # Paging beyond the window ranks every match again.
    assert session.journal.search("pebble", limit=50)[0].entry.id == old_title_hit.id
    # The window counts matches that pass the filters: all three tagged ones are ranked.
    hits = session.journal.search("pebble", tag="beach", limit=5)
    assert hits[0].entry.id == old_title_hit.id and len(hits) == 3
    hits = session.journal.search("pebble", since=date(2000, 1, 1), limit=5)
    assert {h.entry.id for h in hits} == {e.id for e in newer[-5:]}


@pytest.mark.parametrize("dense", [True, False])
def test_date_filter_paths_agree(
    session: Session, monkeypatch: pytest.MonkeyPatch, dense: bool
) -> None:
    from peerjournal.app import search as journal_module

    monkeypatch.setattr(journal_module, "DENSE_FILTER", 0 if dense else 10_000)
    ids = {day: session.journal.add(f"tide log {day}", created=at(day)).id for day in range(1, 8)}
    session.journal.delete(ids[4])
    hits = session.journal.search("tide", since=date(2026, 5, 3), until=date(2026, 5, 5))
    assert {h.entry.id for h in hits} == {ids[3], ids[5]}
    hits = session.journal.search("tide", until=date(2026, 5, 2))
    assert {h.entry.id for h in hits} == {ids[1], ids[2]}
