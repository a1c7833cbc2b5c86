"""The bug dialog: PeerJournal hit a bug; plain words, where the report is, no traceback.

Bugs reach it from the worker (``DbWorker.bug``) and from the GUI thread's hook
(``BugHooks.bug``), each with the path of the report that :mod:`peerjournal.buglog` wrote.
One dialog stays open however many bugs arrive; it counts them instead of stacking windows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


class BugDialog(QMessageBox):
    """Says that something went wrong inside PeerJournal and where the report was written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path
        self.setText(
            self.tr(
                "PeerJournal ran into a bug (a mistake in its code). What you were doing "
                "may not have finished; try it again."
            )
        )
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.setDefaultButton(QMessageBox.StandardButton.Close)
        self.setEscapeButton(QMessageBox.StandardButton.Close)
        self.folder_button = self.addButton(
            self.tr("Show report folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.folder_button.setVisible(False)
        self.buttonClicked.connect(self._clicked)
        self.finished.connect(self._forget)
        self.count = 0
        self.report = ""

    def add_bug(self, report: str) -> None:
        """Count one more bug; ``report`` is the report file's path ("" if none was written)."""
        self.count += 1
        if report:
            self.report = report
        if self.report:
            lines = [
                self.tr(
                    "A report was written to the file below. It holds only the kind of error "
                    "and the places in PeerJournal's code, never what you wrote; you can "
                    "attach it when you tell the developers."
                ),
                self.report,
            ]
        else:
            lines = [self.tr("The report could not be written to a file.")]
        if self.count > 1:
            lines.append(self.tr("This happened %1 times.").replace("%1", str(self.count)))
        self.setInformativeText("\n\n".join(lines))  # plain text, like the rest of the box
        self.folder_button.setVisible(bool(self.report))

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.folder_button and self.report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.report).parent)))

    def _forget(self, _result: int) -> None:
        self.count = 0
