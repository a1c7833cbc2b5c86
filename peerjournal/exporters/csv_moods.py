"""Write mood logs as CSV for spreadsheets: date, time, level, label, emotions, activities, note.

Dates and times are the user's local ones (as the app shows them); emotions and
activities are joined by `` | `` (as Daylio does). The file is UTF-8 with a byte-order
mark, so spreadsheet programs pick the right encoding, and rows end in CRLF (RFC 4180).

**Spreadsheet formula injection**: a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return could run as a formula when the file is opened in a spreadsheet
program; such a cell is written with a leading apostrophe (``'=SUM(A1)``), which
spreadsheets show as text (the OWASP advice). A note that really starts with ``-`` shows
the apostrophe in a text editor; nothing else changes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import BinaryIO

from peerjournal.domain.timestamps import as_local
from peerjournal.exporters.peerjournal_json import MoodLike

HEADER = ("date", "time", "level", "label", "emotions", "activities", "note")
#: What a spreadsheet may read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = " | "


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet (see the module docstring)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def row(log: MoodLike, labels: Mapping[int, str]) -> tuple[str, ...]:
    """One mood log's cells."""
    local = as_local(log.at)
    cells = (
        local.date().isoformat(),
        f"{local:%H:%M}",
        str(int(log.level)),
        labels.get(int(log.level), ""),
        SEPARATOR.join(log.emotions),
        SEPARATOR.join(log.activities),
        log.note,
    )
    return tuple(neutralise(cell) for cell in cells)


class CsvWriter:
    """Writes rows to a binary stream as UTF-8 CSV (BOM and header first)."""

    def __init__(self, out: BinaryIO, labels: Mapping[int, str]) -> None:
        self._out = out
        self._labels = labels
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\r\n")
        out.write("\ufeff".encode())
        self._emit(HEADER)

    def _emit(self, cells: tuple[str, ...]) -> None:
        self._csv.writerow(cells)
        self._out.write(self._buffer.getvalue().encode("utf-8"))
        self._buffer.seek(0)
        self._buffer.truncate()

    def mood(self, log: MoodLike) -> None:
        """Write one mood log's row."""
        self._emit(row(log, self._labels))
