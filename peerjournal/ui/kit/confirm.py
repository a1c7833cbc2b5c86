"""Asking before something that cannot be undone: the safe answer is the default.

Enter and Esc both keep things as they are; only a deliberate choice of the destructive
button (Tab to it, or a click) goes ahead. The box is window-modal and opened, not run in
a nested event loop, so the rest of the app (auto-lock, the worker) carries on meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_destructive(
    parent: QWidget,
    *,
    title: str,
    text: str,
    details: str,
    go: str,
    keep: str,
    on_go: Callable[[], object],
) -> QMessageBox:
    """Open a question whose default and Esc answer is ``keep``; ``on_go`` runs on ``go``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)  # may quote a pseudonym: never markup
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(details)
    go_button = box.addButton(go, QMessageBox.ButtonRole.DestructiveRole)
    keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.buttonClicked.connect(lambda button: on_go() if button is go_button else None)
    box.open()
    keep_button.setFocus()
    return box
