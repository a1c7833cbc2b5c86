"""Helpers for the journal GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
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


def run_job(qtbot, worker, fn, timeout: int = 30_000):  # type: ignore[no-untyped-def]
    """Run ``fn(session)`` on the worker and wait for its result; re-raise its error."""
    box: dict[str, object] = {}
    worker.submit(fn, lambda r: box.setdefault("ok", r), lambda e: box.setdefault("error", e))
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["ok"]
