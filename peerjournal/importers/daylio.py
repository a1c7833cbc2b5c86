"""Read Daylio's CSV export: one mood check-in per row, newest first.

Every header Daylio has written is understood (columns are found by name)::

    year,date,weekday,time,mood,activities,note
    full_date,date,weekday,time,mood,activities,note
    full_date,date,weekday,time,mood,activities,note_title,note
    full_date,date,weekday,time,mood,activities,scales,note_title,note

- The file may start with a UTF-8 byte order mark and use Windows line endings.
- ``full_date`` is ``2024-05-31``; older files have ``year`` plus ``date`` as ``May 31`` or
  ``31 May``. ``time`` is ``20:39`` or ``8:30 pm``. The time is local wall-clock time,
  placed in this computer's zone by :func:`peerjournal.domain.timestamps.resolve_local`
  (a time in the hour skipped by a DST change moves forward, and the report says so).
- ``mood`` is the user's own *name* for a level; the mapping (``--mood-map``, default the
  stock rad=5, good=4, meh=3, bad=2, awful=1) gives its level. Names are compared trimmed
  and case-insensitively. A name without a level is reported with its row count, never
  guessed; the import is refused until every name has one (a dry run lists them).
- ``activities`` are separated by `` | `` and become the mood log's activities (new names
  join the vault's activity list).
- ``note`` (with ``<br>`` line breaks and HTML entities) and ``note_title`` become an
  entry linked to the mood log; a row without them is a mood log only. ``scales`` are not
  kept (the report counts rows that had some).
- Ids derive from the row's content, so importing the same file again adds nothing.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from peerjournal.domain.timestamps import resolve_local
from peerjournal.errors import ImportExportError, InvalidInput, Text
from peerjournal.importers.moodmap import STOCK_MOODS, mood_key
from peerjournal.importers.records import MAX_BODY_CHARS, EntryRecord, MoodRecord
from peerjournal.importers.source import (
    CountingReader,
    ImportOptions,
    ImportSource,
    Item,
    Problem,
    checked_entry,
    checked_mood,
    line_at,
    open_import_file,
    skipped,
    source_id,
)
from peerjournal.importers.validate import fail, shorten

FORMAT_NAME = "daylio"
#: What ends a line: ``<br>``, the end of a paragraph, heading or list item, a list's start.
_BREAK = re.compile(
    r"<br\s*/?>|</(?:p|div|li|h[1-6]|ul|ol)\s*>|<(?:ul|ol)(?:\s[^<>]{0,300})?>", re.IGNORECASE
)
_ITEM = re.compile(r"\n*<li(?:\s[^<>]{0,300})?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,300})?/?>")
_TWELVE = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp])\.?\s*[Mm]\.?$")
_TWENTY_FOUR = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")
_DAY_FORMATS = ("%B %d", "%d %B", "%b %d", "%d %b", "%m-%d", "%d.%m.")
_MAX_FIELD = MAX_BODY_CHARS + 1024
#: Longest line read: a row with a note at its limit and every other column well filled.
MAX_LINE_CHARS = _MAX_FIELD + 64 * 1024


def note_text(raw: str) -> str:
    """A Daylio note as plain text: ``<br>`` and the end of a paragraph, heading or list
    item → line break, a list item → ``- ``, other tags dropped, entities decoded."""
    text = raw.replace("\r\n", "\n")
    if "<" in text:
        text = _TAG.sub("", _ITEM.sub("\n- ", _BREAK.sub("\n", text)))
    return html.unescape(text).strip()


def parse_time(text: str) -> tuple[int, int] | None:
    """``"20:39"`` → (20, 39); ``"8:30 pm"`` → (20, 30); ``"12:05 AM"`` → (0, 5)."""
    text = text.strip()
    twelve = _TWELVE.match(text)
    if twelve:
        hour, minute = int(twelve.group(1)), int(twelve.group(2))
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if twelve.group(3) in "Pp" else 0)
        return (hour, minute) if minute < 60 else None
    plain = _TWENTY_FOUR.match(text)
    if plain:
        hour, minute = int(plain.group(1)), int(plain.group(2))
        return (hour, minute) if hour < 24 and minute < 60 else None
    return None


def _day(row: dict[str, str], where: Text) -> date:
    full = row.get("full_date")
    if full is not None:
        try:
            return date.fromisoformat(full.strip())
        except ValueError as exc:
            raise fail(where, "daylio_date", value=shorten(full)) from exc
    year_text, day_text = row.get("year", "").strip(), row.get("date", "").strip()
    if not year_text.isdigit() or len(year_text) != 4:
        raise fail(where, "daylio_date", value=shorten(f"{year_text} {day_text}"))
    for pattern in _DAY_FORMATS:
        try:
            parsed = datetime.strptime(f"{year_text} {day_text}", f"%Y {pattern}")
        except ValueError:
            continue
        return parsed.date()
    raise fail(where, "daylio_date", value=shorten(f"{year_text} {day_text}"))


class _LineTooLong(csv.Error):
    """A line longer than any row may be (raised before the CSV reader counts it)."""


class _Lines:
    """The file's lines for the CSV reader, and how many quote characters they held so far.

    A line longer than any row (a million commas) is refused before the reader builds a
    cell for each of them. The count tells a row whose quote never closes: the reader then
    takes the rest of the file as that row's last field, without a word."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text
        self.quotes = 0

    def __iter__(self) -> Iterator[str]:
        while line := self._text.readline(MAX_LINE_CHARS + 1):
            if len(line) > MAX_LINE_CHARS:
                raise _LineTooLong("line too long")
            self.quotes += line.count('"')
            yield line


