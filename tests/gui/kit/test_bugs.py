"""The GUI thread's hooks: Qt's own messages go to logging; they put back what was there."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QPainter

from peerjournal.ui.kit.bugs import BugHooks


def test_qt_warnings_are_routed_to_the_log(qapp, caplog) -> None:
    hooks = BugHooks()
    try:
        with caplog.at_level(logging.WARNING, logger="qt"):
            QPainter().end()  # Qt itself warns: "QPainter::end: Painter not active, aborted"
    finally:
        hooks.uninstall()
    records = [r for r in caplog.records if r.name == "qt"]
    assert [r.levelno for r in records] == [logging.WARNING]
    assert "Painter not active" in records[0].getMessage()


def test_uninstall_puts_the_previous_hook_back(qapp) -> None:
    before = sys.excepthook
    hooks = BugHooks()
    assert sys.excepthook != before
    hooks.uninstall()
    assert sys.excepthook == before


def test_keyboard_interrupt_is_not_a_bug(qapp, monkeypatch) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _exc, _tb: seen.append(kind))
    hooks = BugHooks()
    reported: list[str] = []
    hooks.bug.connect(reported.append)
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        hooks.uninstall()
    assert seen == [KeyboardInterrupt]  # handed on to the hook that was there before
    assert reported == []
