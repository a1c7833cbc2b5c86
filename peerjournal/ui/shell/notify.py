"""Whether something new from a peer raises a notification, decided in one place.

A background round that brought new items or replies raises one short notification (no
content, no counts) unless the user turned them off (Settings → General) or it is inside
the quiet hours. A round the user started by hand says what it brought on the page
instead. The clock is an attribute so tests can put the app at 23:30 without waiting.
Where the desktop has no tray, :attr:`PeerNotifier.notified` still fires and the window
shows the words in its status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from peerjournal.ui.kit import prefs as ui_prefs
from peerjournal.ui.kit.prefs import UiPrefs
from peerjournal.ui.shell.tray import TrayController


class PeerNotifier(QObject):
    """Raises the tray notification for new peer items, respecting the setting and quiet hours."""

    notified = Signal(str)  # the words shown (they never hold journal or peer content)

    def __init__(self, tray: TrayController, prefs: UiPrefs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._prefs = prefs
        # the local time, for the quiet hours (tests replace it)
        self.clock: Callable[[], datetime] = datetime.now

    def quiet_now(self) -> bool:
        """Whether the quiet hours hold at this moment."""
        # imported here: starting the app loads nothing of the peers feature
        from peerjournal.ui.peers.feed_time import in_quiet_hours

        return in_quiet_hours(self._prefs.get(ui_prefs.QUIET_HOURS), self.clock().time())

    def new_from_peers(self, count: int) -> bool:
        """``count`` new items or responses arrived in the background: notify if allowed."""
        if count <= 0 or not self._prefs.get(ui_prefs.PEER_NOTIFICATIONS) or self.quiet_now():
            return False
        text = self.tr("A peer shared something with you.")
        self._tray.notify(text)
        self.notified.emit(text)
        return True
