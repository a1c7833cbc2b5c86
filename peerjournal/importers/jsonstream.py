"""Strict JSON read as a stream: the reader under the jrnl, PeerJournal and Day One JSON imports.

A :class:`JsonFile` is read in chunks of :data:`CHUNK` bytes through ijson's push parser
(its C backend ``yajl2_c`` where the wheel has one; ijson falls back to its pure-Python
parser by itself, with the same results here), so memory stays flat however large the
file is. A format that needs to look at the file more than once opens one
:class:`Reading` per pass. What ``json.loads`` refused is refused here too, in one line:

- bytes that are not UTF-8 (``import.not_utf8`` with the byte's position), including an
  escaped unpaired surrogate such as ``\\ud800``, which is no text (yajl would silently
  turn it into ``?``); a byte order mark at the start is skipped;
- text that is not JSON (``import.not_json`` with line and column: on that path only, the
  file is parsed once more up to the bad byte to find them, :mod:`.jsonerrors`);
- ``NaN``/``Infinity`` (``import.json_constant``), a number too large to convert
  (``import.json_value``; never Python's ``sys.set_int_max_str_digits`` hint);
- nesting deeper than :data:`MAX_DEPTH` (``import.too_deep``; a real export nests four deep).

Memory is bounded besides the parser's chunk: a token (a string or number) longer than
:data:`MAX_TOKEN_BYTES` is refused before the parser holds it whole (``import.json_value``),
and one record (an item of a streamed list) holding more than :data:`RECORD_BUDGET`
characters and items is not built: :meth:`Reading.items` yields :data:`OVERSIZED` for it.

Numbers are ints, or floats as ``json.loads`` makes them (``1e999`` is ``inf``); inside an
object a repeated key keeps its last value, as in ``json.loads``. A top-level key a format
watches (``entries``) given twice is refused (``import.json_key_twice``): ``json.loads``
kept the last and silently dropped the first list.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import IO, Any

from peerjournal.errors import ImportExportError, Text
from peerjournal.importers.jsonerrors import closing, refusal
from peerjournal.importers.records import MAX_IMPORT_BYTES, EntryRecord, MoodRecord
from peerjournal.importers.source import (
    Item,
    Problem,
    checked_entry,
    checked_mood,
    open_import_file,
    skipped,
)
from peerjournal.importers.validate import shorten

#: Bytes read and handed to the parser at a time.
CHUNK = 64 * 1024
#: Deepest nesting accepted (the top-level object counts 1; an export needs 4).
MAX_DEPTH = 64
#: Longest stretch between two double quotes: a longer token (a string or number) is refused
#: before the parser holds it whole. A body at its 5,000,000-character limit written with
#: ``\\uXXXX`` escapes (as jrnl writes non-ASCII text) is 30 MB.
MAX_TOKEN_BYTES = 32 * 1024 * 1024
#: Characters (of strings and keys) plus items (values) one record may hold; more than any
#: real entry (a 5,000,000-character body and its title and tags) or mood log.
RECORD_BUDGET = 8_000_000

_BOM = codecs.BOM_UTF8
_START = {"start_map": "object", "start_array": "list"}
_END = frozenset({"end_map", "end_array"})
_KINDS = {
    "start_map": "object",
    "start_array": "list",
    "string": "text",
    "number": "number",
    "boolean": "bool",
    "null": "null",
}
_HIGH = rb"\\u[dD][89abAB][0-9a-fA-F]{2}"
_LOW = rb"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
#: A high half not followed by a low one, or a low one not after a high one; it starts with
#: the literal ``\\u``, so the search runs at C speed between escapes.
_LONE_SURROGATE = re.compile(
    rb"\\u[dD](?:[89abAB][0-9a-fA-F]{2}(?!" + _LOW + rb")"
    rb"|[c-fC-F][0-9a-fA-F]{2}(?<!" + _HIGH + _LOW + rb"))"
)

#: What :meth:`Reading.items` yields for a record larger than :data:`RECORD_BUDGET`.
OVERSIZED = object()

#: The ijson backend to use; None: the best ijson finds (tests set the pure-Python one).
BACKEND: ModuleType | None = None


#: What a JSON format's passes yield: None (a tick for progress while a pass reads past
#: records), or a record's place and the record as read, or the error that skips it.
Found = tuple[Text, EntryRecord | MoodRecord | ImportExportError] | None


def checked_items(found: Iterable[Found]) -> Iterator[Item | Problem]:
    """The items of a JSON format's passes: each record checked by the vault's rules (a
    record they refuse, or one its reader could not make, is a skipped problem), and a
    tick (an empty :class:`~peerjournal.importers.source.Item`) for each None."""
    for result in found:
        if result is None:
            yield Item()
            continue
        where, record = result
        try:
            if isinstance(record, ImportExportError):
                raise record
            if isinstance(record, MoodRecord):
                item = Item(mood=checked_mood(record, where))
            else:
                item = Item(entry=checked_entry(record, where))
        except ImportExportError as exc:
            yield skipped(exc)
            continue
        yield item


def ijson_backend() -> ModuleType:
    """The ijson backend reading imports: ``yajl2_c`` where available (lazy import)."""
    if BACKEND is not None:
        return BACKEND
    import ijson  # lazy: only imports pay for the parser

    best: ModuleType = ijson  # ijson picks yajl2_c, else a slower backend that it has
    return best


def kind_text(kind: str) -> Text:
    """The JSON name of a kind of value (``"list"`` → "a list") for messages."""
    return Text(f"json.{kind}")


class _OverBudget(Exception):
    """A record grew past its budget while being built."""


class JsonFile:
    """One JSON import file (or bytes in memory, or a member of an open zip: its opener and
    size), read again for each pass a format needs.

    ``what`` names the format in messages ("jrnl", "PeerJournal export"). A file that
    changes between two passes is refused rather than read half old, half new.
    """

    def __init__(
        self,
        what: str,
        *,
        path: Path | None = None,
        data: bytes | None = None,
        member: tuple[Callable[[], IO[bytes]], int] | None = None,
        max_bytes: int = MAX_IMPORT_BYTES,
    ) -> None:
        self.what = what
        self.path = path
        self.data = data
        self.member = member
        self.chunk = CHUNK  # read when made, so tests can set smaller chunks
        self.max_token = MAX_TOKEN_BYTES
        self.max_bytes = max_bytes
        if member is not None:
            # a member of an archive: its opener and its size; the archive stays open
            self.size = member[1]
            self._stamp: tuple[int, int] = (self.size, 0)
        elif data is not None:
            if len(data) > max_bytes:
                raise ImportExportError("import.data_too_large", format=what)
            self.size = len(data)
            self._stamp = (self.size, 0)
        else:
            assert path is not None
            stream, self.size = open_import_file(path, max_bytes=max_bytes)
            with stream:
                self._stamp = self._stat(stream)

    @staticmethod
    def _stat(stream: IO[bytes]) -> tuple[int, int]:
        import os

        info = os.fstat(stream.fileno())
        return info.st_size, info.st_mtime_ns

    def open(self) -> IO[bytes]:
        """A fresh binary stream of the file, refused if it changed since the first look."""
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.member is not None:
            return self.member[0]()
        assert self.path is not None
        stream, _size = open_import_file(self.path, max_bytes=self.max_bytes)
        if self._stat(stream) != self._stamp:
            stream.close()
            raise ImportExportError(
                "import.unreadable", path=str(self.path), reason="it changed while it was read"
            )
        return stream

    def reading(self) -> Reading:
        """A new pass over the file from its start."""
        return Reading(self)


class _BadBytes(Exception):
    """Bytes that are not text, at ``position`` of the file."""

    def __init__(self, error: ImportExportError, position: int) -> None:
        super().__init__(position)
        self.error = error
        self.position = position


class _Guard:
    """Checks on the raw bytes before the parser sees them (see the module docstring)."""

    def __init__(self, source: JsonFile) -> None:
        self.what = source.what
        self.max_token = source.max_token
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.last_quote = 0
        self.tail = b""
        self.scanned = 0  # surrogate escapes starting before this were looked at

    def check(self, chunk: bytes, start: int) -> int:
        """Refuse ``chunk`` (at byte ``start`` of the file) if it breaks a rule.

        Returns how many bytes at its end (with any held before) begin a character that
        the next chunk completes.
        """
        pending = len(self.decoder.getstate()[0])
        try:
            self.decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise self._not_text(start - pending + exc.start) from exc
        end = start + len(chunk)
        first = chunk.find(b'"')
        if (end if first < 0 else start + first) - self.last_quote > self.max_token:
            raise ImportExportError("import.json_value", format=self.what)
        if first >= 0:
            self.last_quote = start + chunk.rfind(b'"')
        self._surrogates(chunk, start)
        return len(self.decoder.getstate()[0])

    def _surrogates(self, chunk: bytes, start: int, *, final: bool = False) -> None:
        """Refuse an escaped surrogate without its other half (a pair is one character).

        Only lone ones match (a regex with look-ahead and look-behind, so the escaped
        emoji of a jrnl file cost nothing here); a match too near the end of what was read
        to be decided waits for the next chunk, which the tail carries it into.
        """
        window = self.tail + chunk
        base = start - len(self.tail)
        decided = len(window) if final else len(window) - 11
        for match in _LONE_SURROGATE.finditer(window):
            at = base + match.start()
            if at < self.scanned:
                continue
            if match.start() >= decided:
                break
            # an escape only if its backslash is not itself escaped (an even run before it)
            before = match.start() - 1
            while before >= 0 and window[before] == 0x5C:
                before -= 1
            if (match.start() - 1 - before) % 2 == 0:
                raise self._not_text(at)
        self.scanned = max(self.scanned, base + max(decided, 0))
        self.tail = window[-32:]

    def finish(self, end: int) -> None:
        """The checks that need the end of the file."""
        pending = len(self.decoder.getstate()[0])
        try:
            self.decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise self._not_text(end - pending + exc.start) from exc
        self._surrogates(b"", end, final=True)
        if end - self.last_quote > self.max_token:
            raise ImportExportError("import.json_value", format=self.what)

    def _not_text(self, position: int) -> _BadBytes:
        error = ImportExportError("import.not_utf8", format=self.what, position=position)
        return _BadBytes(error, position)


class Reading:
    """One pass over a :class:`JsonFile`: a small pull parser over ijson's events.

    Read the top-level value with :meth:`kind`, then :meth:`object_keys` (an object), and for
    each key one of :meth:`value`, :meth:`skip`, :meth:`items` or :meth:`skip_items`; then
    :meth:`end`. :attr:`position` is the number of bytes read so far (for progress).
    """

    def __init__(self, source: JsonFile) -> None:
        self.source = source
        self.what = source.what
        self.position = 0
        self.depth = 0
        self.bom = 0
        self.complete = False  # the top-level value has been read whole
        self._pending: tuple[str, Any] | None = None
        self._events = self._parse()

    # -- events ------------------------------------------------------------------------
    def _parse(self) -> Generator[tuple[str, Any], None, None]:
        backend = ijson_backend()
        from ijson.utils import sendable_list

        sink = sendable_list()
        parser = backend.basic_parse_coro(sink)
        guard = _Guard(self.source)
        with self.source.open() as stream, closing(parser):
            self.bom = len(_BOM) if stream.read(len(_BOM)) == _BOM else 0
            stream.seek(self.bom)
            self.position = self.bom
            chunk = stream.read(self.source.chunk)
            held, fed = b"", self.bom  # the parser gets only bytes known to be UTF-8
            while chunk:
                start = self.position
                self.position += len(chunk)
                if self.position > self.source.max_bytes:
                    raise ImportExportError("import.data_too_large", format=self.what)
                try:
                    pending = guard.check(chunk, start)
                except _BadBytes as bad:
                    # what comes first in the file is reported: a JSON error before it
                    self._before(parser, held + chunk, fed, bad.position)
                    raise bad.error from None
                piece, held = held + chunk, b""
                if pending:
                    piece, held = piece[:-pending], piece[-pending:]
                if piece:  # (an empty one would tell the parser the file ended)
                    try:
                        parser.send(piece)
                    except Exception as exc:  # sorted out in _failed
                        raise self._failed(exc, (fed, len(piece))) from exc
                    fed += len(piece)
                yield from sink
                del sink[:]
                chunk = stream.read(self.source.chunk)
            try:
                guard.finish(self.position)
            except _BadBytes as bad:
                self._before(parser, held, fed, bad.position)
                raise bad.error from None
            try:
                parser.close()
            except Exception as exc:  # sorted out in _failed
                raise self._failed(exc, None) from exc
            yield from sink

    def _before(self, parser: Any, data: bytes, fed: int, position: int) -> None:
        """Parse the part of ``data`` (at byte ``fed``) before a bad byte at ``position``."""
        if position > fed:
            try:
                parser.send(data[: position - fed])
            except Exception as exc:  # sorted out in _failed
                raise self._failed(exc, (fed, position - fed)) from exc

    def _peek(self) -> tuple[str, Any]:
        if self._pending is None:
            self._pending = next(self._events)
        return self._pending

    def _fetch(self) -> tuple[str, Any]:
        """The next event, consumed (the nesting depth follows it)."""
        if self._pending is not None:
            event, self._pending = self._pending, None
        else:
            event = next(self._events)
        name = event[0]
        if name in _START:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ImportExportError("import.too_deep", format=self.what)
        elif name in _END:
            self.depth -= 1
            self.complete = self.depth == 0
        elif self.depth == 0:
            self.complete = True
        return event

    def kind(self) -> str:
        """The kind of the next value ("object", "list", "text", …), without reading it."""
        return _KINDS.get(self._peek()[0], "null")

    # -- values ------------------------------------------------------------------------
    def object_keys(self, watched: frozenset[str] = frozenset()) -> Iterator[str]:
        """The keys of the object that comes next; read each key's value before the next.

        A ``watched`` key that comes twice is refused (``import.json_key_twice``).
        """
        name, _value = self._fetch()
        assert name == "start_map", name
        seen: set[str] = set()
        while True:
            name, key = self._fetch()
            if name == "end_map":
                return
            if key in watched:
                if key in seen:
                    raise ImportExportError(
                        "import.json_key_twice", format=self.what, key=shorten(key, 30)
                    )
                seen.add(key)
            yield key

    def value(self, limit: int = RECORD_BUDGET) -> Any:
        """The next value, built; :data:`OVERSIZED` if it holds more than ``limit``."""
        start_depth = self.depth
        try:
            return self._build(self._fetch(), limit)
        except _OverBudget:
            while self.depth > start_depth:
                self._fetch()
            return OVERSIZED

    def _build(self, event: tuple[str, Any], left: int) -> Any:
        """The value ``event`` starts (already fetched): one loop, the hot path of a read.

        ``left`` counts down characters and values; below zero the value is given up
        (:class:`_OverBudget`, with :attr:`depth` where the reading stopped).
        """
        name, value = event
        if name not in _START:
            if name == "number" and type(value) is not int:
                return float(value)  # ijson's Decimal, as json.loads makes it: 1e999 is inf
            return value
        root: Any = {} if name == "start_map" else []
        stack: list[Any] = []
        container, key, depth = root, "", self.depth
        step = self._events.__next__
        while True:
            name, value = step()
            if name == "map_key":
                key = value
                left -= len(value) + 1
                continue
            if name == "end_map" or name == "end_array":
                depth -= 1
                if not stack:
                    self.depth = depth
                    self.complete = depth == 0
                    return root
                container = stack.pop()
                continue
            if name == "start_map" or name == "start_array":
                depth += 1
                if depth > MAX_DEPTH:
                    self.depth = depth
                    raise ImportExportError("import.too_deep", format=self.what)
                item: Any = {} if name == "start_map" else []
                left -= 1
            elif name == "string":
                item = value
                left -= len(value) + 1
            else:
                item = float(value) if name == "number" and type(value) is not int else value
                left -= 1
            if type(container) is list:
                container.append(item)
            else:
                container[key] = item
            if left < 0:
                self.depth = depth
                raise _OverBudget
            if name == "start_map" or name == "start_array":
                stack.append(container)
                container = item

    def skip(self) -> str:
        """Read past the next value without building it; its kind."""
        name, _value = self._fetch()
        if name in _START:
            outer = self.depth - 1
            while self.depth > outer:
                self._fetch()
        return _KINDS.get(name, "null")

    def items(self, limit: int = RECORD_BUDGET) -> Iterator[Any]:
        """Each item of the list that comes next, built (or :data:`OVERSIZED`)."""
        name, _value = self._fetch()
        assert name == "start_array", name
        while self._peek()[0] != "end_array":
            yield self.value(limit)
        self._fetch()

    def skip_items(self) -> Iterator[None]:
        """Read past the list that comes next, one item at a time (a tick per item)."""
        name, _value = self._fetch()
        assert name == "start_array", name
        while self._peek()[0] != "end_array":
            self.skip()
            yield None
        self._fetch()

    def end(self) -> None:
        """Read to the end of the file (the parser refuses anything after the value)."""
        for _event in self._events:
            raise AssertionError("a second top-level value")  # the parser refuses these

    def close(self) -> None:
        """Close the file now, also when the pass stopped half way (a member of a zip
        must be closed before its archive)."""
        self._events.close()

    # -- errors ------------------------------------------------------------------------
    def _failed(self, exc: Exception, piece: tuple[int, int] | None) -> ImportExportError:
        """The one-line error for what the parser refused (see :mod:`.jsonerrors`)."""
        return refusal(exc, piece, self.source, self.bom, self.what, complete=self.complete)
