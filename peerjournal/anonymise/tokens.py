"""Words of a text with what the name, place and organisation detectors ask about them."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from peerjournal.anonymise.language import guess_language
from peerjournal.anonymise.lexicon import WORD_LOWER, lexicon
from peerjournal.anonymise.wordlists import HONORIFICS_AFTER, WELL_KNOWN_PHRASES, word_set

# A word: a letter, then letters or digits, optionally joined by an apostrophe or hyphen
# ("O'Neill", "Jean-Luc", "Aisha's", "Tanaka-san").  Possessive: linear, no backtracking.
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’\-](?=[^\W_]))*+")
_POSSESSIVE = ("'s", "’s", "'", "’")
_ELISION = re.compile(r"(?:[ldjmnstcLDJMNSTC]|qu|Qu|QU)['’](?=[^\W\d_])")
# Characters a sentence ends with; a capitalised word right after one is not suspicious.
_SENTENCE_END = frozenset(".!?…。！？\n\r:;\u2029")
_ABBREVIATIONS = frozenset(
    word_set(
        """
mr mrs ms mx dr prof st mt sr sra srta m mme mlle fr rev no nr vs jr sgt capt
"""
    )
)
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+$")
_PLACEHOLDER = re.compile(r"\[[A-Za-z][A-Za-z ]{1,18}\]")
_OPENERS = frozenset("\"'“‘«„([{*-–—•>#0123456789 \t\u00a0")


@dataclass(slots=True)
class Token:
    """One word: where it is, its base form (possessive and honorific suffix removed) and case."""

    start: int
    end: int  # end of the base: "Aisha" in "Aisha's", "Tanaka" in "Tanaka-san"
    text: str  # the whole word as written
    base: str
    key: str  # base, casefolded
    suffix: str  # a trailing honorific joined by a hyphen ("san"), casefolded, or ""
    possessive: bool
    capitalised: bool
    sentence_start: bool
    gap_before: str = ""  # the characters between the previous word and this one
    gap_after: str = ""
    heading: bool = False  # on a line written in title case
    placeholder: bool = False  # part of a placeholder such as "[ID number]"
    language: str = "en"  # the guessed language of the whole text


def at_sentence_start(text: str, start: int) -> bool:
    """True when only openers (quotes, bullets, spaces) lie between ``start`` and a sentence end.

    The full stop of an abbreviated title ("Dr.", "St.", "Mme.") ends no sentence.
    """
    index = start - 1
    skipped = 0
    while index >= 0:
        if text[index] == "]" and skipped < 3:  # an earlier redaction's placeholder: skip it
            opening = text.rfind("[", max(0, index - 20), index)
            if opening >= 0 and _PLACEHOLDER.fullmatch(text, opening, index + 1):
                index = opening - 1
                skipped += 1
                continue
        if text[index] not in _OPENERS or text[index] in "\n\r":
            break
        index -= 1
    if index < 0:
        return True
    if text[index] == "." and index > 0:
        word = _WORD_BEFORE.search(text, max(0, index - 8), index)
        if word is not None and word.group().casefold() in _ABBREVIATIONS:
            return False
    return text[index] in _SENTENCE_END


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` in order, with the gaps between them."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        word = match.group()
        start = match.start()
        quoted = "'" in word or "’" in word
        if quoted:
            elided = _ELISION.match(word)
            if elided is not None and (word[0] in "ld" or (word[0] in "L" and word[2:3].isupper())):
                # French "l'Hôpital", "d'Inès": the word after the apostrophe ("j'ai" stays)
                start += elided.end()
                word = word[elided.end() :]
        base = word
        possessive = False
        if quoted:
            for ending in _POSSESSIVE:
                if len(base) > len(ending) + 1 and base.endswith(ending):
                    base = base[: -len(ending)]
                    possessive = True
                    break
        suffix = ""
        if "-" in base:
            head, _dash, tail = base.rpartition("-")
            if head and tail.casefold() in HONORIFICS_AFTER:
                base, suffix = head, tail.casefold()
        key = base.casefold()
        tokens.append(
            Token(
                start=start,
                end=start + len(base),
                text=word,
                base=base,
                key=key,
                suffix=suffix,
                possessive=possessive,
                capitalised=base[0].isupper(),
                sentence_start=at_sentence_start(text, start),
            )
        )
    for before, after in itertools.pairwise(tokens):
        gap = text[before.start + len(before.text) : after.start]
        before.gap_after = gap
        after.gap_before = gap
    if tokens:
        tokens[0].gap_before = text[: tokens[0].start]
        last = tokens[-1]
        tokens[-1].gap_after = text[last.start + len(last.text) :]
    if "[" in text:
        spans = [m.span() for m in _PLACEHOLDER.finditer(text)]
        starts = [a for a, _ in spans]
        for token in tokens:
            k = bisect.bisect_left(starts, token.start) - 1
            token.placeholder = k >= 0 and token.start < spans[k][1]
    language = guess_language(t.key for t in tokens)
    for token in tokens:
        token.language = language
    _mark_headings(tokens, WORD_LOWER["en"] | WORD_LOWER[language])
    return tokens


def plain_gap(gap: str) -> bool:
    """True for a gap of one or two spaces (words in one phrase)."""
    return 0 < len(gap) <= 2 and gap.strip(" \u00a0") == ""


def _placeholder(token: Token) -> bool:
    """A word of a placeholder written by an earlier redaction ("[person]", "[ID number]")."""
    return token.placeholder


def _mark_headings(tokens: list[Token], ordinary_mask: int) -> None:
    """Set ``heading`` on the words of lines whose ordinary words are all capitalised.

    "Hard Talk With Mum About School": capitals there say nothing about names. Only
    ordinary words of the text's language (or English) that are not first names count, so
    names and placeholders never change the verdict.
    """
    words, names = lexicon().words, lexicon().first_names
    line_start = 0
    for index in range(len(tokens) + 1):
        if index < len(tokens) and (index == line_start or "\n" not in tokens[index].gap_before):
            continue
        line = tokens[line_start:index]
        ordinary = [
            t
            for t in line
            if len(t.base) > 3
            and not _placeholder(t)
            and (words.get(t.key) or 0) & ordinary_mask
            and t.key not in names
        ]
        # A placeholder stands for capitalised words: a redacted heading stays a heading,
        # so redacting again never finds more.
        placeholders = 3 * sum(_placeholder(t) for t in line)
        heading = len(ordinary) + placeholders >= 3 and all(t.capitalised for t in ordinary)
        for token in line:
            token.heading = heading
        line_start = index


def title_case_line(tokens: list[Token], index: int) -> bool:
    """True when ``tokens[index]`` is on a line written in title case (a heading)."""
    return tokens[index].heading


def place_end(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """``(last word index, flags)`` of the longest listed place starting at ``tokens[i]``."""
    places = lexicon().places
    for size in (3, 2, 1):
        last = i + size - 1
        if last >= len(tokens) or not all(plain_gap(tokens[k].gap_after) for k in range(i, last)):
            continue
        words = [t.text for t in tokens[i:last]] + [tokens[last].base]
        flags = places.get(" ".join(words))
        if flags is not None:
            return last, flags
    return None


_FAMOUS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        sorted(
            (re.escape(p).replace("\\ ", r"\s+") for p in WELL_KNOWN_PHRASES), key=len, reverse=True
        )
    )
    + r")(?!\w)",
    re.IGNORECASE,
)


def well_known_spans(text: str) -> list[tuple[int, int]]:
    """Where well-known multi-word names ("Harry Potter", "Paw Patrol") are in ``text``."""
    return [m.span() for m in _FAMOUS.finditer(text)]
