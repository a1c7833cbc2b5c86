"""Where a JSON import file went wrong, and the one line that says so.

:mod:`peerjournal.importers.jsonstream` reads a file through ijson's push parser; when the
parser refuses it, :func:`refusal` turns that into one :class:`ImportExportError`: a number
too long to convert, ``NaN``/``Infinity``, or text that is not JSON with its line, column
and what was found there. Only on that path is the file read again, up to the bad byte
(:class:`_ErrorFinder`), so a good file costs nothing here.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from peerjournal.errors import ImportExportError

if TYPE_CHECKING:
    from peerjournal.importers.jsonstream import JsonFile

_STARTS = frozenset({"start_map", "start_array"})
_ENDS = frozenset({"end_map", "end_array"})
_CONTINUATION = bytes(range(0x80, 0xC0))
_CONSTANT = re.compile(rb"-?(?:NaN|Infinity)")


def refusal(
    exc: Exception,
    piece: tuple[int, int] | None,
    source: JsonFile,
    bom: int,
    what: str,
    *,
    complete: bool,
) -> ImportExportError:
    """The one-line error for what the parser refused: ``exc``, raised on the bytes
    ``piece`` (start, length) of ``source`` (None: at the end, every event before it read);
    ``complete``: whether the top-level value had ended. Anything else is raised again."""
    from ijson.common import JSONError  # every backend's

    context = exc.__context__
    if isinstance(exc, SystemError) and isinstance(context, ValueError):
        # yajl2_c: a number with more digits than Python converts (int_max_str_digits)
        return ImportExportError("import.json_value", format=what)
    if not isinstance(exc, JSONError | ValueError):  # the pure-Python one: bad escapes
        raise exc
    finder = _ErrorFinder(source, bom)
    if piece is None:  # at the end: every event before it was read
        offset = source.size
    else:
        offset, complete = finder.locate(*piece)
    constant = finder.constant_at(offset)
    if constant is not None:
        return ImportExportError("import.json_constant", format=what, value=constant)
    if finder.long_number_at(offset):  # the pure-Python parser's way to say so
        return ImportExportError("import.json_value", format=what)
    line, column = finder.line_column(offset)
    if complete:
        reason = "extra data after the JSON value"
    elif offset >= source.size:
        reason = "the file ends before the JSON value does"
    else:
        reason = f"unexpected character {finder.char_at(offset)!r}"
    return ImportExportError(
        "import.not_json", format=what, line=line, column=column, reason=reason
    )


@contextmanager
def closing(parser: Any) -> Iterator[None]:
    """Close a parser left half way (the pure-Python one complains when collected)."""
    try:
        yield
    finally:
        with suppress(Exception):  # an incomplete parse: its reason is already reported
            parser.close()


class _ErrorFinder:
    """Finds where the parser failed, reading the file again (only on that path)."""

    def __init__(self, source: JsonFile, bom: int) -> None:
        self.source = source
        self.bom = bom

    def _chunks(self, stop: int) -> Iterator[tuple[int, bytes]]:
        with self.source.open() as stream:
            stream.seek(self.bom)
            position = self.bom
            while position < stop:
                chunk = stream.read(min(self.source.chunk, stop - position))
                if not chunk:
                    return
                yield position, chunk
                position += len(chunk)

    def locate(self, start: int, length: int) -> tuple[int, bool]:
        """The byte offset of the failure, and whether the top-level value was complete.

        The parser failed on the ``length`` bytes at ``start``: the bytes before them are
        parsed again, then those one by one.
        """
        from ijson.utils import sendable_list

        sink = sendable_list()
        from peerjournal.importers.jsonstream import ijson_backend

        parser = ijson_backend().basic_parse_coro(sink)
        with closing(parser):
            return self._feed(parser, sink, start, start + length)

    def _feed(self, parser: Any, sink: list[Any], start: int, stop: int) -> tuple[int, bool]:
        depth, complete = 0, False

        def feed(data: bytes) -> None:
            nonlocal depth, complete
            parser.send(data)
            for name, _value in sink:
                if name in _STARTS:
                    depth += 1
                elif name in _ENDS:
                    depth -= 1
                if depth == 0 and name != "map_key":
                    complete = True
            del sink[:]

        for begin, chunk in self._chunks(stop):
            split = min(max(start - begin, 0), len(chunk))  # before it: parsed as a whole
            if split:
                try:
                    feed(chunk[:split])
                except Exception:  # the file changed: report here
                    return begin, complete
            for index in range(split, len(chunk)):
                try:
                    feed(chunk[index : index + 1])
                except Exception:  # this is the byte
                    return begin + index, complete
        return self.source.size, complete

    def _around(self, offset: int) -> bytes:
        with self.source.open() as stream:
            begin = max(offset - 16, 0)
            stream.seek(begin)
            return stream.read(offset - begin + 16)

    def constant_at(self, offset: int) -> str | None:
        """``NaN``/``Infinity``/``-Infinity`` if the token at ``offset`` is one."""
        if offset >= self.source.size:
            return None
        window = self._around(offset)
        here = min(offset, 16)
        for match in _CONSTANT.finditer(window):
            if match.start() <= here < match.end():
                return match.group().decode()
        return None

    def long_number_at(self, offset: int) -> bool:
        """Whether a number too long to convert ends at (or just before) ``offset``."""
        limit = sys.get_int_max_str_digits() or 4300
        with self.source.open() as stream:
            begin = max(offset - limit - 1, self.bom)
            stream.seek(begin)
            window = stream.read(offset - begin + 1)
        if window[-1:] and not window[-1:].isdigit():
            window = window[:-1]
        digits = len(window) - len(window.rstrip(b"0123456789"))
        return digits >= limit

    def char_at(self, offset: int) -> str:
        """The character starting at ``offset`` (for the message)."""
        window = self._around(offset)[min(offset, 16) :]
        return window[:4].decode("utf-8", "replace")[:1]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of ``offset``, as ``json`` counts them."""
        line, column = 1, 0
        for _start, chunk in self._chunks(offset):
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                line += chunk.count(b"\n")
                chunk = chunk[newline + 1 :]
                column = 0
            column += len(chunk.translate(None, _CONTINUATION))
        return line, column + 1
