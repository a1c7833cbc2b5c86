"""Paints one entry row: date, star, mood marker, title, first line or snippet, tags."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from peerjournal.ui.journal.dates import short_day
from peerjournal.ui.journal.model import Row, RowRole
from peerjournal.ui.kit.theme import mood_colour, muted_text_colour

#: Mood levels with a marker; its colour is the theme's mark scale (never the only cue, the
#: list also carries the level in its accessible text).
MOOD_COLOURS = range(1, 6)

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

_PAD = 10


def snippet_html(snippet: str) -> str:
    """Escape a search snippet as HTML first, then turn its markers into highlights."""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(HIGHLIGHT_START, "<b><u>").replace(HIGHLIGHT_END, "</u></b>")


def centred_snippet(snippet: str, width_of: Callable[[str], float], room: float) -> str:
    """The snippet cut so its first match starts at most a third into the visible line.

    A row shows one line of the snippet; FTS5 may put the match far to the right, where
    the line is clipped. Text before the match is dropped (an ellipsis marks the cut), so
    the matching word is always on screen. ``width_of`` measures plain text.
    """
    text = snippet.replace("\n", " ")
    start = text.find(HIGHLIGHT_START)
    if start <= 0:
        return text
    before = text[:start].replace(HIGHLIGHT_END, "")
    if width_of(before) <= room / 3:
        return text
    keep = before
    while keep and width_of("…" + keep) > room / 3:
        keep = keep[1:]
    # start at a word boundary when one is close, so no half word shows
    space = keep.find(" ")
    if 0 <= space < len(keep) // 2:
        keep = keep[space + 1 :]
    return "…" + keep + text[start:]


def format_day(row: Row) -> str:
    """A short date like 'Tue 3 Nov 2026', in the current locale."""
    return short_day(row.created)


class EntryDelegate(QStyledItemDelegate):
    """Draws an entry as a three-line card."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Four text lines (date, title, text, tags) plus padding."""
        height = option.fontMetrics.height()
        return QSize(240, height * 4 + 2 * _PAD + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Paint the row."""
        row = index.data(RowRole)
        if not isinstance(row, Row):
            super().paint(painter, option, index)
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            option_copy = QStyleOptionViewItem(option)
            option_copy.text = ""
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option_copy, painter, option.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # the application palette: style sheets hand views a palette without the theme's
        # highlighted-text colour
        palette = QApplication.palette()
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        # the theme's muted colour holds 4.5:1 on the list; on a selected row a faded
        # highlighted-text colour would not, so the full colour is used there
        muted = QColor(text_colour) if selected else muted_text_colour(palette)
        rect = option.rect.adjusted(_PAD + 8, _PAD, -_PAD, -_PAD)
        metrics = option.fontMetrics
        line = metrics.height()

        # mood marker: a coloured bar at the left edge
        if row.mood_level is not None and row.mood_level in MOOD_COLOURS:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mood_colour(row.mood_level, palette))
            bar = QRectF(option.rect.left() + 5, option.rect.top() + _PAD, 4, line * 3)
            painter.drawRoundedRect(bar, 2, 2)

        # line 1: date (muted) and star
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.9))
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(rect.left(), rect.top() + metrics.ascent(), format_day(row))
        if row.starred:
            painter.setPen(QColor("#d4a017"))
            painter.drawText(
                rect.adjusted(0, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                "★",
            )

        # line 2: title in bold
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title = row.title or row.first_line or self.tr("Untitled")
        bold_metrics = painter.fontMetrics()
        painter.drawText(
            rect.left(),
            rect.top() + line + bold_metrics.ascent(),
            bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )

        # line 3: snippet with highlights, or the first line
        painter.setFont(option.font)
        top3 = rect.top() + 2 * line
        if row.snippet is not None:
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(0)
            doc.setTextWidth(10_000)  # one line; the clip below cuts it at the edge
            shown = centred_snippet(
                row.snippet, lambda t: float(metrics.horizontalAdvance(t)), rect.width()
            )
            doc.setHtml(snippet_html(shown))
            painter.save()
            painter.translate(rect.left(), top3)
            clip = QRectF(0, 0, rect.width(), line)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(context.palette.ColorRole.Text, text_colour)
            context.clip = clip
            doc.documentLayout().draw(painter, context)
            painter.restore()
        else:
            painter.setPen(muted)
            painter.drawText(
                rect.left(),
                top3 + metrics.ascent(),
                metrics.elidedText(row.first_line, Qt.TextElideMode.ElideRight, rect.width()),
            )

        # line 4: tags
        if row.tags:
            painter.setFont(small)
            accent = palette.highlightedText().color() if selected else palette.link().color()
            painter.setPen(accent)
            tags = "  ".join(f"#{tag}" for tag in row.tags)
            painter.drawText(
                rect.left(),
                rect.top() + 3 * line + metrics.ascent(),
                metrics.elidedText(tags, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()
