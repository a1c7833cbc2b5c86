"""Does a window fit? Every visible control inside its window and its parents, text not cut.

:func:`fit_problems` walks a top-level window and names each control that a person could
not use or read whole: one that sticks out of its window or of the widget holding it (so
part of it is cut off), a button or a label narrower than its text, an empty field too
narrow for its placeholder, a wrapped label
shorter than its lines, tabs that no longer fit their bar, a window larger than its
screen. Controls inside a scroll area are judged inside the scrolled content (they can be
scrolled to), the scroll area itself inside the window.

:class:`PseudoTranslator` makes every UI text 40% longer (and visibly not English), so a
layout that only fits English words shows up.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QRect, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

#: Room a window manager's title bar and a panel take from a screen's height.
TITLE_BAR = 48

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QTabBar,
    QLabel,
    QProgressBar,
)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel)):
        text = widget.text()
    label = widget.accessibleName() or text or widget.objectName()
    return f"{type(widget).__name__}({label[:50]!r})"


def _inside(inner: QRect, outer: QRect, slack: int = 1) -> bool:
    return (
        inner.left() >= outer.left() - slack
        and inner.top() >= outer.top() - slack
        and inner.right() <= outer.right() + slack
        and inner.bottom() <= outer.bottom() + slack
    )


def _in_toolbar_overflow(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QToolBar)


def fit_problems(window: QWidget, screen: QRect | None = None) -> list[str]:
    """What does not fit in ``window`` (empty when everything is usable and readable)."""
    problems: list[str] = []
    title = window.windowTitle() or type(window).__name__
    if screen is not None and (
        window.width() > screen.width() or window.height() + TITLE_BAR > screen.height()
    ):
        problems.append(
            f"{title}: window {window.width()}x{window.height()} does not fit a "
            f"{screen.width()}x{screen.height()} screen with its title bar"
        )
    for bar in window.findChildren(QToolBar):
        if bar.isVisible():
            problems.extend(f"{title}: {p}" for p in _toolbar_problems(bar))
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and not widget.text() and widget.pixmap().isNull():
            continue
        problems.extend(f"{title}: {p}" for p in _widget_problems(widget, window))
    for area in window.findChildren(QScrollArea):
        # down is fine, sideways is not: a sentence cut at the right edge is read by no one
        bar = area.horizontalScrollBar()
        if area.isVisible() and area.window() is window and bar.isVisible() and bar.maximum():
            problems.append(f"{title}: {_name(area)} scrolls sideways by {bar.maximum()} px")
    return problems


def _toolbar_problems(bar: QToolBar) -> list[str]:
    """Each action of a tool bar has a whole button in the bar, or a usable overflow menu."""
    out: list[str] = []
    hidden = []
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if widget is None or not action.isVisible() or action.isSeparator():
            continue
        if widget.isVisible():
            rect = QRect(widget.mapTo(bar, widget.rect().topLeft()), widget.size())
            if not _inside(rect, bar.rect()):
                out.append(f"tool button {action.text()!r} sticks out of the tool bar")
            elif widget.width() + 1 < widget.sizeHint().width():
                out.append(f"tool button {action.text()!r} is narrower than its content")
        elif action.text():
            hidden.append(action.text())
    if hidden:
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is None or not extension.isVisible():
            out.append(f"{hidden} fell off the tool bar and there is no overflow button")
        elif extension.width() + 1 < extension.sizeHint().width() or extension.width() < 16:
            out.append(f"{hidden} are in an overflow button too narrow to see")
    return out


def _line_edit_padding(field: QLineEdit) -> int:
    """What a line edit's frame, margins and buttons take from its width."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    option = QStyleOptionFrame()
    field.initStyleOption(option)
    inner = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    taken = field.width() - inner.width() + margins.left() + margins.right() + 4
    for action in field.actions():
        button = field.findChild(QToolButton) if action.isVisible() else None
        if button is not None and button.isVisible():
            taken += button.width()
    return taken


def _widget_problems(widget: QWidget, window: QWidget) -> list[str]:
    out: list[str] = []
    name = _name(widget)
    # 1. inside every parent up to the window (or the content of a scroll area)
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        rect = QRect(child.mapTo(parent, child.rect().topLeft()), child.size())
        scrolled = isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        )
        if scrolled:
            break  # the content of a scroll area can be scrolled to
        if isinstance(parent, QToolBar) and isinstance(child, QAbstractButton):
            break  # the tool bar's own overflow menu holds what does not fit
        if not _inside(rect, parent.rect()):
            out.append(f"{name} sticks out of {_name(parent)} ({rect} in {parent.rect()})")
            break
        if parent is window:
            break
        child, parent = parent, parent.parentWidget()
    # 2. its words fit
    if isinstance(widget, QAbstractButton) and widget.text() and not _in_toolbar_overflow(widget):
        need = widget.sizeHint().width()
        if widget.width() + 1 < need:
            out.append(f"{name} is {widget.width()} wide, its text needs {need}")
    if isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > 0 and widget.height() + 1 < need:
                out.append(f"{name} is {widget.height()} high, its lines need {need}")
        else:
            need = widget.sizeHint().width()
            if widget.width() + 1 < need:
                out.append(f"{name} is {widget.width()} wide, its text needs {need}")
    if isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
        # the hint in an empty field is read whole too ("… eignen sic…" was cut)
        room = widget.width() - _line_edit_padding(widget)
        need = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
        if need > room + 1:
            out.append(f"{name}: its placeholder needs {need} px, it has {room}")
    if isinstance(widget, QTabBar) and widget.count():
        last = widget.tabRect(widget.count() - 1)
        if last.right() > widget.width() + 1:
            out.append(f"{name}: the tabs do not fit ({last.right()} > {widget.width()})")
    return out


_PLACEHOLDER = re.compile(r"%\d|%n|\{\d\}|&&|&(?=\w)|<[^>]*>")
_ACCENTS = str.maketrans("aceinosuyACEINOSUY", "áçéîñöšüýÁÇÉÎÑÖŠÜÝ")


def pseudo(text: str) -> str:
    """The text 40% longer, with accents, placeholders and markup kept intact."""
    if not text:
        return text
    parts = []
    last = 0
    for match in _PLACEHOLDER.finditer(text):
        parts.append(text[last : match.start()].translate(_ACCENTS))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].translate(_ACCENTS))
    body = "".join(parts)
    extra = max(1, math.ceil(len(text) * 0.4))
    return f"[{body}{'·' * extra}]"


class PseudoTranslator(QTranslator):
    """A catalogue for every context that answers with :func:`pseudo` of the source."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        """Every text, longer."""
        if n >= 0:
            source = source.replace("(s)", "" if n == 1 else "s")
        return pseudo(source)

    def isEmpty(self) -> bool:
        """Never empty, so Qt asks it."""
        return False
