"""The accessibility tree of every screen: each control a user can operate has a name of its
own (a screen reader says it; two controls called "Add" cannot be told apart) and can be
reached by keyboard (in the Tab chain, or as a menu or tool bar action with a shortcut)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from peerjournal.ui.shell.main_window import VIEW_JOURNAL, VIEW_MOOD, VIEW_PEERS, VIEW_TRASH
from tests.gui.shell.test_main_window import _create_vault

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces as the control's name (an explicit name first: Qt's
    combo box interface reports its current item as the name, AT-SPI also the set one)."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "").strip()


def tab_chain(qtbot, start: QWidget, limit: int = 60) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back (pressing real keys)."""
    app = QApplication.instance()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen: list[QWidget] = []
    for _ in range(limit):
        widget = app.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def _keyboard_reachable(widget: QWidget) -> bool:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
        return True  # e.g. the check-in's levels: keys 1 to 5
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        action = widget.defaultAction()
        return not action.shortcut().isEmpty() or bool(action.associatedObjects()[1:])
    return False


def _controls(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if widget.objectName().startswith("qt_") or widget.parent().objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bar arrows, calendar popups, line edits of spins)
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QAbstractSpinBox, QComboBox)
        ):
            continue
        found.append(widget)
    return found


def _problems(root: QWidget) -> list[str]:
    problems = []
    seen: dict[str, QWidget] = {}
    for widget in _controls(root):
        name = accessible_name(widget)
        what = f"{type(widget).__name__}({widget.objectName() or name!r})"
        if not name:
            problems.append(f"{what} has no accessible name")
        elif name.casefold() in seen and seen[name.casefold()] is not widget:
            problems.append(f"{what} shares its accessible name {name!r}")
        else:
            seen[name.casefold()] = widget
        if widget.isEnabled() and not _keyboard_reachable(widget):
            problems.append(f"{what} cannot be reached by keyboard")
    return problems


@pytest.fixture
def window(qtbot, make_window):
    win = make_window()
    _create_vault(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.journal.editor.has_document)
    return win


@pytest.mark.parametrize("view", [VIEW_JOURNAL, VIEW_MOOD, VIEW_TRASH, VIEW_PEERS])
def test_every_control_of_each_view_has_a_unique_name_and_keyboard_access(
    qtbot, window, view: int
) -> None:
    window.show_view(view)
    qtbot.wait(50)
    assert _controls(window)
    assert _problems(window) == []
    # whatever Tab lands on (scroll areas included) says what it is
    start = QApplication.instance().focusWidget() or window
    chain = tab_chain(qtbot, start)
    assert len(chain) >= 2
    assert [type(w).__name__ for w in chain if not accessible_name(w)] == []


@pytest.mark.parametrize(
    "opener",
    [
        lambda w: w.dialogs.quick_checkin(),
        lambda w: w.dialogs.open_settings(),
        lambda w: w.dialogs.open_crisis(),
    ],
    ids=["check-in", "settings", "crisis"],
)
def test_every_control_of_each_dialog_has_a_unique_name_and_keyboard_access(
    qtbot, window, opener: Callable
) -> None:
    dialog = opener(window)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    try:
        assert _controls(dialog)
        assert _problems(dialog) == []
    finally:
        dialog.close()


def test_the_walk_catches_shared_names_and_unreachable_controls(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    for _ in range(2):
        layout.addWidget(QPushButton("Add"))
    nameless = QLineEdit()
    layout.addWidget(nameless)
    mouse_only = QPushButton("Later")
    mouse_only.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    layout.addWidget(mouse_only)
    root.show()
    problems = _problems(root)
    assert any("shares its accessible name 'Add'" in p for p in problems)
    assert any("has no accessible name" in p for p in problems)
    assert any("'Later'" in p and "keyboard" in p for p in problems)
