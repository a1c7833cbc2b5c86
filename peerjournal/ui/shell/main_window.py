"""The main window: first run or unlock while locked; Journal | Mood | Trash when open.

Locking (Ctrl+L, the tray, or the idle timer) flushes a pending autosave, closes the
session in the worker, clears every model, editor and dialog, and shows the unlock
screen: nothing readable from the vault stays in any widget. The window composes the
feature pages; its actions, tool bar and menus are :mod:`.commands`, the dialogs it opens
:mod:`.dialogs`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.care import LOWEST_LEVEL, offer_enabled
from peerjournal.app.session import vault_exists
from peerjournal.ui.journal.page import JournalPage, TrashPage
from peerjournal.ui.kit import prefs as ui_prefs
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import screen_room
from peerjournal.ui.kit.icons import APP_ICON, icon
from peerjournal.ui.kit.keys import install_keyboard_defaults
from peerjournal.ui.kit.prefs import WRITING_PROMPTS, UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.autolock import IdleWatcher
from peerjournal.ui.shell.backups import BackupActions
from peerjournal.ui.shell.bug_dialog import BugDialog
from peerjournal.ui.shell.care import CareBanner
from peerjournal.ui.shell.commands import WindowCommands
from peerjournal.ui.shell.dialogs import WindowDialogs
from peerjournal.ui.shell.first_run import FirstRunPage
from peerjournal.ui.shell.notify import PeerNotifier
from peerjournal.ui.shell.tray import TrayController
from peerjournal.ui.shell.unlock import UnlockPage
from peerjournal.ui.shell.vault_banner import VaultBanner

PAGE_FIRST_RUN, PAGE_UNLOCK, PAGE_WORKSPACE = 0, 1, 2
DEFAULT_SIZE = QSize(1100, 720)
VIEW_JOURNAL, VIEW_MOOD, VIEW_TRASH, VIEW_PEERS = 0, 1, 2, 3


class _PaintSpy(QObject):
    """Reports the first paint of a widget after :meth:`arm` (startup benchmark, tests)."""

    painted = Signal()

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._armed = False
        target.installEventFilter(self)

    def arm(self) -> None:
        self._armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            self.painted.emit()
        return False


class MainWindow(QMainWindow):
    """The application window; it owns the pages, actions, tray and auto-lock."""

    locked = Signal()  # the vault was locked and every view cleared
    unlocked = Signal()  # the workspace is shown with the vault open
    workspace_painted = Signal()  # first paint of the workspace after each unlock

    def __init__(
        self,
        worker: DbWorker,
        prefs: UiPrefs,
        folder: Path,
        parent: QWidget | None = None,
        *,
        kdf: Any = None,
    ) -> None:
        super().__init__(parent)
        install_keyboard_defaults()
        self.worker = worker
        self.prefs = prefs
        self.folder = folder
        self.setWindowTitle("PeerJournal")
        self.setWindowIcon(icon(APP_ICON))
        self._quitting = False
        # the open vault is read-only (its banner says so): nothing that writes is offered
        self.read_only = False
        #: closing the window ends the application (set by app.main; tests keep it off)
        self.quit_on_close = False

        self.first_run = FirstRunPage(worker, folder, kdf=kdf)
        self.unlock_page = UnlockPage(worker, folder)
        self.journal = JournalPage(worker)
        self.journal.editor.set_prompts(prefs.get(WRITING_PROMPTS))
        self.trash = TrashPage(worker)
        self.mood_page: Any = None  # built on first visit (it loads charts)
        self.peers_page: Any = None  # built on first visit (peer exchange is optional)
        self.views = QStackedWidget()
        self.views.addWidget(self.journal)
        self.views.addWidget(QWidget())  # placeholder for the mood page
        self.views.addWidget(self.trash)
        self.views.addWidget(QWidget())  # placeholder for the peers page
        self.pages = QStackedWidget()
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self.unlock_page)
        self.banner = VaultBanner()
        workspace = QWidget()
        column = QVBoxLayout(workspace)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.views, 1)
        self.pages.addWidget(workspace)
        # a gentle offer of help can appear above every page (see shell/care.py)
        self.care = CareBanner()
        self.dialogs = WindowDialogs(self)
        self.care.support_requested.connect(self.dialogs.open_crisis)
        self._offered_for: set[str] = set()  # entries the offer was made for, this session
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.care)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._paint_spy = _PaintSpy(self.journal)
        self._paint_spy.painted.connect(self.workspace_painted)

        self.backups = BackupActions(self, worker)
        self.commands = WindowCommands(self)
        self.toolbar = self.commands.toolbar
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().setSizeGripEnabled(False)
        # crisis help one click (or F1) away on every screen, locked or not
        self.help_button = QPushButton(self.commands.crisis_action.icon(), self.tr("Help now"))
        self.help_button.setAccessibleName(self.tr("Help right now: crisis lines"))
        self.help_button.setToolTip(self.tr("Crisis lines and what to do right now (F1)"))
        self.help_button.setFlat(True)
        self.help_button.clicked.connect(self.dialogs.open_crisis)
        self.statusBar().addPermanentWidget(self.help_button)

        # peers: a round every few minutes while open (ui/peers/background.py), made on
        # the first unlock so starting the app loads nothing of the peers feature
        self.background: Any = None
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.tray = TrayController(self, icon(APP_ICON), prefs)
        self.tray.checkin_requested.connect(self.dialogs.quick_checkin)
        self.tray.lock_requested.connect(self.lock)
        self.tray.toggle_requested.connect(self.toggle_visible)
        self.tray.quit_requested.connect(self.quit)
        self.tray.peers_requested.connect(self._show_peers_from_tray)
        self.notifier = PeerNotifier(self.tray, prefs, self)
        self.notifier.notified.connect(self._notified)

        self.bug_dialog: BugDialog | None = None
        worker.bug.connect(self.show_bug)
        worker.failed.connect(lambda error: self.show_message(error_text(error)))
        self.first_run.finished.connect(self._opened)
        self.first_run.created.connect(self._remember_folder)
        self.unlock_page.unlocked.connect(self._opened)
        for page in (self.journal, self.trash):
            page.message.connect(self.show_message)
        self.journal.editor.hard_moment.connect(self._offer_after_writing)
        self.backups.message.connect(self.show_message)
        self.banner.read_only.connect(self._set_read_only)
        self.trash.restored.connect(lambda _id: self.journal.reload())

        geometry = prefs.get(ui_prefs.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(self.default_size())
        self.apply_prefs()
        self._show_locked()

    def default_size(self) -> QSize:
        """A comfortable first size that never exceeds the screen (title bar included)."""
        return DEFAULT_SIZE.boundedTo(screen_room(self))

    # -- locked / open --------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """Whether the workspace (an unlocked vault) is shown."""
        return self.pages.currentIndex() == PAGE_WORKSPACE

    def _show_locked(self) -> None:
        first = not vault_exists(self.folder)
        self.pages.setCurrentIndex(PAGE_FIRST_RUN if first else PAGE_UNLOCK)
        self.toolbar.hide()
        for action in self.commands.vault_actions:
            action.setEnabled(False)
        if not first:
            self.unlock_page.reset()

    def _opened(self) -> None:
        self.pages.setCurrentIndex(PAGE_WORKSPACE)
        self.toolbar.show()
        for action in self.commands.vault_actions:
            action.setEnabled(True)
        self.commands.nav_actions[VIEW_JOURNAL].setChecked(True)
        self.views.setCurrentIndex(VIEW_JOURNAL)
        self._paint_spy.arm()
        self.journal.start()
        self.idle.arm()
        self.status.setText("")
        self.banner.refresh(self.worker)
        self.backups.after_unlock()
        self._ensure_background().start()
        self.unlocked.emit()

    def _set_read_only(self, read_only: bool) -> None:
        """A read-only vault (folder, disk, full disk): every control that writes is off
        while the banner says so; reading, searching and backing up still work."""
        self.read_only = read_only
        commands = self.commands
        for action in (commands.new_action, commands.checkin_action, commands.share_action,
                       commands.import_action):  # fmt: skip
            action.setEnabled(not read_only)
        self.backups.back_up_action.setEnabled(True)  # a backup only reads the vault
        for page in (self.journal, self.trash, self.mood_page, self.peers_page):
            if page is not None:
                page.set_read_only(read_only)
        if read_only and self.background is not None:
            self.background.stop_read_only()  # a sync round writes what it fetches

    def _remember_folder(self, folder: str) -> None:
        self.prefs.set(ui_prefs.VAULT_FOLDER, folder)
        self.folder = Path(folder)
        self.unlock_page.set_folder(self.folder)

    def lock(self) -> None:
        """Save what is pending, close the vault and clear every view."""
        if not self.is_open and not self.worker.has_session:
            return
        self.journal.editor.flush()  # queued before the lock job, so it is written
        if self.peers_page is not None:
            self.peers_page.flush_time()  # the week's feed minutes go into the vault first
        if self.background is not None:
            self.background.stop()  # before the lock job: no round runs on a closed vault
        self.worker.lock()
        self.idle.disarm()
        self.dialogs.close_all()
        self.journal.clear()
        self.trash.clear()
        self.care.hide()
        self._offered_for.clear()
        if self.mood_page is not None:
            # the mood page has no clear(); drop it and build a fresh one on the next visit
            self.views.removeWidget(self.mood_page)
            self.mood_page.hide()
            self.mood_page.deleteLater()
            self.mood_page = None
            self.views.insertWidget(VIEW_MOOD, QWidget())
        if self.peers_page is not None:
            self.peers_page.clear()
        self.status.setText("")
        self.banner.clear()
        self._set_read_only(False)  # the next vault says for itself after its unlock
        self._show_locked()
        self.locked.emit()

    # -- views and actions ----------------------------------------------------------------
    def show_view(self, number: int) -> None:
        """Switch between Journal, Mood and Trash."""
        if not self.is_open:
            return
        self.journal.editor.flush()
        if number != self.views.currentIndex():
            self.status.setText("")  # a message is about the view it came from
        if number == VIEW_MOOD:
            self._ensure_mood_page().refresh()
        elif number == VIEW_TRASH:
            self.trash.start()
        elif number == VIEW_PEERS:
            self._ensure_peers_page().start()
        elif number == VIEW_JOURNAL and self.views.currentIndex() == VIEW_TRASH:
            self.journal.reload()
        self.views.setCurrentIndex(number)
        self.commands.nav_actions[number].setChecked(True)

    def _ensure_mood_page(self) -> Any:
        if self.mood_page is None:
            from peerjournal.ui.mood.page import MoodPage  # charts load only when needed

            self.mood_page = MoodPage(self.worker)
            self.mood_page.set_read_only(self.read_only)
            self.mood_page.checkin_requested.connect(self.dialogs.quick_checkin)
            placeholder = self.views.widget(VIEW_MOOD)
            if placeholder is not None:
                self.views.removeWidget(placeholder)
                placeholder.deleteLater()
            self.views.insertWidget(VIEW_MOOD, self.mood_page)
        return self.mood_page

    def _ensure_peers_page(self) -> Any:
        if self.peers_page is None:
            from peerjournal.ui.peers.page import PeersPage

            self.peers_page = PeersPage(self.worker, self.prefs)
            self.peers_page.set_read_only(self.read_only)
            self.peers_page.message.connect(self.show_message)
            self.peers_page.checkin_requested.connect(self.dialogs.quick_checkin)
            self.peers_page.worried_requested.connect(self.dialogs.open_worried)
            background = self._ensure_background()
            background.state_changed.connect(self.peers_page.show_sync_state)
            page = self.peers_page
            page.refreshed.connect(
                lambda: background.pairings_changed([peer.state for peer in page.peers])
            )
            self.peers_page.show_sync_state(background.state)
            placeholder = self.views.widget(VIEW_PEERS)
            if placeholder is not None:
                self.views.removeWidget(placeholder)
                placeholder.deleteLater()
            self.views.insertWidget(VIEW_PEERS, self.peers_page)
        return self.peers_page

    def _ensure_background(self) -> Any:
        if self.background is None:
            from peerjournal.ui.peers.background import BackgroundSync

            minutes = max(0, self.prefs.get(ui_prefs.SYNC_MINUTES))
            self.background = BackgroundSync(self.worker, minutes * 60_000, self)
            self.background.outcome.connect(self._background_outcome)
        return self.background

    def _background_outcome(self, outcome: Any) -> None:
        """A background round finished: the peers page shows it; new items may notify."""
        if self.peers_page is not None:
            self.peers_page.show_result(outcome)
        self.notifier.new_from_peers(outcome.new_items + outcome.new_responses)

    def _show_peers_from_tray(self) -> None:
        self.toggle_visible(force_show=True)
        if self.is_open:
            self.show_view(VIEW_PEERS)

    def _notified(self, text: str) -> None:
        if not self.tray.available:
            self.show_message(text)  # no tray here: the status bar carries the words

    def new_entry(self) -> None:
        """Start a new entry (Ctrl+N)."""
        if self.is_open:
            self.show_view(VIEW_JOURNAL)
            self.journal.new_entry()

    def focus_search(self) -> None:
        """Jump to the search field (Ctrl+F)."""
        if self.is_open:
            self.show_view(VIEW_JOURNAL)
            self.journal.focus_search()

    # -- care -----------------------------------------------------------------------------
    def maybe_offer_after_checkin(self, log: Any) -> None:
        """After a check-in at the lowest level, offer support (unless turned off)."""
        if log.level != LOWEST_LEVEL:
            return
        self.worker.submit(offer_enabled, self._offer_after_checkin)

    def _offer_after_checkin(self, enabled: bool) -> None:
        if enabled and self.is_open:
            self.care.offer_after_checkin()

    def _offer_after_writing(self, entry_id: str) -> None:
        """The editor found words that worry us in the user's own entry: offer once."""
        if entry_id not in self._offered_for:
            self._offered_for.add(entry_id)
            self.care.offer_after_writing()

    # -- preferences, status, closing -----------------------------------------------------
    def apply_prefs(self) -> None:
        """Re-read the UI preferences (auto-lock, reminder)."""
        minutes = self.prefs.get(ui_prefs.AUTO_LOCK_MINUTES)
        self.set_auto_lock_ms(max(0, minutes) * 60_000)
        self.tray.apply_prefs()
        if self.background is not None:
            self.background.set_interval_ms(max(0, self.prefs.get(ui_prefs.SYNC_MINUTES)) * 60_000)

    def set_auto_lock_ms(self, interval_ms: int) -> None:
        """Lock after this much idle time (0 = never); tests use a short interval."""
        self.idle.set_interval_ms(interval_ms)
        if self.is_open:
            self.idle.arm()

    def show_bug(self, report: str) -> BugDialog:
        """Tell the user about a bug (``report``: where its report is), one dialog at a time."""
        if self.bug_dialog is None:
            self.bug_dialog = BugDialog(self)
        self.bug_dialog.add_bug(report)
        if not self.bug_dialog.isVisible():
            self.bug_dialog.open()
        return self.bug_dialog

    def show_message(self, text: str) -> None:
        """A plain message in the status bar."""
        self.status.setText(text)

    def toggle_visible(self, force_show: bool = False) -> None:
        """Show the window (from the tray), or hide it when it is shown."""
        if self.isVisible() and not force_show and not self.isMinimized():
            self.hide()
        else:
            self.showNormal()
            self.raise_()
            self.activateWindow()

    def quit(self) -> None:
        """Save, lock and leave (also from the tray)."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keep living in the tray if asked to; otherwise save, lock and close."""
        live_in_tray = self.prefs.get(ui_prefs.LIVE_IN_TRAY)
        if live_in_tray and self.tray.available and not self._quitting:
            self.journal.editor.flush()
            self.hide()
            event.ignore()
            return
        self.prefs.set(ui_prefs.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.journal.editor.flush()
        self.journal.clear()
        self.trash.clear()
        self.worker.shutdown()
        event.accept()
        app = QApplication.instance()
        if app is not None and (self._quitting or self.quit_on_close):
            app.quit()
