"""People's names: a multi-cultural first-name list combined with what the words around say.

A word is taken for a name when it is a known first name (about 55,000, from 54 countries)
or when the context says "person": a title before it ("Mr", "Frau", "Mme", "Sra."), a title
after it ("Sharma sir", "Tanaka-san"), a verb ("told X", "X said"), a greeting ("Hey X"),
a possessive ("X's mum"), an apposition ("Okafor, our new coach"). Known names are replaced
by default; a known name that is also an ordinary word ("Will", "Mark", "Grace") needs the
context first, unless it is capitalised in the middle of a sentence; in lower case it needs
a verb one does to people ("texted jasmine"), not just "with" ("with grace"). A popular
first name that is also a town is replaced at the start of a sentence too (a town goes
anyway). German capitalises every noun, so there a word no list knows needs a cue before
it ("Frau X"), not only one after it ("Geburtstag und ich"). Capitalised words next to a
name join it ("Priya Sharma", "Sato Kenji"), so whole names go in one piece. Unknown
capitalised words with no context are only flagged. Well-known words (religions,
philosophers, films) are never replaced by default.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from peerjournal.anonymise.findings import Finding, make_finding
from peerjournal.anonymise.lexicon import (
    NAME_POPULARITY,
    PLACE_FIRST_NAME,
    WORD_ANY_LOWER,
    WORD_CAPITALISED,
    WORD_GERMAN_NOUN,
    WORD_LOWER,
    Lexicon,
    lexicon,
)
from peerjournal.anonymise.tokens import (
    Token,
    place_end,
    plain_gap,
    title_case_line,
    tokenize,
    well_known_spans,
)
from peerjournal.anonymise.wordlists import (
    CLITICS,
    CONTACT_VERBS,
    DETERMINERS,
    FIRST_PERSON,
    FORMAL_TITLES,
    GREETINGS,
    HONORIFICS_AFTER,
    HONORIFICS_BEFORE,
    MONTH_NAMES,
    MONTHS_AND_DAYS,
    NAMES_AMONG_STOP_WORDS,
    PERSON_AFTER,
    PERSON_BEFORE,
    PLACE_BEFORE,
    RELATIONS,
    SPEECH_AFTER,
    STOP_WORDS,
    STRONG_PLACE_BEFORE,
    WELL_KNOWN,
    word_set,
)

_MAX_EXTRA_WORDS = 2
# Japanese names written in Japanese, before an honorific: 田中さん, マリアちゃん, 佐藤先生.
_JAPANESE = re.compile(
    r"(?:[\u4e00-\u9fff\u3005]{1,4}|[\u30a0-\u30ff]{2,8})(?=(?:さん|くん|君|ちゃん|様|さま|先生|先輩))"
)

STRONG, WEAK, NONE = 2, 1, 0
_COORDINATION = re.compile(r"\s*(?:,|&|\+|and|or|und|oder|et|ou|y|o)\s*", re.IGNORECASE)
_POSSESSIVE_PRONOUNS = word_set("my our his her mein meine mon ma mi")
_AMBIGUOUS = 0x100  # found only without its accents


@dataclass
class _Context:
    """One text: its words, the dictionaries that count for it, the names found so far."""

    lex: Lexicon
    tokens: list[Token]
    ordinary_mask: int  # WORD_LOWER bits of English and the text's language
    german: bool
    people: set[int] = field(default_factory=set)  # indexes of words taken for names

    def flags(self, token: Token) -> int:
        """Dictionary flags of a word or of its stem (crude suffix stripping)."""
        flags = self.lex.words.get(token.key) or 0
        if flags & self.ordinary_mask:
            return flags
        for ending in ("s", "es", "ed", "ing", "en", "n", "e", "er", "ly"):
            if token.key.endswith(ending) and len(token.key) - len(ending) >= 3:
                found = self.lex.words.get(token.key[: -len(ending)])
                if found:
                    return flags | found
        return flags

    def ordinary(self, token: Token) -> bool:
        """True when the word is also an ordinary word of the text's language (or English)."""
        flags = self.flags(token)
        return bool(flags & self.ordinary_mask) or (self.german and bool(flags & WORD_GERMAN_NOUN))


def _never(tokens: list[Token], i: int, before: int, after: int) -> bool:
    """Words that are never names here: function words, months, one letter."""
    token = tokens[i]
    if len(token.base) < 2:
        return True
    if token.key in HONORIFICS_AFTER and not token.capitalised:
        return True
    if token.key in HONORIFICS_BEFORE and i + 1 < len(tokens):
        gap = token.gap_after
        if gap.strip(" .[") == "" and len(gap) <= 3:
            return True  # a title: "Frau" in "Frau Dr. Kessler" (or "Frau [person]")
    if token.key in STOP_WORDS:
        return not (
            token.key in NAMES_AMONG_STOP_WORDS
            and token.capitalised
            and (not token.sentence_start or after == STRONG)
        )
    if token.key in MONTHS_AND_DAYS:
        return not (token.key in MONTH_NAMES and token.capitalised and before == STRONG)
    return False


