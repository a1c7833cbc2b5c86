"""The check-in history on the mood page: by day, each one editable and deletable, with undo.

A lazy list (``canFetchMore``/``fetchMore`` over the worker, a page at a time) of the
period's check-ins, newest first; the first check-in of each day carries that day as a
heading. Keys: Return or F2 edits, Delete deletes, Ctrl+Z undoes the last delete (so does
the Undo button in the note that appears). Every change emits :attr:`HistoryView.changed`
so the charts follow.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.mood_history import DeletedCheckin, delete_checkin, restore_checkin
from peerjournal.domain.models import MoodLog
from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import tab_chain
from peerjournal.ui.kit.keys import is_plain_return
from peerjournal.ui.kit.mood_labels import display_labels
from peerjournal.ui.kit.paged import Index, PagedListModel
from peerjournal.ui.kit.theme import mood_colour
from peerjournal.ui.kit.worker import DbWorker, weak

LogRole = Qt.ItemDataRole.UserRole + 1
HeadingRole = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 50


def local_day(log: MoodLog) -> date:
    """The local day a check-in belongs to."""
    return log.at.astimezone().date()


class HistoryModel(PagedListModel[MoodLog]):
    """Check-ins newest first, paged in from the worker."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, page_size=PAGE_SIZE, parent=parent)
        self._labels: dict[int, str] = display_labels({})
        self._since: date | None = None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A line of words for display and screen readers, the log, the day heading."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        log = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(log)
        if role == LogRole:
            return log
        if role == HeadingRole:
            first = index.row() == 0 or local_day(self._rows[index.row() - 1]) != local_day(log)
            return day_heading(local_day(log)) if first else ""
        return None

    def describe(self, log: MoodLog) -> str:
        """'Tue 3 Dec, 20:10 · Good (4 of 5) · calm, walk · note'."""
        locale = QLocale()
        moment = log.at.astimezone()
        when = QDate(moment.year, moment.month, moment.day)
        parts = [
            f"{locale.toString(when, QLocale.FormatType.ShortFormat)}, "
            f"{locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)}",
            self.tr("%1 (%2 of 5)")
            .replace("%1", self._labels.get(log.level, str(log.level)))
            .replace("%2", str(log.level)),
        ]
        names = [*log.emotions, *log.activities]
        if names:
            parts.append(", ".join(names))
        if log.note:
            parts.append(log.note.replace("\n", " "))
        return " · ".join(parts)

    def page_job(self, offset: int, limit: int) -> Any:
        """Load a page of the period's check-ins, and the mood labels they are shown with."""
        since = self._since

        def load(session: Any) -> tuple[list[MoodLog], dict[int, str]]:
            mood = session.mood
            return mood.list(since=since, limit=limit, offset=offset), mood.labels()

        return load

    def page_key(self, offset: int) -> str | None:
        """The first page coalesces (a burst of period changes loads once)."""
        return "mood-history" if offset == 0 else None

    def rows_of(self, result: Any) -> list[MoodLog]:
        """The page's check-ins; the labels are kept for :meth:`describe`."""
        logs, labels = result
        self._labels = display_labels(labels)
        return list(logs)

    def start(self, since: date | None) -> None:
        """Show the check-ins since a day (None: all), from the newest."""
        self._since = since
        self.restart()

    @property
    def since(self) -> date | None:
        """The first day shown (None: all check-ins)."""
        return self._since

    def log_at(self, row: int) -> MoodLog | None:
        """The check-in in a row."""
        return self.row_at(row)


