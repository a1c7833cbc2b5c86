"""Schools, clinics, workplaces and towns, each as one span.

- A capitalised run ending in an organisation word ("St Bede's Catholic High School",
  "Beechwood Medical Centre", "Halden & Moore Ltd", "Goethe-Gymnasium");
- an organisation word followed by its name ("University of Sheffield", "Lycée Victor Hugo",
  "Colegio San Ignacio", "Praxis am Rosengarten");
- a capitalised run after a workplace cue ("shift at Greggs", "stage chez Vernier");
- a town from the gazetteer after "in/at/near/from/to…" ("moved to Kettering").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from peerjournal.anonymise.findings import Finding, make_finding
from peerjournal.anonymise.lexicon import PLACE_AMBIGUOUS, WORD_ANY_LOWER, lexicon
from peerjournal.anonymise.tokens import (
    Token,
    place_end,
    plain_gap,
    title_case_line,
    tokenize,
    well_known_spans,
)
from peerjournal.anonymise.wordlists import (
    DETERMINERS,
    MONTHS_AND_DAYS,
    PLACE_BEFORE,
    STOP_WORDS,
    WELL_KNOWN,
    WORKPLACE_CUES,
    word_set,
)

# Words that end an organisation's name, with the category they give.
_SUFFIXES: dict[str, str] = {
    **dict.fromkeys(
        word_set(
            """
school academy high college university uni polytechnic institute gakuen vidyalaya
convent seminary conservatoire conservatory nursery kindergarten kita
"""
        ),
        "school",
    ),
    **dict.fromkeys(
        word_set(
            """
hospital clinic infirmary surgery centre center practice hospice sanatorium klinik
klinikum krankenhaus praxis
"""
        ),
        "clinic",
    ),
    **dict.fromkeys(
        word_set(
            """
ltd ltd. limited llc llp inc inc. corp corp. corporation plc gmbh ag kg ug sarl sas
sa s.a. sl s.l. srl bv nv co co. company group
"""
        ),
        "workplace",
    ),
}
# Words that may stand inside such a name before its last word ("High" in "High School").
_INNER = frozenset(
    word_set(
        """
primary secondary junior infant infants grammar catholic cofe sixth form community
medical health general royal memorial public international girls boys state county
district city national free comprehensive technical children's childrens dental of &
and the st st. saint de du des la le del y und am an der
"""
    )
)
# "centre"/"center" only make a clinic after a health word; alone they are a place.
_CENTRE_NEEDS = frozenset(["medical", "health", "dental", "wellbeing", "wellness"])
# Organisation words that come first: "University of Leeds", "Lycée Victor Hugo".
_PREFIXES: dict[str, str] = {
    **dict.fromkeys(
        word_set(
            """
university universität universidad université lycée collège college école escuela
colegio instituto ies gymnasium gesamtschule realschule grundschule hauptschule
schule iit nit iiit iim
"""
        ),
        "school",
    ),
    **dict.fromkeys(
        word_set(
            """
hospital hôpital hopital clínica clinica clinique klinikum klinik krankenhaus praxis
chu aiims
"""
        ),
        "clinic",
    ),
}
_PARTICLES = frozenset(
    word_set(
        """
of de del du des d' la las los am an der im di della do da
"""
    )
)
_GERMAN_COMPOUNDS = {"gymnasium": "school", "schule": "school", "klinik": "clinic",
                     "klinikum": "clinic", "krankenhaus": "clinic", "universität": "school",
                     "hochschule": "school", "akademie": "school"}  # fmt: skip
_MAX_RUN = 5
_SMALL_NUMBER = re.compile(r" \d{1,3} ")


def _ordinary(token: Token) -> bool:
    """An ordinary lower-case word of a dictionary (when written in lower case)."""
    return (
        bool((lexicon().words.get(token.key) or 0) & WORD_ANY_LOWER)
        and token.key not in lexicon().places
    )


def _org_gap(gap: str) -> bool:
    """Words of one organisation's name: a space, " & ", " and ", or a small number ("Studio 7")."""
    return (
        plain_gap(gap)
        or gap.strip() in {"&", "+", "'", "’"}
        or _SMALL_NUMBER.fullmatch(gap) is not None
    )


def _name_word(token: Token) -> bool:
    """A capitalised word that can be part of an organisation's or a place's name."""
    return (
        (token.capitalised or token.base[:1].isdigit())
        and token.key not in STOP_WORDS - {"st", "high"}
        and token.key not in MONTHS_AND_DAYS
    )


