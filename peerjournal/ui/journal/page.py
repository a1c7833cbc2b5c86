"""The journal page: filters and the lazy entry list beside the editor; and the trash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from peerjournal.errors import PeerJournalError
from peerjournal.ui.journal.delegate import EntryDelegate
from peerjournal.ui.journal.editor import EntryEditor
from peerjournal.ui.journal.filters import JournalFilters
from peerjournal.ui.journal.model import EntryListModel, IdRole, Query
from peerjournal.ui.journal.preview import MarkdownPreview
from peerjournal.ui.kit.confirm import ask_destructive
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.focus import tab_chain
from peerjournal.ui.kit.worker import DbWorker


class EntryListView(QListView):
    """The entry list; the row it shows (its current row) is always the chosen one.

    Qt makes a row current without choosing it when the list takes the focus by Tab, or
    when the current row is removed and the next one moves up; the editor or preview
    then showed an entry the list did not mark, and Restore acted on a row that looked
    unchosen.
    """

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Choose the new current row as well."""
        super().currentChanged(current, previous)
        selection = self.selectionModel()
        if current.isValid() and selection is not None and not selection.isSelected(current):
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def make_list_view(model: EntryListModel, name: str) -> QListView:
    """A list view over the entry model with the card delegate."""
    view = EntryListView()
    view.setModel(model)
    view.setItemDelegate(EntryDelegate(view))
    view.setUniformItemSizes(True)  # all cards have one height: cheap layout for long lists
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setAccessibleName(name)
    view.setObjectName("entryList")
    return view


