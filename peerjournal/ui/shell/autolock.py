"""Auto-lock: an application-wide idle timer reset by any user input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

# Only real user input counts as activity; paint and timer events must not keep a vault open.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits :attr:`idle` once after ``interval_ms`` without user input while armed."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._interval_ms = 0
        self._armed = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval_ms(self, interval_ms: int) -> None:
        """Set the idle time; 0 turns auto-lock off."""
        self._interval_ms = max(0, int(interval_ms))
        self._restart()

    @property
    def interval_ms(self) -> int:
        """The idle time in milliseconds (0 = off)."""
        return self._interval_ms

    def arm(self) -> None:
        """Start watching (the vault is open)."""
        self._armed = True
        self._restart()

    def disarm(self) -> None:
        """Stop watching (the vault is locked)."""
        self._armed = False
        self._timer.stop()

    @property
    def armed(self) -> bool:
        """Whether the timer runs (the vault is open and auto-lock is on)."""
        return self._armed and self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restart the timer on user input; never consume the event."""
        if self._armed and event.type() in _INPUT_EVENTS:
            self._restart()
        return False

    def _restart(self) -> None:
        if self._armed and self._interval_ms > 0:
            self._timer.start(self._interval_ms)
        else:
            self._timer.stop()
