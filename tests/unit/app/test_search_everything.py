"""Search that finds everything: AND/OR/NOT, parentheses, -word, CJK, Thai and emoji."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.app.session import Session
from peerjournal.domain.models import HIGHLIGHT_END, HIGHLIGHT_START
from peerjournal.vault import fts
from tests.helpers.vault import make_session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = make_session(tmp_path)
    yield s
    s.lock()


def found(session: Session, query: str, **filters: object) -> set[str]:
    """The titles a query finds."""
    return {h.entry.title for h in session.journal.search(query, limit=1000, **filters)}


@pytest.fixture
def walks(session: Session) -> Session:
    session.journal.add("We walked along. A walk by the river.", title="A")
    session.journal.add("A walk in the park.", title="B")
    session.journal.add("River rafting all afternoon.", title="C")
    session.journal.add("Rain all day and the cat and dog.", title="D")
    return session


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("walk river", {"A"}),
        ("walk AND river", {"A"}),
        ("walk OR river", {"A", "B", "C"}),
        ("walk NOT river", {"B"}),
        ("walk -river", {"B"}),
        ('walk -"the river"', {"B"}),
        ("(walk OR rain) -park", {"A", "D"}),
        ("(walk OR rain) NOT (park OR cat)", {"A"}),
        ("-walk", {"C", "D"}),
        ("NOT walk", {"C", "D"}),
        ("walk OR -river", {"A", "B", "D"}),
        ("-(walk OR river)", {"D"}),
        ("r*", {"A", "C", "D"}),
        ("walk and river", set()),  # lower-case "and" is a word (in D only, beside no walk)
        ("cat and dog", {"D"}),
    ],
)
def test_boolean_operators_parentheses_and_minus(
    walks: Session, query: str, titles: set[str]
) -> None:
    assert found(walks, query) == titles


def test_a_hyphen_inside_a_word_is_not_a_minus(session: Session) -> None:
    session.journal.add("My well-being matters.", title="W")
    assert found(session, "well-being") == {"W"}
    assert found(session, "-being") == set()


@pytest.fixture
def scripts(session: Session) -> Session:
    session.journal.add("今天是中文测试的日子", title="zh")
    session.journal.add("今日は公園を散歩した。", title="ja")
    session.journal.add("오늘 공원에서 산책했다", title="ko")
    session.journal.add("วันนี้ไปเดินเล่นที่สวน", title="th")
    session.journal.add("Felt 🙂 after the walk ❤️", title="emoji")
    session.journal.add("中文 文测", title="apart")  # the runs 中文 and 文测, not 中文测
    return session


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("中文", {"zh", "apart"}),
        ("中文测试", {"zh"}),
        ("文测", {"zh", "apart"}),
        ("中文测", {"zh"}),  # not "apart": its runs are separate
        ("测", {"zh", "apart"}),
        ("散歩", {"ja"}),
        ("公園", {"ja"}),
        ("산책", {"ko"}),
        ("เดิน", {"th"}),
        ("🙂", {"emoji"}),
        ("❤", {"emoji"}),  # without the variation selector
        ("❤️", {"emoji"}),
        ("🙂 walk", {"emoji"}),
        ("walk -🙂", set()),
        ("中文 OR 散歩", {"zh", "apart", "ja"}),
        ("中文 -测试", {"apart"}),
        ("中测", set()),
    ],
)
def test_cjk_thai_and_emoji_are_found_as_substrings(
    scripts: Session, query: str, titles: set[str]
) -> None:
    assert found(scripts, query) == titles


def test_cjk_snippets_mark_the_match(scripts: Session) -> None:
    [hit] = scripts.journal.search("中文测试")
    assert f"{HIGHLIGHT_START}中文测试{HIGHLIGHT_END}" in hit.snippet
    [hit] = scripts.journal.search("🙂 walk")
    assert f"{HIGHLIGHT_START}🙂{HIGHLIGHT_END}" in hit.snippet
    assert f"{HIGHLIGHT_START}walk{HIGHLIGHT_END}" in hit.snippet


def test_the_grams_index_follows_edits_trash_restore_and_purge(session: Session) -> None:
    entry = session.journal.add("猫が好き", title="cat")
    assert found(session, "猫") == {"cat"}
    session.journal.update(entry.id, body="犬が好き")
    assert found(session, "猫") == set() and found(session, "犬") == {"cat"}
    session.journal.delete(entry.id)
    assert found(session, "犬") == set()
    session.journal.restore(entry.id)
    assert found(session, "犬") == {"cat"}
    session.journal.update(entry.id, tags=["東京"])
    assert found(session, "東京") == {"cat"}
    session.journal.delete(entry.id)
    session.journal.purge(entry.id)
    assert found(session, "犬") == set()
    session.conn.execute("INSERT INTO entries_grams (entries_grams) VALUES ('integrity-check')")
    rows = session.conn.execute("SELECT count(*) FROM entries_grams").fetchone()[0]
    assert rows == 0


def test_filters_apply_to_every_plan(session: Session) -> None:
    session.journal.add("中文 walk", title="tagged", tags=["t"], starred=True)
    session.journal.add("中文 walk", title="plain")
    for query in ["中文", "walk", "walk 中文", "-rain"]:
        assert found(session, query, tag="t") == {"tagged"}, query
        assert found(session, query, starred=True) == {"tagged"}, query


# -- any text is a query, and the operators mean what they say ---------------------------

WORDS = ["walk", "river", "rain", "park"]
GRAMS = ["中文", "测试", "🙂"]
ENTRY_TEXTS = [
    "walk river",
    "walk park 中文",
    "river rain 测试 🙂",
    "rain",
    "park 中文测试",
    "walk rain park river 🙂",
    "nothing here",
    "中文",
]

Tree = tuple


def trees() -> st.SearchStrategy[Tree]:
    leaves = st.sampled_from(WORDS + GRAMS).map(lambda t: ("term", t))
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(st.just("and"), inner, inner),
            st.tuples(st.just("or"), inner, inner),
            st.tuples(st.just("not"), inner),
        ),
        max_leaves=6,
    )


def render(tree: Tree, style: int) -> str:
    kind = tree[0]
    if kind == "term":
        return str(tree[1])
    if kind == "not":
        inner = render(tree[1], style)
        return f"-({inner})" if style % 2 else f"(NOT {inner})"
    joiner = " AND " if kind == "and" else " OR "
    if kind == "and" and style % 3 == 0:
        joiner = " "
    return "(" + joiner.join(render(child, style) for child in tree[1:]) + ")"


def holds(tree: Tree, text: str) -> bool:
    kind = tree[0]
    if kind == "term":
        term = str(tree[1])
        return term in text.split() if term in WORDS else term in text
    if kind == "not":
        return not holds(tree[1], text)
    results = [holds(child, text) for child in tree[1:]]
    return all(results) if kind == "and" else any(results)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=trees(), style=st.integers(0, 5))
def test_boolean_queries_find_exactly_the_matching_entries(
    session: Session, tree: Tree, style: int
) -> None:
    if not session.journal.count():
        for number, text in enumerate(ENTRY_TEXTS):
            session.journal.add(text, title=str(number))
    expected = {str(n) for n, text in enumerate(ENTRY_TEXTS) if holds(tree, text)}
    assert found(session, render(tree, style)) == expected


OPERATOR_SOUP = [*'()"*-:^+{}NEAR/ ', "AND", "OR", "NOT", "walk", "中文", "🙂", "\x00", "\u202e"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(st.sampled_from(OPERATOR_SOUP), max_size=40))
def test_hostile_operator_soup_never_raises(session: Session, parts: list[str]) -> None:
    if not session.journal.count():
        session.journal.add("walk 中文 🙂 near", title="x", tags=["t"])
    query = "".join(parts)
    assert isinstance(session.journal.search(query), list)
    assert isinstance(session.journal.search(query, tag="t", starred=True), list)


def test_deep_nesting_and_many_terms_are_cut_not_raised(session: Session) -> None:
    session.journal.add("walk", title="w")
    assert isinstance(session.journal.search("(" * 500 + "walk" + ")" * 500), list)
    assert isinstance(session.journal.search(" OR ".join(["walk"] * 500)), list)
    assert isinstance(session.journal.search("-" * 100 + "walk"), list)
    tree = fts.parse(" ".join(f"w{i}" for i in range(100)))
    assert isinstance(tree, fts.And) and len(tree.children) == fts.MAX_TERMS
