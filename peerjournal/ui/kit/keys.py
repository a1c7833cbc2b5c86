"""Keyboard defaults shared by every screen: Return activates the focused button.

Qt lets Return click a push button only inside a dialog, and only when the button is an
"auto default" one; everywhere else (the pages of the main window, tool buttons, chips)
Return does nothing, so a keyboard user has to know that Space is the key. The filter
installed by :func:`install_keyboard_defaults` makes Return and Enter click whichever
button has the focus, the way people expect. Check boxes and radio buttons keep Qt's
behaviour (Space toggles; Return goes to the dialog's default button).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QPushButton,
    QRadioButton,
)

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_plain_return(event: QEvent) -> bool:
    """Whether ``event`` is a key press of Return or Enter without Ctrl, Alt or Shift."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in _RETURN_KEYS and mods == Qt.KeyboardModifier.NoModifier


class _ReturnClicksFocusedButton(QObject):
    """Application-wide filter: Return on a focused button clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QAbstractButton) or not is_plain_return(event):
            return False
        if isinstance(watched, (QCheckBox, QRadioButton)):
            return False
        if isinstance(watched, QPushButton) and (watched.autoDefault() or watched.isDefault()):
            return False  # Qt's dialog handling already clicks it
        if watched.isEnabled() and watched.isVisible():  # key events reach the focus widget
            watched.animateClick()
            return True
        return False


_filter: _ReturnClicksFocusedButton | None = None


def install_keyboard_defaults() -> None:
    """Install the filter on the running application once (later calls do nothing)."""
    global _filter
    app = QApplication.instance()
    if app is None or (_filter is not None and _filter.parent() is app):
        return
    _filter = _ReturnClicksFocusedButton(app)
    app.installEventFilter(_filter)
