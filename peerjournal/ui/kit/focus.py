"""Focus helpers: a natural Tab order in one call, and dialogs that fit the screen."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


def tab_chain(*widgets: QWidget | None) -> None:
    """Make Tab visit ``widgets`` in this order (``None`` entries are skipped)."""
    present = [w for w in widgets if w is not None]
    for before, after in itertools.pairwise(present):
        QWidget.setTabOrder(before, after)


def screen_room(widget: QWidget, margin: int = 48) -> QSize:
    """The room a top-level window of ``widget`` has on its screen, less window decorations."""
    screen = widget.screen()
    if screen is None:
        return QSize(1280, 720 - margin)
    area = screen.availableGeometry()
    return QSize(area.width() - 16, area.height() - margin)


def fit_to_screen(dialog: QWidget) -> None:
    """Never let a dialog be larger than its screen allows (content scrolls instead)."""
    room = screen_room(dialog)
    dialog.setMaximumSize(room)
    size = dialog.size().boundedTo(room)
    if size != dialog.size():
        dialog.resize(size)
