"""Read all three of jrnl's exports: ``--format json``, ``--format txt`` and ``--format md``.

``--format jrnl`` looks at the file's first character: ``{`` is the JSON export (read by
:mod:`peerjournal.importers.jrnl`), ``[`` the plain-text export, ``#`` the Markdown one.
The text exports, as jrnl 4.6 writes them with its default ``timeformat`` (``%F %r``)::

    [2024-05-31 09:07:00 PM] Quiet evening. *          (txt: a trailing * marks a star)
    Body lines…

    # 2024                                             (md: year and month headings,
    ## May                                             then one heading per entry;
    ### 2024-05-31 09:07:00 PM Quiet evening.          md carries no stars)

    Body lines…

The heading line's text is the title, the lines below it the body. Tags are the words
starting with ``@`` or ``#`` in title and body, as jrnl finds them (without the sign).
Times are local wall-clock times, placed like every other local time
(:func:`peerjournal.domain.timestamps.resolve_local`); 24-hour times (``%F %R``) are read too.
An entry's id is derived as for the JSON export (time to the minute, as the JSON has it,
title, body), so the same journal imported from any of its three exports adds its entries
once. The file is read line by line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from peerjournal.domain.timestamps import resolve_local
from peerjournal.errors import ImportExportError, InvalidInput, Text
from peerjournal.importers.jrnl import JrnlJsonSource, unique_tags
from peerjournal.importers.records import EntryRecord, fingerprint_id
from peerjournal.importers.source import (
    CountingReader,
    ImportOptions,
    ImportSource,
    Item,
    Problem,
    checked_entry,
    line_at,
    open_import_file,
    skipped,
)
from peerjournal.importers.validate import fail, shorten

FORMAT_NAME = "jrnl"
_STAMP = r"(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)"
_TXT_HEAD = re.compile(r"^\[" + _STAMP + r"\] ?(.*)$")
_MD_HEAD = re.compile(r"^### " + _STAMP + r"(?: (.*))?$")
_MD_YEAR = re.compile(r"^# \d{4}$")
_MD_MONTH = re.compile(r"^## [^\W\d_]+$")
_TAG = re.compile(r"(?<!\S)[@#]([^\s.,;:!?\"'()\[\]{}<>]+)")
_FORMATS = ("%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
MAX_LINE_CHARS = 1_000_000


#: The stamps jrnl writes, read without strptime (ten times slower; same answers, tested).
_PLAIN_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])[Mm])?"
)


def _when(stamp: str, where: Text) -> datetime:
    plain = _PLAIN_STAMP.fullmatch(stamp.strip())
    if plain is not None:
        year, month, day, hour, minute = (int(part) for part in plain.group(1, 2, 3, 4, 5))
        second = int(plain[6] or 0)
        half = plain[7]
        if half is not None:
            # %I: 1 to 12, 12 AM is midnight and 12 PM noon
            hour = hour % 12 + (12 if half in "Pp" else 0) if 1 <= hour <= 12 else 99
        try:
            return datetime(year, month, day, hour, minute, second)
        except ValueError as exc:
            raise fail(where, "jrnl_stamp", value=shorten(stamp)) from exc
    return _when_strptime(stamp, where)


def _when_strptime(stamp: str, where: Text) -> datetime:
    compact = re.sub(r"(\d)([AaPp][Mm])$", r"\1 \2", stamp.strip())
    for pattern in _FORMATS:
        try:
            return datetime.strptime(compact, pattern)
        except ValueError:
            continue
    raise fail(where, "jrnl_stamp", value=shorten(stamp))


def tags_in(text: str) -> tuple[str, ...]:
    """The ``@``/``#`` words of ``text`` without their sign, first spelling kept."""
    return unique_tags(tuple(_TAG.findall(text)))


class JrnlSource(ImportSource):
    """Any jrnl export: JSON handed to the JSON reader, txt and md read here."""

    format = FORMAT_NAME

    def __init__(self, path: Path, options: ImportOptions | None = None) -> None:
        super().__init__(path, options)
        self.kind = ""

    def read(self) -> Iterator[Item | Problem]:
        """The entries of whichever export the file is."""
        raw, size = open_import_file(self.path)
        self.bytes_total = size
        with raw:
            first = raw.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if first in (b"{", b""):
            self.kind = "json"
            inner = JrnlJsonSource(self.path, self.options)
            for item in inner:
                self.bytes_done, self.bytes_total = inner.bytes_done, inner.bytes_total
                yield item
            self.notices, self.vocabulary = inner.notices, inner.vocabulary
            self.bytes_done, self.bytes_total = inner.bytes_done, inner.bytes_total
            return
        if first == b"[":
            self.kind = "txt"
        elif first == b"#":
            self.kind = "md"
        else:
            raise ImportExportError("import.jrnl_unknown")
        yield from self._text()

    def _text(self) -> Iterator[Item | Problem]:
        raw, _size = open_import_file(self.path)
        counter = CountingReader(raw)
        stream = io.TextIOWrapper(counter, encoding="utf-8-sig", newline=None)  # type: ignore[type-var]
        head = _TXT_HEAD if self.kind == "txt" else _MD_HEAD
        current: tuple[int, str, str] | None = None  # line, stamp, title
        body: list[str] = []
        number = 0
        try:
            for number, line in enumerate(stream, start=1):
                self.bytes_done = counter.count
                line = line.rstrip("\n")
                if len(line) > MAX_LINE_CHARS:
                    raise ImportExportError("import.jrnl_line_too_long", line=number)
                match = head.match(line)
                if match:
                    if current is not None:
                        yield self._entry(current, body)
                    current, body = (number, match.group(1), match.group(2) or ""), []
                    continue
                if self.kind == "md" and (_MD_YEAR.match(line) or _MD_MONTH.match(line)):
                    continue
                if current is None:
                    if line.strip():
                        raise ImportExportError(
                            "import.jrnl_text_start", format=self.kind, line=number
                        )
                    continue
                body.append(line)
            if current is not None:
                yield self._entry(current, body)
        except UnicodeDecodeError as exc:
            raise ImportExportError(
                "import.not_utf8", format="jrnl", position=counter.count
            ) from exc
        finally:
            stream.close()
        if current is None:
            raise ImportExportError("import.jrnl_text_empty", format=self.kind)

    def _entry(self, head: tuple[int, str, str], lines: list[str]) -> Item | Problem:
        number, stamp, title = head
        where = line_at(number)
        try:
            title = title.strip()
            starred = False
            if self.kind == "txt" and (title == "*" or title.endswith(" *")):
                starred, title = True, title[:-1].rstrip()
            if self.kind == "md":
                while lines and not lines[0].strip():
                    lines.pop(0)
            while lines and not lines[-1].strip():
                lines.pop()
            body = "\n".join(lines)
            naive = _when(stamp, where)
            try:
                created = resolve_local(naive).moment
            except InvalidInput as exc:
                raise fail(where, "out_of_range", value=shorten(stamp)) from exc
            if not title and not body.strip():
                raise fail(where, "jrnl_empty")
            record = EntryRecord(
                # jrnl's JSON export has no seconds: the id from the minute, so the same
                # entry read from any of the three exports gets one id
                id=fingerprint_id(naive.replace(second=0, microsecond=0), title, body),
                created=created,
                updated=created,
                title=title,
                body=body,
                tags=tags_in(title + "\n" + body),
                starred=starred,
            )
            return Item(entry=checked_entry(record, where))
        except ImportExportError as exc:
            return skipped(exc)
