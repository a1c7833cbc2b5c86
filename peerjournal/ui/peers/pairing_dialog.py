"""Pairing with a peer: create an invite (text + QR code) or accept one (safety code).

Both paths run the network call through the :class:`DbWorker`; the window never waits.
An invite copied with "Copy invite" is taken off the clipboard when the dialog closes, as
the recovery code is, unless the clipboard holds something else by then.
A malformed, expired or used invite shows the :class:`~peerjournal.errors.InvalidInvite`
message in the dialog and nothing changes in the vault.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.peers import PeerInfo, PeersService, invite_qr_png
from peerjournal.errors import PeerJournalError, RelayUnreachable
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import screen_room
from peerjournal.ui.kit.keys import is_plain_return
from peerjournal.ui.kit.labels import plain_label
from peerjournal.ui.kit.worker import DbWorker

MODE_INVITE = "invite"
MODE_ACCEPT = "accept"
RELAY_PLACEHOLDER = "https://relay.example.org"


#: Screen room (logical pixels) from which the QR code gets its full size.
QR_FULL_SIZE_FROM = 560


def qr_pixmap(code: str, *, size: int = 280, ratio: float = 1.0) -> QPixmap:
    """The invite's QR code (segno PNG) as a crisp pixmap of at most about ``size``
    logical pixels on a screen of device pixel ``ratio``.

    Scaled by a whole number of the screen's own pixels so every module stays sharp for a
    phone camera (a whole number of logical pixels at 150 % would give uneven modules).
    """
    pixmap = QPixmap()
    pixmap.loadFromData(invite_qr_png(code, scale=1), "PNG")
    factor = max(1, int(size * ratio) // max(1, pixmap.width()))
    scaled = pixmap.scaled(
        pixmap.width() * factor,
        pixmap.height() * factor,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    scaled.setDevicePixelRatio(ratio)
    return scaled


class PairingDialog(QDialog):
    """Invite a peer (``mode="invite"``) or accept an invite (``mode="accept"``).

    ``paired`` carries the new :class:`PeerInfo` once the invite exists or was accepted.
    """

    paired = Signal(object)

    def __init__(
        self, worker: DbWorker, mode: str = MODE_INVITE, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if mode not in (MODE_INVITE, MODE_ACCEPT):
            raise ValueError(f"unknown pairing mode: {mode!r}")
        self._worker = worker
        self.mode = mode
        self.info: PeerInfo | None = None
        self.invite_code = ""
        self.setMinimumWidth(520)
        self.stack = QStackedWidget()
        self.error = plain_label("", "error")
        self.error.setObjectName("errorMessage")
        self.error.hide()

        self.relay_edit = QLineEdit()
        self.relay_edit.setPlaceholderText(RELAY_PLACEHOLDER)
        self.relay_edit.setAccessibleName(self.tr("Relay address"))
        self.pseudonym_edit = QLineEdit()
        self.pseudonym_edit.setPlaceholderText(self.tr("e.g. Robin (optional)"))
        self.pseudonym_edit.setAccessibleName(self.tr("Your pseudonym for this peer"))
        self.pseudonym_edit.setMaxLength(64)
        self.code_edit = QPlainTextEdit()
        self.code_edit.setPlaceholderText(self.tr("Paste the invite code here (pj1:…)"))
        self.code_edit.setAccessibleName(self.tr("Invite code"))
        self.code_edit.setTabChangesFocus(True)
        self.code_edit.setFixedHeight(90)
        self.code_edit.installEventFilter(self)  # Return accepts (an invite has no lines)

        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_result())

        self.buttons = QDialogButtonBox()
        self.go_button = QPushButton(
            self.tr("Create invite") if mode == MODE_INVITE else self.tr("Accept invite")
        )
        self.go_button.setProperty("role", "primary")
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(self.submit)
        self.buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        layout.addWidget(self.stack)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setWindowTitle(
            self.tr("Invite a peer") if mode == MODE_INVITE else self.tr("Accept an invite")
        )
        # Return in a field presses this button; set once it is inside the dialog (a
        # default set on a button with no dialog yet is forgotten when it is shown)
        self.go_button.setDefault(True)
        self.close_button.setAutoDefault(False)

    def showEvent(self, event: QShowEvent) -> None:
        """Keep the main button the default one (Qt may pick another when showing)."""
        super().showEvent(event)
        (self.close_button if self.go_button.isHidden() else self.go_button).setDefault(True)

    @classmethod
    def showing_invite(
        cls, worker: DbWorker, info: PeerInfo, parent: QWidget | None = None
    ) -> PairingDialog:
        """A dialog that shows an existing, not yet accepted invite (text and QR code)."""
        dialog = cls(worker, MODE_INVITE, parent)
        dialog._show_result(info, info.invite_code or "")
        return dialog

    # -- building -------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        if self.mode == MODE_INVITE:
            heading = plain_label(self.tr("Invite someone you trust"), "heading")
            intro = plain_label(
                self.tr(
                    "Choose the relay you both use (a friend, a student union or a charity "
                    "may run one). Your peer will see the pseudonym you pick, not your name."
                ),
                "muted",
            )
            form.addRow(self.tr("Relay address"), self.relay_edit)
        else:
            heading = plain_label(self.tr("Accept an invite"), "heading")
            intro = plain_label(
                self.tr(
                    "Paste the code your peer sent you. Your peer will see the pseudonym "
                    "you pick, not your name."
                ),
                "muted",
            )
            form.addRow(self.tr("Invite code"), self.code_edit)
        form.addRow(self.tr("Your pseudonym"), self.pseudonym_edit)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.result_heading = plain_label("", "heading")
        self.result_text = plain_label("", "muted")
        self.invite_view = QLineEdit()
        self.invite_view.setReadOnly(True)
        self.invite_view.setAccessibleName(self.tr("Invite code"))
        self.copy_button = QPushButton(self.tr("Copy invite"))
        self.copy_button.setAutoDefault(False)  # never the dialog's default (Qt picked it)
        self.copy_button.clicked.connect(self.copy_invite)
        self.copied = plain_label("", "success")
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(self.tr("QR code of the invite"))
        self.safety_caption = plain_label(self.tr("Safety code to compare"), "muted")
        self.safety_label = plain_label("", "mono")
        self.safety_label.setObjectName("mono")
        self.safety_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.invite_view, 1)
        copy_row.addWidget(self.copy_button)
        layout.addWidget(self.result_heading)
        layout.addWidget(self.result_text)
        layout.addLayout(copy_row)
        layout.addWidget(self.copied)
        layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.safety_caption)
        layout.addWidget(self.safety_label)
        return page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Return in the invite code field accepts the invite, as in the other fields."""
        if watched is self.code_edit and is_plain_return(event):
            if self.go_button.isVisible() and self.go_button.isEnabled():
                self.submit()
            return True
        return False

    # -- actions --------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        """A plain message under the form; the form stays as it was."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        """Create or accept the invite in the worker."""
        pseudonym = self.pseudonym_edit.text().strip() or None
        if self.mode == MODE_INVITE:
            url = self.relay_edit.text().strip()
            if not url:
                self.show_error(self.tr("Please enter the address of a relay."))
                return

            def job(session: Any) -> tuple[PeerInfo, str]:
                service: PeersService = session.peers
                return service.invite(url, pseudonym=pseudonym)

        else:
            code = "".join(self.code_edit.toPlainText().split())
            if not code:
                self.show_error(self.tr("Please paste the invite code first."))
                return

            def job(session: Any) -> tuple[PeerInfo, str]:
                service: PeersService = session.peers
                return service.accept(code, pseudonym=pseudonym), ""

        self.show_error("")
        self.go_button.setEnabled(False)
        self.go_button.setText(self.tr("Working…"))
        self._worker.submit(job, self._done, self._failed, on_bug=self._ready_again)

    def _failed(self, error: PeerJournalError) -> None:
        self._ready_again()
        if isinstance(error, RelayUnreachable):
            # the catalogue's sentence says messages wait and go out later; a pairing that
            # failed leaves nothing waiting, so say what to check instead
            if self.mode == MODE_INVITE:
                self.show_error(
                    self.tr(
                        "The relay at %1 could not be reached. No invite was made. Check the "
                        "address and your connection, then try again."
                    ).replace("%1", self.relay_edit.text().strip())
                )
            else:
                self.show_error(
                    self.tr(
                        "The invite's relay could not be reached. Nothing was changed. Check "
                        "your connection and try again: the invite has not been used."
                    )
                )
            return
        self.show_error(error_text(error))

    def _ready_again(self) -> None:
        """After a failure (a known error or a bug): the user can try again."""
        self.go_button.setEnabled(True)
        self.go_button.setText(
            self.tr("Create invite") if self.mode == MODE_INVITE else self.tr("Accept invite")
        )

    def _done(self, result: tuple[PeerInfo, str]) -> None:
        info, code = result
        self._show_result(info, code)
        self.paired.emit(info)

    def _show_result(self, info: PeerInfo, code: str) -> None:
        self.info = info
        self.invite_code = code
        self.go_button.hide()
        self.close_button.setText(self.tr("Done"))
        self.close_button.setIcon(QIcon())  # not Cancel's red cross: this is a success
        self.close_button.setDefault(True)
        if self.mode == MODE_INVITE:
            self.result_heading.setText(self.tr("Your invite is ready"))
            self.result_text.setText(
                self.tr(
                    "Send this invite over a channel you trust (in person, or a messenger "
                    "you already use with them); it works once. When they have accepted it, "
                    "press “Check for messages” and compare the safety code with them by "
                    "phone or in person."
                )
            )
            self.invite_view.setText(code)
            self.invite_view.setCursorPosition(0)
            # smaller where the screen is short (1280×720 at 150 % leaves 432 pixels), so
            # the dialog with its words and buttons still fits: never below a size a phone
            # reads
            room = screen_room(self)
            size = 280 if room.height() >= QR_FULL_SIZE_FROM else 160
            if room.height() < QR_FULL_SIZE_FROM:  # wider, so the words take fewer lines
                self.resize(max(self.width(), min(640, room.width())), self.height())
            pixmap = qr_pixmap(code, size=size, ratio=self.devicePixelRatioF())
            self.qr_label.setPixmap(pixmap)
            self.qr_label.setFixedSize(pixmap.deviceIndependentSize().toSize())
            self.safety_caption.hide()
            self.safety_label.hide()
        else:
            self.result_heading.setText(self.tr("Invite accepted"))
            self.result_text.setText(
                self.tr(
                    "Compare this safety code with your peer by phone or in person. If it "
                    "is the same on both sides, nobody came in between."
                )
            )
            self.safety_label.setText(info.safety_code or "")
            for widget in (self.invite_view, self.copy_button, self.qr_label, self.copied):
                widget.hide()
        self.stack.setCurrentIndex(1)
        self._fit_content()

    def _fit_content(self) -> None:
        """Make the window tall enough for the shown page at its width, and keep it so.

        Wrapped text needs more height when the window is narrow; sized by its plain size
        hint, the dialog cut off the bottom of the QR code, and a phone cannot read a code
        without its corner marks. The height is also the window's minimum, so neither the
        user nor the window manager can squeeze the code.
        """
        for number in range(self.stack.count()):
            page = self.stack.widget(number)
            if page is not None:
                shown = number == self.stack.currentIndex()
                policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
                page.setSizePolicy(policy, policy)
        layout = self.layout()
        if layout is None:
            return
        shown_page = self.stack.currentWidget()
        page_layout = shown_page.layout() if shown_page is not None else None
        if page_layout is not None:
            # a label that just got its text has only posted its new size; take it now
            page_layout.invalidate()
            page_layout.activate()
        self.stack.updateGeometry()
        layout.invalidate()
        layout.activate()
        width = max(self.width(), self.minimumWidth())
        needed = layout.totalHeightForWidth(width)
        if needed < 0:
            needed = layout.totalSizeHint().height()
        self.setMinimumHeight(needed)
        self.resize(width, needed)

    def copy_invite(self) -> None:
        """Put the invite text on the clipboard (until the dialog closes)."""
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self.invite_code:
            clipboard.setText(self.invite_code)
            self.copied.setText(
                self.tr(
                    "Copied. Paste it into your message to them now: it leaves the clipboard "
                    "when you close this window."
                )
            )
            # the new line above the QR code needs room: grow rather than cut the code
            self._fit_content()

    def done(self, result: int) -> None:
        """Closing (Done, Cancel, Esc, lock) takes the invite off the clipboard."""
        self.forget_clipboard()
        super().done(result)

    def forget_clipboard(self) -> None:
        """Clear the clipboard (and the X11 selection) if it still holds our invite: a
        one-time key to pairing with this vault should not linger there."""
        clipboard = QGuiApplication.clipboard()
        code = self.invite_code
        if clipboard is None or not code:
            return
        modes = [QClipboard.Mode.Clipboard]
        if clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            if clipboard.text(mode) == code:
                clipboard.clear(mode)
