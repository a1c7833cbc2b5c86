"""Output for the command line: the stable ``--json`` shapes, text lines, and highlights.

The JSON shapes are documented in ``docs/cli.md`` and are a promise to scripts: fields may
be added, never renamed or removed. Times are ISO-8601 with their UTC offset.

Text meant for a terminal is cleaned of control characters (an entry could otherwise carry
escape sequences that rewrite the user's terminal), and search matches are shown in bold on
a terminal and in ``[brackets]`` otherwise.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

# the command line's modules take it from here with the rest (an explicit re-export)
from peerjournal.domain.english import counted as counted

if TYPE_CHECKING:
    from datetime import datetime

    from peerjournal.domain.models import Entry, EntrySummary, MoodLog, SearchHit

#: The domain's highlight marks (peerjournal.domain.models), kept here so printing a
#: list does not load the domain's dataclasses.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

BOLD = "\x1b[1m"
RESET = "\x1b[0m"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
_CONTROL_KEEP_MARKS = re.compile(r"[\x00\x01\x04-\x08\x0b-\x1f\x7f\x80-\x9f]")


def iso(moment: datetime | None) -> str | None:
    """ISO-8601 with offset, or None."""
    return None if moment is None else moment.isoformat()


def local_text(moment: datetime) -> str:
    """A time in the local zone as ``YYYY-MM-DD HH:MM`` for text output.

    A time that cannot be shown in the local zone (a row stored before times were
    checked, in year 9999 near its end) is shown in its own offset instead of failing.
    """
    from peerjournal.domain.timestamps import as_local

    return as_local(moment).strftime("%Y-%m-%d %H:%M")


def clean(text: str) -> str:
    """Drop control characters (keeps newlines and tabs) before printing to a terminal."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Cleaned text on one line: line breaks and tabs become spaces (titles in lists)."""
    return " ".join(clean(text).split())


def summary_json(item: EntrySummary) -> dict[str, Any]:
    """The ``list`` shape of one entry."""
    return {
        "id": item.id,
        "created": iso(item.created),
        "updated": iso(item.updated),
        "title": item.title,
        "first_line": item.first_line,
        "tags": list(item.tags),
        "starred": item.starred,
        "mood_level": item.mood_level,
        "deleted": iso(item.deleted),
    }


def entry_json(entry: Entry, *, mood_level: int | None = None) -> dict[str, Any]:
    """The ``show`` / ``add`` / ``edit`` shape of one entry."""
    return {
        "id": entry.id,
        "created": iso(entry.created),
        "updated": iso(entry.updated),
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "starred": entry.starred,
        "mood_id": entry.mood_id,
        "mood_level": mood_level,
        "deleted": iso(entry.deleted),
    }


def split_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """Plain snippet text and ``[start, end)`` character ranges of the matches."""
    plain: list[str] = []
    spans: list[list[int]] = []
    position = 0
    start: int | None = None
    for char in snippet:
        if char == HIGHLIGHT_START:
            start = position
        elif char == HIGHLIGHT_END:
            if start is not None:
                spans.append([start, position])
            start = None
        else:
            plain.append(char)
            position += 1
    return "".join(plain), spans


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """The ``search`` shape of one result."""
    text, spans = split_snippet(hit.snippet)
    return {
        "entry": summary_json(hit.entry),
        "snippet": text,
        "highlights": spans,
        "rank": hit.rank,
    }


def mood_json(log: MoodLog, labels: dict[int, str] | None = None) -> dict[str, Any]:
    """The ``mood list`` / ``mood add`` shape of one mood log."""
    return {
        "id": log.id,
        "at": iso(log.at),
        "level": log.level,
        "label": (labels or {}).get(log.level),
        "emotions": list(log.emotions),
        "activities": list(log.activities),
        "note": log.note,
    }


def render_snippet(snippet: str, *, tty: bool) -> str:
    """Snippet for a terminal (bold matches) or a pipe (``[match]``), one line."""
    text = _CONTROL_KEEP_MARKS.sub("", snippet.replace("\n", " ").replace("\t", " "))
    start, end = (BOLD, RESET) if tty else ("[", "]")
    return text.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def tags_text(tags: Iterable[str]) -> str:
    """``#a #b`` (spaces inside a tag are kept)."""
    return " ".join(f"#{one_line(tag)}" for tag in tags)


#: Colours for terminal text (only when colour is allowed: a terminal and no NO_COLOR).
DIM, YELLOW, CYAN, GREEN = "\x1b[2m", "\x1b[33m", "\x1b[36m", "\x1b[32m"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color and text else text


def summary_line(item: EntrySummary, *, color: bool = False) -> str:
    """One line of ``list`` output: short id, local time, star, title, tags."""
    heading = item.title or item.first_line or "(empty)"
    star = _paint("*", YELLOW, color) if item.starred else " "
    line = (
        f"{_paint(item.id[:8], DIM, color)}  {_paint(local_text(item.created), CYAN, color)}"
        f" {star} {one_line(heading)}"
    )
    tags = _paint(tags_text(item.tags), GREEN, color)
    return f"{line}  {tags}" if tags else line


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def summary_markdown(item: EntrySummary) -> str:
    """One ``list --format md`` item: a Markdown list line."""
    heading = one_line(item.title or item.first_line or "(empty)")
    star = " ★" if item.starred else ""
    tags = " ".join(f"`#{one_line(tag)}`" for tag in item.tags)
    line = f"- **{_md_escape(heading)}**{star} — {local_text(item.created)} `{item.id[:8]}`"
    return f"{line} {tags}" if tags else line


def entry_markdown(entry: Entry, mood_level: int | None = None) -> str:
    """``show --format md``: the entry as a Markdown document (the body as written)."""
    lines = [f"# {one_line(entry.title) or '(untitled)'}", ""]
    facts = [local_text(entry.created)]
    if entry.starred:
        facts.append("★")
    if mood_level is not None:
        facts.append(f"mood {mood_level}")
    facts += [f"`#{one_line(tag)}`" for tag in entry.tags]
    lines += [" · ".join(facts), "", clean(entry.body).rstrip("\n")]
    return "\n".join(lines)


def snippet_markdown(snippet: str) -> str:
    """A search snippet for Markdown: matches in **bold**, the rest escaped."""
    text = _CONTROL_KEEP_MARKS.sub("", snippet.replace("\n", " ").replace("\t", " "))
    escaped = _md_escape(text)
    return escaped.replace(HIGHLIGHT_START, "**").replace(HIGHLIGHT_END, "**")


def write_json(value: Any, stream: TextIO | None = None) -> None:
    """Print a JSON document (UTF-8, two-space indent) and a newline."""
    out = stream or sys.stdout
    out.write(json.dumps(value, ensure_ascii=False, indent=2))
    out.write("\n")
