"""First run: create a vault, then show the one-time recovery code.

Creation (Argon2id twice, the database and its schema) runs on the worker with a busy
indicator. The recovery code is shown once, in a monospace font with a copy button, and
the user must tick "I have saved it" before the journal opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
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

from peerjournal.app.session import create_vault
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.keys import is_plain_return
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.passphrase import NewPassphraseFields, centered_card, heading


class FirstRunPage(QWidget):
    """Creates a new vault; emits :attr:`finished` once the recovery code is confirmed."""

    created = Signal(str)  # the folder, as soon as the vault exists (code not yet confirmed)
    finished = Signal()  # the user saved the recovery code; the session is open

    def __init__(
        self,
        worker: DbWorker,
        folder: Path,
        parent: QWidget | None = None,
        *,
        kdf: Any = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._kdf = kdf
        self._code = ""
        self.steps = QStackedWidget()
        self.steps.addWidget(centered_card(self._build_create(folder), 520))
        self.steps.addWidget(centered_card(self._build_recovery(), 520))
        self.steps.currentChanged.connect(self._fit_step)
        self._fit_step(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return does the obvious thing: next field, create, or open the journal."""
        if not is_plain_return(event):
            super().keyPressEvent(event)
            return
        event.accept()
        if self.steps.currentIndex() == 1:
            self._continue()
        elif self.fields.first.hasFocus() and not self.fields.second.text():
            self.fields.second.setFocus()
        else:
            self.submit()

    def _fit_step(self, current: int) -> None:
        for number in range(self.steps.count()):
            policy = (
                QSizePolicy.Policy.Preferred if number == current else QSizePolicy.Policy.Ignored
            )
            page = self.steps.widget(number)
            if page is not None:
                page.setSizePolicy(policy, policy)

    # -- step 1: passphrase and folder --------------------------------------------------
    def _build_create(self, folder: Path) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(heading(self.tr("Start your private journal")))
        intro = QLabel(
            self.tr(
                "Everything you write stays on this computer, encrypted with a passphrase "
                "only you know. No account, no cloud."
            )
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        box.addSpacing(8)
        self.fields = NewPassphraseFields()
        box.addWidget(self.fields)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setAccessibleName(self.tr("Vault folder"))
        self.folder_edit.setCursorPosition(0)  # show where the path starts
        browse = QPushButton(self.tr("Choose…"))
        browse.setAccessibleName(self.tr("Choose the vault folder"))
        browse.clicked.connect(self._choose_folder)
        folder_row.addWidget(QLabel(self.tr("Folder")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        box.addLayout(folder_row)
        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        box.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.hide()
        box.addWidget(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        self.create_button = QPushButton(self.tr("Create my journal"))
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.submit)
        self.fields.validity_changed.connect(self.create_button.setEnabled)
        row.addWidget(self.create_button)
        box.addLayout(row)
        return page

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where should the vault live?"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    @property
    def folder(self) -> Path:
        """The folder the vault is (or will be) created in."""
        return Path(self.folder_edit.text()).expanduser()

    def submit(self) -> None:
        """Create the vault in the worker."""
        if self.progress.isVisible():
            return
        if not self.fields.valid:
            self.message.setText(
                self.tr(
                    "Choose a stronger passphrase first (the hints above say how), "
                    "and type it the same way twice."
                )
            )
            self.message.show()
            return
        passphrase = self.fields.passphrase()
        self.fields.clear()
        folder, kdf = self.folder, self._kdf
        holder: dict[str, str] = {}

        def create() -> Any:
            session, code = create_vault(folder, passphrase, kdf=kdf)
            holder["code"] = code  # read on the GUI thread after the queued reply
            return session

        self.message.hide()
        self._set_busy(True)
        self._worker.open(
            create,
            lambda _session: self._created(holder.get("code", "")),
            self._failed,
            on_bug=lambda: self._set_busy(False),
        )

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.fields.setEnabled(not busy)
        self.folder_edit.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self.fields.valid)

    def _failed(self, error: PeerJournalError) -> None:
        self._set_busy(False)
        self.message.setText(error_text(error))
        self.message.show()

    def _created(self, code: str) -> None:
        self._set_busy(False)
        self._code = code
        self.code_label.setText(code)
        self.saved_box.setChecked(False)
        self.steps.setCurrentIndex(1)
        self.saved_box.setFocus()
        self.created.emit(str(self.folder))

    # -- step 2: the recovery code --------------------------------------------------------
    def _build_recovery(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(heading(self.tr("Your recovery code")))
        intro = QLabel(
            self.tr(
                "If you ever forget your passphrase, this code is the only way back in. "
                "Write it down or keep it in a password manager. It is shown only this once."
            )
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        self.code_label.setFont(mono)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setMargin(12)
        box.addWidget(self.code_label)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the recovery code"))
        self.copy_button.clicked.connect(self._copy)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        box.addLayout(row)
        # short enough for the card in every language (a check box cannot wrap its words:
        # "…Wiederherstellungscode sicher aufbewahrt" was cut at the card's edge)
        self.saved_box = QCheckBox(self.tr("I have saved the code somewhere safe"))
        box.addWidget(self.saved_box)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        self.continue_button = QPushButton(self.tr("Open my journal"))
        self.continue_button.setObjectName("primary")
        self.continue_button.setEnabled(False)
        self.saved_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._continue)
        row2.addWidget(self.continue_button)
        box.addLayout(row2)
        return page

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._code)
        self.copy_button.setText(self.tr("Copied"))

    def _continue(self) -> None:
        if not self.saved_box.isChecked():
            return
        clipboard = QGuiApplication.clipboard()
        # don't leave the only key to the vault lying in the clipboard
        if self._code and clipboard.text() == self._code:
            clipboard.clear()
        self._code = ""
        self.code_label.clear()
        self.copy_button.setText(self.tr("Copy"))
        self.finished.emit()
