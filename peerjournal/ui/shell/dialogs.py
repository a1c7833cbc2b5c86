"""Every dialog the main window opens, and closing them all when the vault locks.

Each ``open_*`` builds its dialog on first use (the feature's module is imported then, so
starting the app loads none of them), tracks it so that locking rejects and deletes it,
and lets Ctrl+L lock from inside it. Crisis help and About open while locked too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog

from peerjournal.ui.kit.prefs import WRITING_PROMPTS
from peerjournal.ui.shell.care import WorriedDialog

if TYPE_CHECKING:
    from peerjournal.ui.shell.main_window import MainWindow


class WindowDialogs(QObject):
    """Opens the window's dialogs and keeps the list of those open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.open_dialogs: list[QDialog] = []
        self.import_dialog: QDialog | None = None

    # -- tracking -------------------------------------------------------------------------
    def _track(self, dialog: QDialog) -> None:
        self.open_dialogs.append(dialog)
        dialog.addAction(self._window.commands.lock_action)  # Ctrl+L locks from inside too
        dialog.finished.connect(lambda _r, d=dialog: self._untrack(d))

    def _untrack(self, dialog: QDialog) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)
            dialog.deleteLater()

    def close_all(self) -> None:
        """Reject and delete every tracked dialog (on lock: nothing readable stays)."""
        for dialog in list(self.open_dialogs):
            dialog.reject()
            dialog.deleteLater()
        self.open_dialogs.clear()

    def _open(self, dialog: QDialog) -> QDialog:
        self._track(dialog)
        dialog.open()
        return dialog

    # -- the vault's dialogs (open only while unlocked) -----------------------------------
    def share_entry(self) -> Any:
        """Open the share dialog for the entry in the editor (nothing is sent without a click)."""
        window = self._window
        entry_id = window.journal.editor.entry_id if window.is_open else None
        if not entry_id:
            window.show_message(self.tr("Open an entry first, then choose Share."))
            return None
        from peerjournal.ui.peers.share_dialog import ShareDialog

        window.journal.editor.flush()
        dialog = ShareDialog(window.worker, entry_id, window)
        dialog.shared.connect(
            lambda _id: window.show_message(
                self.tr("Shared. It goes out as soon as the relay is reachable.")
            )
        )
        return self._open(dialog)

    def quick_checkin(self) -> Any:
        """Open the quick mood check-in (one click or Ctrl+Shift+M from anywhere)."""
        window = self._window
        if not window.is_open:
            window.toggle_visible(force_show=True)
            return None
        from peerjournal.ui.mood.checkin import CheckInDialog

        dialog = CheckInDialog(window.worker, window)
        dialog.saved.connect(self._checkin_saved)
        dialog.saved_log.connect(window.maybe_offer_after_checkin)
        return self._open(dialog)

    def _checkin_saved(self, _mood_id: str) -> None:
        window = self._window
        window.show_message(self.tr("Check-in saved. Thank you for taking a moment."))
        window.journal.editor.refresh_moods()
        if window.mood_page is not None:
            window.mood_page.refresh()

    def open_settings(self) -> Any:
        """Open the settings dialog (Ctrl+,)."""
        window = self._window
        if not window.is_open:
            return None
        from peerjournal.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(window.worker, window.prefs, window, read_only=window.read_only)
        dialog.applied.connect(self.settings_applied)
        return self._open(dialog)

    def settings_applied(self) -> None:
        """Settings were saved: theme, icons, prompts and timers follow at once."""
        from peerjournal.ui.kit.theme import apply_theme

        window = self._window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, window.prefs)
        window.journal.editor.set_prompts(window.prefs.get(WRITING_PROMPTS))
        window.commands.retint()
        window.apply_prefs()
        if window.peers_page is not None:
            window.peers_page.apply_prefs()

    def open_export(self) -> Any:
        """File → Export…: the export dialog (the export runs on the worker)."""
        if not self._window.is_open:
            return None
        from peerjournal.ui.export.dialog import ExportDialog

        dialog = ExportDialog(self._window.worker, self._window)
        # the dialog closes when the export is written: the window says where it went (the
        # dialog's own line vanished with it, and a person saw no sign of the file)
        dialog.exported.connect(lambda _report: self._window.show_message(dialog.status.text()))
        return self._open(dialog)

    def open_import(self) -> None:
        """File → Import…: the import dialog (ui/transfer/); the journal reloads after."""
        from peerjournal.ui.transfer.import_dialog import ImportDialog

        window = self._window
        dialog = ImportDialog(window.worker, window)
        dialog.imported.connect(lambda _report: window.journal.reload())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()

    # -- help (open while locked too) -----------------------------------------------------
    def open_worried(self) -> Any:
        """What to do when a peer's item worries you (from the feed)."""
        dialog = WorriedDialog(self._window)
        dialog.support_requested.connect(self.open_crisis)
        return self._open(dialog)

    def open_crisis(self) -> Any:
        """Show the offline crisis resources (works while locked too)."""
        from peerjournal.ui.shell.crisis_page import CrisisDialog

        return self._open(CrisisDialog(self._window))

    def open_about(self) -> Any:
        """Help → About: the version and the licences of everything bundled (locked too)."""
        from peerjournal.ui.shell.about_dialog import AboutDialog

        return self._open(AboutDialog(self._window))