def day_heading(day: date) -> str:
    """A day as the history's heading shows it, in the UI language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class HistoryDelegate(QStyledItemDelegate):
    """A check-in as one line, under its day's heading when it is the day's first."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """One line, or two with a day heading."""
        line = option.fontMetrics.height() + 10
        return QSize(200, line * (2 if index.data(HeadingRole) else 1) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The heading (bold), then a level marker and the check-in's words."""
        log = index.data(LogRole)
        if not isinstance(log, MoodLog):
            super().paint(painter, option, index)
            return
        painter.save()
        rect = QRect(option.rect)
        metrics = option.fontMetrics
        line = metrics.height() + 10
        palette = QApplication.palette()
        heading = index.data(HeadingRole)
        if heading:
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(palette.text().color())
            head = QRect(rect.left() + 6, rect.top() + 4, rect.width() - 12, line)
            painter.drawText(head, int(Qt.AlignmentFlag.AlignVCenter), heading)
            rect.setTop(rect.top() + line + 4)
        item = QStyleOptionViewItem(option)
        item.rect = rect
        item.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, item, painter, option.widget
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(mood_colour(log.level)))
        marker = QRect(rect.left() + 10, rect.top() + (rect.height() - 12) // 2, 12, 12)
        painter.drawEllipse(marker)
        painter.setFont(option.font)
        painter.setPen(text_colour)
        text_rect = rect.adjusted(30, 0, -8, 0)
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        # the day is in the heading above: show the time onwards
        text = text.split(", ", 1)[-1]
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.restore()


class HistoryView(QWidget):
    """The list with Edit and Delete, and a note with Undo after a delete."""

    changed = Signal()  # a check-in was deleted or restored: refresh the charts
    loaded = Signal()  # a page of the list arrived
    edit_requested = Signal(object)  # the MoodLog to edit (the page opens the check-in)
    message = Signal(str)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._undo: DeletedCheckin | None = None
        self._keep_row = 0
        self._reselect = False
        self.read_only = False
        self.model = HistoryModel(worker, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(HistoryDelegate(self.list))
        self.list.setAccessibleName(self.tr("Check-in history"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumHeight(220)
        self.list.installEventFilter(self)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected check-in"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected check-in"))
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(False)
        self.undo_label = QLabel()
        self.undo_label.setObjectName("hint")
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo the delete"))
        self.undo_row = QWidget()
        undo_layout = QHBoxLayout(self.undo_row)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_row.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_row, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        tab_chain(self.list, self.undo_button, self.edit_button, self.delete_button)

        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo)
        self.list.activated.connect(self._activated)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.load_failed.connect(self.message)
        self.model.page_loaded.connect(self._page_loaded)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self.list)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)

    # -- showing ------------------------------------------------------------------------
    def start(self, since: date | None) -> None:
        """Show the check-ins since a day (the page's period)."""
        self.model.start(since)
        self._current_changed(QModelIndex(), QModelIndex())

    def selected(self) -> MoodLog | None:
        """The check-in under the list's cursor."""
        return self.model.log_at(self.list.currentIndex().row())

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Delete deletes, Return and F2 edit the check-in under the cursor."""
        if watched is self.list and event.type() == event.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_selected()
                return True
            if is_plain_return(event) or event.key() == Qt.Key.Key_F2:
                self.edit_selected()
                return True
        return False

    # -- actions ------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: the history can be read, not corrected."""
        self.read_only = read_only
        self._current_changed(self.list.currentIndex(), QModelIndex())
        self.undo_button.setEnabled(not read_only)

    def edit_selected(self) -> None:
        """Open the selected check-in for editing."""
        log = self.selected()
        if log is not None and not self.read_only:
            self.edit_requested.emit(log)

    def delete_selected(self) -> None:
        """Delete the selected check-in; the note offers Undo."""
        log = self.selected()
        if log is None or self.read_only:
            return
        self._keep_row = self.list.currentIndex().row()
        self._worker.submit(
            lambda s: delete_checkin(s, log.id), weak(self._deleted), weak(self._failed)
        )

    def undo(self) -> None:
        """Put the last deleted check-in back."""
        deleted = self._undo
        if deleted is None:
            return
        self._undo = None
        self.undo_row.hide()
        self._keep_row = self.list.currentIndex().row()
        self._worker.submit(
            lambda s: restore_checkin(s, deleted), weak(self._restored), weak(self._failed)
        )

    def _deleted(self, deleted: DeletedCheckin) -> None:
        self._undo = deleted
        self.undo_label.setText(
            self.tr("Check-in of %1 deleted.").replace(
                "%1", self.model.describe(deleted.log).split(" · ")[0]
            )
        )
        self.undo_row.show()
        self._reload()
        self.changed.emit()

    def _restored(self, _log: MoodLog) -> None:
        self.message.emit(self.tr("The check-in is back."))
        self._reload()
        self.changed.emit()

    def _reload(self) -> None:
        """Load the list again and put the cursor back where it was."""
        self._reselect = True
        self.model.start(self.model.since)

    def _page_loaded(self) -> None:
        count = self.model.rowCount()
        if self._reselect and count:
            self._reselect = False
            self.list.setCurrentIndex(self.model.index(min(max(0, self._keep_row), count - 1)))
            self.list.setFocus()
        self.loaded.emit()

    def _failed(self, error: PeerJournalError) -> None:
        self.message.emit(error_text(error))

    def _activated(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        has = current.isValid() and not self.read_only
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
