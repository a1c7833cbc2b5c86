"""The user's own lists of people and places, matched as whole words in any case."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from peerjournal.anonymise.findings import PLACEHOLDERS, Finding, make_finding

# Scripts written without spaces between words: no word boundary is required there.
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "HALFWIDTH")
_POSSESSIVE_S = re.compile(r"s(?![\w])")
#: Findings from the user's own lists beat the detectors' guesses on the same words.
USER_LIST_PRIORITY = 1


def is_word_char(ch: str) -> bool:
    """Letters, digits, underscore and combining marks (Devanagari vowel signs) are word parts."""
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _unspaced(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS)


def _clean_terms(terms: Iterable[str], parts: bool = True) -> list[str]:
    """Normalise a user list: trimmed, unique, multi-word names also by their longer parts."""
    placeholders = {p.strip("[]").casefold() for p in PLACEHOLDERS.values()}
    seen: dict[str, str] = {}
    for raw in terms:
        if not isinstance(raw, str):
            continue
        term = " ".join(unicodedata.normalize("NFC", raw).split())
        if not term:
            continue
        candidates = [term]
        words = term.split(" ")
        if parts and len(words) > 1:
            candidates += [w for w in words if len(w) >= 3]
        for candidate in candidates:
            key = candidate.casefold()
            if key not in placeholders and key not in seen:
                seen[key] = candidate
    return sorted(seen.values(), key=len, reverse=True)


class TermMatcher:
    """Finds a fixed list of names case-insensitively, as whole words, possessives included."""

    def __init__(self, terms: Iterable[str], kind: str, *, parts: bool = True) -> None:
        self.kind = kind
        cleaned = _clean_terms(terms, parts)
        self._pattern: re.Pattern[str] | None = None
        if cleaned:
            alternatives = "|".join(r"\s+".join(map(re.escape, t.split(" "))) for t in cleaned)
            self._pattern = re.compile(f"(?:{alternatives})", re.IGNORECASE)

    def find(self, text: str) -> Iterator[Finding]:
        """Every whole-word occurrence of a term in ``text``."""
        if self._pattern is None:
            return
        position = 0
        while True:
            match = self._pattern.search(text, position)
            if match is None:
                return
            start, end = match.start(), match.end()
            position = start + 1
            if start > 0 and not _unspaced(text[start]) and is_word_char(text[start - 1]):
                continue
            if end < len(text) and not _unspaced(text[end - 1]) and is_word_char(text[end]):
                genitive = _POSSESSIVE_S.match(text, end)  # German/Dutch "Annas"
                if genitive is None:
                    continue
                end = genitive.end()
            position = end
            yield make_finding(text, start, end, self.kind, priority=USER_LIST_PRIORITY)
