"""A gentle check before a reply is sent: does it contain wording that may land hard?

Pure and small on purpose (no Qt, no I/O). :func:`check_reply` looks for a short,
documented list of patterns, in English and basic German:

- ``insult``: name-calling that is rarely meant kindly ("idiot", "loser", "shut up",
  "Versager", "halt die Klappe"), and judgements aimed at the reader ("you're so lazy",
  "you are pathetic", "du bist so dumm"). Words like "useless" only count when aimed at
  "you", so "I felt useless" and "you are not useless" are not flagged.
- ``absolute``: "you always …" / "you never …" ("du immer", "du bist nie") — sweeping
  statements about a person ("you never know" and "you're always welcome" are fine).
- ``dismissive``: brushing feelings aside ("just get over it", "man up", "stop whining",
  "it's not that bad", "stell dich nicht so an", "reiß dich zusammen", "selbst schuld").
- ``shouting``: mostly capital letters over a sentence ("WHY WOULD YOU DO THAT"); short
  acronyms such as "OK" or "ADHD" are not shouting.

It is a nudge, not a filter: the user can always send anyway. False positives cost one
extra click; the list errs on the side of few of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["REASONS", "KindnessNote", "check_reply"]

#: Every reason a note can give, in the order they are checked.
REASONS: tuple[str, ...] = ("insult", "dismissive", "absolute", "shouting")

_FLAGS = re.IGNORECASE | re.UNICODE

# Name-calling that is harsh wherever it appears.
_INSULT_WORDS = (
    r"idiot(?:s|ic)?",
    r"moron(?:s|ic)?",
    r"loser",
    r"imbecile",
    r"shut\s+up",
    r"drama\s+queen",
    r"attention[\s-]+seek(?:er|ing)",
    r"grow\s+up",
    # German
    r"vollidiot(?:en)?",
    r"trottel",
    r"depp",
    r"versager(?:in)?",
    r"halt\s+(?:die|deine)\s+klappe",
    r"heulsuse",
)
# Judgements that are harsh when aimed at the reader ("you are useless").
_AIMED_WORDS = (
    "stupid|dumb|lazy|weak|useless|worthless|pathetic|selfish|crazy|insane|annoying"
    "|ridiculous|a joke|a mess|a failure|a baby|an idiot|so dramatic|overreacting|too sensitive"
)
_AIMED_DE = (
    "dumm|blöd|bloed|faul|schwach|nutzlos|wertlos|erbärmlich|erbaermlich|peinlich"
    "|verrückt|verrueckt|lächerlich|laecherlich|egoistisch|empfindlich|ein versager"
)
_INSULT = re.compile(
    r"\b(?:" + "|".join(_INSULT_WORDS) + r")\b"
    r"|\byou(?:'re|\s+are|\s+r|\s+sound|\s+seem|\s+act)\s+(?:so\s+|such\s+|just\s+|really\s+"
    r"|being\s+|totally\s+|completely\s+)*(?:" + _AIMED_WORDS + r")\b"
    r"|\bdu\s+bist\s+(?:so\s+|echt\s+|einfach\s+|total\s+|wirklich\s+|ja\s+|voll\s+)*(?:"
    + _AIMED_DE
    + r")\b",
    _FLAGS,
)
_DISMISSIVE = re.compile(
    r"\b(?:(?:just\s+)?get\s+over\s+it|man\s+up|toughen\s+up|stop\s+(?:whining|complaining"
    r"|crying|moaning)|(?:it'?s|it\s+is)\s+not\s+that\s+(?:bad|deep|hard)|could\s+be\s+worse"
    r"|(?:it'?s|that'?s)\s+your\s+(?:own\s+)?fault|deal\s+with\s+it|snap\s+out\s+of\s+it"
    r"|stell\s+dich\s+nicht\s+so\s+an|rei(?:ß|ss)\s+dich\s+zusammen|selbst\s+schuld"
    r"|jammer\s+nicht|h(?:ö|oe)r\s+auf\s+zu\s+(?:jammern|heulen)|ist\s+(?:doch\s+)?nicht\s+so\s+schlimm"
    r"|komm\s+dr(?:ü|ue)ber\s+weg)\b",
    _FLAGS,
)
_ABSOLUTE = re.compile(
    r"\byou(?:\s+just|\s+really)?\s+(?:always|never)\b(?!\s+know)"
    r"|\bdu\s+(?:bist\s+|hast\s+|machst\s+|willst\s+|kannst\s+)?(?:immer|nie|niemals)\b",
    _FLAGS,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class KindnessNote:
    """Why a reply might land hard: a ``reason`` from :data:`REASONS` and the words found."""

    reason: str
    matched: str


def _normalise(text: str) -> str:
    # Curly apostrophes are common on phones and in pasted text.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _is_shouting(text: str) -> bool:
    """Four or more capitalised words in a row with 12+ letters ("I AM SO ANGRY WITH YOU")."""
    run_words = run_letters = 0
    for word in _WORD.findall(text):
        if word.upper() == word.lower():
            continue  # scripts without case say nothing about shouting
        if (word.isupper() and len(word) >= 2) or word in ("I", "A"):
            run_words += 1
            run_letters += len(word)
            if run_words >= 4 and run_letters >= 12:
                return True
        else:
            run_words = run_letters = 0
    return False


def check_reply(text: str) -> KindnessNote | None:
    """Return a :class:`KindnessNote` when ``text`` may land hard, else ``None``.

    Never raises on any string; non-strings raise ``TypeError``.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    clean = _normalise(text)
    for reason, pattern in (
        ("insult", _INSULT),
        ("dismissive", _DISMISSIVE),
        ("absolute", _ABSOLUTE),
    ):
        match = pattern.search(clean)
        if match:
            return KindnessNote(reason, match.group(0))
    if _is_shouting(clean):
        return KindnessNote("shouting", clean.strip()[:40])
    return None
