"""Auto-lock: after idle time the vault closes and nothing readable stays on screen."""

from __future__ import annotations

from pathlib import Path

from peerjournal.app.session import open_vault
from peerjournal.ui.shell.main_window import PAGE_UNLOCK
from tests.helpers.gui import contains_text
from tests.helpers.vault import PASSPHRASE, make_session

CANARY = "zebra-canary-7731"


def _open_window_on_entry(qtbot, make_window, tmp_path: Path):
    session = make_session(tmp_path)
    session.journal.add(f"My secret is {CANARY}.", title=f"Title {CANARY}", tags=(CANARY,))
    session.lock()
    window = make_window()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked):
        window.unlock_page.submit()
    journal = window.journal
    qtbot.waitUntil(lambda: journal.model.rowCount() == 1)
    with qtbot.waitSignal(journal.editor.loaded):
        journal.list.setCurrentIndex(journal.model.index(0))
    journal.editor.tabs.setCurrentIndex(1)  # the rendered preview holds the text too
    qtbot.waitUntil(lambda: journal.filters.tag.count() == 2)
    assert contains_text(window, CANARY)
    return window


def test_idle_time_locks_and_clears_every_view(qtbot, make_window, tmp_path: Path) -> None:
    window = _open_window_on_entry(qtbot, make_window, tmp_path)
    window.journal.filters.search.setText(CANARY)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.set_auto_lock_ms(200)
    assert window.pages.currentIndex() == PAGE_UNLOCK
    assert not contains_text(window, CANARY)
    assert not contains_text(window, "secret")
    qtbot.waitUntil(lambda: not window.worker.has_session)
    assert window.journal.model.rowCount() == 0
    assert not window.journal.model.canFetchMore()
    assert not window.journal.editor.body.document().isUndoAvailable()


def test_no_journal_content_reaches_qsettings(qtbot, make_window, ui_prefs, tmp_path: Path) -> None:
    window = _open_window_on_entry(qtbot, make_window, tmp_path)
    window.journal.filters.search.setText(CANARY)
    window.lock()
    window.close()  # saves the window geometry
    stored = Path(ui_prefs.file_name).read_bytes()
    assert stored  # something was written (geometry), just nothing from the journal
    assert CANARY.encode() not in stored and b"secret" not in stored


def test_lock_saves_an_edit_still_waiting_for_autosave(qtbot, make_window, tmp_path: Path) -> None:
    window = _open_window_on_entry(qtbot, make_window, tmp_path)
    editor = window.journal.editor
    editor.tabs.setCurrentIndex(0)
    editor.body.appendPlainText("Written just before the lock.")
    assert editor.dirty  # the 800 ms autosave has not fired yet
    window.lock()
    qtbot.waitUntil(lambda: not window.worker.has_session)
    session = open_vault(tmp_path / "vault", PASSPHRASE)
    try:
        (summary,) = session.journal.list()
        assert session.journal.get(summary.id).body.endswith("Written just before the lock.")
    finally:
        session.lock()


def test_auto_lock_off_when_minutes_is_zero(qtbot, make_window, tmp_path: Path) -> None:
    window = _open_window_on_entry(qtbot, make_window, tmp_path)
    window.set_auto_lock_ms(0)
    assert not window.idle.armed
    window.set_auto_lock_ms(60_000)
    assert window.idle.armed
