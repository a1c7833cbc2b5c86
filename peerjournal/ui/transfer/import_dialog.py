"""File → Import…: bring entries and mood logs in from jrnl, Day One, Daylio, a folder of
Markdown files or PeerJournal.

Two steps in one dialog. First the file and its format (found from the file, or chosen;
the formats are the importers' list, :data:`peerjournal.app.transfer.FORMATS`; a folder
is Markdown, chosen with a folder chooser, with the command line's ``--tag-from-folder`` as
a check box; a format's check boxes show only while it is chosen), and for a Day One zip
holding several journals, which one to import (or all, each entry tagged with its
journal's name, as the command line's ``--journal``).
Then a dry run on the database worker shows what would be imported: counts, the date range,
the records that would be skipped and, for Daylio, the mood names without a level, each
with a level chooser ("Check again" re-runs the dry run with the chosen levels). Import
runs on the worker too, behind a progress dialog whose Cancel rolls the whole import back:
nothing is applied. All work goes through :mod:`peerjournal.app.transfer`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app import transfer
from peerjournal.app.import_journals import journals_in
from peerjournal.errors import ImportExportError, PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import screen_room
from peerjournal.ui.kit.worker import DbWorker, weak

# The formats the list offers, from the importers' list; the first means "find out from the
# file". A format without a label of its own below is listed by its name.
FORMAT_NAMES = ("", *transfer.FORMATS)
#: The format that reads a folder (every other one reads a file).
FOLDER_FORMAT = "markdown"


class _Progress(QObject):
    """Carries the import's progress (worker thread) to the GUI thread."""

    step = Signal(int, int)


