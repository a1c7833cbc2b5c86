"""A banner above the workspace for what the vault reports after unlock: read-only mode
(a read-only folder or disk, or a full disk) and a ruined or weak recovery slot."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel

from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.worker import DbWorker


class VaultBanner(QLabel):
    """Hidden unless the open vault has something to say."""

    read_only = Signal(bool)  # after each unlock: whether the vault opened read-only

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("vaultBanner")
        self.setWordWrap(True)
        self.setMargin(8)
        self.setStyleSheet("QLabel#vaultBanner { background: palette(alternate-base); }")
        self.setAccessibleName(self.tr("Vault notice"))
        self.hide()

    def refresh(self, worker: DbWorker) -> None:
        """Ask the worker what the open vault reports, and show it."""
        worker.submit(lambda session: (list(session.notices), session.read_only), self._arrived)

    def _arrived(self, result: tuple[list[Any], bool]) -> None:
        notices, read_only = result
        self.show_notices(notices)
        self.read_only.emit(read_only)

    def show_notices(self, notices: list[Any]) -> None:
        """Show the notices (catalogue texts, translated), or hide when there are none."""
        if not notices:
            self.clear()
            return
        self.setText("\n".join(error_text(notice) for notice in notices))
        self.show()

    def clear(self) -> None:
        """Hide and forget (on lock)."""
        self.setText("")
        self.hide()
