"""The name→level mapping for mood logs whose file names moods instead of numbering them.

Daylio stores the user's own *name* for each mood level (stock rad/good/meh/bad/awful, or
custom names, sometimes with trailing spaces). Names are compared trimmed, with inner
whitespace collapsed and case-insensitively (:func:`mood_key`); a name the mapping lacks is
reported, never guessed.
"""

from __future__ import annotations

import re

from peerjournal.errors import ImportExportError

#: Daylio's stock mood names.
STOCK_MOODS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
MAX_MAP_TEXT = 10_000
_SPACE = re.compile(r"\s+")
#: A comma that separates two items: one a name holds is written ``\,``.
_SEPARATOR = re.compile(r"(?<!\\),")


def mood_key(name: str) -> str:
    """How a mood name is compared: trimmed, single spaces, case-folded."""
    return _SPACE.sub(" ", name).strip().casefold()


def parse_mood_map(text: str) -> dict[str, int]:
    """``"rad=5,good=4, so-so = 3"`` → ``{"rad": 5, "good": 4, "so-so": 3}`` (keys as
    :func:`mood_key`); the stock names stay mapped unless the text maps them otherwise.

    A comma inside a name is written ``\\,`` (``"ok\\, I guess=3"``): the items are split at
    every other comma, so a forgotten level (``"rad,good=4"``) is still refused, not read
    as one name."""
    if len(text) > MAX_MAP_TEXT:
        raise ImportExportError("import.mood_map_bad", item=text[:20] + "…")
    mapping = dict(STOCK_MOODS)
    for raw in _SEPARATOR.split(text):
        if not raw.strip():
            continue
        name, sep, level_text = raw.rpartition("=")
        key = mood_key(name.replace("\\,", ","))
        level_text = level_text.strip()
        if not sep or not key or level_text not in {"1", "2", "3", "4", "5"}:
            raise ImportExportError("import.mood_map_bad", item=raw.strip()[:40])
        mapping[key] = int(level_text)
    return mapping