def _is_function_word(token: Token) -> bool:
    return token.key in STOP_WORDS or token.key in MONTHS_AND_DAYS or len(token.base) < 2


def _cue_before(tokens: list[Token], i: int, people: set[int]) -> int:
    """How strongly the words before ``tokens[i]`` say "person"."""
    if (
        i >= 2
        and tokens[i - 1].key in RELATIONS
        and tokens[i - 2].key in _POSSESSIVE_PRONOUNS
        and (plain_gap(tokens[i - 1].gap_after) or tokens[i - 1].gap_after.strip() == ",")
    ):
        return STRONG  # "my friend Siddharth", "my therapist, Rachel"
    if i == 0:
        return NONE
    prev = tokens[i - 1]
    gap = prev.gap_after
    titled = (
        prev.key in HONORIFICS_BEFORE
        and gap.strip(" .") == ""
        and len(gap) <= 3
        # "la prof était": a noun, but "La Sra. Ortega": a title
        and not (i >= 2 and tokens[i - 2].key in DETERMINERS and not tokens[i].capitalised)
    )
    if titled and (tokens[i].capitalised or prev.key in FORMAL_TITLES):
        return STRONG
    coordinated = (
        prev.key in {"and", "und", "et", "y", "&", "or", "oder", "ou", "o"}
        and i - 2 in people
        and tokens[i - 2].capitalised == tokens[i].capitalised
    )
    if coordinated or (tokens[i].capitalised and gap.strip() == "," and i - 1 in people):
        return STRONG  # "Yuki and Haruto", "Ravi, Dev", "jessica and tom"
    if not plain_gap(gap) and gap.strip() not in {",", ""}:
        return NONE
    if prev.key in PERSON_BEFORE and plain_gap(gap):
        return STRONG
    if prev.key in GREETINGS and (prev.sentence_start or i == 1):
        return STRONG
    if prev.key in {"and", "und", "et", "y", "&"} and i >= 2 and tokens[i - 2].key in FIRST_PERSON:
        return STRONG  # "me and X"
    if prev.key in {"a"} and i >= 2 and tokens[i - 2].key in {"vi", "llamé", "conocí", "dije"}:
        return STRONG  # Spanish personal "a": "vi a Lucía"
    return NONE


def _cue_after(tokens: list[Token], i: int) -> int:
    """How strongly the words after ``tokens[i]`` say "person"."""
    token = tokens[i]
    if token.suffix:
        return STRONG  # Tanaka-san
    if token.possessive:
        return WEAK
    if i + 1 >= len(tokens):
        return NONE
    nxt = tokens[i + 1]
    gap = token.gap_after
    if not plain_gap(gap):
        if gap.strip() == "," and _apposition(tokens, i + 1):
            return STRONG  # "Kowalski, my new line manager, …", "Rachel, her therapist"
        if gap.startswith(",") and token.sentence_start:
            return WEAK  # "Priya, I'm sorry"
        return NONE
    if nxt.key in HONORIFICS_AFTER:
        return STRONG
    if nxt.key in {"and", "und", "et", "y"} and i + 2 < len(tokens):
        return STRONG if tokens[i + 2].key in FIRST_PERSON else NONE
    if nxt.key in CLITICS and i + 2 < len(tokens) and plain_gap(nxt.gap_after):
        nxt = tokens[i + 2]  # "Javier me dijo", "Lena hat mir geschrieben"
    if nxt.key in SPEECH_AFTER and not nxt.capitalised:
        return STRONG
    if nxt.key in PERSON_AFTER and not nxt.capitalised:
        return WEAK
    return NONE


def _apposition(tokens: list[Token], j: int) -> bool:
    """``tokens[j:]`` read "my (new) friend": a person word after a possessive."""
    if j >= len(tokens) or tokens[j].key not in _POSSESSIVE_PRONOUNS:
        return False
    for k in range(j + 1, min(j + 4, len(tokens))):
        if tokens[k].key in RELATIONS:
            return True
        if not plain_gap(tokens[k - 1].gap_after):
            return False
    return False


def _place_context(tokens: list[Token], i: int) -> bool:
    """A listed place right after "in/from/near…": the place detector's word, not ours.

    A place that is also a first name ("Sofia", "Florence") after a weak word ("a", "to")
    stays a name: "vi a Sofía", "talked to Florence".
    """
    if i == 0 or tokens[i - 1].key not in PLACE_BEFORE or tokens[i - 1].key in PERSON_BEFORE:
        return False
    found = place_end(tokens, i)
    if found is None:
        return False
    return not found[1] & PLACE_FIRST_NAME or tokens[i - 1].key in STRONG_PLACE_BEFORE


