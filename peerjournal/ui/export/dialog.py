"""File → Export…: choose a format, a range, tags and a place; the export runs off the GUI thread.

The dialog says before anything is written that an export is not encrypted, and points to
File → Back up now… for a private copy. The export itself is the core's
(:func:`peerjournal.app.export.export_to`: streamed, atomic, 0600) and runs on the
database worker; its progress comes back through a signal.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.export import ExportOptions, ExportReport, export_to
from peerjournal.errors import ExportError, PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import room_for_placeholders
from peerjournal.ui.kit.worker import DbWorker, weak

#: (format, single file, file-name suffix) per choice, in the order shown.
CHOICES = (
    ("json", False, ".json"),
    ("md", False, ""),
    ("md", True, ".md"),
    ("csv", False, ".csv"),
    ("pdf", False, ".pdf"),
)


class _Progress(QObject):
    """Carries the core's progress callback (worker thread) to the GUI thread."""

    step = Signal(int, int)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    """The export form; ``exported`` carries the report when the file is written."""

    exported = Signal(object)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._busy = False
        self._cancel = threading.Event()
        self._focus_before: QWidget | None = None
        self._sized = False  # widened for its hints on the first show
        self.setWindowTitle(self.tr("Export"))
        self.format_box = QComboBox()
        for text in (
            self.tr("PeerJournal JSON (everything, the trash too)"),
            self.tr("Markdown: a folder, one file per entry"),
            self.tr("Markdown: one file"),
            self.tr("CSV: mood logs, for spreadsheets"),
            self.tr("PDF: printable"),
        ):
            self.format_box.addItem(text)
        self.range_box = QCheckBox(self.tr("Only from … to …"))
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addMonths(-1))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.range_box.toggled.connect(self.since_edit.setEnabled)
        self.range_box.toggled.connect(self.until_edit.setEnabled)
        days = QHBoxLayout()
        days.addWidget(self.since_edit)
        days.addWidget(QLabel("–"))
        days.addWidget(self.until_edit)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("all entries; or tags, separated by commas"))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("where to write the export"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_place)
        place = QHBoxLayout()
        place.addWidget(self.path_edit, 1)
        place.addWidget(self.choose_button)
        self.warning = QLabel(
            self.tr(
                "<b>An export is not encrypted.</b> Anyone who can read the file can read "
                "your journal. Keep it on an encrypted disk and delete it when done; for a "
                "private copy use File → Back up now… (encrypted) instead."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setObjectName("exportWarning")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format_box)
        form.addRow(self.range_box, days)
        form.addRow(self.tr("&Tags:"), self.tags_edit)
        place_label = QLabel(self.tr("&Save to:"))
        place_label.setBuddy(self.path_edit)  # a row of a layout gets no buddy by itself
        form.addRow(place_label, place)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export (not encrypted)"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.format_box, self.range_box)
        self.format_box.setFocus()
        self.format_box.currentIndexChanged.connect(self._format_changed)

    def showEvent(self, event: QShowEvent) -> None:
        """Wide enough for the hints of its fields in every language (within the screen)."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            room_for_placeholders(self, self.tags_edit, self.path_edit)

    def _format_changed(self, _index: int) -> None:
        current = self.path_edit.text().strip()
        if current:
            path = Path(current)
            suffix = CHOICES[self.format_box.currentIndex()][2]
            self.path_edit.setText(
                str(path.with_suffix(suffix)) if path.suffix or suffix else current
            )

    def options(self) -> ExportOptions:
        """What the form asks for."""
        fmt, single, _suffix = CHOICES[self.format_box.currentIndex()]
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        since = until = None
        if self.range_box.isChecked():
            since, until = _day(self.since_edit), _day(self.until_edit)
        return ExportOptions(format=fmt, since=since, until=until, tags=tags, single_file=single)

    def choose_place(self) -> None:
        """Ask for the file (or, for a Markdown folder, the new folder's name)."""
        _fmt, _single, suffix = CHOICES[self.format_box.currentIndex()]
        suggested = str(Path.home() / f"peerjournal-{date.today().isoformat()}{suffix}")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), suggested)
        if path:
            self.path_edit.setText(path)

    def start(self) -> None:
        """Check the form, then export on the worker thread."""
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose where to write the export."))
            self.path_edit.setFocus()
            return
        options = self.options()
        target = Path(text).expanduser()
        render = None
        if options.format == "pdf":
            from peerjournal.ui.export.pdf import render_pdf

            render = render_pdf
        signal = _Progress(self)
        signal.step.connect(self._step)
        cancel = self._cancel
        cancel.clear()

        def progress(done: int, total: int) -> None:
            if cancel.is_set():
                raise ExportError("export.cancelled")  # nothing is left behind
            signal.step.emit(done, total)

        self._set_busy(True)
        self._worker.submit(
            lambda session: export_to(
                session, target, options, progress=progress, render_pdf=render
            ),
            on_done=weak(self._done),
            on_error=weak(self._failed),
            on_bug=weak(self._recover),
        )

    def reject(self) -> None:
        """Cancel or Escape: while the export runs they stop it (nothing is written, and
        the dialog stays to say so); otherwise the dialog closes."""
        if self._busy:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling…"))
            return
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            # disabling the form moves the focus on, to Cancel: Enter would close the dialog
            # once the export ends, so the focus goes back to where it was
            self._focus_before = self.focusWidget()
        for widget in (self.format_box, self.tags_edit, self.path_edit, self.choose_button,
                       self.range_box, self.export_button):  # fmt: skip
            widget.setEnabled(not busy)
        if not busy:
            self.export_button.setDefault(True)  # a disabled button lost being the default
            before = self._focus_before
            self._focus_before = None
            target = before if before is not None and before.isEnabled() else self.path_edit
            target.setFocus()
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        if busy:
            self.status.setText(self.tr("Exporting…"))

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _done(self, report: Any) -> None:
        assert isinstance(report, ExportReport)
        self._set_busy(False)
        self.status.setText(
            self.tr("Exported %Ln entries to %1 (not encrypted).", "", report.entries).replace(
                "%1", str(report.path)
            )
        )
        self.exported.emit(report)
        self.accept()

    def _failed(self, error: PeerJournalError) -> None:
        self._set_busy(False)
        self.status.setText(error_text(error))

    def _recover(self) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("The export failed; nothing was written."))
