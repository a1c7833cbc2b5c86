"""The unlock screen: passphrase, or the recovery code plus a new passphrase.

Key derivation runs on the database worker (Argon2id takes a noticeable fraction of a
second on purpose); the window shows a busy indicator and stays responsive meanwhile.
Each field is cleared as soon as its value has been handed to the worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.session import open_vault, recover_vault
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.keys import is_plain_return
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.passphrase import NewPassphraseFields, centered_card, heading


class UnlockPage(QWidget):
    """Asks for the passphrase (or recovery code) and opens the vault in the worker."""

    unlocked = Signal()  # the worker now holds an open session
    attempt_failed = Signal(str)  # the plain message shown

    def __init__(self, worker: DbWorker, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.folder = folder
        self._busy = False

        self.modes = QStackedWidget()
        self.modes.addWidget(self._build_passphrase_form())
        self.modes.addWidget(self._build_recovery_form())
        self.modes.currentChanged.connect(self._fit_mode)
        self._fit_mode(0)

        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: key derivation has no progress to show
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Unlocking"))
        self.progress.hide()

        content = QWidget()
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(heading(self.tr("Welcome back")))
        self.folder_label = QLabel()
        self.folder_label.setObjectName("hint")
        self.folder_label.setWordWrap(True)
        box.addWidget(self.folder_label)
        box.addSpacing(8)
        # outside the stack of forms: a wrapped label inside it made the stack too tall
        self.prompt = QLabel(self.tr("Enter your passphrase to open your journal."))
        self.prompt.setWordWrap(True)  # long translations wrap instead of being cut
        box.addWidget(self.prompt)
        box.addWidget(self.modes)
        box.addWidget(self.message)
        box.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(centered_card(content))
        self.set_folder(folder)

    # -- building ---------------------------------------------------------------------
    def _build_passphrase_form(self) -> QWidget:
        form = QWidget()
        box = QVBoxLayout(form)
        box.setContentsMargins(0, 0, 0, 0)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.submit)
        box.addWidget(self.passphrase)
        row = QHBoxLayout()
        self.use_recovery = QPushButton(self.tr("Forgot it? Use the recovery code"))
        self.use_recovery.setFlat(True)
        self.use_recovery.setObjectName("linkButton")
        self.use_recovery.clicked.connect(lambda: self.show_recovery(True))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self.submit)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        box.addLayout(row)
        # its own row: beside Unlock a long translation was clipped on both sides
        box.addWidget(self.use_recovery, 0, Qt.AlignmentFlag.AlignLeft)
        # Tab from the passphrase reaches Unlock before the recovery link
        QWidget.setTabOrder(self.passphrase, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.use_recovery)
        return form

    def _build_recovery_form(self) -> QWidget:
        form = QWidget()
        box = QVBoxLayout(form)
        box.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "Type the recovery code you saved when you created the vault, "
                "then choose a new passphrase."
            )
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.recovery_code = QLineEdit()
        self.recovery_code.setAccessibleName(self.tr("Recovery code"))
        self.recovery_code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.recovery_code.setObjectName("mono")
        box.addWidget(self.recovery_code)
        self.new_passphrase = NewPassphraseFields()
        box.addWidget(self.new_passphrase)
        row = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.show_recovery(False))
        self.recover_button = QPushButton(self.tr("Recover and unlock"))
        self.recover_button.setObjectName("primary")
        self.recover_button.setEnabled(False)
        self.recover_button.clicked.connect(self.submit_recovery)
        self.new_passphrase.validity_changed.connect(self._update_recover_button)
        self.recovery_code.textChanged.connect(self._update_recover_button)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.recover_button)
        box.addLayout(row)
        return form

    def _fit_mode(self, current: int) -> None:
        # a stack is as tall as its tallest page; let only the shown form claim space
        for number in range(self.modes.count()):
            policy = (
                QSizePolicy.Policy.Preferred if number == current else QSizePolicy.Policy.Ignored
            )
            page = self.modes.widget(number)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.modes.adjustSize()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """In the recovery form, Return recovers (or moves on) and Esc goes back."""
        if self.modes.currentIndex() == 1:
            if is_plain_return(event):
                event.accept()
                if self.recover_button.isEnabled():
                    self.submit_recovery()
                else:
                    self.focusNextChild()
                return
            if event.key() == Qt.Key.Key_Escape:
                event.accept()
                self.show_recovery(False)
                return
        super().keyPressEvent(event)

    # -- behaviour --------------------------------------------------------------------
    def set_folder(self, folder: Path) -> None:
        """Point the screen at another vault folder."""
        self.folder = folder
        self.folder_label.setText(self.tr("Vault: {0}").format(str(folder)))

    def show_recovery(self, on: bool) -> None:
        """Switch between the passphrase and the recovery-code forms."""
        self.modes.setCurrentIndex(1 if on else 0)
        self.prompt.setVisible(not on)  # the recovery form says what to do itself
        self.message.hide()
        (self.recovery_code if on else self.passphrase).setFocus()

    def reset(self) -> None:
        """Back to a clean passphrase form (after locking)."""
        self.passphrase.clear()
        self.recovery_code.clear()
        self.new_passphrase.clear()
        self.message.hide()
        self.modes.setCurrentIndex(0)
        self.prompt.show()
        self._set_busy(False)
        self.passphrase.setFocus()

    @property
    def busy(self) -> bool:
        """Whether an unlock attempt is running."""
        return self._busy

    def submit(self) -> None:
        """Try the passphrase in the worker; the field is cleared straight away."""
        if self._busy:
            return
        secret = self.passphrase.text()
        self.passphrase.clear()
        if not secret:
            self._show_error(self.tr("Please enter your passphrase."))
            return
        folder = self.folder
        self._start(lambda: open_vault(folder, secret))

    def submit_recovery(self) -> None:
        """Unlock with the recovery code and set the new passphrase."""
        if self._busy or not self.new_passphrase.valid:
            return
        code = self.recovery_code.text().strip()
        new = self.new_passphrase.passphrase()
        self.recovery_code.clear()
        self.new_passphrase.clear()
        folder = self.folder
        self._start(lambda: recover_vault(folder, code, new))

    def _start(self, opener: Any) -> None:
        self.message.hide()
        self._set_busy(True)
        self._worker.open(opener, self._done, self._failed, on_bug=self._ready_again)

    def _done(self, _session: Any) -> None:
        self._set_busy(False)
        self.unlocked.emit()

    def _failed(self, error: PeerJournalError) -> None:
        self._ready_again()
        self._show_error(error_text(error))
        self.attempt_failed.emit(error_text(error))

    def _ready_again(self) -> None:
        """After a failed attempt (a known error or a bug): the user can try again."""
        self._set_busy(False)
        (self.recovery_code if self.modes.currentIndex() else self.passphrase).setFocus()

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for widget in (self.unlock_button, self.recover_button, self.passphrase):
            widget.setEnabled(not busy)
        if not busy:
            self._update_recover_button()

    def _update_recover_button(self, *_args: object) -> None:
        self.recover_button.setEnabled(
            not self._busy
            and self.new_passphrase.valid
            and len(self.recovery_code.text().strip()) >= 20
        )