def _first_name(lex: Lexicon, token: Token) -> int | None:
    """The first-name attributes of a word, trying it without accents too ("Zoë" as "Zoe").

    A name found only without its accents counts as ambiguous: "Salí" (I went out) is not
    "Sali".
    """
    found = lex.first_names.get(token.key)
    if found is None and not token.key.isascii():
        plain = "".join(
            ch for ch in unicodedata.normalize("NFD", token.key) if not unicodedata.combining(ch)
        )
        found = lex.first_names.get(plain)
        if found is not None:
            found |= _AMBIGUOUS
    return found


def _strength(ctx: _Context, i: int) -> bool | None:
    """Whether ``tokens[i]`` starts a name: True (high confidence), False (low) or None."""
    tokens, lex = ctx.tokens, ctx.lex
    token = tokens[i]
    before = _cue_before(tokens, i, ctx.people)
    after = _cue_after(tokens, i)
    if _never(tokens, i, before, after):
        return None
    name = _first_name(lex, token)
    shouted = token.base.isupper() and len(token.base) > 1
    if shouted and (
        len(token.base) <= 3 or name is None or name & _AMBIGUOUS or ctx.ordinary(token)
    ):
        return None  # an acronym ("PIN", "GCSE"), not a shouted name
    titled = i > 0 and tokens[i - 1].key in HONORIFICS_BEFORE and before == STRONG
    honorific = (
        token.suffix != ""
        or titled
        or (after == STRONG and i + 1 < len(tokens) and tokens[i + 1].key in HONORIFICS_AFTER)
    )
    if honorific:
        if token.capitalised or name is not None or not ctx.ordinary(token):
            return True
        return None  # "I miss seeing", "nana sent me"
    cue = max(before, after)
    if token.key in WELL_KNOWN:
        return False if before == STRONG and token.capitalised else None
    if _place_context(tokens, i) and before != STRONG:
        return None
    mid_sentence = token.capitalised and not token.sentence_start
    determiner = i > 0 and tokens[i - 1].key in DETERMINERS and plain_gap(tokens[i - 1].gap_after)
    if name is not None and name & NAME_POPULARITY:
        return _known_name(ctx, i, name, before, after)
    # not a known first name
    if not token.capitalised:
        # "texted ishaan": a lower-case word no dictionary knows, after a person word: ask
        if before == STRONG and len(token.base) >= 3 and not ctx.flags(token):
            return False
        return None
    if determiner:
        return None
    flags = ctx.flags(token)
    if cue == STRONG and not flags & ctx.ordinary_mask:
        # German capitalises every noun: "Geburtstag und ich" is no name, "Frau X" is
        return before == STRONG or not ctx.german
    if mid_sentence and not flags and not token.base.isupper():
        return False
    if after and not flags and not token.base.isupper():
        return False  # "Ishaan keeps copying": maybe a name, ask
    if token.possessive and not flags & ctx.ordinary_mask and not token.sentence_start:
        return False
    return None


def _known_name(ctx: _Context, i: int, name: int, before: int, after: int) -> bool | None:
    """The verdict on a listed first name, by how ambiguous it is and its context."""
    tokens = ctx.tokens
    token = tokens[i]
    cue = max(before, after)
    popularity = name & NAME_POPULARITY
    flags = ctx.flags(token)
    if not token.capitalised:
        if name & _AMBIGUOUS or flags & WORD_ANY_LOWER:
            if before == STRONG and popularity >= 4 and _contacted(tokens, i):
                return True  # "texted jasmine": one texts people, not flowers
            return False if cue == STRONG else None  # "told mark", "with grace": maybe
        if cue:
            return True
        if popularity >= 3 and len(token.base) >= 4:
            return True
        return False if len(token.base) >= 3 else None
    mid_sentence = not token.sentence_start
    determiner = i > 0 and tokens[i - 1].key in DETERMINERS and plain_gap(tokens[i - 1].gap_after)
    if determiner and (flags & (ctx.ordinary_mask | WORD_GERMAN_NOUN) or name & _AMBIGUOUS):
        return None  # "the Rose", "die Rose"
    also_place = token.key in ctx.lex.places
    if name & _AMBIGUOUS or flags & ctx.ordinary_mask:
        if mid_sentence and not ctx.german and not title_case_line(tokens, i):
            return True
        return cue == STRONG or (cue == WEAK and token.possessive)
    if ctx.german and flags & WORD_GERMAN_NOUN:
        return cue > NONE or (popularity >= 5 and mid_sentence)
    if also_place and cue < STRONG and not mid_sentence and not token.possessive:
        # "Paris was beautiful": the city, or a friend called Paris. A popular first name
        # ("Lena hat…", "Leon on the other hand…") goes either way: a town goes too.
        return popularity >= 6
    if also_place and not cue and i > 0 and tokens[i - 1].gap_after.strip(" []") == ",":
        return False  # "…Baker Street, London": a town after a comma
    return mid_sentence or cue > NONE or popularity >= 3


