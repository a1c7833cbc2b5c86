"""Tray, reminder, shortcuts, dialogs closed on lock, preferences re-applied."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from shiboken6 import isValid

from peerjournal.ui.kit import prefs as prefs_module
from peerjournal.ui.shell.main_window import PAGE_UNLOCK, VIEW_MOOD
from peerjournal.ui.shell.tray import TrayController, ms_until
from tests.helpers.vault import PASSPHRASE, make_session


def _unlocked(qtbot, make_window, tmp_path: Path):
    session = make_session(tmp_path)
    session.journal.add("Tea in the garden.", title="Garden")
    session.lock()
    window = make_window()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked):
        window.unlock_page.submit()
    # window shortcuts reach the active window only; a real window manager takes a moment
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_reminder_time_arithmetic() -> None:
    now = datetime(2026, 3, 1, 19, 30)
    assert ms_until("20:00", now) == 30 * 60 * 1000
    assert ms_until("19:00", now) == (23 * 60 + 30) * 60 * 1000  # tomorrow
    assert ms_until("25:00", now) is None
    assert ms_until("soon", now) is None


def test_reminder_is_gentle_and_holds_no_journal_content(qtbot, ui_prefs) -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    ui_prefs.set(prefs_module.REMINDER_ENABLED, True)
    ui_prefs.set(prefs_module.REMINDER_TIME, "08:15")
    tray = TrayController(window, QIcon(), ui_prefs)
    assert tray.reminder_scheduled
    with qtbot.waitSignal(tray.reminder_shown) as shown:
        tray._reminder.start(1)  # as if 08:15 had come
    assert "check-in" in shown.args[0]
    assert tray.reminder_scheduled  # again tomorrow
    ui_prefs.set(prefs_module.REMINDER_ENABLED, False)
    tray.apply_prefs()
    assert not tray.reminder_scheduled


def test_shortcut_opens_checkin_and_lock_closes_it(qtbot, make_window, tmp_path: Path) -> None:
    window = _unlocked(qtbot, make_window, tmp_path)
    qtbot.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert len(dialogs) == 1 and type(dialogs[0]).__name__ == "CheckInDialog"
    dialogs[0].activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialogs[0])
    qtbot.keyClick(dialogs[0], Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == PAGE_UNLOCK
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_mood_page_is_dropped_on_lock(qtbot, make_window, tmp_path: Path) -> None:
    window = _unlocked(qtbot, make_window, tmp_path)
    window.show_view(VIEW_MOOD)
    page = window.mood_page
    assert page is not None and window.views.currentWidget() is page
    window.lock()
    assert window.mood_page is None
    assert window.views.indexOf(page) == -1 and page.isHidden()
    qtbot.waitUntil(lambda: not isValid(page))  # deleted, with its charts and insights


def test_settings_applied_re_reads_auto_lock(qtbot, make_window, ui_prefs, tmp_path: Path) -> None:
    window = _unlocked(qtbot, make_window, tmp_path)
    ui_prefs.set(prefs_module.AUTO_LOCK_MINUTES, 3)
    window.dialogs.settings_applied()
    assert window.idle.interval_ms == 3 * 60_000 and window.idle.armed


def test_closing_without_a_tray_quits_rather_than_hiding(
    qtbot, make_window, ui_prefs, tmp_path: Path
) -> None:
    ui_prefs.set(prefs_module.LIVE_IN_TRAY, True)
    window = _unlocked(qtbot, make_window, tmp_path)
    if window.tray.available:  # a real desktop: living in the tray hides instead
        window.close()
        assert not window.isVisible() and window.worker.has_session
    else:
        window.close()
        qtbot.waitUntil(lambda: not window.worker.has_session)
    assert ui_prefs.get(prefs_module.WINDOW_GEOMETRY) or window.tray.available


def test_crisis_resources_open_even_while_locked(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    assert not window.is_open
    dialog = window.dialogs.open_crisis()
    assert dialog.isVisible()
    window.lock()  # nothing to lock; the dialog may stay
    dialog.reject()
    qtbot.waitUntil(lambda: not isValid(dialog))
