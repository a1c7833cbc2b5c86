"""Journal views: lazy paging, search off the GUI thread, trash and restore, filters, bugs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.buglog import LOG_NAME, log_folder
from peerjournal.ui.journal.delegate import snippet_html
from peerjournal.ui.journal.filters import as_search_query
from peerjournal.ui.journal.model import EntryListModel, Query, RowRole
from peerjournal.ui.journal.page import JournalPage, TrashPage
from peerjournal.ui.journal.preview import render_markdown
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.main_window import MainWindow
from tests.helpers.vault import make_session


@pytest.fixture
def worker(qtbot, tmp_path: Path) -> Iterator[DbWorker]:
    """A worker holding an open fast-KDF vault with 250 entries (a few tagged 'walk')."""
    w = DbWorker()
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

    def build():
        session = make_session(tmp_path)
        for number in range(250):
            session.journal.add(
                f"Entry number {number} about the day.",
                title=f"Day {number}",
                tags=("walk",) if number % 50 == 0 else (),
                created=start + timedelta(hours=number),
            )
        return session

    opened: list[object] = []
    w.open(build, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    yield w
    w.shutdown()


def test_lazy_list_fetches_in_pages(qtbot, worker: DbWorker) -> None:
    model = EntryListModel(worker, page_size=50)
    sizes = []
    with qtbot.waitSignal(model.page_loaded):
        model.start(Query())
    sizes.append(model.rowCount())
    while model.canFetchMore():
        with qtbot.waitSignal(model.page_loaded):
            model.fetchMore()
        sizes.append(model.rowCount())
    assert sizes == [50, 100, 150, 200, 250, 250]
    newest = model.index(0).data(RowRole)
    assert newest.title == "Day 249"  # newest first


def test_search_runs_in_the_worker_and_coalesces(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    with qtbot.waitSignal(page.model.search_finished, timeout=5000) as done:
        # each keystroke restarts the debounce; only the final text is searched
        for text in ("E", "En", "Ent", "Entry numb"):
            page.filters.search.setText(text)
    assert done.args == [50]
    assert page.model.query.search == "Entry numb*"
    row = page.model.index(0).data(RowRole)
    assert "\x02" in row.snippet and "\x03" in row.snippet


def test_tag_filter_lists_only_tagged_entries(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    qtbot.waitUntil(lambda: page.filters.tag.count() == 2)
    page.filters.tag.setCurrentIndex(1)
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.tag.activated.emit(1)
    assert page.model.rowCount() == 5
    assert all("walk" in page.model.index(i).data(RowRole).tags for i in range(5))


def test_calendar_marks_days_with_entries(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    qtbot.addWidget(page)
    page.filters.calendar.setCurrentPage(2026, 1)
    page.filters.date_button.setChecked(True)
    qtbot.waitUntil(lambda: bool(page.filters.bold_days))
    days = {d.day() for d in page.filters.bold_days}
    assert days == set(range(1, 12))  # 250 hours from 1 January 09:00 reach 11 January


def test_trash_and_restore(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    trash = TrashPage(worker)
    qtbot.addWidget(page)
    qtbot.addWidget(trash)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    victim = page.model.index(0).data(RowRole)
    with qtbot.waitSignal(page.message):
        page.trash_entry(victim.id)
    assert page.model.row_of(victim.id) == -1
    with qtbot.waitSignal(trash.model.page_loaded):
        trash.start()
    assert trash.model.rowCount() == 1
    trash.list.setCurrentIndex(trash.model.index(0))
    qtbot.waitUntil(lambda: "Day 249" in trash.preview.toPlainText())
    with qtbot.waitSignal(trash.restored) as restored:
        trash.restore_button.click()
    assert restored.args == [victim.id]
    assert trash.model.rowCount() == 0
    with qtbot.waitSignal(page.model.page_loaded):
        page.reload()
    assert page.model.row_of(victim.id) == 0


def test_bug_in_a_job_is_logged_and_shown_in_the_bug_dialog(
    qtbot, worker: DbWorker, ui_prefs, tmp_path: Path, caplog
) -> None:
    window = MainWindow(worker, ui_prefs, tmp_path / "vault")
    qtbot.addWidget(window)
    errors: list[object] = []
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(worker.bug):
        worker.submit(lambda _session: 1 / 0, None, errors.append)
    assert "ZeroDivisionError" in caplog.text  # the frames went to the log
    dialog = window.bug_dialog
    assert dialog is not None and dialog.isVisible()
    assert str(log_folder() / LOG_NAME) in dialog.informativeText()
    assert "Traceback" not in dialog.text() + dialog.informativeText()
    assert errors == []  # a bug never reaches the handler of known errors


def test_snippets_are_escaped_before_highlighting() -> None:
    html = snippet_html("a <script>x</script> \x02walk\x03 & more")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b><u>walk</u></b>" in html and "&amp;" in html


def test_markdown_preview_never_renders_raw_html() -> None:
    out = render_markdown("**bold** <img src=x onerror=alert(1)>")
    assert "<strong>bold</strong>" in out
    assert "<img" not in out


def test_typed_search_matches_the_last_word_as_a_prefix() -> None:
    assert as_search_query(" walk ") == "walk*"
    assert as_search_query('"exact phrase"') == '"exact phrase"'
    assert as_search_query("") == ""


def test_clicking_a_calendar_day_filters_the_list(qtbot, worker: DbWorker) -> None:
    from PySide6.QtCore import QDate

    page = JournalPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.calendar.clicked.emit(QDate(2026, 1, 3))
    rows = [page.model.index(i).data(RowRole) for i in range(page.model.rowCount())]
    assert rows and all(row.created.date().isoformat() == "2026-01-03" for row in rows)
    assert len(rows) == 24  # one entry an hour
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.date_button.setChecked(True)
        page.filters.date_button.setChecked(False)  # closing the calendar drops the day
    assert page.model.rowCount() == 50


def test_starring_in_the_editor_updates_the_list_row(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    with qtbot.waitSignal(page.editor.loaded):
        page.list.setCurrentIndex(page.model.index(2))
    assert not page.model.index(2).data(RowRole).starred
    with qtbot.waitSignal(page.editor.saved, timeout=5000):
        page.editor.star.click()
    assert page.model.index(2).data(RowRole).starred
    assert page.editor.star.text() == "★"


def test_scrolling_to_the_end_of_the_list_loads_the_next_page(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    assert page.model.rowCount() == 50
    with qtbot.waitSignal(page.model.page_loaded):
        page.list.scrollToBottom()  # the view asks the model for more when it reaches the end
    assert page.model.rowCount() == 100
    qtbot.waitUntil(lambda: page.count_label.text() == "100 of 250 entries")


def test_an_entry_that_cannot_be_loaded_clears_the_editor(qtbot, worker: DbWorker) -> None:
    page = JournalPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    with qtbot.waitSignal(page.editor.loaded):
        page.list.setCurrentIndex(page.model.index(0))
    with qtbot.waitSignal(page.message) as message:
        page.editor.load("00000000-0000-0000-0000-000000000000")
    assert message.args[0]  # a plain message, e.g. "Not found."
    assert not page.editor.has_document and page.editor.body.toPlainText() == ""


def _trash_with_one(qtbot, worker: DbWorker) -> TrashPage:
    trash = TrashPage(worker)
    qtbot.addWidget(trash)
    done: list[object] = []
    worker.submit(lambda s: s.journal.delete(s.journal.list(limit=1)[0].id), done.append)
    qtbot.waitUntil(lambda: bool(done))
    with qtbot.waitSignal(trash.model.page_loaded):
        trash.start()
    trash.show()
    trash.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is trash)
    return trash


def test_delete_forever_asks_first_and_enter_or_esc_keeps_the_entry(
    qtbot, worker: DbWorker
) -> None:
    trash = _trash_with_one(qtbot, worker)
    trash.list.setFocus()
    qtbot.keyClick(trash.list, Qt.Key.Key_Down)  # the entry is chosen
    qtbot.waitUntil(trash.purge_button.isEnabled)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):  # the safe answer is the default
        qtbot.keyClick(trash.purge_button, Qt.Key.Key_Space)
        box = trash.confirm_box
        assert box is not None and box.isVisible()
        qtbot.waitUntil(lambda b=box: QApplication.focusWidget() is b.defaultButton())
        assert box.defaultButton().text() == "Keep it"
        qtbot.keyClick(QApplication.focusWidget(), key)
        qtbot.waitUntil(lambda b=box: not b.isVisible())
        assert trash.model.rowCount() == 1
    qtbot.keyClick(trash.purge_button, Qt.Key.Key_Space)
    box = trash.confirm_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.defaultButton())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # to "Delete forever"
    assert QApplication.focusWidget().text() == "Delete forever"
    with qtbot.waitSignal(trash.message):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert trash.model.rowCount() == 0 and not trash.purge_button.isEnabled()
    counted: list[int] = []
    worker.submit(lambda s: s.journal.count(trashed=True) + s.journal.count(), counted.append)
    qtbot.waitUntil(lambda: bool(counted))
    assert counted == [249]


def test_empty_trash_asks_first_and_enter_keeps_everything(qtbot, worker: DbWorker) -> None:
    trash = _trash_with_one(qtbot, worker)
    trash.empty_button.setFocus()
    qtbot.keyClick(trash.empty_button, Qt.Key.Key_Space)
    box = trash.confirm_box
    assert box is not None and box.defaultButton().text() == "Keep them"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.defaultButton())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert trash.model.rowCount() == 1


def test_the_empty_trash_preview_says_what_to_do(qtbot, worker: DbWorker) -> None:
    trash = _trash_with_one(qtbot, worker)
    qtbot.waitUntil(lambda: trash.preview.toPlainText() != "")  # the chosen entry is shown
    trash.clear()  # as on lock: nothing chosen, the big empty box says what it is for
    assert trash.preview.toPlainText() == ""
    assert "Choose an entry on the left" in trash.preview.placeholderText()


def test_trash_focus_order_follows_the_screen(qtbot, worker: DbWorker) -> None:
    from tests.helpers.gui import assert_focus_order

    trash = _trash_with_one(qtbot, worker)
    # the list, what it shows, then the buttons as they stand from left to right
    assert_focus_order(
        qtbot,
        trash.list,
        [
            "Entries in the trash",
            "Rendered preview",
            "Delete everything in the trash forever",
            "Delete the selected entry forever",
            "Restore the selected entry",
        ],
    )
