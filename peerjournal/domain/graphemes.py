"""Cutting text only between whole graphemes (a letter with its accents, a flag, an emoji
with its skin tone or its ZWJ sequence), so a shortened line never ends in half a letter.

Uses the ``regex`` module's ``\\X`` (extended grapheme clusters, UAX #29), loaded only when
a text is actually cut: most lines are short enough to be shown whole.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: How far past a cut point a grapheme is looked for (longer clusters are cut before).
_LOOKAHEAD = 64


@lru_cache(maxsize=1)
def _cluster() -> Any:
    import regex

    return regex.compile(r"\X")


def cut_end(text: str, limit: int) -> str:
    """The longest start of ``text`` that has at most ``limit`` code points and ends
    between two graphemes."""
    if len(text) <= limit:
        return text
    end = 0
    for match in _cluster().finditer(text, 0, limit + _LOOKAHEAD):
        if match.end() > limit:
            break
        end = match.end()
    return text[:end]


def start_at(text: str, index: int) -> int:
    """The first grapheme boundary at or after ``index`` in ``text``."""
    if index <= 0:
        return 0
    if index >= len(text):
        return len(text)
    begin = max(0, index - _LOOKAHEAD)
    for match in _cluster().finditer(text, begin):
        if match.start() >= index:
            return int(match.start())
        if match.end() >= index:
            return int(match.end())
    return len(text)