def _contacted(tokens: list[Token], i: int) -> bool:
    """The word before ``tokens[i]`` is a verb one does to people ("texted", "told")."""
    return i > 0 and plain_gap(tokens[i - 1].gap_after) and tokens[i - 1].key in CONTACT_VERBS


def _joins(ctx: _Context, seed: Token, other: Token, gap: str) -> bool:
    """True when ``other`` is part of the same name as ``seed`` (a family or middle name)."""
    if not plain_gap(gap) or _is_function_word(other) or other.key in WELL_KNOWN:
        return False
    if other.key in HONORIFICS_BEFORE or other.key in HONORIFICS_AFTER:
        return False
    if seed.capitalised:
        if not other.capitalised or (other.base.isupper() and len(other.base) > 3):
            return False
        if other.key in ctx.lex.first_names:
            return True
        flags = ctx.flags(other)
        if ctx.german and flags & WORD_GERMAN_NOUN and not flags & WORD_CAPITALISED:
            return False  # "Jonas Kuchen"? no: "Kuchen" is cake
        return not flags & WORD_ANY_LOWER or bool(flags & WORD_CAPITALISED)
    if other.capitalised or "'" in other.text or "’" in other.text:
        return False
    if other.start < seed.start and other.key not in ctx.lex.first_names:
        return False  # lower case: only a family name after the first name ("priya sharma")
    return len(other.base) >= 3 and not ctx.flags(other) and other.key not in ctx.lex.places


def find_people(text: str, tokens: list[Token] | None = None) -> Iterator[Finding]:
    """Names of people in ``text``, whole names in one finding (``tokens``: its words)."""
    tokens = tokenize(text) if tokens is None else tokens
    language = tokens[0].language if tokens else "en"
    ctx = _Context(
        lex=lexicon(),
        tokens=tokens,
        ordinary_mask=WORD_LOWER["en"] | WORD_LOWER[language],
        german=language == "de",
    )
    people = ctx.people
    famous = well_known_spans(text)
    found: list[Finding] = []
    i = floor = 0  # a name never reaches back into the one before it
    while i < len(tokens):
        high = _strength(ctx, i)
        if high is None:
            i += 1
            continue
        first = last = i
        while last + 1 < len(tokens) and last - first < _MAX_EXTRA_WORDS:
            if tokens[last].possessive or tokens[last].suffix:
                break
            if not _joins(ctx, tokens[i], tokens[last + 1], tokens[last].gap_after):
                break
            last += 1
        while (
            first > floor and last - first < _MAX_EXTRA_WORDS and not tokens[first].sentence_start
        ):
            left = tokens[first - 1]
            if left.possessive or left.suffix or not _joins(ctx, tokens[i], left, left.gap_after):
                break
            if left.sentence_start and ctx.ordinary(left):
                break  # "Met Priya": a verb at the start of the sentence
            if _place_context(tokens, first - 1):
                break  # "at Victor Priya": the place detector's word
            first -= 1
        start, end = tokens[first].start, tokens[last].end
        if any(s < end and start < e for s, e in famous):
            i = last + 1
            continue
        if last > first:
            high = True  # two name-like words side by side: a whole name
        if high:
            people.update(range(first, last + 1))
        found.append(make_finding(text, start, end, "person", auto=high))
        i = floor = last + 1
    # A word taken for a name is a name everywhere in the text, with its best confidence
    # ("Bob was kind" after "I saw Bob").
    best: dict[str, bool] = {}
    for finding in found:
        key = finding.text.casefold()
        best[key] = best.get(key, False) or finding.auto
    covered = {f.start for f in found}
    for token in tokens:
        if token.capitalised and token.key in best and token.start not in covered:
            found.append(make_finding(text, token.start, token.end, "person", auto=best[token.key]))
    found.sort(key=lambda f: f.start)
    # "Isla and Ruby", "Sneha and Aditya": a name joined by "and" to a sure name is sure too.
    for _round in range(2):
        for k, finding in enumerate(found):
            if finding.auto:
                continue
            neighbours = [
                other
                for other in found[max(0, k - 1) : k] + found[k + 1 : k + 2]
                if other.auto
                and _COORDINATION.fullmatch(
                    text, min(other.end, finding.end), max(other.start, finding.start)
                )
            ]
            if neighbours or best.get(finding.text.casefold()):
                found[k] = make_finding(text, finding.start, finding.end, "person")
    yield from found
    for match in _JAPANESE.finditer(text):
        yield make_finding(text, match.start(), match.end(), "person")
