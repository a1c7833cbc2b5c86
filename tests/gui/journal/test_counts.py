"""The journal's and the trash's counts say "1 entry", not "1 entries", in every language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.journal.page import JournalPage, TrashPage
from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from tests.helpers.gui import run_job


@pytest.fixture
def language(request: Any, qapp: Any, ui_prefs: UiPrefs) -> Iterator[str]:
    """The UI in the parameter's language (English has a catalogue for its plurals too)."""
    ui_prefs.set(LANGUAGE, request.param)
    install_translator(qapp, ui_prefs)
    yield request.param
    ui_prefs.set(LANGUAGE, "en")
    install_translator(qapp, ui_prefs)


COUNTS = {
    "en": ("1 of 1 entry", "1 matching entry", "2 of 2 entries", "1 entry deleted forever."),
    "de": (
        "1 von 1 Eintrag",
        "1 passender Eintrag",
        "2 von 2 Einträgen",
        "1 Eintrag endgültig gelöscht.",
    ),
    "ja": (
        "1件中 1件のエントリー",
        "一致するエントリー 1件",
        "2件中 2件のエントリー",
        "1件のエントリーを完全に削除しました。",
    ),
}


@pytest.mark.parametrize("language", ["en", "de", "ja"], indirect=True)
def test_one_entry_is_counted_as_one(qtbot, worker: DbWorker, language: str) -> None:
    one, one_found, two, purged = COUNTS[language]
    run_job(qtbot, worker, lambda s: s.journal.add("Rain all day.", title="Rain"))
    page = JournalPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.page_loaded):
        page.start()
    qtbot.waitUntil(lambda: page.count_label.text() == one)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.filters.search.setFocus()
    qtbot.keyClicks(page.filters.search, "rain")
    qtbot.waitUntil(lambda: page.count_label.text() == one_found)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    run_job(qtbot, worker, lambda s: s.journal.add("Sun.", title="Sun"))
    with qtbot.waitSignal(page.model.page_loaded):
        page.reload()
    qtbot.waitUntil(lambda: page.count_label.text() == two)

    run_job(qtbot, worker, lambda s: s.journal.delete(s.journal.list(limit=1)[0].id))
    trash = TrashPage(worker)
    qtbot.addWidget(trash)
    with qtbot.waitSignal(trash.model.page_loaded):
        trash.start()
    trash.show()
    trash.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is trash)
    trash.empty_button.setFocus()
    qtbot.keyClick(trash.empty_button, Qt.Key.Key_Space)
    box = trash.confirm_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.defaultButton())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # to "Empty trash"
    with qtbot.waitSignal(trash.message) as message:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert message.args == [purged]
