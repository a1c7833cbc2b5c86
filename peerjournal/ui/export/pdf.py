"""A printable PDF of a range of the journal, drawn by Qt (QTextDocument on a QPdfWriter).

The command line reaches this through :func:`peerjournal.ui.app.pdf_renderer` only when
``--format pdf`` is asked for, so no other command loads Qt. Without a display (a server,
a script) Qt's offscreen platform is used. The PDF is made in memory and handed back as
bytes; the export use case writes it atomically with mode 0600, so no plaintext temp file
is ever made here.
"""

from __future__ import annotations

import html
import os
import sys
from datetime import date
from typing import Any

from peerjournal.app.export import ExportedEntry, PdfInput
from peerjournal.domain.timestamps import as_local

_APP: Any = None


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


def _counted(number: int, one: str, many: str) -> str:
    """'1 entry', '2 entries': the PDF is in English (the command line makes it too)."""
    return f"{number} {one if number == 1 else many}"


def _entry_html(item: ExportedEntry) -> str:
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
    body = html.escape(entry.body.replace("\r\n", "\n")).replace("\n", "<br/>")
    parts.append(f'<p class="body">{body}</p>')
    return "\n".join(parts)


def _moods_html(doc: PdfInput) -> str:
    if not doc.moods:
        return ""
    rows = []
    for log in doc.moods:
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


def document_html(doc: PdfInput) -> str:
    """The HTML the PDF is drawn from (entries in order, then the mood levels)."""
    style = (
        "<style>h1{font-size:20pt} h2{font-size:13pt; margin-top:14pt}"
        " h3{font-size:12pt} .facts{color:#444; font-style:italic} td,th{font-size:9pt}</style>"
    )
    count = len(doc.entries)
    parts = [
        style,
        f"<h1>{html.escape(doc.title)}</h1>",
        f"<p>{html.escape(_range_text(doc))} · {_counted(count, 'entry', 'entries')}"
        f" · {_counted(len(doc.moods), 'mood log', 'mood logs')}</p>",
        "<p><i>This document is not encrypted.</i></p>",
    ]
    parts.extend(_entry_html(item) for item in doc.entries)
    parts.append(_moods_html(doc))
    return "\n".join(parts)


def render_pdf(doc: PdfInput) -> bytes:
    """The PDF file of ``doc`` (A4, 15 mm margins), as bytes."""
    _ensure_gui()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(doc.title)
    writer.setCreator("PeerJournal")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    text = QTextDocument()
    text.setHtml(document_html(doc))
    text.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())