class JournalPage(QWidget):
    """Entries on the left (search, tag and day filters), the editor on the right."""

    message = Signal(str)  # plain text for the status bar

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.model = EntryListModel(worker, parent=self)
        self.filters = JournalFilters(worker)
        self.list = make_list_view(self.model, self.tr("Journal entries"))
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.editor = EntryEditor(worker)
        self._total: int | None = None  # entries matching the filters (not searches)

        left = QWidget()
        left.setObjectName("sidePanel")
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(10, 10, 6, 6)
        left_box.addWidget(self.filters)
        left_box.addWidget(self.list, 1)
        left_box.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 660])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        # the side panel top to bottom, then the editor (which orders its own fields)
        tab_chain(
            self.filters.search,
            self.filters.tag,
            self.filters.date_button,
            self.filters.calendar,
            self.list,
            self.editor.title,
        )
        self.editor.escaped.connect(self._leave_editor)

        self.filters.changed.connect(self.reload)
        self.filters.search.returnPressed.connect(self._search_entered)
        self.filters.search.installEventFilter(self)
        trash_action = QAction(self.tr("Move to trash"), self.list)
        trash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        trash_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        trash_action.triggered.connect(self._trash_current)
        self.list.addAction(trash_action)
        self.trash_action = trash_action
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.load_failed.connect(self.message)
        self.model.page_loaded.connect(self._update_count)
        self.editor.saved.connect(self._entry_saved)
        self.editor.failed.connect(self.message)
        self.editor.trash_requested.connect(self.trash_entry)

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        """Load the first page and the tags (the vault just opened)."""
        self.reload()
        self.reload_tags()

    def clear(self) -> None:
        """Drop every row, filter and open text (the vault is locking)."""
        self.editor.clear()
        self.model.clear()
        self.filters.clear()
        self.editor.set_known_tags([])
        self._total = None
        self.count_label.setText("")

    def reload(self) -> None:
        """Apply the current search and filters."""
        query = self._query()
        self._total = None
        self.model.start(query)
        if not query.search:

            def counted(total: int) -> None:
                if self.model.query == query:
                    self._total = total
                    self._update_count(0)

            self._worker.submit(
                lambda s: s.journal.count(tag=query.tag, since=query.since, until=query.until),
                counted,
                self._failed,
            )

    def reload_tags(self) -> None:
        """Refresh the tag filter and the editor's completion list."""

        def shown(tags: list[tuple[str, int]]) -> None:
            self.filters.set_tags(tags)
            self.editor.set_known_tags([name for name, _count in tags])

        self._worker.submit(lambda s: s.journal.tags(), shown, self._failed)

    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: entries can be found and read, not written or trashed."""
        self.editor.set_read_only(read_only)
        self.trash_action.setEnabled(not read_only)

    # -- actions --------------------------------------------------------------------------
    def new_entry(self) -> None:
        """Start writing a new entry (on the day picked in the calendar, if one is)."""
        self.list.clearSelection()
        self.editor.new_entry(self.filters.day_filter)

    def focus_search(self) -> None:
        """Put the cursor in the search field."""
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def trash_entry(self, entry_id: str) -> None:
        """Move an entry to the trash (restorable from the Trash view)."""

        def done(_result: Any) -> None:
            if self.editor.entry_id == entry_id:
                self.editor.clear()
            self.model.remove_entry(entry_id)
            if self._total:
                self._total -= 1
            self._update_count(0)
            self.message.emit(self.tr("Moved to the trash. You can restore it from Trash."))
            self.reload_tags()

        self._worker.submit(lambda s: s.journal.delete(entry_id), done, self._failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in the search field clears the search; Down goes on to the list (the
        focus lands in the search field after unlocking, and Down there did nothing)."""
        if (
            watched is not self.filters.search
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
        ):
            return False
        if event.key() == Qt.Key.Key_Escape and self.filters.search.text():
            self.filters.search.clear()
            return True
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() == Qt.Key.Key_Down and plain and self.model.rowCount() > 0:
            self._search_entered()
            return True
        return False

    # -- internals ------------------------------------------------------------------------
    def _leave_editor(self) -> None:
        """Esc in the text: back to the list (arrows pick another entry from there)."""
        self.editor.flush()
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _search_entered(self) -> None:
        # Enter jumps to the first result, so the keyboard alone gets from query to entry
        if self.model.rowCount() > 0:
            self.list.setFocus()
            self.list.setCurrentIndex(self.model.index(0))

    def _trash_current(self) -> None:
        entry_id = self.list.currentIndex().data(IdRole)
        if isinstance(entry_id, str):
            self.trash_entry(entry_id)

    def _query(self) -> Query:
        day = self.filters.day_filter
        return Query(
            tag=self.filters.tag_filter, since=day, until=day, search=self.filters.search_text
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(IdRole) if current.isValid() else None
        if isinstance(entry_id, str):
            self.editor.load(entry_id)

    def _entry_saved(self, entry: Any) -> None:
        was_new = self.model.row_of(entry.id) < 0
        self.model.entry_saved(entry)
        if was_new:
            if self._total is not None and not self.model.query.search:
                self._total += 1
                self._update_count(0)
            number = self.model.row_of(entry.id)
            if number >= 0:
                # select without reloading: the editor already shows this entry
                self.list.selectionModel().blockSignals(True)
                self.list.selectionModel().setCurrentIndex(
                    self.model.index(number), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.list.selectionModel().blockSignals(False)
                self.list.viewport().update()
            self.filters.refresh_calendar()
        self.reload_tags()

    def _update_count(self, _added: int) -> None:
        query = self.model.query
        rows = self.model.rowCount()
        # plural forms from the catalogue ("1 entry", "1 Eintrag"); %Ln groups digits
        if query.search:
            text = self.tr("%Ln matching entries", "", rows)
            if self.model.canFetchMore():
                text = self.tr("%Ln+ matching entries", "", rows)
        elif self._total == 0 and (query.tag, query.since, query.until) == (None, None, None):
            # a new journal: "0 of 0 entries" under an empty list told a newcomer nothing
            text = self.tr("No entries yet.")
        elif self._total is not None:
            text = self.tr("%1 of %Ln entries", "", self._total).replace(
                "%1", QLocale().toString(rows)
            )
        else:
            text = self.tr("%Ln entries", "", rows)
        self.count_label.setText(text)

    def _failed(self, error: PeerJournalError) -> None:
        self.message.emit(error_text(error))


class TrashPage(QWidget):
    """Entries in the trash, a read-only preview, restore and empty-trash actions."""

    message = Signal(str)
    restored = Signal(str)  # entry id

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.model = EntryListModel(worker, trashed=True, parent=self)
        self.list = make_list_view(self.model, self.tr("Entries in the trash"))
        self.preview = MarkdownPreview()
        self.preview.setPlaceholderText(
            self.tr("Choose an entry on the left to read it here before you restore it.")
        )
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("primary")
        self.restore_button.setAccessibleName(self.tr("Restore the selected entry"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("Delete forever…"))
        self.purge_button.setAccessibleName(self.tr("Delete the selected entry forever"))
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self._purge_selected)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.setAccessibleName(self.tr("Delete everything in the trash forever"))
        self.empty_button.clicked.connect(self._empty_trash)
        hint = QLabel(
            self.tr("Entries stay here until you empty the trash. Restoring puts them back.")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        left = QWidget()
        left.setObjectName("sidePanel")
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(10, 10, 6, 6)
        left_box.addWidget(hint)
        left_box.addWidget(self.list, 1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(16, 12, 16, 10)
        right_box.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(self.restore_button)
        right_box.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([340, 660])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.load_failed.connect(self.message)
        self._shown_id: str | None = None
        self.read_only = False
        self.confirm_box: QMessageBox | None = None  # "delete forever?" while it is open

    def set_read_only(self, read_only: bool) -> None:
        """A read-only vault: the trash can be looked at, not restored or emptied."""
        self.read_only = read_only
        self.empty_button.setEnabled(not read_only)
        self._enable_choices(self._shown_id is not None)

    def _enable_choices(self, chosen: bool) -> None:
        self.restore_button.setEnabled(chosen and not self.read_only)
        self.purge_button.setEnabled(chosen and not self.read_only)

    def start(self) -> None:
        """(Re)load the trash."""
        self._forget_selection()
        self.model.start()

    def clear(self) -> None:
        """Drop every row and the preview (the vault is locking)."""
        self.model.clear()
        self._forget_selection()
        if self.confirm_box is not None:
            self.confirm_box.reject()  # a "delete forever?" left open cannot act on a lock
            self.confirm_box = None

    def _forget_selection(self) -> None:
        self.preview.clear()
        self._shown_id = None
        self._enable_choices(False)

    def restore_selected(self) -> None:
        """Put the selected entry back into the journal."""
        entry_id = self._shown_id
        if entry_id is None or self.read_only:
            return

        def done(_result: Any) -> None:
            self._take_out(entry_id)
            self.message.emit(self.tr("Restored to your journal."))
            self.restored.emit(entry_id)

        self._worker.submit(lambda s: s.journal.restore(entry_id), done, self._failed)

    def _take_out(self, entry_id: str) -> None:
        """Drop a restored or deleted entry; the keyboard stays in the trash, on the next one.

        Restore and Delete forever turn themselves off here; Qt would hand their focus on
        to the next widget of the window ("Help now"), so it goes back to the list first.
        """
        focused = QApplication.focusWidget()
        if self.isVisible() and (
            focused is None or focused in (self.restore_button, self.purge_button)
        ):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._forget_selection()
        # the list moves its current row to the neighbour, which is then shown and chosen
        self.model.remove_entry(entry_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(IdRole) if current.isValid() else None
        if not isinstance(entry_id, str):
            return
        self._shown_id = entry_id
        self._enable_choices(True)

        def shown(entry: Any) -> None:
            if self._shown_id == entry.id:
                self.preview.show_markdown(entry.title, entry.body)

        self._worker.submit(lambda s: s.journal.get(entry_id), shown, self._failed)

    def _purge_selected(self) -> None:
        entry_id = self._shown_id
        if entry_id is None or self.read_only:
            return

        def purge() -> None:
            self._worker.submit(lambda s: s.journal.purge(entry_id), done, self._failed)

        def done(_result: Any) -> None:
            self._take_out(entry_id)
            self.message.emit(self.tr("Deleted forever."))

        # Enter and Esc keep the entry: only a deliberate choice deletes it
        self.confirm_box = ask_destructive(
            self,
            title=self.tr("Delete forever"),
            text=self.tr("Delete this entry forever?"),
            details=self.tr("It will be gone for good. This cannot be undone."),
            go=self.tr("Delete forever"),
            keep=self.tr("Keep it"),
            on_go=purge,
        )

    def _empty_trash(self) -> None:
        if self.read_only:
            return

        def empty() -> None:
            self._worker.submit(lambda s: s.journal.empty_trash(), done, self._failed)

        def done(count: int) -> None:
            self.start()
            self.message.emit(self.tr("%Ln entries deleted forever.", "", count))

        self.confirm_box = ask_destructive(
            self,
            title=self.tr("Empty trash"),
            text=self.tr("Empty the trash?"),
            details=self.tr("Entries in the trash will be deleted forever. This cannot be undone."),
            go=self.tr("Empty trash"),
            keep=self.tr("Keep them"),
            on_go=empty,
        )

    def _failed(self, error: PeerJournalError) -> None:
        self.message.emit(error_text(error))
