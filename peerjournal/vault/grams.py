"""Character grams for the scripts a word index cannot search: CJK, Thai, emoji.

SQLite's ``unicode61`` tokenizer splits text at spaces and punctuation. Chinese, Japanese
and Thai are written without spaces, so a whole clause becomes one token and ``中文`` never
finds "中文测试"; emoji are separators and are not indexed at all. For these characters
(:data:`GRAM_CHARS`) the vault keeps a second FTS5 index, ``entries_grams``, whose one
column holds, for every run of such characters in an entry:

- each *bigram* (two neighbouring characters) in order, then a break token ``z`` before
  the next run, so a phrase of bigrams matches exactly where those characters stand
  side by side (a substring, of any length from 2 up); and
- each distinct *unigram*, so a one-character query (``猫``, ``🙂``) is found too.

Tokens are the characters' code points in hex (``4e2d``, bigram ``4e2dx6587``) so FTS5's
``ascii`` tokenizer reads them unchanged whatever the script. The SQL function
``pj_grams(text)`` computes the column (registered on every vault connection; the index
triggers call it), and :func:`gram_query` turns a run of query characters into the MATCH
phrase. Variation selectors and joiners (U+FE0E/F, U+200D) are dropped on both sides, so
"❤️" and "❤" find each other.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

#: Characters searched by grams: CJK ideographs, kana, Hangul, Bopomofo, Yi, Thai, Lao,
#: Khmer, Myanmar, and symbols such as emoji (non-ASCII symbol categories So/Sk are
#: matched by :data:`_SYMBOL` below).
_SCRIPTS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u1100-\u11ff"  # Hangul Jamo
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3100-\u312f\u3130-\u318f\u31a0-\u31bf\u31f0-\u31ff"  # Bopomofo, Hangul compat, kana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\ua000-\ua4cf"  # Yi
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # half-width katakana
    "\U00020000-\U0003134f"  # CJK extensions B-H
)
_SYMBOLS = (
    "\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u2500-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\u3297\u3299"
    "\U0001f000-\U0001faff"  # emoji, pictographs, cards, dominoes
)
GRAM_CHARS = f"{_SCRIPTS}{_SYMBOLS}"
BREAK = "z"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(any gram character, a run of them, ignored joiners, a stretch that may hold gram
    characters), compiled on first use: the character classes take milliseconds to compile
    and most commands never need them."""
    return (
        re.compile(f"[{GRAM_CHARS}]"),
        re.compile(f"[{GRAM_CHARS}]+"),
        re.compile(f"[{_IGNORED}]"),
        # Every gram character is at or above U+0E00, so the full class (a long list of
        # ranges, slow to test per character) is only tried on stretches of such characters.
        re.compile("[^\x00-\u0dff]+"),
    )


_IGNORED = "\ufe0e\ufe0f\u200d"
#: A run's column part (its bigrams and the break) and its unigrams, by run: the same
#: words and emoji come back in entry after entry. Bounded: cleared when full.
_RUN_PARTS: dict[str, tuple[str, tuple[str, ...]]] = {}
_RUN_PARTS_MAX = 4096


def has_grams(text: str) -> bool:
    """Whether ``text`` holds any character searched by grams."""
    return not text.isascii() and _patterns()[0].search(text) is not None


def _hex(char: str) -> str:
    return format(ord(char), "x")


def runs(text: str) -> list[str]:
    """The runs of gram characters in ``text`` (joiners and variation selectors dropped)."""
    if text.isascii():
        return []
    _, run, ignored, wide = _patterns()
    if any(char in text for char in _IGNORED):
        text = ignored.sub("", text)
    return [found for stretch in wide.findall(text) for found in run.findall(stretch)]


def _run_parts(run: str) -> tuple[str, tuple[str, ...]]:
    parts = _RUN_PARTS.get(run)
    if parts is None:
        codes = tuple(_hex(char) for char in run)
        pairs = [f"{a}x{b}" for a, b in itertools.pairwise(codes)]
        parts = (" ".join([*pairs, BREAK]), codes)
        if len(_RUN_PARTS) >= _RUN_PARTS_MAX:
            _RUN_PARTS.clear()
        _RUN_PARTS[run] = parts
    return parts


def grams_column(text: str | None) -> str:
    """The ``entries_grams`` column for an entry's text (empty for most Latin text)."""
    if not text:
        return ""
    found = runs(text)
    if not found:
        return ""
    bigrams: list[str] = []
    unigrams: dict[str, None] = {}
    for run in found:
        pairs, codes = _run_parts(run)
        bigrams.append(pairs)
        unigrams.update(dict.fromkeys(codes))
    return " ".join(bigrams) + " " + " ".join(unigrams)


def gram_query(run: str) -> str:
    """The FTS5 MATCH phrase for one run of gram characters (as :func:`runs` gives)."""
    codes = [_hex(char) for char in run]
    if len(codes) == 1:
        return f'"{codes[0]}"'
    return '"' + " ".join(f"{a}x{b}" for a, b in itertools.pairwise(codes)) + '"'


def register(conn: object) -> None:
    """Make ``pj_grams(text)`` available on a connection (the index triggers use it).

    The insert and update triggers name ``pj_grams(...)`` once, but SQLite flattens their
    subquery and evaluates it twice per row (in the WHERE and in the select list), so the
    function remembers its last answer: the second call costs a string comparison.
    """
    last: list[Any] = [None, ""]

    def pj_grams(text: str | None) -> str:
        if text is not None and text == last[0]:
            return str(last[1])
        column = grams_column(text)
        last[0], last[1] = text, column
        return column

    conn.create_function(  # type: ignore[attr-defined]
        "pj_grams", 1, pj_grams, deterministic=True
    )
