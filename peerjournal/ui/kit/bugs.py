"""What escapes in the desktop app: bugs are recorded (types and frames only) and reported.

Two places catch what nobody handled, and both end in :func:`record`:

- the worker (:mod:`peerjournal.ui.kit.worker`) for exceptions in background jobs;
- :class:`BugHooks`, installed once by ``ui/app.py``, for the GUI thread: PySide6 hands an
  exception raised in a slot, an event handler or a timer callback to ``sys.excepthook``,
  which the hooks replace. They also route Qt's own messages (warnings from Qt itself) to
  :mod:`logging` instead of the terminal.

An exception's message can quote what the user wrote (a title in a SQL error, a tag in a
``ValueError``), so it is never written or shown: :mod:`peerjournal.buglog` keeps the
exception types and the frames (file, line, function). The user sees a plain bug dialog
(``shell/bug_dialog.py``) that says where the report is; never a traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, Signal, qInstallMessageHandler

from peerjournal.buglog import describe, record_bug

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def record(exc: BaseException, where: str) -> str:
    """Record a bug in bugs.log and the log (no message text); return the report's path.

    ``where`` names the part that failed ("desktop app, GUI thread"), never user text.
    The path is "" when the report could not be written (the log still has the frames).
    """
    path = record_bug(exc, where)
    log.error("bug in the %s (report in %s):\n%s", where, path, describe(exc))
    return "" if path is None else str(path)


def _route_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


class BugHooks(QObject):
    """The GUI thread's hook for uncaught exceptions, and Qt's messages routed to logging."""

    bug = Signal(str)  # a bug was recorded; the report's path ("" if it could not be written)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous_hook: ExceptHook = sys.excepthook
        sys.excepthook = self._excepthook
        self._previous_handler = qInstallMessageHandler(_route_qt_message)

    def uninstall(self) -> None:
        """Put back the hook and the message handler that were there before."""
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous_hook
        qInstallMessageHandler(self._previous_handler)

    def _excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if not isinstance(exc, Exception):  # Ctrl+C, SystemExit: not bugs, keep the default
            self._previous_hook(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        self.bug.emit(record(exc, "desktop app, GUI thread"))
