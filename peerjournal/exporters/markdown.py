"""Write entries as Markdown: a folder with one file per entry, or one file for all.

A file per entry carries its title, time (with its UTC offset), tags, star and mood in
YAML front matter (:mod:`peerjournal.formats.markdown`) and the body byte for byte, so
the Markdown importer reads the folder back into the same entries. File names are
``YYYY-MM-DD-slug.md`` made only of letters, digits and hyphens (:func:`file_name`): a
title can never name another folder, a hidden file or a device.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from peerjournal.domain.timestamps import as_local
from peerjournal.exporters.peerjournal_json import EntryLike, iso
from peerjournal.formats.markdown import FENCE, yaml_string

#: Longest slug, in characters (the whole name stays far below the 255-byte limit).
MAX_SLUG = 60


def slug(title: str) -> str:
    """A file-name-safe form of ``title``: lower-case letters and digits of any script,
    words joined by hyphens; ``"entry"`` when nothing is left."""
    text = unicodedata.normalize("NFKC", title).casefold()
    out: list[str] = []
    for char in text:
        if char.isalnum() or unicodedata.category(char).startswith("M"):
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    cut = "".join(out).strip("-")[:MAX_SLUG].strip("-")
    # a combining mark cut loose at the start would attach to the hyphen
    while cut and unicodedata.category(cut[0]).startswith("M"):
        cut = cut[1:]
    return cut or "entry"


class FileNames:
    """Unique ``YYYY-MM-DD-slug.md`` names within one folder, compared case-insensitively
    (as on macOS and Windows): a second "Evening" on a day becomes ``…-evening-2.md``."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def name(self, created: datetime, title: str) -> str:
        """The next free name for an entry written at ``created`` (its local day)."""
        stem = f"{as_local(created).date().isoformat()}-{slug(title)}"
        candidate, number = f"{stem}.md", 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem}-{number}.md"
        self._taken.add(candidate.casefold())
        return candidate


def front_matter(entry: EntryLike, mood: tuple[int, str] | None) -> str:
    """The YAML front matter of an entry (fences included)."""
    lines = [
        FENCE,
        f"title: {yaml_string(entry.title)}",
        f"date: {yaml_string(iso(entry.created))}",
        f"updated: {yaml_string(iso(entry.updated))}",
        "tags: [" + ", ".join(yaml_string(tag) for tag in entry.tags) + "]",
        f"starred: {'true' if entry.starred else 'false'}",
    ]
    if mood is not None:
        lines.append(f"mood: {int(mood[0])}")
        lines.append(f"mood_label: {yaml_string(mood[1])}")
    lines.append(f"id: {yaml_string(entry.id)}")
    lines.append(FENCE)
    return "\n".join(lines) + "\n"


def entry_file(entry: EntryLike, mood: tuple[int, str] | None) -> bytes:
    """The bytes of an entry's own file: front matter, then the body exactly."""
    return (front_matter(entry, mood) + entry.body).encode("utf-8")


def document_head(title: str) -> bytes:
    """The start of a single-file export."""
    return f"# {title}\n".encode()


def section(entry: EntryLike, mood: tuple[int, str] | None) -> bytes:
    """One entry of a single-file export: a heading with its local time and title, a line
    with its tags, star and mood, then its body."""
    local = as_local(entry.created)
    heading = f"{local:%Y-%m-%d %H:%M}"
    if entry.title.strip():
        heading += " — " + " ".join(entry.title.split())
    facts = []
    if entry.starred:
        facts.append("★ starred")
    if entry.tags:
        facts.append("tags: " + ", ".join(entry.tags))
    if mood is not None:
        facts.append(f"mood: {mood[0]} ({mood[1]})")
    text = f"\n## {heading}\n\n"
    if facts:
        text += "*" + " · ".join(facts) + "*\n\n"
    body = entry.body
    text += body + ("" if body.endswith("\n") else "\n")
    return text.encode("utf-8")
