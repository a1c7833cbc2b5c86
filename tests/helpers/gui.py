"""Helpers for the journal GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from peerjournal.ui.journal.model import RowRole


def visible_texts(root: QWidget) -> list[str]:
    """Every text any widget under ``root`` holds: fields, labels, lists, combos, buttons."""
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount(QModelIndex())):
                index = model.index(row, 0)
                texts.append(str(index.data()))
                texts.append(repr(index.data(RowRole)))
    return texts


def contains_text(root: QWidget, needle: str) -> bool:
    """Whether ``needle`` appears in any widget's text under ``root``."""
    return any(needle in text for text in visible_texts(root))


def activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Make ``window`` the active window and wait until it is: keyboard shortcuts work in
    the active window only, and on a real X server the window manager activates it later
    than show() returns (a shortcut pressed before that reaches the focused widget as a
    plain key, or nowhere)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def run_job(qtbot, worker, fn, timeout: int = 30_000):  # type: ignore[no-untyped-def]
    """Run ``fn(session)`` on the worker and wait for its result; re-raise its error."""
    box: dict[str, object] = {}
    worker.submit(fn, lambda r: box.setdefault("ok", r), lambda e: box.setdefault("error", e))
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["ok"]


def describe_widget(widget: QWidget | None) -> str:
    """How a focus-chain test names a widget: its accessible name, else its text or class."""
    if widget is None:
        return "<none>"
    name = widget.accessibleName()
    if not name and isinstance(widget, (QAbstractButton, QLineEdit)):
        name = widget.text()
    return name or type(widget).__name__


def tab_walk(qtbot, start: QWidget, *, backwards: bool = False, limit: int = 80) -> list[str]:  # type: ignore[no-untyped-def]
    """Press Tab from ``start`` until the focus comes back; the names of the widgets visited.

    Every step is a real key press on the focused widget, as a keyboard user makes it.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = [describe_widget(start)]
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _step in range(limit):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, key)
        focused = QApplication.focusWidget()
        if focused is start:
            return seen
        name = describe_widget(focused)
        if focused is not current:  # Tab inside a date field steps through its sections
            seen.append(name)
    raise AssertionError(f"Tab never came back to the start: {seen}")


def assert_focus_order(qtbot, start: QWidget, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Tab from ``start`` visits exactly ``expected`` (accessible names) and Shift+Tab the
    same widgets in reverse, each step a real key press."""
    forwards = tab_walk(qtbot, start)
    assert forwards == expected, f"Tab order {forwards}"
    backwards = tab_walk(qtbot, start, backwards=True)
    assert backwards == [expected[0], *reversed(expected[1:])], f"Shift+Tab order {backwards}"
