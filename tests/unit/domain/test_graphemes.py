"""Cuts between whole graphemes: every cut of every length lands on a boundary that the
regex module's \\X also finds, and is the longest one that fits."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.domain.graphemes import cut_end, start_at

PIECES = [
    "a",
    "e\u0301",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1e9\U0001f1ea",
    "\U0001f44d\U0001f3fd",
    "\u1100\u1161\u11a8",
    " ",
    "漢",
    "\r\n",
]


def _ends(text: str) -> list[int]:
    return [0, *(m.end() for m in regex.finditer(r"\X", text))]


@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 120))
def test_cut_end_is_the_longest_whole_start_that_fits(pieces: list[str], limit: int) -> None:
    text = "".join(pieces)
    cut = cut_end(text, limit)
    assert text.startswith(cut) and len(cut) <= max(limit, 0)
    assert len(cut) == max(end for end in _ends(text) if end <= limit)


@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 120))
def test_start_at_is_the_first_boundary_from_the_index(pieces: list[str], index: int) -> None:
    text = "".join(pieces)
    assert start_at(text, index) == min(end for end in _ends(text) if end >= min(index, len(text)))
