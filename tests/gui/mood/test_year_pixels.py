"""Year in pixels without colour: the keyboard walks the days and each day is put in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from peerjournal.ui.mood.year_pixels import YearPixels


def _grid(qtbot) -> YearPixels:
    grid = YearPixels()
    qtbot.addWidget(grid)
    grid.set_year(2025)
    grid.set_values({date(2025, 3, 4): 3.0, date(2025, 3, 5): 5.0, date(2024, 3, 5): 1.0})
    grid.move_cursor(date(2025, 3, 4))
    grid.show()
    qtbot.waitExposed(grid)
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    return grid


def test_grid_is_reached_by_tab_and_names_the_focused_day(qtbot) -> None:
    grid = _grid(qtbot)
    assert grid.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "Okay" in grid.status_text() and "3.0" in grid.status_text()
    assert "Okay" in grid.accessibleDescription()
    assert "Arrow keys" in grid.accessibleDescription()


def test_arrows_home_end_and_page_keys_move_between_days(qtbot) -> None:
    grid = _grid(qtbot)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.cursor_day == date(2025, 3, 5)
    assert "Great" in grid.status_text() and "Great" in grid.accessibleDescription()
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.cursor_day == date(2025, 2, 5)
    assert "no check-in" in grid.accessibleDescription()
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert grid.cursor_day == date(2025, 2, 28)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.cursor_day == date(2025, 3, 28)
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.cursor_day == date(2025, 2, 28)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert grid.year == 2024 and grid.cursor_day == date(2024, 2, 28)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_End)
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # 31 March 2024 -> 1 April
    assert grid.cursor_day == date(2024, 4, 1)


def test_hover_names_the_day_under_the_pointer(qtbot) -> None:
    grid = _grid(qtbot)
    centre = grid.cell_rect(3, 5).center()
    QTest.mouseMove(grid, centre)
    qtbot.waitUntil(lambda: "Great" in grid.status_text())
    QTest.mouseMove(grid, QPoint(1, 1))  # over the labels, no square
    qtbot.waitUntil(lambda: "Okay" in grid.status_text())  # back to the keyboard's day
