"""A narrow screen (the offscreen one is 800 pixels wide, less than 1280×720 at 150 %
leaves): after creating a vault and starting an entry by keys, the window fits the screen
with Lock and Help on it, also with the day filter's calendar open. (The calendar over the
list on a short screen is walked by tests/gui/test_fit.py at 150 %, in its own process.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.gui.shell.test_main_window import _create_vault
from tests.helpers.gui import activate


def _inside(window, widget) -> bool:  # type: ignore[no-untyped-def]
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.rect().contains(rect)


@pytest.fixture
def themed(qapp, ui_prefs) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The real style sheet (its padding is part of every width), removed afterwards."""
    from peerjournal.ui.kit.prefs import THEME
    from peerjournal.ui.kit.theme import apply_theme

    ui_prefs.set(THEME, "light")
    apply_theme(qapp, ui_prefs)
    yield
    qapp.setStyleSheet("")


def test_the_window_lock_help_and_calendar_fit_a_small_screen(
    qtbot, make_window, themed: None
) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    activate(qtbot, window)  # the shortcut needs the active window
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.journal.editor.stack.currentIndex() == 1)
    screen = window.screen().availableGeometry()
    assert screen.width() <= 853  # this test is about a screen that small
    need = window.minimumSizeHint()
    assert need.width() <= screen.width() and need.height() + 48 <= screen.height(), need
    window.resize(screen.width(), screen.height() - 48)  # as large as the screen allows
    qtbot.waitUntil(lambda: window.width() <= screen.width())
    QApplication.processEvents()
    assert window.width() <= screen.width()
    assert _inside(window, window.help_button) and window.help_button.isVisible()
    lock = window.toolbar.widgetForAction(window.commands.lock_action)
    assert lock is not None and lock.isVisible() and _inside(window, lock)

    filters = window.journal.filters
    filters.date_button.setFocus()
    qtbot.keyClick(filters.date_button, Qt.Key.Key_Space)
    qtbot.waitUntil(filters.calendar.isVisible)
    panel = filters.parentWidget() if filters.floating else filters
    assert panel.rect().contains(filters.calendar.geometry())
    assert window.minimumSizeHint().height() + 48 <= screen.height()
    qtbot.keyClick(filters.date_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is filters.calendar.focusWidget() or (
        filters.calendar.isAncestorOf(QApplication.focusWidget())
    )
    qtbot.keyClick(filters.date_button, Qt.Key.Key_Space)  # closes it again
    qtbot.waitUntil(lambda: not filters.calendar.isVisible())
