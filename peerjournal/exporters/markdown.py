"""Write entries as Markdown: a folder with one file per entry, or one file for all.

A file per entry carries its title, time (with its UTC offset), tags, star and, when the
entry links a mood log, that log (level, label, time, emotions, activities, note, id) in
YAML front matter (:mod:`peerjournal.formats.markdown`) and the body byte for byte, so
the Markdown importer reads the folder back into the same entries and mood logs. File
names are ``YYYY-MM-DD-slug.md`` made only of letters, digits and hyphens
(:func:`slug`): a title can never name another folder, a hidden file or a device, and
the name stays far below the 255-byte limit of every file system.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring as json_quote

from peerjournal.domain.timestamps import as_local
from peerjournal.exporters.peerjournal_json import EntryLike, iso
from peerjournal.formats.markdown import FENCE, SINGLE_FILE_MARK, yaml_safe

#: Longest slug, in characters (the whole name stays far below the 255-byte limit).
MAX_SLUG = 60
#: Longest slug in UTF-8 bytes (60 characters of a 4-byte script would be 240).
MAX_SLUG_BYTES = 180
_ASCII_GAPS = re.compile(r"[^a-z0-9]+")


def slug(title: str) -> str:
    """A file-name-safe form of ``title``: lower-case letters and digits of any script,
    words joined by hyphens, in composed form (NFC); ``"entry"`` when nothing is left."""
    if title.isascii():  # the common case, the same result without a loop per character
        cut = _ASCII_GAPS.sub("-", title.lower()).strip("-")[:MAX_SLUG].strip("-")
        return cut or "entry"
    text = unicodedata.normalize("NFKC", title).casefold()
    out: list[str] = []
    for char in text:
        if char.isalnum() or unicodedata.category(char).startswith("M"):
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    cut = "".join(out)
    # a combining mark cut loose at the start would attach to the hyphen before it
    start = 0
    while start < len(cut) and (cut[start] == "-" or unicodedata.category(cut[start])[0] == "M"):
        start += 1
    cut = cut[start : start + MAX_SLUG].rstrip("-")
    while len(cut.encode("utf-8")) > MAX_SLUG_BYTES:
        cut = cut[:-1].rstrip("-")
    return unicodedata.normalize("NFC", cut) or "entry"


def _same_name_key(name: str) -> str:
    """What a case-insensitive, normalisation-insensitive file system (macOS, Windows)
    compares: two names with one key would be one file there."""
    if name.isascii():
        return name.lower()
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


class FileNames:
    """Unique ``YYYY-MM-DD-slug.md`` names within one folder, compared as macOS and
    Windows compare them (case and Unicode form ignored): a second "Evening" on a day
    becomes ``…-evening-2.md``, and a title "Evening 2" then gets ``…-evening-2-2.md``."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # stem key -> the number to try next

    def name(self, created: datetime, title: str) -> str:
        """The next free name for an entry written at ``created`` (its local day)."""
        return self.name_for_day(as_local(created).date().isoformat(), title)

    def name_for_day(self, day: str, title: str) -> str:
        """The next free name for an entry of ``day`` (``YYYY-MM-DD``); a thousand
        entries with one title on one day cost a thousand steps, not half a million."""
        stem = f"{day}-{slug(title)}"
        stem_key = _same_name_key(stem)
        number = self._next.get(stem_key, 1)
        candidate = f"{stem}.md" if number == 1 else f"{stem}-{number}.md"
        key = _same_name_key(candidate)
        while key in self._taken:
            number += 1
            candidate = f"{stem}-{number}.md"
            key = _same_name_key(candidate)
        self._taken.add(key)
        self._next[stem_key] = number + 1
        return candidate


@dataclass(frozen=True)
class LinkedMood:
    """The mood log an exported entry links to, as its front matter carries it."""

    id: str
    at: str  # ISO 8601 with its UTC offset, as stored
    level: int
    label: str
    emotions: Sequence[str] = ()
    activities: Sequence[str] = ()
    note: str = ""


def file_text(
    *,
    entry_id: str,
    created: str,
    updated: str,
    title: str,
    body: str,
    tags: Sequence[str],
    starred: bool,
    mood: LinkedMood | None,
) -> bytes:
    """The bytes of an entry's own file: front matter, then the body exactly.

    ``created`` and ``updated`` are ISO 8601 times with their offsets (the vault's stored
    text). Every text value is JSON-quoted, then the characters YAML reads differently
    are escaped in one pass over the whole front matter (:func:`yaml_safe`).
    """
    quote = json_quote
    parts = [
        FENCE,
        "\ntitle: ",
        quote(title),
        '\ndate: "',
        created,
        '"\nupdated: "',
        updated,
        '"\ntags: [',
        ", ".join(map(quote, tags)),
        "]\nstarred: ",
        "true" if starred else "false",
    ]
    if mood is not None:
        parts += ["\nmood: ", str(int(mood.level)), "\nmood_label: ", quote(mood.label)]
        parts += ['\nmood_at: "', mood.at, '"']
        if mood.emotions:
            parts += ["\nmood_emotions: [", ", ".join(map(quote, mood.emotions)), "]"]
        if mood.activities:
            parts += ["\nmood_activities: [", ", ".join(map(quote, mood.activities)), "]"]
        if mood.note:
            parts += ["\nmood_note: ", quote(mood.note)]
        parts += ["\nmood_id: ", quote(mood.id)]
    parts += ["\nid: ", quote(entry_id), "\n", FENCE, "\n"]
    return (yaml_safe("".join(parts)) + body).encode("utf-8")


def entry_file(entry: EntryLike, mood: LinkedMood | None) -> bytes:
    """:func:`file_text` of an entry object (times are formatted from its datetimes)."""
    return file_text(
        entry_id=entry.id,
        created=iso(entry.created),
        updated=iso(entry.updated),
        title=entry.title,
        body=entry.body,
        tags=entry.tags,
        starred=entry.starred,
        mood=mood,
    )


def document_head(title: str) -> bytes:
    """The start of a single-file export: its title and the mark that says what it is."""
    return f"# {title}\n{SINGLE_FILE_MARK}\n".encode()


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
