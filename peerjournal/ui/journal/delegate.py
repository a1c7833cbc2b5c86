"""Paints one entry row: date, star, mood marker, title, first line or snippet, tags."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTextBoundaryFinder,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QTextDocument,
)
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


def grapheme_ends(text: str) -> list[int]:
    """Every index of ``text`` (a Python string) between two graphemes, 0 and len included.

    Qt finds the boundaries (QTextBoundaryFinder counts UTF-16 units; an emoji outside the
    Basic Multilingual Plane is two of them but one Python character).
    """
    units: dict[int, int] = {}
    unit = 0
    for index, char in enumerate(text):
        units[unit] = index
        unit += 2 if ord(char) > 0xFFFF else 1
    units[unit] = len(text)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    ends = [0]
    while (position := finder.toNextBoundary()) != -1:
        if position in units and units[position] > ends[-1]:
            ends.append(units[position])
    if ends[-1] != len(text):
        ends.append(len(text))
    return ends


def _plain(text: str) -> str:
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def centred_snippet(snippet: str, width_of: Callable[[str], float], room: float) -> str:
    """The snippet cut so its first match starts at most a third into the visible line,
    and ended with an ellipsis where the line is full; both cuts fall between graphemes.

    A row shows one line of the snippet; FTS5 may put the match far to the right, where
    the line ends. Text before the match is dropped (an ellipsis marks the cut), so the
    matching word is always on screen. ``width_of`` measures text with its highlight
    markers (highlighted words are bold, so wider).
    """
    text = snippet.replace("\n", " ")
    start = text.find(HIGHLIGHT_START)
    if start > 0 and width_of(text[:start]) > room / 3:
        before = text[:start]
        cuts = grapheme_ends(before)
        # the first cut whose rest fits a third of the line (the rest shrinks as cut grows)
        low, high = 0, len(cuts) - 1
        while low < high:
            middle = (low + high) // 2
            if width_of("…" + before[cuts[middle] :]) <= room / 3:
                high = middle
            else:
                low = middle + 1
        keep = before[cuts[low] :]
        # start at a word boundary when one is close, so no half word shows
        space = keep.find(" ")
        if 0 <= space < len(keep) // 2:
            keep = keep[space + 1 :]
        text = "…" + keep + text[start:]
    return elide_marked(text, width_of, room)


def elide_marked(text: str, width_of: Callable[[str], float], room: float) -> str:
    """``text`` (with highlight markers) as it fits ``room``: whole, or cut between two
    graphemes with an ellipsis, a highlight cut in two closed before it."""
    if width_of(text) <= room:
        return text
    cuts = grapheme_ends(text)
    low, high = 0, len(cuts) - 1  # the last cut that fits, with its ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if width_of(_closed(text[: cuts[middle]]) + "…") <= room:
            low = middle
        else:
            high = middle - 1
    return _closed(text[: cuts[low]].rstrip()) + "…"


def _closed(text: str) -> str:
    """``text`` with a highlight it opened and did not close, closed."""
    opened = text.rfind(HIGHLIGHT_START)
    return text + HIGHLIGHT_END if opened > text.rfind(HIGHLIGHT_END) else text


def format_day(row: Row) -> str:
    """A short date like 'Tue 3 Nov 2026', in the current locale."""
    return short_day(row.created)


class EntryDelegate(QStyledItemDelegate):
    """Draws an entry as a three-line card."""

    def shown_lines(self, row: Row, font: QFont, room: int) -> tuple[str, str]:
        """The title line and the text line a row ``room`` pixels wide shows: elided with
        an ellipsis between two graphemes (the text line keeps a snippet's markers)."""
        bold_font = QFont(font)
        bold_font.setBold(True)
        title = row.title or row.first_line or self.tr("Untitled")
        title = QFontMetrics(bold_font).elidedText(title, Qt.TextElideMode.ElideRight, room)
        if row.snippet is not None:
            return title, self.shown_snippet(row.snippet, font, room)
        text = QFontMetrics(font).elidedText(row.first_line, Qt.TextElideMode.ElideRight, room)
        return title, text

    @staticmethod
    def shown_snippet(snippet: str, font: QFont, room: float) -> str:
        """The part of a search snippet a row of ``room`` pixels shows (markers kept)."""
        bold_font = QFont(font)
        bold_font.setBold(True)
        plain, bold = QFontMetrics(font), QFontMetrics(bold_font)

        def width_of(text: str) -> float:
            # highlighted words are drawn bold: measure them so
            width = 0.0
            for number, part in enumerate(text.split(HIGHLIGHT_START)):
                marked, _end, rest = part.partition(HIGHLIGHT_END) if number else ("", "", part)
                width += bold.horizontalAdvance(marked) + plain.horizontalAdvance(rest)
            return width

        return centred_snippet(snippet, width_of, room)

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
        title, text = self.shown_lines(row, option.font, rect.width())
        bold_metrics = painter.fontMetrics()
        painter.drawText(rect.left(), rect.top() + line + bold_metrics.ascent(), title)

        # line 3: snippet with highlights, or the first line
        painter.setFont(option.font)
        top3 = rect.top() + 2 * line
        if row.snippet is not None:
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(0)
            doc.setTextWidth(10_000)  # one line, already elided to the row's width
            doc.setHtml(snippet_html(text))
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
            painter.drawText(rect.left(), top3 + metrics.ascent(), text)

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
