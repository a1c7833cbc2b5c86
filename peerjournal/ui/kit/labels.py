"""A label for text that is never markup (pseudonyms, peer text, names): plain and wrapped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    """A plain-text label (peer text is never rendered as markup) with a style ``role``."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label
