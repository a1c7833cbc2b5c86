"""The entry list never shows half a letter: first lines and search snippets are shortened
between two graphemes (an accent stays on its letter, an emoji sequence or a flag stays
whole) and end with an ellipsis where they were shortened, in the list as it is painted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import regex
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import QApplication

from peerjournal.ui.journal.delegate import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    EntryDelegate,
    snippet_html,
)
from peerjournal.ui.journal.page import JournalPage
from peerjournal.ui.kit.worker import DbWorker
from tests.helpers.gui import run_job

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # one grapheme, five code points
FLAG = "\U0001f1e9\U0001f1ea"  # DE: two regional indicators
THUMB = "\U0001f44d\U0001f3fd"  # thumbs up with a skin tone
CAFE = "cafe\u0301"  # e + combining acute
CLUSTERS = f"{FAMILY} {CAFE} {FLAG} nai\u0308ve {THUMB} "


def _bodies() -> list[str]:
    bodies = []
    for shift in range(6):
        # a first line longer than the list keeps (200): the cut falls inside the family
        bodies.append("x" * (196 + shift) + FAMILY + " " + CLUSTERS * 8)
        # a search hit with letters made of several code points all around it
        bodies.append("y" * shift + " " + CLUSTERS * 3 + " kingfisher " + CLUSTERS * 4 + "\nmore")
    return bodies


@pytest.fixture
def page(qtbot, worker: DbWorker) -> Iterator[JournalPage]:
    def seed(session) -> None:
        start = datetime(2025, 6, 1, 20, 0).astimezone()
        for number, body in enumerate(_bodies()):
            session.journal.add(body, created=start + timedelta(hours=number))

    run_job(qtbot, worker, seed)
    widget = JournalPage(worker)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    with qtbot.waitSignal(widget.model.page_loaded):
        widget.start()
    yield widget
    qtbot.waitUntil(lambda: not worker.busy)


def _ends(text: str) -> set[int]:
    """Grapheme boundaries by the regex module's \\X (independent of Qt's)."""
    return {m.start() for m in regex.finditer(r"\X", text)} | {len(text)}


def _plain(text: str) -> str:
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def _assert_whole_part_of(shown: str, source: str, *, cut: bool) -> None:
    core = _plain(shown).removeprefix("…").removesuffix("…")
    assert core.strip(), shown
    at = source.find(core)
    assert at >= 0, f"{shown!r} is not a piece of the text"
    assert at in _ends(source) and at + len(core) in _ends(source), f"half a letter: {shown!r}"
    if cut:
        assert _plain(shown).endswith("…"), f"shortened without an ellipsis: {shown!r}"


def _rows(page: JournalPage):  # type: ignore[no-untyped-def]
    delegate = page.list.itemDelegate()
    assert isinstance(delegate, EntryDelegate)
    room = page.list.viewport().width() - 28  # the delegate's padding
    font = page.list.font()
    for number in range(page.model.rowCount()):
        row = page.model.row_at(number)
        assert row is not None
        yield row, delegate.shown_lines(row, font, room), room


def test_first_lines_are_cut_between_graphemes_with_an_ellipsis(page: JournalPage) -> None:
    bodies = [b.splitlines()[0].strip() for b in _bodies()]
    long_lines = 0
    metrics = QFontMetrics(page.list.font())
    for row, (title, text), room in _rows(page):
        source = next(b for b in bodies if b.startswith(_plain(row.first_line).rstrip("…")))
        if len(source) > 200:
            long_lines += 1
            _assert_whole_part_of(row.first_line, source, cut=True)  # what the core keeps
        for shown in (title, text):  # what the list paints
            _assert_whole_part_of(shown, source, cut=True)
            assert metrics.horizontalAdvance(_plain(shown)) <= room + 1
    assert long_lines == 6


def test_search_snippets_by_keys_are_cut_between_graphemes_and_elided(
    qtbot, page: JournalPage
) -> None:
    page.filters.search.setFocus()
    with qtbot.waitSignal(page.model.search_finished, timeout=5000):
        qtbot.keyClicks(page.filters.search, "kingfisher")
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    sources = [b.replace("\n", " ") for b in _bodies() if "kingfisher" in b]
    for row, (_title, text), room in _rows(page):
        assert row.snippet is not None
        source = next(s for s in sources if _plain(row.snippet).strip("…") in s)
        _assert_whole_part_of(row.snippet, source, cut=False)  # the core's snippet
        _assert_whole_part_of(text, source, cut=True)  # the painted line
        assert HIGHLIGHT_START in text and text.count(HIGHLIGHT_START) == text.count(HIGHLIGHT_END)
        assert EntryDelegate.shown_snippet(row.snippet, page.list.font(), room) == text
        # laid out as the row paints it, the line fits: nothing is clipped at the edge
        doc = QTextDocument()
        doc.setDefaultFont(page.list.font())
        doc.setDocumentMargin(0)
        doc.setHtml(snippet_html(text))
        assert doc.idealWidth() <= room + 1, text