def _columns(header: list[str]) -> list[str]:
    names = [name.strip().lower() for name in header]
    has_day = "full_date" in names or ("year" in names and "date" in names)
    if not (has_day and "time" in names and "mood" in names):
        raise ImportExportError("import.daylio_header", found=shorten(",".join(header), 80))
    return names


class DaylioSource(ImportSource):
    """A Daylio CSV export."""

    format = FORMAT_NAME

    def __init__(self, path: Path, options: ImportOptions | None = None) -> None:
        super().__init__(path, options)
        self.mapping = {
            mood_key(name): level for name, level in (self.options.mood_map or STOCK_MOODS).items()
        }
        self._activities: dict[str, str] = {}
        self._unmapped_names: dict[str, str] = {}
        self._moved = 0
        self._scales = 0
        self._row_line = 1  # the line the next row begins on

    def read(self) -> Iterator[Item | Problem]:
        """One item per row: a mood log, with its linked entry when the row has a note."""
        raw, size = open_import_file(self.path)
        self.bytes_total = size
        counter = CountingReader(raw)
        text = io.TextIOWrapper(counter, encoding="utf-8-sig", newline="")  # type: ignore[type-var]
        previous_limit = csv.field_size_limit()
        csv.field_size_limit(_MAX_FIELD)
        lines = _Lines(text)
        reader = csv.reader(lines)
        try:
            yield from self._rows(reader, lines, counter)
        except UnicodeDecodeError as exc:
            raise ImportExportError(
                "import.not_utf8", format="Daylio", position=counter.count
            ) from exc
        except csv.Error as exc:
            # the reader cannot go on past a broken field: say where it broke, and why when
            # a line or a field is longer than any note (the csv module's words are English)
            line = self._row_line  # where the row it could not read begins
            if isinstance(exc, _LineTooLong) or "field larger than field limit" in str(exc):
                raise ImportExportError(
                    "import.csv_too_long", format="Daylio", line=line, limit=MAX_BODY_CHARS
                ) from exc
            raise ImportExportError("import.csv_bad", format="Daylio", line=line) from exc
        finally:
            csv.field_size_limit(previous_limit)
            text.close()
        self.vocabulary.activities = tuple(self._activities.values()) or None
        if self._moved:
            self.notices.append(Text("import.notice.moved_forward", count=self._moved))
        if self._scales:
            self.notices.append(Text("import.notice.daylio_scales", count=self._scales))

    def _rows(
        self, reader: Any, lines: _Lines, counter: CountingReader
    ) -> Iterator[Item | Problem]:
        header = next(reader, None)
        if header is None:
            raise ImportExportError("import.daylio_empty")
        names = _columns(header)
        self._row_line = reader.line_num + 1
        first, quotes, marked = self._row_line, 0, lines.quotes
        for cells in reader:
            first, quotes, marked = self._row_line, lines.quotes - marked, lines.quotes
            where = line_at(first)
            self._row_line = reader.line_num + 1
            self.bytes_done = counter.count
            if not any(cell.strip() for cell in cells):
                continue
            try:
                if len(cells) != len(names):
                    raise fail(where, "daylio_columns", found=len(cells), expected=len(names))
                item = self._item(dict(zip(names, cells, strict=True)), where)
            except ImportExportError as exc:
                yield skipped(exc)
                continue
            if item is not None:
                yield item
        # The last row ran over several lines to the end of the file with an odd number of
        # quotes: a quote opened in it never closed, and every row after it was read as
        # part of its note. Refused whole (the import applies nothing), with the line.
        if quotes % 2 and reader.line_num > first:
            raise ImportExportError("import.csv_quote_open", format="Daylio", line=first)

    def _item(self, row: dict[str, str], where: Text) -> Item | None:
        day = _day(row, where)
        clock = parse_time(row["time"])
        if clock is None:
            raise fail(where, "daylio_time", value=shorten(row["time"]))
        name = " ".join(row["mood"].split())
        if not name:
            raise fail(where, "empty", key="mood")
        level = self.mapping.get(mood_key(name))
        if level is None:
            shown = self._unmapped_names.setdefault(mood_key(name), name)
            self.unmapped_moods[shown] = self.unmapped_moods.get(shown, 0) + 1
            return None
        try:
            placed = resolve_local(datetime(day.year, day.month, day.day, *clock))
        except InvalidInput as exc:
            raise fail(where, "out_of_range", value=f"{day.isoformat()} {row['time']}") from exc
        if placed.moved_forward is not None:
            self._moved += 1
        at = placed.moment
        activities = tuple(" ".join(part.split()) for part in row.get("activities", "").split("|"))
        activities = tuple(part for part in activities if part)
        for activity in activities:
            self._activities.setdefault(activity.casefold(), activity)
        if row.get("scales", "").strip():
            self._scales += 1
        title = note_text(row.get("note_title", "")).replace("\n", " ")
        body = note_text(row.get("note", ""))
        identity = (day.isoformat(), f"{clock[0]:02}:{clock[1]:02}", mood_key(name),
                    "|".join(activities), title, body)  # fmt: skip
        mood = checked_mood(
            MoodRecord(source_id("daylio.mood", *identity), at, level, (), activities), where
        )
        if not title and not body:
            return Item(mood=mood)
        entry = EntryRecord(
            id=source_id("daylio.entry", *identity),
            created=at,
            updated=at,
            title=title,
            body=body,
            mood_id=mood.id,
        )
        return Item(entry=checked_entry(entry, where), mood=mood)
