"""Writing in the editor with the keyboard: Tab order and its way out, lists, emphasis,
word count, the entry's date and time, and new entries for a past day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.journal.page import JournalPage
from peerjournal.ui.journal.writing import count_words, next_list_marker, text_length
from peerjournal.ui.kit.worker import DbWorker
from tests.helpers.gui import run_job, tab_walk


@pytest.fixture
def page(qtbot, worker: DbWorker) -> Iterator[JournalPage]:
    """A shown journal page over three entries; waits for the worker before it goes."""
    yield _page(qtbot, worker)
    qtbot.waitUntil(lambda: not worker.busy)


def _page(qtbot, worker: DbWorker) -> JournalPage:
    def seed(session) -> None:
        for day in (1, 2, 3):
            created = datetime(2025, 6, day, 20, 0).astimezone()
            session.journal.add(f"Evening {day}.", title=f"June {day}", created=created)

    run_job(qtbot, worker, seed)
    page = JournalPage(worker)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    return page


def _saved_entry(qtbot, worker: DbWorker, page: JournalPage):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.editor.saved, timeout=5000) as saved:
        page.editor.flush()
    return run_job(qtbot, worker, lambda s: s.journal.get(saved.args[0].id))


def test_tab_goes_title_tags_body_and_ctrl_tab_leaves_the_body(
    qtbot, worker: DbWorker, page: JournalPage
) -> None:
    page.new_entry()
    editor = page.editor
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.tags
    qtbot.keyClicks(editor.tags, "walk")  # typing after one Tab lands in the tags
    assert editor.tags.text() == "walk" and not page.filters.calendar.isVisible()
    qtbot.keyClick(editor.tags, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.body
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)  # Tab indents in the text
    assert editor.body.toPlainText() == "\t" and QApplication.focusWidget() is editor.body
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is editor.when
    assert editor.tabs.currentIndex() == 0  # Ctrl+Tab did not flip to the preview


def test_the_whole_journal_page_has_a_natural_tab_order(
    qtbot, worker: DbWorker, page: JournalPage
) -> None:
    page.new_entry()
    page.editor.body.setTabChangesFocus(True)  # walk past the text in one press
    order = tab_walk(qtbot, page.filters.search)
    assert order == [
        "Search",
        "Filter by tag",
        "Filter by day",
        "Journal entries",
        "Entry title",
        "Tags",
        "Entry text (Markdown)",
        "Date and time of the entry",
        "Linked mood",
        "Starred",
        "Move this entry to the trash",
    ]


def test_escape_in_the_text_goes_back_to_the_list(
    qtbot, worker: DbWorker, page: JournalPage
) -> None:
    with qtbot.waitSignal(page.editor.loaded):
        page.list.setCurrentIndex(page.model.index(0))
    page.editor.body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.editor.body)
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.list


def test_return_continues_a_list_and_an_empty_item_ends_it(
    qtbot, worker: DbWorker, page: JournalPage
) -> None:
    page.new_entry()
    body = page.editor.body
    qtbot.keyClicks(body, "Today:")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "- walk")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "tea")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)  # empty item: the list ends, the line stays
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "1. sleep")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "read")
    assert body.toPlainText() == "Today:\n- walk\n- tea\n\n1. sleep\n2. read"


def test_ctrl_b_and_ctrl_i_wrap_the_selection(qtbot, worker: DbWorker, page: JournalPage) -> None:
    page.new_entry()
    body = page.editor.body
    qtbot.keyClicks(body, "a calm walk")
    for _ in range(4):
        qtbot.keyClick(body, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "a calm **walk**"
    assert body.textCursor().selectedText() == "walk"
    qtbot.keyClick(body, Qt.Key.Key_End)
    qtbot.keyClicks(body, " ")
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(body, "really")
    assert body.toPlainText() == "a calm **walk** *really*"


def test_the_word_count_follows_the_text(qtbot, worker: DbWorker, page: JournalPage) -> None:
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "one two three")
    assert page.editor.word_count.text() == "3 words"
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.editor.body, "")
    assert count_words("今日は散歩") == 5 and count_words("It's a walk — 2 km.") == 5


def test_text_length_counts_characters_in_chinese_or_japanese_and_words_otherwise() -> None:
    assert text_length("") == (0, False)
    assert text_length("one two three") == (3, False)
    assert text_length("今日は散歩した。") == (8, True)  # no spaces: characters, as 文字数
    assert text_length("今日は walk した") == (9, True)  # mostly Japanese: all characters
    assert text_length("I wrote 愛 today") == (4, False)  # one kanji in English: a word
    assert text_length("오늘 산책했다") == (2, False)  # Korean puts spaces between words


@pytest.mark.parametrize(
    ("language", "english", "japanese"),
    [("en", "3 words", "8 characters"), ("de", "3 Wörter", "8 Zeichen"), ("ja", "3語", "8文字")],
)
def test_the_count_says_what_it_counts_in_each_language(
    qtbot, qapp, tmp_path, worker: DbWorker, language: str, english: str, japanese: str
) -> None:
    from PySide6.QtCore import QSettings

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs

    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, language)
    install_translator(qapp, prefs)
    try:
        page = JournalPage(worker)
        qtbot.addWidget(page)
        page.new_entry()
        qtbot.keyClicks(page.editor.body, "one two three")
        assert page.editor.word_count.text() == english
        page.editor.body.clear()
        # typed through an input method (QTest's key clicks stop at Latin-1)
        page.editor.body.insertPlainText("今日は散歩した。")
        assert page.editor.word_count.text() == japanese
    finally:
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)


def test_list_markers() -> None:
    assert next_list_marker("  - [x] done") == ("  - [ ] ", False)
    assert next_list_marker("9) nine") == ("10) ", False)
    assert next_list_marker("* ") == ("* ", True)
    assert next_list_marker("-not a list") is None


def test_the_date_of_an_entry_can_be_changed(qtbot, worker: DbWorker, page: JournalPage) -> None:
    with qtbot.waitSignal(page.editor.loaded):
        page.list.setCurrentIndex(page.model.index(0))
    before = run_job(qtbot, worker, lambda s: s.journal.get(page.editor.entry_id))
    when = page.editor.when
    when.setFocus()
    when.setCurrentSection(when.Section.YearSection)
    qtbot.keyClick(when, Qt.Key.Key_Down)  # a year earlier
    entry = _saved_entry(qtbot, worker, page)
    assert entry.created.astimezone().year == before.created.astimezone().year - 1
    assert entry.created.astimezone().month == before.created.astimezone().month
    assert entry.body == before.body


def test_a_new_entry_for_the_day_picked_in_the_calendar(
    qtbot, worker: DbWorker, page: JournalPage
) -> None:
    qtbot.keyClick(page.filters.date_button, Qt.Key.Key_Space)  # open the calendar
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.calendar.clicked.emit(QDate(2026, 1, 3))
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "Written later, about that day.")
    entry = _saved_entry(qtbot, worker, page)
    assert entry.created.astimezone().date() == date(2026, 1, 3)
    assert entry.created.astimezone().date() != datetime.now().date()


def test_a_search_snippet_shows_the_matching_word_and_the_clear_button_is_centred(
    qtbot, worker: DbWorker, page: JournalPage
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QToolButton

    from peerjournal.ui.journal.delegate import HIGHLIGHT_START, centred_snippet
    from peerjournal.ui.kit.prefs import UiPrefs
    from peerjournal.ui.kit.theme import apply_theme

    apply_theme(QApplication.instance(), UiPrefs(QSettings()))  # the real style sheet
    long_line = " ".join(["an ordinary sentence about nothing much"] * 6) + " kingfisher here."
    run_job(qtbot, worker, lambda s: s.journal.add(long_line, title="Far down the line"))
    page.filters.search.setFocus()
    with qtbot.waitSignal(page.model.search_finished, timeout=5000):
        qtbot.keyClicks(page.filters.search, "kingfisher")
    row = page.model.row_at(0)
    assert row is not None and row.snippet is not None
    metrics = QFontMetrics(page.list.font())
    room = page.list.viewport().width() - 40
    shown = centred_snippet(row.snippet, lambda t: float(metrics.horizontalAdvance(t)), room)
    before = shown[: shown.index(HIGHLIGHT_START)]
    assert shown.startswith("…") and metrics.horizontalAdvance(before) <= room / 3
    # the clear button sits in the middle of the search field, not below it
    field = page.filters.search
    clear = next(b for b in field.findChildren(QToolButton) if b.isVisible())
    assert abs(clear.geometry().center().y() - field.rect().center().y()) <= 2
    assert field.rect().contains(clear.geometry())


def test_the_linked_mood_choice_is_never_cut_in_german(
    qtbot, qapp, tmp_path, worker: DbWorker
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs

    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, "de")
    install_translator(qapp, prefs)
    try:
        page = JournalPage(worker)
        qtbot.addWidget(page)
        page.resize(1100, 640)
        page.show()
        page.new_entry()
        combo = page.editor.mood_combo
        qtbot.waitUntil(lambda: combo.currentText() == "Keine Stimmung verknüpft")

        def room() -> int:
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            field = combo.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                combo,
            )
            return field.width()

        # the words fit in the field beside the arrow ("verknüp" was all there was room for)
        # once the layout has taken the new text's width (a posted layout request: on a
        # busy machine it may come after the text)
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        qtbot.waitUntil(lambda: needed <= room(), timeout=10_000)
    finally:
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)


def test_down_in_the_search_field_goes_to_the_first_entry(
    qtbot, worker: DbWorker, page: JournalPage
) -> None:
    page.filters.search.setFocus()
    qtbot.waitUntil(page.filters.search.hasFocus)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Down)  # the list, newest first
    assert QApplication.focusWidget() is page.list
    assert page.list.currentIndex().row() == 0
    qtbot.waitUntil(lambda: page.editor.title.text() == "June 3")
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # and on down the list
    qtbot.waitUntil(lambda: page.editor.title.text() == "June 2")
    # typed, then Down: the first match
    page.filters.search.setFocus()
    with qtbot.waitSignal(page.model.search_finished, timeout=5000):
        qtbot.keyClicks(page.filters.search, "Evening 1")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.editor.title.text() == "June 1")


def test_a_new_journal_says_it_has_no_entries_yet_not_0_of_0(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    qtbot.waitUntil(lambda: page.count_label.text() == "No entries yet.")
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "First words.")
    page.editor.flush()
    qtbot.waitUntil(lambda: page.count_label.text().startswith("1 of 1 "), timeout=5000)
