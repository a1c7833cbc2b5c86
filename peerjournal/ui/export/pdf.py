"""A printable PDF of a range of the journal, drawn by Qt (QTextDocument on a QPdfWriter).

The command line reaches this through :func:`peerjournal.ui.app.pdf_renderer` only when
``--format pdf`` is asked for, so no other command loads Qt. Without a display (a server,
a script) Qt's offscreen platform is used.

The journal is laid out :data:`ENTRIES_PER_PART` entries at a time (and the mood table
:data:`MOODS_PER_PART` rows at a time), each part from a new page, and what the writer
made so far goes to the caller's stream after every part: one document for the whole
range held all of its layout in memory (10,000 entries: about 300 MB at the peak) and lost
what lay past some 666 pages (3,877 of those 10,000 entries were drawn). The stream
is the export use case's atomic file (mode 0600, removed on failure), so no plaintext
temp file is ever made here.
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, BinaryIO

from peerjournal.app.export import ExportedEntry, PdfInput
from peerjournal.domain.english import counted
from peerjournal.domain.timestamps import as_local

_APP: Any = None
#: Entries laid out at a time, and mood log rows: a part's layout is what memory holds,
#: and one layout loses what lies past some 666 A4 pages (its coordinates run out), so a
#: part also ends near PART_CHARS characters (about 100 pages of running text) and an
#: entry's text is cut after PART_LINES lines (about 55 pages of short lines).
ENTRIES_PER_PART = 200
MOODS_PER_PART = 1_000
PART_CHARS = 200_000
PART_LINES = 3_000
#: The line at the foot of every page that holds its number.
FOOTER_INCHES = 0.3


def _ensure_gui() -> None:
    """A QGuiApplication for fonts and painting (the desktop app's own when running)."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication(["peerjournal"])


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else "…"


def _range_text(doc: PdfInput) -> str:
    if doc.since is None and doc.until is None:
        return "All entries"
    return f"{_day(doc.since)} – {_day(doc.until)}"


def _entry_html(item: ExportedEntry) -> list[str]:
    """An entry's HTML: its heading, then its body in pieces of at most :data:`PART_CHARS`
    characters (a 5-million-character body is thousands of pages), cut at a line break
    where there is one."""
    entry = item.entry
    local = as_local(entry.created)
    head = f"{local:%A, %Y-%m-%d %H:%M}"
    parts = [f"<h2>{html.escape(head)}</h2>"]
    if entry.title.strip():
        parts.append(f"<h3>{html.escape(entry.title)}</h3>")
    facts = []
    if entry.starred:
        facts.append("★ starred")
    if entry.tags:
        facts.append("tags: " + ", ".join(entry.tags))
    if item.mood is not None:
        facts.append(f"mood {item.mood[0]}/5 ({item.mood[1]})")
    if facts:
        parts.append(f'<p class="facts">{html.escape(" · ".join(facts))}</p>')
    pieces = []
    for piece in _pieces(entry.body.replace("\r\n", "\n")):
        body = html.escape(piece).replace("\n", "<br/>")
        pieces.append(f'<p class="body">{body}</p>')
    pieces[0] = "\n".join([*parts, pieces[0]])
    return pieces


def _pieces(text: str) -> list[str]:
    pieces = []
    while (cut := _cut(text)) is not None:
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def _cut(text: str) -> int | None:
    """Where the first piece of ``text`` ends (None: it is one piece): before
    :data:`PART_CHARS` characters, at a line break in its second half if there is one, and
    after at most :data:`PART_LINES` lines (a page holds few of them, blank or not)."""
    end = None
    if len(text) > PART_CHARS:
        cut = text.rfind("\n", PART_CHARS // 2, PART_CHARS)
        end = PART_CHARS if cut < 0 else cut + 1
    found = -1
    for _line in range(PART_LINES):
        found = text.find("\n", found + 1, end)
        if found < 0:
            return end
    return found + 1


def _moods_html(doc: PdfInput, rows_of: Iterable[Any]) -> str:
    rows = []
    for log in rows_of:
        local = as_local(log.at)
        label = doc.labels.get(log.level, "")
        bar = "●" * log.level + "○" * (5 - log.level)
        extra = ", ".join((*log.emotions, *log.activities))
        rows.append(
            "<tr>"
            f"<td>{local:%Y-%m-%d %H:%M}</td><td>{bar}</td>"
            f"<td>{log.level} {html.escape(label)}</td>"
            f"<td>{html.escape(extra)}</td><td>{html.escape(log.note)}</td>"
            "</tr>"
        )
    return (
        "<h2>Mood levels</h2>"
        '<table cellspacing="0" cellpadding="3" border="1" width="100%">'
        "<tr><th>when</th><th>level</th><th></th><th>emotions, activities</th><th>note</th></tr>"
        + "".join(rows)
        + "</table>"
    )


_STYLE = (
    "<style>h1{font-size:20pt} h2{font-size:13pt; margin-top:14pt}"
    " h3{font-size:12pt} .facts{color:#444; font-style:italic} td,th{font-size:9pt}</style>"
)


def _heading_html(doc: PdfInput) -> str:
    return "\n".join(
        [
            f"<h1>{html.escape(doc.title)}</h1>",
            f"<p>{html.escape(_range_text(doc))}"
            f" · {counted(doc.entry_count, 'entry', 'entries')}"
            f" · {counted(len(doc.moods), 'mood log', 'mood logs')}</p>",
            "<p><i>This document is not encrypted.</i></p>",
        ]
    )


def _parts(doc: PdfInput) -> Iterator[str]:
    """The HTML of each part, in order: the heading with the first entries, the rest of
    the entries (a part ends after :data:`ENTRIES_PER_PART` of them or near
    :data:`PART_CHARS` characters), then the mood table (its heading in every part)."""
    held, size = [_heading_html(doc)], 0
    for count, item in enumerate(doc.entries, start=1):
        for piece in _entry_html(item):
            # a line break weighs as a line's worth of text: blank lines fill pages too
            weight = len(piece) + piece.count("<br/>") * (PART_CHARS // PART_LINES)
            if size and size + weight > PART_CHARS:
                yield _STYLE + "\n".join(held)
                held, size = [], 0
            held.append(piece)
            size += weight
        if count % ENTRIES_PER_PART == 0:
            yield _STYLE + "\n".join(held)
            held, size = [], 0
    if held:
        yield _STYLE + "\n".join(held)
    for start in range(0, len(doc.moods), MOODS_PER_PART):
        yield _STYLE + _moods_html(doc, doc.moods[start : start + MOODS_PER_PART])


class _Drawing:
    """A QPdfWriter on an in-memory buffer that is emptied into ``out`` after each part."""

    def __init__(self, doc: PdfInput, out: BinaryIO) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
        from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

        self.out = out
        self.data = QByteArray()  # the buffer's storage: it must live as long as the buffer
        self.buffer = QBuffer(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.buffer)
        self.writer.setTitle(doc.title)
        self.writer.setCreator("PeerJournal")
        self.writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        self.page = self.writer.pageLayout().paintRectPixels(self.writer.resolution())
        self.painter = QPainter(self.writer)
        self.footer_font = QFont()
        self.footer_font.setPointSizeF(9)
        self.pages = 0

    def part(self, part_html: str) -> None:
        """Lay out one part on pages of its own and pass the bytes made so far on."""
        from PySide6.QtCore import QRectF, QSizeF, Qt
        from PySide6.QtGui import QTextDocument

        text = QTextDocument()
        text.documentLayout().setPaintDevice(self.writer)  # the writer's resolution
        width = self.page.width()
        footer = self.writer.resolution() * FOOTER_INCHES
        height = self.page.height() - footer  # the page number's line below the text
        text.setPageSize(QSizeF(width, height))  # lines never straddle two pages
        text.setHtml(part_html)
        for number in range(text.pageCount()):
            if self.pages:
                self.writer.newPage()
            self.pages += 1
            self.painter.save()
            self.painter.translate(0, -number * height)
            text.drawContents(self.painter, QRectF(0, number * height, width, height))
            self.painter.restore()
            self.painter.setFont(self.footer_font)
            self.painter.drawText(
                QRectF(0, height, width, footer), Qt.AlignmentFlag.AlignCenter, str(self.pages)
            )
        self._drain()

    def _drain(self) -> None:
        # the writer keeps its own count of the bytes written (for the cross-reference
        # table), so what it wrote can leave the buffer as it goes
        self.out.write(bytes(self.buffer.data().data()))
        self.buffer.buffer().clear()
        self.buffer.seek(0)

    def finish(self) -> None:
        """End the PDF (its cross-reference table and trailer) and pass it on."""
        self.painter.end()
        self._drain()


def render_pdf(doc: PdfInput, out: BinaryIO) -> None:
    """Write the PDF of ``doc`` (A4, 15 mm margins) to ``out``, a part at a time."""
    _ensure_gui()
    drawing = _Drawing(doc, out)
    try:
        for part_html in _parts(doc):
            drawing.part(part_html)
    finally:
        drawing.finish()  # (on failure the caller removes the file: the painter must end)
