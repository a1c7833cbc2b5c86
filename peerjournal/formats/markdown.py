"""Markdown with YAML front matter: what the Markdown exporter and importer share.

An exported entry is one UTF-8 file::

    ---
    title: "Evening"
    date: "2024-05-31T21:07:00+02:00"
    updated: "2024-06-01T08:00:00+02:00"
    tags: ["family", "long walks"]
    starred: true
    mood: 4
    mood_label: "Good"
    mood_at: "2024-05-31T20:30:00+02:00"
    mood_emotions: ["calm"]
    mood_activities: ["walk", "family"]
    mood_note: "after dinner"
    mood_id: "0b7e…"
    id: "6f1c…"
    ---
    The body, byte for byte (line endings and trailing spaces kept).

Every text value is written as a double-quoted scalar (:func:`yaml_string`), so YAML never
turns a title into a number, a date or a boolean, and the times keep their UTC offset.
The ``mood*`` keys appear when the entry links a mood log (the empty lists and note are
left out), so the importer rebuilds that log with its id.
The importer reads any front matter a person or another app wrote (Obsidian, Jekyll): all
keys are optional, unknown keys are ignored.
"""

from __future__ import annotations

import re
from json.encoder import encode_basestring as json_quote

#: The line that opens and closes the front matter.
FENCE = "---"
#: The second line of a single-file export (an HTML comment: invisible when rendered), so
#: the importer can tell it from one long note and say how to move a journal instead.
SINGLE_FILE_MARK = (
    "<!-- PeerJournal single-file export, for reading and printing. To import a journal,"
    " use its JSON export or a Markdown folder export. -->"
)
#: The keys the exporter writes, in order.
FRONT_KEYS = (
    "title", "date", "updated", "tags", "starred", "mood", "mood_label", "mood_at",
    "mood_emotions", "mood_activities", "mood_note", "mood_id", "id",
)  # fmt: skip
#: File names the importer reads (compared case-insensitively).
SUFFIXES = (".md", ".markdown")
#: A file name that starts with a day (Obsidian's daily notes: 2024-05-31.md).
DAY_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?!\d)")

# Characters a JSON string may hold raw that YAML reads differently: C1 controls and DEL
# are refused by YAML readers, NEL/LS/PS are line breaks in YAML, a BOM may be eaten.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that every YAML 1.1/1.2 reader reads back
    exactly (JSON's escapes are YAML's, plus a few characters escaped)."""
    return yaml_safe(json_quote(text))


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def yaml_safe(quoted: str) -> str:
    """JSON-quoted text (one scalar, or a whole front matter of them: the keys and
    punctuation hold none of these characters) with what YAML reads differently escaped."""
    if _YAML_UNSAFE.search(quoted) is None:
        return quoted
    return _YAML_UNSAFE.sub(_escape, quoted)
