"""What the share dialog loads in the worker, and how it renders the chosen findings.

Pure Python (no Qt), so that the rendering is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerjournal.app.peers import Finding, PeerInfo, PeersService, SharePreview
from peerjournal.app.share_choices import clean_word
from peerjournal.errors import InvalidInput


@dataclass(frozen=True)
class ShareSource:
    """Everything the dialog needs, loaded in the worker."""

    peers: list[PeerInfo]
    title: str
    body: str
    entry_tags: tuple[str, ...]
    title_findings: tuple[Finding, ...]
    body_findings: tuple[Finding, ...]
    preview: SharePreview | None
    mood_label: str


def load_share_source(session: Any, entry_id: str) -> ShareSource:
    """Worker job: the entry, its findings, the active peers and a first preview."""
    service: PeersService = session.peers
    peers = [p for p in service.list() if p.paired]
    entry = session.journal.get(entry_id)
    anonymiser = service.anonymiser()
    preview = None
    mood_label = ""
    if peers:
        preview = service.share_preview(entry.id, peers[0].id, include_mood=True)
        if preview.mood is not None:
            mood_label = session.mood.labels().get(preview.mood, str(preview.mood))
    return ShareSource(
        peers=peers,
        title=entry.title,
        body=entry.body,
        entry_tags=entry.tags,
        title_findings=tuple(anonymiser.find(entry.title)),
        body_findings=tuple(anonymiser.find(entry.body)),
        preview=preview,
        mood_label=mood_label,
    )


def render(
    text: str, findings: tuple[Finding, ...], redact: set[int], first: int = 0
) -> tuple[str, list[tuple[int, int, int]]]:
    """Apply the chosen findings; return the text and (start, end, finding number) spans.

    Finding numbers start at ``first``; spans index the returned text (code points).
    """
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    position = 0
    length = 0
    for offset, finding in enumerate(sorted(findings, key=lambda f: f.start)):
        number = first + offset
        if finding.start < position or finding.end > len(text):
            continue
        before = text[position : finding.start]
        parts.append(before)
        length += len(before)
        shown = finding.replacement if number in redact else text[finding.start : finding.end]
        parts.append(shown)
        spans.append((length, length + len(shown), number))
        length += len(shown)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts), spans


def listable(words: str) -> bool:
    """Whether the vault's keep and redact lists can hold ``words``."""
    try:
        clean_word(words)
    except InvalidInput:
        return False
    return True


def utf16(text: str, index: int) -> int:
    """Qt counts text positions in UTF-16 units."""
    return len(text[:index].encode("utf-16-le")) // 2
