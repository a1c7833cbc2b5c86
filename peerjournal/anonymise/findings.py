"""What the anonymiser found, how overlapping findings are resolved, and how they are applied."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

HIGH = "high"
LOW = "low"


@dataclass(frozen=True)
class Category:
    """What a kind of finding is: its placeholder, its plain-words name and its group.

    ``description`` is English for the user ("a name"); the UI translates it by ``key``.
    ``group`` gathers categories for the benchmark targets: ``structured`` identifiers,
    ``people``, ``organisations`` and places, and ``other`` (exact times, long numbers).
    """

    key: str
    placeholder: str
    description: str
    group: str


#: Every category, from the most to the least specific.  When two findings of the same
#: length and priority overlap, the one whose category comes first here wins.
CATEGORIES: tuple[Category, ...] = (
    Category("email", "[email]", "an email address", "structured"),
    Category("url", "[link]", "a link", "structured"),
    Category("handle", "[handle]", "a social media handle", "structured"),
    Category("ip", "[IP address]", "an IP address", "structured"),
    Category("phone", "[phone]", "a phone number", "structured"),
    Category("id_number", "[ID number]", "an ID number", "structured"),
    Category("account", "[account number]", "a bank or card number", "structured"),
    Category("dob", "[date of birth]", "a date of birth", "structured"),
    Category("address", "[address]", "a street address", "structured"),
    Category("postcode", "[postcode]", "a postcode", "structured"),
    Category("age", "[age]", "an age", "structured"),
    Category("person", "[person]", "a name", "people"),
    Category("school", "[school]", "a school", "organisations"),
    Category("clinic", "[clinic]", "a clinic or hospital", "organisations"),
    Category("workplace", "[workplace]", "a workplace", "organisations"),
    Category("place", "[place]", "a place", "organisations"),
    Category("custom", "[redacted]", "a word you chose to redact", "other"),
    Category("time", "[time]", "a time of day", "other"),
    Category("digits", "[number]", "a long number", "other"),
)
CATEGORY: dict[str, Category] = {c.key: c for c in CATEGORIES}

#: Placeholder written in place of each category of finding.
PLACEHOLDERS: dict[str, str] = {c.key: c.placeholder for c in CATEGORIES}
#: Every category key, most specific first.
KINDS: tuple[str, ...] = tuple(c.key for c in CATEGORIES)

_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


def describe(kind: str) -> str:
    """The category of a finding in plain English words ("a name", "a school")."""
    category = CATEGORY.get(kind)
    return category.description if category is not None else "something that may identify someone"


@dataclass(frozen=True)
class Finding:
    """One span of the text that may identify someone.

    ``start``/``end`` are indexes into the original string (``text == original[start:end]``).
    ``kind`` is the category key (see :data:`CATEGORIES`). ``auto`` findings have high
    confidence and are replaced by default; the others (low confidence) are only flagged
    so that the user can decide. ``priority`` breaks ties between overlapping findings
    (the user's own lists and check-digit-verified numbers beat guesses).
    """

    start: int
    end: int
    text: str
    kind: str
    replacement: str
    auto: bool
    priority: int = 0

    @property
    def confidence(self) -> str:
        """``"high"`` (replaced by default) or ``"low"`` (flagged for review)."""
        return HIGH if self.auto else LOW

    @property
    def description(self) -> str:
        """The category in plain English words ("a name")."""
        return describe(self.kind)


@dataclass(frozen=True)
class Redaction:
    """The result of redacting a text.

    ``findings`` holds everything that was found (applied or not) so that a UI can show
    and toggle them; ``applied`` holds the findings that were replaced in ``text``.
    """

    original: str
    text: str
    findings: tuple[Finding, ...]
    applied: tuple[Finding, ...] = field(default=())


def make_finding(
    text: str, start: int, end: int, kind: str, *, auto: bool = True, priority: int = 0
) -> Finding:
    """Build a finding for ``text[start:end]`` with the placeholder of ``kind``."""
    return Finding(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        replacement=PLACEHOLDERS[kind],
        auto=auto,
        priority=priority,
    )


def resolve_overlaps(candidates: Iterable[Finding]) -> list[Finding]:
    """Keep a non-overlapping subset of ``candidates``, sorted by position.

    Automatic findings beat review-only ones (a name candidate must never shadow a
    detected email), then higher priority wins (the user's lists, verified ID numbers), then
    longer spans beat shorter ones, then the more specific kind wins.
    """
    ordered = sorted(
        _drop_contained(f for f in candidates if f.end > f.start),
        key=lambda f: (
            not f.auto,
            -f.priority,
            -(f.end - f.start),
            _RANK.get(f.kind, len(KINDS)),
            f.start,
        ),
    )
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Finding] = []
    for finding in ordered:
        index = bisect.bisect_right(starts, finding.start)
        if index > 0 and ends[index - 1] > finding.start:
            continue  # overlaps the kept span that starts before it
        if index < len(starts) and starts[index] < finding.end:
            continue  # overlaps the kept span that starts after it
        starts.insert(index, finding.start)
        ends.insert(index, finding.end)
        kept.insert(index, finding)
    chosen = {id(f) for f in kept}
    for finding in ordered:
        if finding.auto and id(finding) not in chosen:
            for part in _uncovered_words(finding, starts, ends):
                index = bisect.bisect_right(starts, part.start)
                starts.insert(index, part.start)
                ends.insert(index, part.end)
                kept.insert(index, part)
    return kept


def _uncovered_words(finding: Finding, starts: list[int], ends: list[int]) -> list[Finding]:
    """The parts of ``finding`` that no kept span covers, trimmed of spaces and punctuation.

    When another finding wins part of an automatic one ("10000" as a postcode inside a card
    number, a listed place inside a name), the rest of it must still go.
    """
    parts = []
    position = finding.start
    index = bisect.bisect_right(ends, finding.start)
    while position < finding.end:
        next_start = starts[index] if index < len(starts) else finding.end
        gap_end = min(next_start, finding.end)
        if gap_end > position:
            a, b = position - finding.start, gap_end - finding.start
            piece = finding.text[a:b]
            stripped = piece.strip(" \t\n,.;:!?'’-&")
            if any(ch.isalnum() for ch in stripped) and len(stripped) >= 2:
                offset = a + piece.index(stripped)
                start = finding.start + offset
                parts.append(
                    replace(finding, start=start, end=start + len(stripped), text=stripped)
                )
        if index >= len(starts):
            break
        position = max(position, ends[index])
        index += 1
    return parts


def _drop_contained(findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings inside a longer automatic finding of the same kind.

    A listed first name inside a detected whole name ("Müller" in "Priya Müller") must not
    win by its priority and leave the rest of the name behind.
    """
    by_start = sorted(findings, key=lambda f: (f.start, -f.end))
    reach: dict[str, int] = {}  # per kind: the furthest end of an automatic finding so far
    kept = []
    for finding in by_start:
        if reach.get(finding.kind, -1) >= finding.end:
            continue
        kept.append(finding)
        if finding.auto:
            reach[finding.kind] = max(reach.get(finding.kind, -1), finding.end)
    return kept


def apply_findings(
    text: str,
    findings: Iterable[Finding],
    accept: Callable[[Finding], bool] | None = None,
) -> tuple[str, tuple[Finding, ...]]:
    """Replace the accepted findings in ``text``; return the new text and what was applied.

    ``findings`` must not overlap (as returned by :func:`resolve_overlaps`); by default
    only automatic findings are accepted.
    """
    choose = accept if accept is not None else (lambda f: f.auto)
    parts: list[str] = []
    applied: list[Finding] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position or finding.end > len(text) or not choose(finding):
            continue
        parts.append(text[position : finding.start])
        parts.append(finding.replacement)
        applied.append(finding)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts), tuple(applied)
