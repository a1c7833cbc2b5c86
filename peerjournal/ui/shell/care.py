"""Gentle offers of help: a quiet banner, and what to do when worried about a peer.

The banner appears under the tool bar after a check-in at the lowest level or when the
user's own entry contains a high-risk phrase (:mod:`peerjournal.app.care`, checked on this
computer only). It never blocks anything, says it once, and offers the crisis page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.ui.kit.focus import fit_to_screen


class CareBanner(QFrame):
    """'That sounds like a hard moment…' with 'See support options' and 'Not now'."""

    support_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Support is here"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("See support options"))
        self.open_button.setProperty("role", "primary")
        self.dismiss_button = QPushButton(self.tr("Not now"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self.open_button.clicked.connect(self._open)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def offer_after_checkin(self) -> None:
        """After a check-in at the lowest level."""
        self._offer(
            self.tr(
                "That sounds like a really hard moment. You don't have to go through it "
                "alone: people are there to listen, right now."
            )
        )

    def offer_after_writing(self) -> None:
        """After an entry with words that worry us."""
        self._offer(
            self.tr(
                "What you wrote sounds heavy. If you are thinking about hurting yourself, "
                "you deserve support right now."
            )
        )

    def _offer(self, text: str) -> None:
        self.text.setText(text)
        self.show()

    def _open(self) -> None:
        self.hide()
        self.support_requested.emit()


class WorriedDialog(QDialog):
    """What to do when a peer's words worry you, and the way to crisis lines."""

    support_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Worried about them?"))
        self.setObjectName("worried")
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("If a peer's words worry you"))
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        steps = [
            self.tr(
                "Ask them directly and kindly how they are, and whether they are safe. "
                "Asking about suicide does not put the idea in anyone's head."
            ),
            self.tr("Listen without judging. You don't need the right words; being there helps."),
            self.tr(
                "Encourage them to talk to someone who can help: a helpline, a doctor, "
                "or someone they trust nearby."
            ),
            self.tr(
                "If they might be in danger right now, call the emergency number where "
                "they are. You cannot do this alone, and you don't have to."
            ),
            self.tr("Look after yourself too: talking to someone helps you as well."),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for number, step in enumerate(steps, start=1):
            label = QLabel(f"{number}. {step}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        buttons = QDialogButtonBox()
        self.support_button = buttons.addButton(
            self.tr("Show crisis lines"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.support_button.setDefault(True)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        buttons.accepted.connect(self._support)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Never taller than the screen."""
        super().showEvent(event)
        fit_to_screen(self)

    def _support(self) -> None:
        self.accept()
        self.support_requested.emit()
