"""The labelled anonymiser corpus (tests/fixtures/anonymiser/) and how it is scored.

Shared by the corpus tests and ``bench/bench_anonymiser.py``. See the corpus README for the
format. Scoring, per labelled span ("gold"):

- *replaced*: every non-space character of the span lies inside a finding replaced by default;
- *flagged*: not replaced, but the span is covered by findings, some only flagged;
- *missed*: some character is in no finding at all.

For organisations and places the target is "replaced or flagged as one whole span": a single
finding must cover the span (``whole``). A *false replacement* is a default replacement that
touches a must-stay word, or any default replacement in a clean snippet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from peerjournal.anonymise import CATEGORY, Anonymiser, Finding

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "anonymiser"
_MARK = re.compile(r"\[\[(.+?)\|([a-z_]+)\]\]|\{\{(.+?)\}\}")
GROUPS = ("structured", "people", "organisations", "other")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str


@dataclass(frozen=True)
class Snippet:
    id: str
    lang: str
    text: str
    gold: tuple[Span, ...]
    keep: tuple[Span, ...]

    @property
    def clean(self) -> bool:
        return not self.gold


def parse(raw: str) -> list[Snippet]:
    """Snippets of one corpus file."""
    out = []
    for block in re.split(r"\n\s*\n", raw.strip()):
        header, _, body = block.partition("\n")
        _at, sid, lang = header.split()
        text, gold, keep = [], [], []
        position, length = 0, 0
        for match in _MARK.finditer(body):
            before = body[position : match.start()]
            text.append(before)
            length += len(before)
            words = match.group(1) or match.group(3)
            if match.group(2):
                if match.group(2) not in CATEGORY:
                    raise ValueError(f"{sid}: unknown category {match.group(2)}")
                gold.append(Span(length, length + len(words), match.group(2)))
            else:
                keep.append(Span(length, length + len(words), "keep"))
            text.append(words)
            length += len(words)
            position = match.end()
        text.append(body[position:])
        out.append(Snippet(sid, lang, "".join(text), tuple(gold), tuple(keep)))
    return out


def load(part: str) -> list[Snippet]:
    """``"dev"`` or ``"heldout"``."""
    return parse((CORPUS / f"{part}.txt").read_text(encoding="utf-8"))


@dataclass
class Score:
    """Counts per category, and false replacements."""

    spans: Counter[str] = field(default_factory=Counter)
    replaced: Counter[str] = field(default_factory=Counter)
    flagged: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    whole: Counter[str] = field(default_factory=Counter)  # one finding covers the span
    false_on_keep: int = 0
    keep_words: int = 0
    clean_snippets: int = 0
    clean_with_false: int = 0
    false_in_clean: int = 0
    failures: list[str] = field(default_factory=list)

    def group(self, name: str, counter: Counter[str]) -> int:
        return sum(n for cat, n in counter.items() if CATEGORY[cat].group == name)


def _covered(span: Span, findings: list[Finding], text: str, auto_only: bool) -> bool:
    for index in range(span.start, span.end):
        if text[index].isspace():
            continue
        if not any(f.start <= index < f.end and (f.auto or not auto_only) for f in findings):
            return False
    return True


def score(anonymiser: Anonymiser, snippets: list[Snippet]) -> Score:
    """Run the anonymiser over ``snippets`` and count."""
    result = Score()
    for snippet in snippets:
        findings = anonymiser.find(snippet.text)
        auto = [f for f in findings if f.auto]
        for span in snippet.gold:
            cat = span.category
            result.spans[cat] += 1
            words = snippet.text[span.start : span.end]
            if any(f.start <= span.start and span.end <= f.end for f in findings):
                result.whole[cat] += 1
            if _covered(span, findings, snippet.text, auto_only=True):
                result.replaced[cat] += 1
            elif _covered(span, findings, snippet.text, auto_only=False):
                result.flagged[cat] += 1
                result.failures.append(f"{snippet.id}: flagged only {cat} {words!r}")
            else:
                result.missed[cat] += 1
                result.failures.append(f"{snippet.id}: missed {cat} {words!r}")
        for span in snippet.keep:
            result.keep_words += 1
            hit = [f for f in auto if f.start < span.end and span.start < f.end]
            if hit:
                result.false_on_keep += 1
                result.failures.append(f"{snippet.id}: replaced must-stay {hit[0].text!r}")
        if snippet.clean:
            result.clean_snippets += 1
            if auto:
                result.clean_with_false += 1
                result.false_in_clean += len(auto)
                result.failures.append(
                    f"{snippet.id}: clean but replaced {[(f.kind, f.text) for f in auto]}"
                )
    return result
