"""What the anonymiser found, how overlapping findings are resolved, and how they are applied."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

#: Placeholder written in place of each kind of finding.
PLACEHOLDERS: dict[str, str] = {
    "email": "[email]",
    "phone": "[phone]",
    "url": "[link]",
    "handle": "[handle]",
    "ip": "[address]",
    "digits": "[number]",
    "person": "[person]",
    "place": "[place]",
    "name_candidate": "[name]",
    "time": "[time]",
}

#: Every kind of finding, from the most to the least specific.  When two findings of the
#: same length overlap, the one whose kind comes first here wins.
KINDS: tuple[str, ...] = (
    "email",
    "url",
    "handle",
    "ip",
    "phone",
    "person",
    "place",
    "time",
    "digits",
    "name_candidate",
)

_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Finding:
    """One span of the text that may identify someone.

    ``start``/``end`` are indexes into the original string (``text == original[start:end]``).
    ``auto`` findings are redacted by default; the others (name candidates) are only
    flagged so that the user can decide.
    """

    start: int
    end: int
    text: str
    kind: str
    replacement: str
    auto: bool


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


def make_finding(text: str, start: int, end: int, kind: str, *, auto: bool = True) -> Finding:
    """Build a finding for ``text[start:end]`` with the placeholder of ``kind``."""
    return Finding(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        replacement=PLACEHOLDERS[kind],
        auto=auto,
    )


def resolve_overlaps(candidates: Iterable[Finding]) -> list[Finding]:
    """Keep a non-overlapping subset of ``candidates``, sorted by position.

    Automatic findings beat review-only ones (a name candidate must never shadow a
    detected email), then longer spans beat shorter ones, then the more specific kind wins.
    """
    ordered = sorted(
        (f for f in candidates if f.end > f.start),
        key=lambda f: (not f.auto, -(f.end - f.start), _RANK.get(f.kind, len(KINDS)), f.start),
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
