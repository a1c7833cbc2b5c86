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
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(any gram character, a run of them, ignored joiners), compiled on first use: the
    character classes take milliseconds to compile and most commands never need them."""
    return (
        re.compile(f"[{GRAM_CHARS}]"),
        re.compile(f"[{GRAM_CHARS}]+"),
        re.compile("[\ufe0e\ufe0f\u200d]"),
    )


def has_grams(text: str) -> bool:
    """Whether ``text`` holds any character searched by grams."""
    return _patterns()[0].search(text) is not None


def _hex(char: str) -> str:
    return format(ord(char), "x")


def runs(text: str) -> list[str]:
    """The runs of gram characters in ``text`` (joiners and variation selectors dropped)."""
    _, run, ignored = _patterns()
    return run.findall(ignored.sub("", text))


def grams_column(text: str | None) -> str:
    """The ``entries_grams`` column for an entry's text (empty for most Latin text)."""
    if not text or _patterns()[0].search(text) is None:
        return ""
    bigrams: list[str] = []
    unigrams: dict[str, None] = {}
    for run in runs(text):
        codes = [_hex(char) for char in run]
        unigrams.update(dict.fromkeys(codes))
        bigrams.extend(f"{a}x{b}" for a, b in itertools.pairwise(codes))
        bigrams.append(BREAK)
    return " ".join(bigrams) + " " + " ".join(unigrams)


def gram_query(run: str) -> str:
    """The FTS5 MATCH phrase for one run of gram characters (as :func:`runs` gives)."""
    codes = [_hex(char) for char in run]
    if len(codes) == 1:
        return f'"{codes[0]}"'
    return '"' + " ".join(f"{a}x{b}" for a, b in itertools.pairwise(codes)) + '"'


def register(conn: object) -> None:
    """Make ``pj_grams(text)`` available on a connection (the index triggers use it)."""
    conn.create_function(  # type: ignore[attr-defined]
        "pj_grams", 1, grams_column, deterministic=True
    )
