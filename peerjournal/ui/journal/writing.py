"""The entry body: a Markdown text field with light writing help.

- Return in a list item (``- ``, ``* ``, ``+ ``, ``- [ ] ``, ``1. ``) starts the next item with
  the same indentation (the number counts up); Return on an empty item ends the list.
- Ctrl+B and Ctrl+I wrap the selection in ``**`` or ``*`` (again: unwrap).
- Tab still indents, so a keyboard user needs a way out: Ctrl+Tab / Ctrl+Shift+Tab move
  the focus on, and Esc asks to leave the text (:attr:`MarkdownEdit.escaped`).
- :func:`text_length` is what the count under the text shows. Chinese and Japanese put no
  spaces between words, and telling words apart takes a dictionary; their writers count
  characters (文字数) instead. So a text written mostly in those scripts is counted in
  characters, and the label says "characters"; any other text in words (a stray CJK
  character in it counts as one word). Label and number agree in every language.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

_LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+](?: \[[ xX]\])?|\d{1,9}[.)])(?P<gap> +)")
# scripts written without spaces between words (Korean puts spaces: its words are counted)
_CJK = (
    r"\u3040-\u30ff"  # hiragana, katakana
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
)
_WORDS = re.compile(rf"[{_CJK}]|[^\s{_CJK}]*[^\W_][^\s{_CJK}]*")


_CJK_CHAR = re.compile(rf"[{_CJK}]")


def count_words(text: str) -> int:
    """Words in ``text``: runs of letters or digits, and each CJK character on its own."""
    return len(_WORDS.findall(text))


def count_characters(text: str) -> int:
    """Characters in ``text`` as a CJK writer counts them: everything but white space."""
    return sum(1 for ch in text if not ch.isspace())


def text_length(text: str) -> tuple[int, bool]:
    """The text's length and whether it is in characters (mostly CJK text) or in words."""
    characters = count_characters(text)
    if characters and 2 * len(_CJK_CHAR.findall(text)) >= characters:
        return characters, True
    return count_words(text), False


def next_list_marker(line: str) -> tuple[str, bool] | None:
    """For a line of a Markdown list: the prefix of the next item, and whether this item is
    empty (then Return ends the list). ``None`` when the line is not a list item."""
    match = _LIST_ITEM.match(line)
    if match is None:
        return None
    indent, marker, gap = match.group("indent"), match.group("marker"), match.group("gap")
    empty = not line[match.end() :].strip()
    if marker[0].isdigit():
        number = int(marker[:-1]) + 1
        marker = f"{number}{marker[-1]}"
    elif "[" in marker:
        marker = marker[0] + " [ ]"  # a new task starts unticked
    return f"{indent}{marker}{gap}", empty


class MarkdownEdit(QPlainTextEdit):
    """A plain text editor for Markdown with list continuation and emphasis shortcuts."""

    escaped = Signal()  # Esc: the user wants to leave the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(False)

    def event(self, event: QEvent) -> bool:
        """Ctrl+Tab leaves the text (before a surrounding tab widget takes it)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if control and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.leave(forward=event.key() == Qt.Key.Key_Tab)
                return True
        return super().event(event)

    def leave(self, *, forward: bool = True) -> None:
        """Move the focus to the next (or previous) widget, as Tab does elsewhere."""
        # QPlainTextEdit refuses to pass the focus on while Tab types into it
        keeps_tabs = not self.tabChangesFocus()
        self.setTabChangesFocus(True)
        try:
            self.focusNextPrevChild(forward)
        finally:
            self.setTabChangesFocus(not keeps_tabs)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc, Return in lists, Ctrl+B, Ctrl+I; everything else as usual."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.escaped.emit()
            return
        if self.isReadOnly():
            # a cursor's insertText ignores read-only: the writing help must step aside
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Bold):
            self.toggle_emphasis("**")
            return
        if event.matches(QKeySequence.StandardKey.Italic):
            self.toggle_emphasis("*")
            return
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        is_return = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods
        if is_return and self._continue_list():
            return
        super().keyPressEvent(event)

    def _continue_list(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        line = block.text()
        column = cursor.positionInBlock()
        if column < len(line.rstrip()):
            return False  # Return in the middle of an item splits it as usual
        found = next_list_marker(line)
        if found is None:
            return False
        prefix, empty = found
        cursor.beginEditBlock()
        if empty:
            # Return on an empty item ends the list: the marker goes, the line stays
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
        else:
            cursor.insertText("\n" + prefix)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def toggle_emphasis(self, mark: str) -> None:
        """Wrap the selection in ``mark`` (or unwrap it); without one, insert a pair."""
        cursor = self.textCursor()
        text = cursor.selectedText()
        start = cursor.selectionStart()
        size = len(mark)
        cursor.beginEditBlock()
        if not text:
            cursor.insertText(mark + mark)
            cursor.setPosition(start + size)
        elif len(text) > 2 * size and text.startswith(mark) and text.endswith(mark):
            inner = text[size:-size]
            cursor.insertText(inner)
            cursor.setPosition(start)
            cursor.setPosition(start + _utf16_len(inner), QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.insertText(f"{mark}{text}{mark}")
            cursor.setPosition(start + size)
            cursor.setPosition(start + size + _utf16_len(text), QTextCursor.MoveMode.KeepAnchor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)


def _utf16_len(text: str) -> int:
    """Qt counts text positions in UTF-16 units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2
