"""Backups in the desktop app: File → Back up now… / Restore from a backup…, the automatic
daily backup after unlock, and the Backups tab of the settings.

All work runs on the database worker thread (app.backups); the window shows a busy
progress dialog and a plain result. Progress from the core arrives through a signal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app import backups
from peerjournal.errors import PeerJournalError
from peerjournal.ui.journal.dates import long_moment
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.worker import DbWorker, weak


class _Progress(QObject):
    """Carries the core's progress callback (worker thread) to the GUI thread."""

    step = Signal(int, int)


class BackupActions(QObject):
    """The File menu's backup actions and the automatic backup after each unlock."""

    message = Signal(str)  # a short result for the status bar

    def __init__(self, window: QWidget, worker: DbWorker) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        self._dialog: QProgressDialog | None = None
        self.back_up_action = QAction(self.tr("&Back up now…"), window)
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), window)
        self.restore_action.triggered.connect(self.restore_from_backup)

    # -- back up --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        """Ask where, then write an encrypted backup on the worker thread."""
        suggested = str(Path.home() / f"peerjournal-{date.today().isoformat()}.pjbackup")
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Back up the vault to"),
            suggested,
            self.tr("PeerJournal backups (*.pjbackup)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # a backup never overwrites
        )
        if not path:
            return
        target = Path(path)
        progress = self._busy(self.tr("Writing an encrypted backup…"))
        signal = _Progress(self)
        signal.step.connect(self._step)
        self._worker.submit(
            lambda session: backups.create_backup(session, target, signal.step.emit),
            on_done=lambda _meta: self._finished(
                self.tr("The encrypted backup was written to %1. It opens with the "
                        "passphrase you have now, also after you change it.").replace(
                    "%1", str(target))
            ),
            on_error=self._failed,
            on_bug=self._close_progress,
        )  # fmt: skip
        del progress

    # -- restore --------------------------------------------------------------------------
    def restore_from_backup(self) -> None:
        """Pick a backup, a new or empty folder and the backup's passphrase; restore."""
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Restore from a backup"),
            str(Path.home()),
            self.tr("PeerJournal backups (*.pjbackup);;All files (*)"),
        )
        if not path:
            return
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Restore into a new or empty folder"), str(Path.home())
        )
        if not folder:
            return
        secret, ok = QInputDialog.getText(
            self._window,
            self.tr("Passphrase of the backup"),
            self.tr("The passphrase that was current when the backup was made:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not secret:
            return
        source, target = Path(path), Path(folder)
        self._busy(self.tr("Checking and restoring the backup…"))
        self._worker.run_free(
            lambda: backups.restore_backup(source, secret, target),
            on_done=lambda info: self._finished(
                self.restored_text(info.entries, info.mood_logs, target)
            ),
            on_error=self._failed,
            on_bug=self._close_progress,
        )

    def restored_text(self, entries: int, mood_logs: int, target: Path) -> str:
        """What a finished restore says; each count takes the plural its number needs."""
        return (
            self.tr("Restored %1 and %2 into %3. Open that folder as your vault "
                    "(peerjournal --vault FOLDER) to use it.")
            .replace("%1", self.tr("%Ln entries", "", entries))
            .replace("%2", self.tr("%Ln mood logs", "", mood_logs))
            .replace("%3", str(target))
        )  # fmt: skip

    # -- automatic ------------------------------------------------------------------------
    def after_unlock(self) -> None:
        """Make the daily automatic backup if one is due (on the worker, never blocking)."""
        self._worker.submit(
            backups.run_auto_backup,
            on_done=self._auto_done,
            on_error=lambda error: self.message.emit(
                self.tr("The automatic backup was not made: %1").replace("%1", error_text(error))
            ),
        )

    def _auto_done(self, made: Any) -> None:
        if made is not None:
            self.message.emit(self.tr("Automatic backup made."))

    # -- feedback -------------------------------------------------------------------------
    def _busy(self, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, "", 0, 0, self._window)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self._dialog = dialog
        return dialog

    def _step(self, done: int, total: int) -> None:
        if self._dialog is not None and total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    def _close_progress(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _finished(self, text: str) -> None:
        self._close_progress()
        self.message.emit(text)
        QMessageBox.information(self._window, self.tr("Backup"), text)

    def _failed(self, error: PeerJournalError) -> None:
        self._close_progress()
        QMessageBox.warning(self._window, self.tr("Backup"), error_text(error))


class BackupSettingsPanel(QWidget):
    """Settings → Backups: automatic daily backups, how many to keep, where, the last one."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.read_only = False  # a read-only vault keeps its backup settings as they are
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Backups are encrypted copies of your whole vault. Each opens with the "
                "passphrase you had when it was made. Save applies these settings."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.enabled = QCheckBox(self.tr("Make a backup every day when the vault is opened"))
        form.addRow(self.enabled)
        self.keep = QSpinBox()
        self.keep.setRange(1, backups.MAX_KEEP)
        self.keep.setAccessibleName(self.tr("Backups to keep"))
        form.addRow(self.tr("Keep the newest"), self.keep)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.folder.setPlaceholderText(self.tr("backups/ in the vault folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Folder"), row)
        self.last = QLabel()
        form.addRow(self.tr("Last backup"), self.last)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setEnabled(False)
        # weak: the panel may be gone (dialog closed) before the settings arrive
        worker.submit(self._read, on_done=weak(self._show), on_error=weak(self._failed))

    @staticmethod
    def _read(session: Any) -> tuple[backups.AutoSettings, Any, str]:
        settings = backups.auto_settings(session)
        return settings, backups.last_auto_backup(session), str(settings.where(session.folder))

    def _show(self, values: tuple[backups.AutoSettings, Any, str]) -> None:
        settings, last, where = values
        self.enabled.setChecked(settings.enabled)
        self.keep.setValue(settings.keep)
        self.folder.setText(settings.folder or "")
        self.last.setText(long_moment(last) if last else self.tr("none yet"))
        self.folder.setToolTip(where)
        self.setEnabled(not self.read_only)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for automatic backups"))
        if chosen:
            self.folder.setText(chosen)

    def apply(self) -> None:
        """Store the settings in the vault (on the worker); the dialog's Save calls it."""
        if not self.isEnabled():
            return  # the settings never arrived: nothing to save
        enabled, keep, folder = self.enabled.isChecked(), self.keep.value(), self.folder.text()
        self._worker.submit(
            lambda session: backups.set_auto_settings(
                session, enabled=enabled, keep=keep, folder=folder.strip()
            ),
            on_done=lambda _s: self.status.setText(self.tr("Backup settings saved.")),
            on_error=self._failed,
        )

    def _failed(self, error: PeerJournalError) -> None:
        self.status.setText(error_text(error))
