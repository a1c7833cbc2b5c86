"""Tray icon (quick check-in, lock, show/hide, quit) and the daily check-in reminder.

Offscreen and on some desktops there is no system tray; then the tray simply does not
appear and the window behaves like any other (closing it quits).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from peerjournal.ui.kit import prefs as ui_prefs
from peerjournal.ui.kit.prefs import UiPrefs


def ms_until(hhmm: str, now: datetime | None = None) -> int | None:
    """Milliseconds from ``now`` until the next local time ``HH:MM``; None if malformed."""
    try:
        hours, minutes = (int(part) for part in hhmm.strip().split(":"))
    except ValueError:
        return None
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return None
    now = now or datetime.now()
    target = now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    if target <= now:
        target += timedelta(days=1)
    return int((target - now).total_seconds() * 1000)


class TrayController(QObject):
    """Owns the tray icon, its menu and the reminder timer."""

    checkin_requested = Signal()
    lock_requested = Signal()
    toggle_requested = Signal()
    quit_requested = Signal()
    reminder_shown = Signal(str)  # the reminder text (tests; it holds no journal content)
    peers_requested = Signal()  # the bubble of a peer notification was clicked

    def __init__(self, window: QWidget, app_icon: QIcon, prefs: UiPrefs) -> None:
        super().__init__(window)
        self._prefs = prefs
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon: QSystemTrayIcon | None = None
        self._reminder = QTimer(self)
        self._reminder.setSingleShot(True)
        self._reminder.timeout.connect(self._remind)
        self._last_bubble = ""  # "reminder" or "peers": what a click on the bubble opens
        if self.available:
            self.icon = QSystemTrayIcon(app_icon, self)
            self.icon.setToolTip("PeerJournal")
            menu = QMenu(window)
            for text, signal in (
                (self.tr("Quick check-in…"), self.checkin_requested),
                (self.tr("Show / hide"), self.toggle_requested),
                (self.tr("Lock"), self.lock_requested),
                (self.tr("Quit"), self.quit_requested),
            ):
                action = QAction(text, menu)
                action.triggered.connect(signal)
                menu.addAction(action)
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self._bubble_clicked)
            self.icon.show()
        self.apply_prefs()

    def apply_prefs(self) -> None:
        """Reschedule the reminder from the current preferences."""
        self._reminder.stop()
        if not self._prefs.get(ui_prefs.REMINDER_ENABLED):
            return
        delay = ms_until(self._prefs.get(ui_prefs.REMINDER_TIME))
        if delay is not None:
            self._reminder.start(max(1000, delay))

    @property
    def reminder_scheduled(self) -> bool:
        """Whether a reminder is due later."""
        return self._reminder.isActive()

    def reminder_text(self) -> str:
        """The gentle reminder; it never contains anything from the journal."""
        return self.tr("How are you today? A quick check-in takes a few seconds.")

    def _remind(self) -> None:
        text = self.reminder_text()
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self._last_bubble = "reminder"
            self.icon.showMessage("PeerJournal", text, QSystemTrayIcon.MessageIcon.NoIcon, 8000)
        self.reminder_shown.emit(text)
        self.apply_prefs()  # the same time tomorrow

    def notify(self, text: str) -> bool:
        """Show a short notification with no journal or peer content; False if unsupported."""
        if self.icon is None or not QSystemTrayIcon.supportsMessages():
            return False
        self._last_bubble = "peers"
        self.icon.showMessage("PeerJournal", text, QSystemTrayIcon.MessageIcon.NoIcon, 6000)
        return True

    def _bubble_clicked(self) -> None:
        """A click on the reminder opens the check-in; on a peer notification, the feed."""
        if self._last_bubble == "peers":
            self.peers_requested.emit()
        else:
            self.checkin_requested.emit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_requested.emit()
