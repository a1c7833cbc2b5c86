"""File names of the Markdown folder export: safe, short enough, unique where it counts."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from peerjournal.exporters.markdown import MAX_SLUG, FileNames, slug


def test_ascii_and_unicode_titles_give_the_same_kind_of_slug() -> None:
    assert slug("  Evening, at the park!! ") == "evening-at-the-park"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("CON") == "con"
    assert slug("Ünïcode — dash") == "ünïcode-dash"
    assert slug("今日は晴れ") == "今日は晴れ"
    assert slug("😀 🎉") == "entry" and slug("") == "entry"
    assert slug("\u0301-0") == "0", "a mark cut loose at the start goes, and the hyphen too"


def test_a_title_of_four_byte_letters_stays_below_the_file_name_limit() -> None:
    title = "\U00020000" * 100  # CJK extension B: letters of four UTF-8 bytes each
    names = FileNames()
    first = names.name_for_day("2024-05-31", title)
    for _ in range(99_998):
        last = names.name_for_day("2024-05-31", title)
    assert last.endswith("-99999.md")
    assert len(first.encode()) <= 255 and len(last.encode()) <= 255


def test_names_differing_only_in_case_or_unicode_form_do_not_share_a_file() -> None:
    names = FileNames()
    got = [
        names.name_for_day("2024-05-31", title)
        for title in ("Evening", "EVENING", "Evening 2", "Café", "Cafe\u0301", "CAFÉ")
    ]
    assert got == [
        "2024-05-31-evening.md",
        "2024-05-31-evening-2.md",
        "2024-05-31-evening-2-2.md",
        "2024-05-31-café.md",
        "2024-05-31-café-2.md",
        "2024-05-31-café-3.md",
    ]
    assert all(unicodedata.is_normalized("NFC", name) for name in got)
    # the same day and title on another day is free again
    assert names.name_for_day("2024-06-01", "Evening") == "2024-06-01-evening.md"


@given(st.lists(st.text(max_size=80), min_size=1, max_size=30))
def test_any_titles_give_distinct_safe_names(titles: list[str]) -> None:
    names = FileNames()
    made = [names.name_for_day("2024-05-31", title) for title in titles]
    nfd = unicodedata.normalize
    folded = {nfd("NFD", nfd("NFD", name).casefold()) for name in made}
    assert len(folded) == len(made)
    for name in made:
        stem = name.removeprefix("2024-05-31-").removesuffix(".md")
        assert stem and not stem.startswith("-") and "/" not in name and "\\" not in name
        assert not name.startswith(".") and len(name.encode()) <= 255
        assert len(stem) <= MAX_SLUG + len("-30")
