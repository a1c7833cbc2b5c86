"""Focus helpers: a natural Tab order in one call, and dialogs that fit the screen."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit, QWidget


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


def room_for_placeholders(dialog: QWidget, *edits: QLineEdit) -> None:
    """Widen a shown ``dialog``, within its screen, until each of ``edits`` shows its whole
    placeholder (Qt sizes a line edit by a fixed number of characters, so a longer hint in
    another language is cut). Call it once the layout has given the edits their width."""
    deficit = 0
    for edit in edits:
        metrics = edit.fontMetrics()
        margins = edit.textMargins()
        # what the style adds around the text (frame, a style sheet's padding and border):
        # Qt's size hint is 17 "x" wide plus 2 pixels each side and the margins, then styled
        bare = 17 * metrics.horizontalAdvance("x") + 4 + margins.left() + margins.right()
        around = max(0, edit.sizeHint().width() - bare)
        needed = (
            metrics.horizontalAdvance(edit.placeholderText())
            + max(0, -metrics.minLeftBearing())
            + 4
            + margins.left()
            + margins.right()
            + around
            + 2  # rounding of the text's width
        )
        deficit = max(deficit, needed - edit.width())
    if deficit > 0:
        width = min(dialog.width() + deficit, screen_room(dialog).width())
        dialog.resize(max(width, dialog.width()), dialog.height())