class ImportDialog(QDialog):
    """Choose a file, see the dry run, import with progress; Esc or Cancel leaves."""

    imported = Signal(object)  # the ImportReport of a finished import

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._cancel = threading.Event()
        self._progress: QProgressDialog | None = None
        # where the focus was when a check or an import began (disabling its button moves
        # the focus on, to Back: Enter after a cancel would have left the summary)
        self._focus_before: QWidget | None = None
        #: whether the progress shown is a check's (a dry run) rather than an import's
        self._checking = False
        self._levels: dict[str, QComboBox] = {}
        self._mapped: dict[str, int] = {}  # levels chosen for Daylio mood names
        self.report: Any = None
        self.setWindowTitle(self.tr("Import"))
        self.steps = QStackedWidget()
        self.steps.addWidget(self._choose_page())
        self.steps.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        # roomy where there is room, never taller than the screen (1280×720 at 150 % leaves
        # 432 pixels under a title bar): the summary's list scrolls instead
        self.resize(QSize(620, 460).boundedTo(screen_room(self)))
        self.path.setFocus()

    # -- step 1: the file ---------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Bring your past journal in: a jrnl export (json, txt or md), a Day One "
                "export (.json or .zip), a Daylio CSV export, a folder of Markdown files "
                "(Obsidian, or PeerJournal's Markdown export) or a PeerJournal export. "
                "Nothing is written until you confirm."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File or folder to import"))
        self.path.textChanged.connect(self._path_changed)
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        file_label = QLabel(self.tr("&File or folder"))
        file_label.setBuddy(self.path)  # Alt+F reaches the path (a row has no buddy itself)
        form.addRow(file_label, row)
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        labels = self._format_labels()
        for name in FORMAT_NAMES:
            self.format.addItem(labels.get(name, name), name)
        form.addRow(self.tr("F&ormat"), self.format)
        self.format.currentIndexChanged.connect(lambda _index: self._format_changed())
        self.journal = QComboBox()
        self.journal.setAccessibleName(self.tr("Journal to import"))
        self.journal_label = QLabel(self.tr("&Journal"))
        self.journal_label.setBuddy(self.journal)
        form.addRow(self.journal_label, self.journal)
        self._form = form
        self._show_journals(())
        self.location = QCheckBox(self.tr("Keep Day One places in the entries"))
        self.weather = QCheckBox(self.tr("Keep Day One weather in the entries"))
        form.addRow(self.location)
        form.addRow(self.weather)
        self.tag_folder = QCheckBox(self.tr("Tag each entry with the names of its folders"))
        form.addRow(self.tag_folder)
        self._show_options()
        layout.addLayout(form)
        layout.addStretch(1)
        self.choose_error = QLabel()
        self.choose_error.setWordWrap(True)
        layout.addWidget(self.choose_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.check_button = QPushButton(self.tr("Check the file"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.check_button)
        layout.addLayout(buttons)
        return page

    def _format_labels(self) -> dict[str, str]:
        return {
            "": self.tr("Find out from the file"),
            "jrnl": self.tr("jrnl (json, txt or md)"),
            "json": self.tr("PeerJournal export (JSON)"),
            "dayone": self.tr("Day One (.json or .zip)"),
            "daylio": self.tr("Daylio (CSV)"),
            "markdown": self.tr("Markdown (a folder of .md files)"),
        }

    def _format_changed(self) -> None:
        self._show_options()
        self._list_journals()

    def _show_options(self) -> None:
        """Show the check boxes of the chosen format only (Day One's, Markdown's)."""
        chosen = self.format.currentData()
        self._form.setRowVisible(self.location, chosen == "dayone")
        self._form.setRowVisible(self.weather, chosen == "dayone")
        self._form.setRowVisible(self.tag_folder, chosen == FOLDER_FORMAT)

    def _browse(self) -> None:
        if self.format.currentData() == FOLDER_FORMAT:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the folder to import"), str(Path.home())
            )
            if folder:
                self.path.setText(folder)
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(Path.home()),
            self.tr("Journal exports (*.json *.zip *.csv *.txt *.md);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def _path_changed(self, text: str) -> None:
        path = Path(text.strip()).expanduser()
        if text.strip() and path.is_dir():
            self.format.setCurrentIndex(FORMAT_NAMES.index(FOLDER_FORMAT))
        elif text.strip() and path.is_file():
            found = transfer.detect_format(path)
            if found is not None:
                self.format.setCurrentIndex(FORMAT_NAMES.index(found))
        self._list_journals()

    def _list_journals(self) -> None:
        """Offer the journals of a Day One zip that holds more than one."""
        path = self._chosen_path()
        names: tuple[str, ...] = ()
        if self.path.text().strip() and path.is_file():
            try:  # reads the zip's table of contents only
                names = journals_in(path, self._format_name())
            except PeerJournalError:
                names = ()  # the dry run says what is wrong with the file
        self._show_journals(names)

    def _show_journals(self, names: tuple[str, ...]) -> None:
        current = self.journal.currentData()
        self.journal.clear()
        if len(names) > 1:
            self.journal.addItem(self.tr("All journals (each entry tagged with its journal)"), "")
            for name in names:
                self.journal.addItem(name, name)
            if current in names:
                self.journal.setCurrentIndex(self.journal.findData(current))
        self._form.setRowVisible(self.journal, len(names) > 1)

    def _format_name(self) -> str | None:
        chosen = str(self.format.currentData() or "")
        if chosen:
            return chosen
        return transfer.detect_format(self._chosen_path())

    def _chosen_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _remember_levels(self) -> None:
        for name, box in self._levels.items():
            level = box.currentData()
            if level:
                self._mapped[name] = int(level)

    def _options(self) -> transfer.ImportOptions:
        self._remember_levels()
        mapping = dict(transfer.STOCK_MOODS)
        for name, level in self._mapped.items():
            mapping[name.strip().casefold()] = level
        journal = str(self.journal.currentData() or "") if self.journal.count() else ""
        return transfer.ImportOptions(
            mood_map=mapping,
            journal=journal or None,
            include_location=self.location.isChecked() and self._format_name() == "dayone",
            include_weather=self.weather.isChecked() and self._format_name() == "dayone",
            tag_from_folder=self.tag_folder.isChecked() and self._format_name() == FOLDER_FORMAT,
        )

    # -- step 2: the dry run -------------------------------------------------------------
    def _summary_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Records that will be skipped"))
        # each problem read whole, over as many lines as it needs, not behind a scroll bar
        self.problems.setWordWrap(True)
        self.problems.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.problems, 1)
        self.moods_label = QLabel(
            self.tr("These Daylio moods have no level yet. Choose one for each:")
        )
        self.moods_label.setWordWrap(True)
        layout.addWidget(self.moods_label)
        self.moods_form = QFormLayout()
        layout.addLayout(self.moods_form)
        layout.addStretch(1)  # the texts stay at the top when the list is hidden
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.again_button = QPushButton(self.tr("Check again"))
        self.again_button.setAutoDefault(False)
        self.again_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        return page

    def check(self) -> None:
        """Run the dry run on the worker behind a progress dialog and show its summary."""
        path = self._chosen_path()
        format_name = self._format_name() if path.is_file() else str(self.format.currentData())
        if not format_name:
            self.choose_error.setText(self.tr("Choose the format of this file."))
            return
        self._focus_before = self.focusWidget()
        self.check_button.setEnabled(False)
        self.again_button.setEnabled(False)
        options = self._options()
        # reading 100,000 rows takes seconds: say so, and let Cancel stop it
        self._checking = True
        progress = self._show_progress(self.tr("Checking the file…"))
        self._worker.submit(
            lambda session: transfer.import_file(
                session, path, format_name, options=options, dry_run=True, progress=progress
            ),
            on_done=weak(self._checked),
            on_error=weak(self._check_failed),
            on_bug=weak(self._recover),
        )

    def reject(self) -> None:
        """Escape or the close button: while a check or an import runs they cancel it, and
        the wizard stays to say how it ended (closed, the import would have gone on unseen
        and been applied); otherwise the wizard closes."""
        if self._progress is not None:
            self._cancel.set()
            return
        super().reject()

    def _show_progress(self, label: str) -> Callable[[int, int], None]:
        """A progress dialog whose Cancel stops the job; the job's progress callback."""
        self._close_progress()
        self._cancel.clear()
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setWindowTitle(self.windowTitle())  # not the application's name
        # wide enough for its title and the longest label, in every language
        dialog.setMinimumWidth(max(420, dialog.fontMetrics().horizontalAdvance(label) + 80))
        dialog.setMinimumDuration(0)
        # at the end of the file the import is not done (indexes, the commit): the dialog
        # stays up, and Cancel still applies nothing, until the import says it is done
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.set)
        dialog.show()
        self._progress = dialog
        signal = _Progress(self)
        signal.step.connect(self._step)
        cancel = self._cancel

        def progress(done: int, total: int) -> None:
            if cancel.is_set():
                raise ImportExportError("import.cancelled")
            signal.step.emit(done, total)

        return progress

    def _recover(self) -> None:
        self.check_button.setEnabled(True)
        self.again_button.setEnabled(True)
        self._close_progress()
        before, self._focus_before = self._focus_before, None
        if before is not None and before.isEnabled() and before.isVisible():
            before.setFocus()

    def _check_failed(self, error: PeerJournalError) -> None:
        self._recover()
        if error.code == "import.cancelled":
            return  # the check was stopped: the dialog stays where it was
        self.steps.setCurrentIndex(0)
        self.choose_error.setText(error_text(error))

    def _checked(self, report: Any) -> None:
        self._recover()
        self.report = report
        self.choose_error.setText("")
        lines = [
            self.tr("%1 and %2 can be imported.")
            .replace("%1", self._entries(report.entries_added))
            .replace("%2", self._moods(report.moods_added))
        ]
        waiting = sum(rows for _name, rows in report.unmapped_moods)
        if waiting:
            lines.append(
                self.tr("%Ln more rows wait for a level for their mood (below).", "", waiting)
            )
        known = report.entries_skipped + report.moods_skipped
        if known:
            lines.append(
                self.tr(
                    "%Ln records are already in your journal and will be left as they are.",
                    "",
                    known,
                )
            )
        if report.first is not None and report.last is not None:
            lines.append(
                self.tr("They are from %1 to %2.")
                .replace("%1", report.first.date().isoformat())
                .replace("%2", report.last.date().isoformat())
            )
        # what the import says about the file, then the heading of the list below it
        lines.extend(error_text(warning) for warning in report.warnings)
        if report.problems_total:
            lines.append(
                self.tr(
                    "%Ln records cannot be read and will be skipped:", "", report.problems_total
                )
            )
        self.summary.setText("\n".join(lines))
        self.problems.clear()
        self.problems.addItems([error_text(problem.text) for problem in report.problems])
        self.problems.setVisible(bool(report.problems))
        self._show_moods(report.unmapped_moods)
        ready = not report.unmapped_moods and (report.entries_added + report.moods_added) > 0
        self.import_button.setEnabled(ready)
        self.steps.setCurrentIndex(1)
        (self.import_button if ready else self.again_button).setFocus()

    def _entries(self, count: int) -> str:
        return self.tr("%Ln entries", "", count)

    def _moods(self, count: int) -> str:
        return self.tr("%Ln mood logs", "", count)

    def _show_moods(self, unmapped: tuple[tuple[str, int], ...]) -> None:
        self._remember_levels()
        keep = self._mapped
        while self.moods_form.rowCount():
            self.moods_form.removeRow(0)
        self._levels = {}
        for name, rows in unmapped:
            box = QComboBox()
            box.addItem(self.tr("no level yet"), 0)
            for level in (5, 4, 3, 2, 1):
                box.addItem(str(level), level)
            box.setAccessibleName(self.tr("Level for %1").replace("%1", name))
            if keep.get(name):
                box.setCurrentIndex(box.findData(keep[name]))
            label = self.tr("%1 (%Ln rows)", "", rows).replace("%1", name)
            self.moods_form.addRow(label, box)
            self._levels[name] = box
        self.moods_label.setVisible(bool(unmapped))

    # -- the import ----------------------------------------------------------------------
    def start_import(self) -> None:
        """Import on the worker behind a progress dialog whose Cancel applies nothing."""
        path, format_name, options = self._chosen_path(), self._format_name(), self._options()
        if format_name is None:
            return
        self._focus_before = self.focusWidget()
        self.import_button.setEnabled(False)
        self._checking = False
        progress = self._show_progress(self.tr("Importing…"))
        self._worker.submit(
            lambda session: transfer.import_file(
                session, path, format_name, options=options, progress=progress
            ),
            on_done=weak(self._imported),
            on_error=weak(self._import_failed),
            on_bug=weak(self._recover),
        )

    def _step(self, done: int, total: int) -> None:
        if self._progress is None or total <= 0:
            return
        if done >= total:
            if self._checking:
                return  # a check ends with the file: nothing is saved
            # the whole file is read; what is left (the search index, saving) has no steps
            self._progress.setLabelText(self.tr("Saving the entries and their search index…"))
            self._progress.setRange(0, 0)
            return
        self._progress.setMaximum(1000)
        self._progress.setValue(done * 1000 // total)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect()
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
            # the wizard is the active window again (a window manager does not always give
            # it back), so keys reach its default button
            self.activateWindow()

    def _import_failed(self, error: PeerJournalError) -> None:
        self.import_button.setEnabled(True)
        self._recover()
        if error.code == "import.cancelled":  # what the user asked for: no alarm
            QMessageBox.information(self, self.tr("Import"), error_text(error))
        else:
            QMessageBox.warning(self, self.tr("Import"), error_text(error))

    def _imported(self, report: Any) -> None:
        self._recover()
        self.report = report
        text = (
            self.tr("Imported %1 and %2.")
            .replace("%1", self._entries(report.entries_added))
            .replace("%2", self._moods(report.moods_added))
        )
        self.imported.emit(report)
        QMessageBox.information(self, self.tr("Import"), text)
        self.accept()