def _suffix_spans(tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
    for i, token in enumerate(tokens):
        kind = _SUFFIXES.get(token.key)
        if kind is None or not token.capitalised or token.possessive:
            continue
        if token.key in {"centre", "center"} and (i == 0 or tokens[i - 1].key not in _CENTRE_NEEDS):
            continue
        first = i
        named = False
        while (
            first > 0
            and i - first < _MAX_RUN
            and (
                _org_gap(tokens[first - 1].gap_after)
                or (tokens[first - 1].gap_after == ". " and tokens[first - 1].key in {"st", "mt"})
            )
        ):
            left = tokens[first - 1]
            if (left.key in _INNER and left.key not in {"the"}) or left.key in _SUFFIXES:
                first -= 1
                continue
            if not _name_word(left):
                break  # well-known words may stand in a name: "Christ University"
            if left.sentence_start and _ordinary(left):
                break  # "Watched High School …": a verb that starts the sentence
            first -= 1
            named = True
            if left.sentence_start:
                break
        while first < i and tokens[first].key in _INNER and not tokens[first].capitalised:
            first += 1
        if not named:
            continue
        last = i
        while (
            last + 1 < len(tokens)
            and tokens[last + 1].key in _SUFFIXES
            and tokens[last + 1].capitalised
            and plain_gap(tokens[last].gap_after)
        ):
            last += 1
            kind = _SUFFIXES[tokens[last].key]
        yield first, last, kind


def _prefix_spans(tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
    for i, token in enumerate(tokens):
        kind = _PREFIXES.get(token.key)
        if kind is None or not (token.capitalised or token.base.isupper()):
            continue
        last = i
        j = i + 1
        while (
            j < len(tokens) and tokens[j].key in _PARTICLES and plain_gap(tokens[j - 1].gap_after)
        ):
            j += 1
        names = 0
        while j < len(tokens) and names < 4 and plain_gap(tokens[j - 1].gap_after):
            if names and tokens[j].key in _PARTICLES:
                # "Instituto Cervantes de Getafe", "Collège Jean de La Fontaine"
                k = j
                while k < len(tokens) and tokens[k].key in _PARTICLES and k - j < 2:
                    if not plain_gap(tokens[k].gap_after):
                        break
                    k += 1
                if (
                    j < k < len(tokens)
                    and plain_gap(tokens[k - 1].gap_after)
                    and _name_word(tokens[k])
                    and tokens[k].key not in _PREFIXES
                ):
                    j = k
                    continue
                break
            if not _name_word(tokens[j]) or tokens[j].key in _PREFIXES:
                break
            last = j
            names += 1
            if tokens[j].possessive:
                break
            j += 1
        if names:
            yield i, last, kind


def _compound_spans(tokens: list[Token]) -> Iterator[tuple[int, int, str, bool]]:
    for i, token in enumerate(tokens):
        if not token.capitalised:
            continue
        for ending, kind in _GERMAN_COMPOUNDS.items():
            if token.key.endswith("-" + ending) and len(token.key) > len(ending) + 2:
                yield i, i, kind, True
                break


def _workplace_spans(tokens: list[Token], lowered: str) -> Iterator[tuple[int, int, str]]:
    for i in range(1, len(tokens)):
        phrase = f"{tokens[i - 1].key} {tokens[i].key}"
        if phrase not in WORKPLACE_CUES or not plain_gap(tokens[i].gap_after):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].key in DETERMINERS and plain_gap(tokens[j].gap_after):
            j += 1
        first, last = j, j - 1
        while j < len(tokens) and j - first < 3 and _name_word(tokens[j]):
            last = j
            if tokens[j].possessive or not plain_gap(tokens[j].gap_after):
                break
            j += 1
        if last >= first:
            yield first, last, "workplace"


def _place_spans(tokens: list[Token]) -> Iterator[tuple[int, int, bool]]:
    for i in range(1, len(tokens)):
        prev = tokens[i - 1]
        token = tokens[i]
        if prev.key not in PLACE_BEFORE or not plain_gap(prev.gap_after) or not token.capitalised:
            continue
        if token.key in WELL_KNOWN or token.key in STOP_WORDS or token.key in MONTHS_AND_DAYS:
            continue
        found = place_end(tokens, i)
        if found is not None:
            last, flags = found
            yield i, last, not flags & PLACE_AMBIGUOUS or not title_case_line(tokens, i)


def find_organisations_and_places(
    text: str, tokens: list[Token] | None = None
) -> Iterator[Finding]:
    """Schools, clinics, workplaces and towns, each as one finding (``tokens``: its words)."""
    tokens = tokenize(text) if tokens is None else tokens
    famous = well_known_spans(text)
    for finding in _find(text, tokens):
        if not any(s < finding.end and finding.start < e for s, e in famous):
            yield finding


def _find(text: str, tokens: list[Token]) -> Iterator[Finding]:
    for first, last, kind in _suffix_spans(tokens):
        yield make_finding(text, tokens[first].start, tokens[last].end, kind, priority=1)
    for first, last, kind in _prefix_spans(tokens):
        yield make_finding(text, tokens[first].start, tokens[last].end, kind, priority=1)
    for first, last, kind, high in _compound_spans(tokens):
        yield make_finding(text, tokens[first].start, tokens[last].end, kind, auto=high, priority=1)
    for first, last, kind in _workplace_spans(tokens, text.casefold()):
        yield make_finding(text, tokens[first].start, tokens[last].end, kind, priority=1)
    for first, last, high in _place_spans(tokens):
        yield make_finding(
            text, tokens[first].start, tokens[last].end, "place", auto=high, priority=1
        )
